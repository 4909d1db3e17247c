// The printable report page; see html.hpp.
#include "modules/reports/html.hpp"

#include "modules/reports/svg.hpp"
#include "modules/transparency/transparency.hpp"

namespace gz::reports {
namespace {

struct Words {
  const char* title;
  const char* scope_street;
  const char* generated;
  const char* indicators;
  const char* indicator;
  const char* value;
  const char* target;
  const char* status;
  const char* counts;
  const char* trend;
  const char* formula_note;
  const char* warnings;
  const char* kind;
  const char* subject;
  const char* raised;
  const char* state;
  const char* suggestion;
  const char* carried;
  const char* improvements;
  const char* task;
  const char* stage;
  const char* due;
  const char* plans;
  const char* category;
  const char* planned;
  const char* spent;
  const char* coverage;
  const char* allocation_chart;
  const char* fairness;
  const char* resource_share;
  const char* need_share;
  const char* gini;
  const char* household_gini;
  const char* elite_capture;
  const char* satisfaction;
  const char* requests;
  const char* priority;
  const char* received;
  const char* response;
  const char* resolution;
  const char* satisfied;
  const char* median;
  const char* overdue;
  const char* all;
  const char* none;
  const char* budget;
};

constexpr Words kChinese{
    "季度报告",
    "街道",
    "生成时间",
    "一、评估指标",
    "指标",
    "本季度",
    "目标",
    "状态",
    "分子 / 分母",
    "近四个季度（红线为目标）",
    "指标名称下方为计算公式；分子 / 分母为本季度的计数。",
    "二、风险预警",
    "类型",
    "对象",
    "发出时间",
    "状态",
    "建议",
    "（上季度起未解除）",
    "三、改进任务（PDCA）",
    "任务",
    "阶段",
    "期限",
    "四、资源分配方案",
    "类别",
    "计划",
    "已支出",
    "覆盖（已覆盖/目标户）",
    "按类别分配",
    "公平性：各群体资源占比与需求占比",
    "资源占比",
    "需求占比",
    "群体基尼系数",
    "户间基尼系数",
    "存在精英俘获风险",
    "服务满意度",
    "五、居民诉求",
    "优先级",
    "受理",
    "响应率",
    "解决率",
    "满意率",
    "办结工作日中位数",
    "超时",
    "全部",
    "暂无",
    "方案总额",
};

constexpr Words kEnglish{
    "Quarterly report",
    "Street",
    "Generated",
    "1. Indicators",
    "Indicator",
    "This quarter",
    "Target",
    "Status",
    "Numerator / denominator",
    "Last four quarters (red line: target)",
    "Each indicator's formula is under its name; numerator / denominator are this quarter's "
    "counts.",
    "2. Risk warnings",
    "Kind",
    "Subject",
    "Raised",
    "State",
    "Suggestion",
    " (open from an earlier quarter)",
    "3. Improvement tasks (PDCA)",
    "Task",
    "Stage",
    "Due",
    "4. Allocation plans",
    "Category",
    "Planned",
    "Spent",
    "Coverage (covered / targeted households)",
    "Allocation by category",
    "Fairness: each group's share of resources against its share of need",
    "Share of resources",
    "Share of need",
    "Gini across groups",
    "Gini across households",
    "Elite capture flagged",
    "Satisfaction",
    "5. Resident requests",
    "Priority",
    "Received",
    "Response rate",
    "Resolution rate",
    "Satisfaction rate",
    "Median working days to resolve",
    "Overdue",
    "All",
    "None",
    "Plan total",
};

std::string cell(const std::string& text, bool numeric = false) {
  return std::string(numeric ? "<td class=\"n\">" : "<td>") + text + "</td>";
}

std::string optional_value(const std::optional<double>& value, bool share) {
  return value ? escape_xml(format_value(*value, share)) : "—";
}

std::string rate_text(const requests::Rate& rate) {
  if (rate.denominator == 0) return "—";
  return format_value(*rate.value(), true) + " (" + std::to_string(rate.numerator) + "/" +
         std::to_string(rate.denominator) + ")";
}

std::string amount(std::int64_t value, const std::string& unit, bool english) {
  std::string suffix = unit == "fen" ? (english ? " yuan" : " 元") : " " + unit;
  return escape_xml(transparency::format_amount(value, unit) + suffix);
}

void indicators_section(std::string& html, const Report& report, const Words& w,
                        Language language) {
  html += "<h2>" + std::string(w.indicators) + "</h2><table><tr><th>" + w.indicator + "</th><th>" +
          w.value + "</th><th>" + w.target + "</th><th>" + w.status + "</th><th>" + w.counts +
          "</th><th>" + w.trend + "</th></tr>";
  for (const auto& row : report.indicators) {
    const auto& indicator = row.indicator;
    bool share = indicator_is_share(indicator.key);
    BarChart chart;
    chart.title = indicator_label(indicator.key, language);
    chart.target = indicator.target;
    chart.percent = share;
    chart.width = 200;
    chart.height = 70;
    for (const auto& point : row.trend) chart.bars.push_back({point.period, point.value});
    std::string counts = "—";
    if (indicator.numerator && indicator.denominator) {
      counts = escape_xml(format_value(*indicator.numerator, false) + " / " +
                          format_value(*indicator.denominator, false));
    }
    std::string status(indicators::status_name(indicator.status));
    html += "<tr class=\"" + status + "\">" +
            cell(escape_xml(indicator_label(indicator.key, language)) + "<br><span class=\"f\">" +
                 escape_xml(indicator.formula) + "</span>") +
            cell(optional_value(indicator.value, share), true) +
            cell((indicator.comparison == indicators::Comparison::above ? "&gt; " : "&lt; ") +
                     escape_xml(format_value(indicator.target, share)),
                 true) +
            cell(escape_xml(status_label(status, language))) + cell(counts, true) +
            "<td class=\"c\">" + bar_chart_svg(chart) + "</td></tr>";
  }
  html += "</table><p class=\"muted\">" + std::string(w.formula_note) + "</p>";
}

void warnings_section(std::string& html, const Report& report, const Words& w, Language language) {
  bool en = language == Language::en;
  html += "<h2>" + std::string(w.warnings) + "</h2>";
  if (report.warnings.empty()) {
    html += "<p>" + std::string(w.none) + "</p>";
  } else {
    html += "<table><tr><th>" + std::string(w.kind) + "</th><th>" + w.subject + "</th><th>" +
            w.raised + "</th><th>" + w.state + "</th><th>" + w.suggestion + "</th></tr>";
    for (const auto& item : report.warnings) {
      const auto& warning = item.warning;
      html += "<tr>" + cell(escape_xml(warning_label(warning.kind, language))) +
              cell(escape_xml(warning.subject)) +
              cell(escape_xml(warning.raised_at.substr(0, 10)) +
                   (item.raised_in_period ? "" : w.carried)) +
              cell(escape_xml(warning.resolved_at ? status_label("resolved", language)
                                                  : stage_label("open", language))) +
              cell(escape_xml(en ? warning.suggestion_en : warning.suggestion_zh)) + "</tr>";
    }
    html += "</table>";
  }
  html += "<h2>" + std::string(w.improvements) + "</h2>";
  if (report.improvements.empty()) {
    html += "<p>" + std::string(w.none) + "</p>";
    return;
  }
  html += "<table><tr><th>" + std::string(w.task) + "</th><th>" + w.indicator + "</th><th>" +
          w.stage + "</th><th>" + w.due + "</th></tr>";
  for (const auto& task : report.improvements) {
    html += "<tr>" + cell(escape_xml(task.title + " (" + task.period + ")")) +
            cell(escape_xml(indicator_label(task.indicator, language))) +
            cell(escape_xml(stage_label(task.stage, language))) + cell(escape_xml(task.due_on)) +
            "</tr>";
  }
  html += "</table>";
}

void plans_section(std::string& html, const Report& report, const Words& w, Language language) {
  bool en = language == Language::en;
  html += "<h2>" + std::string(w.plans) + "</h2>";
  if (report.plans.empty()) html += "<p>" + std::string(w.none) + "</p>";
  for (const auto& plan : report.plans) {
    html += "<h3>" + std::string(en ? "Plan " : "方案 ") + std::to_string(plan.plan_id) + " · " +
            escape_xml(plan.quarter) + " · " + escape_xml(stage_label(plan.stage, language)) +
            " · " + w.budget + " " + amount(plan.total, plan.unit, en) + "</h3>";
    html += "<table><tr><th>" + std::string(w.category) + "</th><th>" + w.planned + "</th><th>" +
            w.spent + "</th><th>" + w.coverage + "</th></tr>";
    BarChart allocation;
    allocation.title = w.allocation_chart;
    allocation.width = 640;
    allocation.height = 160;
    for (const auto& line : plan.lines) {
      std::string spent = amount(line.spent, plan.unit, en);
      if (line.planned > 0) {
        spent += " (" + format_value(double(line.spent) / double(line.planned), true) + ")";
      }
      std::string coverage = "—";
      if (line.households_targeted) {
        coverage = std::to_string(line.households_covered) + " / " +
                   std::to_string(*line.households_targeted);
        if (*line.households_targeted > 0) {
          coverage +=
              " (" +
              format_value(double(line.households_covered) / double(*line.households_targeted),
                           true) +
              ")";
        }
      }
      html += "<tr>" + cell(escape_xml(category_label(line.category, language))) +
              cell(amount(line.planned, plan.unit, en), true) + cell(spent, true) +
              cell(coverage, true) + "</tr>";
      // Whole yuan on the chart: fen would make every label two digits longer.
      double planned = plan.unit == "fen" ? line.planned / 100.0 : double(line.planned);
      allocation.bars.push_back({category_label(line.category, language), planned});
    }
    html += "</table><div class=\"chart\">" + bar_chart_svg(allocation) + "</div>";
    if (plan.fairness) {
      PairedChart chart;
      chart.title = w.fairness;
      chart.first_name = w.resource_share;
      chart.second_name = w.need_share;
      for (const auto& group : plan.fairness->groups) {
        chart.groups.push_back({group_label(group.group, language),
                                group.resource_share_bp / 10000.0, group.need_share_bp / 10000.0});
      }
      html += "<h3>" + std::string(w.fairness) + "</h3><div class=\"chart\">" +
              paired_bar_svg(chart) + "</div><p>" + w.gini + "：" +
              format_value(plan.fairness->gini_bp / 10000.0, false) + "；" + w.household_gini +
              "：" + format_value(plan.household_gini_bp / 10000.0, false);
      if (plan.fairness->elite_capture)
        html += "；<strong>" + std::string(w.elite_capture) + "</strong>";
      html += "</p>";
    }
    if (plan.satisfaction.responses > 0) {
      html += "<p>" + std::string(w.satisfaction) + "：" +
              format_value(plan.satisfaction.satisfied_bp / 10000.0, true) + " (" +
              std::to_string(plan.satisfaction.responses) + "/" +
              std::to_string(plan.satisfaction.served_households) + ")</p>";
    }
  }
}

void requests_section(std::string& html, const Report& report, const Words& w, Language language) {
  html += "<h2>" + std::string(w.requests) + "</h2><table><tr><th>" + w.priority + "</th><th>" +
          w.received + "</th><th>" + w.response + "</th><th>" + w.resolution + "</th><th>" +
          w.satisfied + "</th><th>" + w.median + "</th><th>" + w.overdue + "</th></tr>";
  auto row = [&](const std::string& label, const requests::RequestStats& stats) {
    html += "<tr>" + cell(escape_xml(label)) + cell(std::to_string(stats.received), true) +
            cell(rate_text(stats.response), true) + cell(rate_text(stats.resolution), true) +
            cell(rate_text(stats.satisfaction), true) +
            cell(optional_value(stats.median_working_days_to_resolve, false), true) +
            cell(std::to_string(stats.overdue), true) + "</tr>";
  };
  row(w.all, report.requests.overall);
  for (const auto& priority : report.requests.by_priority) {
    row(priority_label(priority.priority, language), priority.stats);
  }
  html += "</table>";
}

}  // namespace

std::string render_html(const Report& report, Language language) {
  const Words& w = language == Language::en ? kEnglish : kChinese;
  std::string title = report.scope_name + " " + report.period.label + " " + w.title;
  std::string html;
  html.reserve(65536);
  html += "<!doctype html><html lang=\"";
  html += language == Language::en ? "en" : "zh-CN";
  html +=
      "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
      "content=\"width=device-width,initial-scale=1\"><title>";
  html += escape_xml(title);
  html +=
      "</title><style>@page{size:A4;margin:14mm}body{font-family:\"Noto Sans CJK SC\",\"Source "
      "Han Sans SC\",\"PingFang SC\",\"Microsoft YaHei\",sans-serif;font-size:10.5pt;color:#000;"
      "margin:0 auto;max-width:182mm;line-height:1.45}h1{font-size:20pt;text-align:center;"
      "margin:0 0 2mm}h2{font-size:14pt;border-bottom:2px solid #000;margin:6mm 0 2mm;"
      "break-after:avoid}h3{font-size:11.5pt;margin:4mm 0 1mm}table{border-collapse:collapse;"
      "width:100%;margin-bottom:2mm}th,td{border:1px solid #555;padding:1mm 1.5mm;text-align:"
      "left;vertical-align:middle}td.n{text-align:right;white-space:nowrap}tr{break-inside:"
      "avoid}tr.not_met td:first-child{color:#a61b0f;font-weight:bold}.chart{break-inside:avoid}"
      "svg{max-width:100%;height:auto}.f{font-size:7.5pt;color:#444}td.c{width:54mm;min-width:54mm;"
      "padding:0.5mm}.muted{font-size:9pt;color:#"
      "333;text-align:center}"
      "</style></head><body>";
  html += "<h1>" + escape_xml(title) + "</h1><p class=\"muted\">";
  if (report.street)
    html += std::string(w.scope_street) + "：" + escape_xml(*report.street) + " · ";
  html += std::string(w.generated) + "：" + escape_xml(report.generated_at.substr(0, 16)) + "</p>";
  indicators_section(html, report, w, language);
  warnings_section(html, report, w, language);
  plans_section(html, report, w, language);
  requests_section(html, report, w, language);
  html += "</body></html>";
  return html;
}

}  // namespace gz::reports
