// The report's figures and the CSV writer; see figures.hpp.
#include "modules/reports/figures.hpp"

#include <charconv>

#include "modules/registry/registry.hpp"

namespace gz::reports {
namespace {

std::optional<double> as_double(const requests::Rate& rate, bool want_numerator) {
  return static_cast<double>(want_numerator ? rate.numerator : rate.denominator);
}

Figure rate_figure(const std::string& section, const std::string& key, const std::string& label,
                   const requests::Rate& rate) {
  return {section,
          key,
          label,
          rate.value(),
          std::nullopt,
          "",
          as_double(rate, true),
          as_double(rate, false),
          true};
}

Figure count_figure(const std::string& section, const std::string& key, const std::string& label,
                    std::optional<double> value) {
  return {section, key, label, value, std::nullopt, "", std::nullopt, std::nullopt, false};
}

std::string number_text(const std::optional<double>& value) {
  if (!value) return "";
  char text[64];
  auto [end, error] = std::to_chars(text, text + sizeof text, *value);
  return error == std::errc{} ? std::string(text, end) : "";
}

void add_requests(std::vector<Figure>& out, const std::string& prefix, const std::string& label,
                  const requests::RequestStats& stats, Language language) {
  bool en = language == Language::en;
  auto key = [&](const char* name) { return prefix.empty() ? name : prefix + "." + name; };
  out.push_back(count_figure("requests", key("received"), label + (en ? "received" : "受理数"),
                             static_cast<double>(stats.received)));
  out.push_back(rate_figure("requests", key("response_rate"),
                            label + (en ? "response rate" : "响应率"), stats.response));
  out.push_back(rate_figure("requests", key("resolution_rate"),
                            label + (en ? "resolution rate" : "解决率"), stats.resolution));
  out.push_back(rate_figure("requests", key("satisfaction_rate"),
                            label + (en ? "satisfaction rate" : "满意率"), stats.satisfaction));
  out.push_back(count_figure("requests", key("median_working_days"),
                             label + (en ? "median working days to resolve" : "办结工作日中位数"),
                             stats.median_working_days_to_resolve));
  out.push_back(count_figure("requests", key("overdue"), label + (en ? "overdue" : "超时数"),
                             static_cast<double>(stats.overdue)));
}

// A past quarter judged against today's target, as the indicators module judges the current
// one.
std::string trend_status(const std::optional<double>& value, const indicators::Indicator& now) {
  if (!value) return std::string(indicators::status_name(indicators::Status::no_data));
  bool met =
      now.comparison == indicators::Comparison::above ? *value > now.target : *value < now.target;
  return std::string(
      indicators::status_name(met ? indicators::Status::met : indicators::Status::not_met));
}

}  // namespace

const std::vector<std::string> kSections{"indicators", "trend",    "plans",       "fairness",
                                         "requests",   "warnings", "improvements"};
const std::vector<std::string> kFigureColumns{"section", "key",    "label",     "value",
                                              "target",  "status", "numerator", "denominator"};

std::vector<Figure> report_figures(const Report& report, Language language) {
  bool en = language == Language::en;
  std::vector<Figure> out;
  for (const auto& row : report.indicators) {
    const auto& indicator = row.indicator;
    out.push_back({"indicators", indicator.key, indicator_label(indicator.key, language),
                   indicator.value, indicator.target,
                   std::string(indicators::status_name(indicator.status)), indicator.numerator,
                   indicator.denominator, indicator_is_share(indicator.key)});
  }
  for (const auto& row : report.indicators) {
    for (const auto& point : row.trend) {
      out.push_back({"trend", row.indicator.key + "@" + point.period,
                     indicator_label(row.indicator.key, language) + " " + point.period, point.value,
                     row.indicator.target, trend_status(point.value, row.indicator), std::nullopt,
                     std::nullopt, indicator_is_share(row.indicator.key)});
    }
  }
  for (const auto& plan : report.plans) {
    std::string prefix = "plan" + std::to_string(plan.plan_id) + ".";
    std::string plan_label = (en ? "Plan " : "方案") + std::to_string(plan.plan_id) + " ";
    // Amounts stay in the plan's unit (integer fen for money), named in the label.
    std::string unit = plan.unit == "fen" ? (en ? " (fen)" : "（分）") : " (" + plan.unit + ")";
    out.push_back({"plans", prefix + "total", plan_label + (en ? "total" : "总额") + unit,
                   static_cast<double>(plan.total), std::nullopt, plan.stage, std::nullopt,
                   std::nullopt, false});
    for (const auto& line : plan.lines) {
      std::string key = prefix + line.category;
      std::string label = plan_label + category_label(line.category, language);
      out.push_back({"plans", key + ".planned", label + (en ? " planned" : " 计划") + unit,
                     static_cast<double>(line.planned), std::nullopt, "", std::nullopt,
                     std::nullopt, false});
      out.push_back({"plans", key + ".spent", label + (en ? " spent" : " 已支出") + unit,
                     static_cast<double>(line.spent), static_cast<double>(line.planned), "",
                     static_cast<double>(line.spent), static_cast<double>(line.planned), false});
      std::optional<double> coverage;
      std::optional<double> targeted;
      if (line.households_targeted) {
        targeted = static_cast<double>(*line.households_targeted);
        if (*line.households_targeted > 0) {
          coverage = static_cast<double>(line.households_covered) / *targeted;
        }
      }
      out.push_back({"plans", key + ".coverage", label + (en ? " coverage" : " 覆盖率"), coverage,
                     std::nullopt, "", static_cast<double>(line.households_covered), targeted,
                     true});
    }
    if (!plan.fairness) continue;
    for (const auto& group : plan.fairness->groups) {
      std::string key = prefix + group.group;
      std::string label = plan_label + group_label(group.group, language);
      std::string flag = group.elite_capture ? "elite_capture"
                         : group.left_behind ? "left_behind"
                                             : "";
      out.push_back({"fairness", key + ".resource_share",
                     label + (en ? " share of resources" : " 资源占比"),
                     group.resource_share_bp / 10000.0, std::nullopt, flag, std::nullopt,
                     std::nullopt, true});
      out.push_back({"fairness", key + ".need_share", label + (en ? " share of need" : " 需求占比"),
                     group.need_share_bp / 10000.0, std::nullopt, "", std::nullopt, std::nullopt,
                     true});
    }
    out.push_back(
        {"fairness", prefix + "gini", plan_label + (en ? "Gini across groups" : "群体基尼系数"),
         plan.fairness->gini_bp / 10000.0, std::nullopt,
         plan.fairness->elite_capture ? "elite_capture" : "", std::nullopt, std::nullopt, false});
    out.push_back({"fairness", prefix + "household_gini",
                   plan_label + (en ? "Gini across households" : "户间基尼系数"),
                   plan.household_gini_bp / 10000.0, std::nullopt, "", std::nullopt, std::nullopt,
                   false});
  }
  add_requests(out, "", en ? "Requests " : "诉求", report.requests.overall, language);
  for (const auto& priority : report.requests.by_priority) {
    add_requests(out, priority.priority, priority_label(priority.priority, language) + " ",
                 priority.stats, language);
  }
  for (const auto& item : report.warnings) {
    const auto& warning = item.warning;
    out.push_back({"warnings", "warning" + std::to_string(warning.id) + "." + warning.kind,
                   warning_label(warning.kind, language) + " " + warning.subject + " " +
                       warning.raised_at.substr(0, 10),
                   std::nullopt, std::nullopt, warning.resolved_at ? "resolved" : "open",
                   std::nullopt, std::nullopt, false});
  }
  for (const auto& task : report.improvements) {
    std::optional<double> value, target;
    if (task.trigger_value_bp) value = *task.trigger_value_bp / 10000.0;
    if (task.target_bp) target = *task.target_bp / 10000.0;
    out.push_back({"improvements", "improvement" + std::to_string(task.id) + "." + task.indicator,
                   task.title + " (" + task.period + ")", value, target, task.stage, std::nullopt,
                   std::nullopt, indicator_is_share(task.indicator)});
  }
  return out;
}

std::string render_csv(const std::vector<Figure>& figures) {
  std::string out = "\xEF\xBB\xBF";
  out += registry::csv::format_row(kFigureColumns);
  for (const auto& figure : figures) {
    // Numbers are written by this code, never taken from user text, so they need no
    // formula guard (which would turn "-0.1" into "'-0.1").
    out += registry::csv::escape_field(figure.section) + "," +
           registry::csv::escape_field(figure.key) + "," +
           registry::csv::escape_field(figure.label) + "," + number_text(figure.value) + "," +
           number_text(figure.target) + "," + registry::csv::escape_field(figure.status) + "," +
           number_text(figure.numerator) + "," + number_text(figure.denominator) + "\r\n";
  }
  return out;
}

}  // namespace gz::reports
