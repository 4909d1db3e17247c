// BuildReport: gathers the quarterly report from the indicators, warnings, allocation,
// transparency and requests use cases.
#include "modules/reports/report.hpp"

#include <algorithm>
#include <map>

#include "core/clock.hpp"
#include "modules/allocation/allocation.hpp"
#include "modules/requests/requests.hpp"

namespace gz::reports {
namespace {

RequestSection load_requests(storage::Connection& db, const std::vector<std::int64_t>& ids,
                             const indicators::Period& period, std::int64_t now_ms) {
  std::vector<storage::Value> params;
  std::string where = storage::in_list("community_id", ids, params);
  params.emplace_back(period.from_ms);
  params.emplace_back(period.to_ms);
  std::vector<requests::RequestFacts> all;
  std::map<std::string, std::vector<requests::RequestFacts>> by_priority;
  for (const auto& row :
       db.query("SELECT priority, status, received_ms, response_due_ms, resolution_due_ms, "
                "responded_ms, resolved_ms, rating, overdue_response + overdue_resolution FROM "
                "requests WHERE " +
                    where + " AND received_ms >= ? AND received_ms < ?",
                params)) {
    requests::RequestFacts fact;
    fact.status = requests::parse_status(row.text(1)).value_or(requests::Status::submitted);
    fact.received_ms = row.integer(2);
    fact.response_due_ms = row.integer(3);
    fact.resolution_due_ms = row.integer(4);
    fact.responded_ms = row.opt_integer(5);
    fact.resolved_ms = row.opt_integer(6);
    if (auto rating = row.opt_integer(7)) fact.rating = static_cast<int>(*rating);
    fact.overdue = row.integer(8) > 0;
    all.push_back(fact);
    by_priority[row.text(0)].push_back(fact);
  }
  auto calendar = requests::current_calendar(db);
  RequestSection out;
  out.overall = requests::compute_stats(all, now_ms, *calendar);
  for (const char* priority : {"red", "yellow", "blue"}) {
    out.by_priority.push_back(
        {priority, requests::compute_stats(by_priority[priority], now_ms, *calendar)});
  }
  return out;
}

// The quarter's plans past draft; a community with none shows its latest draft, so a report
// written before the public notice still shows what is proposed.
std::vector<std::int64_t> plans_of_quarter(storage::Connection& db,
                                           const std::vector<std::int64_t>& ids,
                                           const std::string& quarter,
                                           std::map<std::int64_t, std::string>& stages) {
  std::vector<storage::Value> params;
  std::string where = storage::in_list("p.community_id", ids, params);
  params.emplace_back(quarter);
  std::map<std::int64_t, std::vector<std::int64_t>> past_draft;
  std::map<std::int64_t, std::int64_t> latest_draft;
  for (const auto& row : db.query(
           "SELECT p.id, p.community_id, c.stage FROM allocation_plans p LEFT JOIN plan_lifecycle "
           "c ON c.plan_id = p.id WHERE " +
               where + " AND p.quarter = ? ORDER BY p.id",
           params)) {
    auto stage = row.opt_text(2).value_or("draft");
    stages[row.integer(0)] = stage;
    if (stage == "draft") {
      latest_draft[row.integer(1)] = row.integer(0);
    } else {
      past_draft[row.integer(1)].push_back(row.integer(0));
    }
  }
  std::vector<std::int64_t> out;
  for (auto id : ids) {
    if (auto found = past_draft.find(id); found != past_draft.end()) {
      out.insert(out.end(), found->second.begin(), found->second.end());
    } else if (auto draft = latest_draft.find(id); draft != latest_draft.end()) {
      out.push_back(draft->second);
    }
  }
  return out;
}

Result<PlanSection> load_plan(storage::Connection& db, const Actor& actor, std::int64_t plan_id,
                              const std::string& stage) {
  auto plan = allocation::get_plan(db, actor, plan_id);
  if (!plan) return plan.take_error();
  PlanSection out;
  out.plan_id = plan->id;
  out.community_id = plan->community_id;
  out.quarter = plan->quarter;
  out.unit = plan->unit;
  out.stage = stage;
  out.total = plan->total;
  auto progress = transparency::progress_of(db, plan_id);
  out.lines = progress.lines;
  out.planned = progress.planned;
  out.spent = progress.spent;
  // A plan whose households show no need at all has no fairness read-out; the rest of the
  // report stands without it.
  if (auto fairness = allocation::plan_fairness(db, actor, plan_id)) {
    out.fairness = fairness->report;
    out.household_gini_bp = fairness->household_gini_bp;
  }
  out.satisfaction = transparency::satisfaction_of(db, plan_id);
  return out;
}

}  // namespace

Result<indicators::Period> parse_quarter(std::string_view text) {
  auto period = indicators::parse_period(text);
  if (!period) return period.take_error();
  if (period->months != 3) {
    return bad_request("invalid_period", "a report covers a quarter such as 2026Q3, not '" +
                                             std::string(text.substr(0, 20)) + "'");
  }
  return period;
}

Result<Report> build_report(storage::Connection& db, const Actor& actor,
                            const indicators::Scope& scope, const indicators::Period& quarter,
                            std::int64_t now_ms) {
  auto current = indicators::load_indicators(db, actor, scope, quarter, now_ms);
  if (!current) return current.take_error();
  Report report;
  report.period = quarter;
  report.community_ids = current->community_ids;
  report.community_id = scope.community_id;
  report.street = scope.street;
  report.generated_at = format_iso8601(now_ms);
  if (scope.community_id) {
    if (auto row = db.query_one("SELECT name FROM communities WHERE id = ?", {*scope.community_id}))
      report.scope_name = row->text(0);
  } else {
    report.scope_name = scope.street.value_or("");
  }

  // The trend: the same indicators for the three quarters before, oldest first.
  std::vector<std::string> labels{quarter.label};
  for (int i = 0; i < 3; ++i) labels.insert(labels.begin(), quarter_after(labels.front(), -1));
  std::vector<indicators::IndicatorReport> earlier;
  for (int i = 0; i < 3; ++i) {
    auto period = indicators::parse_period(labels[i]);
    if (!period) return period.take_error();
    auto loaded = indicators::load_indicators(db, actor, scope, *period, now_ms);
    if (!loaded) return loaded.take_error();
    earlier.push_back(std::move(*loaded));
  }
  for (const auto& indicator : current->indicators) {
    IndicatorRow row{indicator, {}};
    for (int i = 0; i < 3; ++i) {
      std::optional<double> value;
      for (const auto& past : earlier[i].indicators) {
        if (past.key == indicator.key) value = past.value;
      }
      row.trend.push_back({labels[i], value});
    }
    row.trend.push_back({labels[3], indicator.value});
    report.indicators.push_back(std::move(row));
  }

  const std::string from_iso = format_iso8601(quarter.from_ms);
  const std::string to_iso = format_iso8601(quarter.to_ms);
  for (auto id : report.community_ids) {
    auto listed = warnings::list_warnings(db, actor, id, "all");
    if (!listed) return listed.take_error();
    for (auto& warning : *listed) {
      bool in_period = warning.raised_at >= from_iso && warning.raised_at < to_iso;
      bool open_before = !warning.resolved_at && warning.raised_at < from_iso;
      if (in_period || open_before) report.warnings.push_back({std::move(warning), in_period});
    }
    auto tasks = warnings::list_improvements(db, actor, id);
    if (!tasks) return tasks.take_error();
    for (auto& task : *tasks) {
      bool open = task.stage != "closed" && task.created_at < to_iso;
      if (task.period == quarter.label || open) report.improvements.push_back(std::move(task));
    }
  }
  std::sort(report.warnings.begin(), report.warnings.end(),
            [](const ReportWarning& a, const ReportWarning& b) {
              return a.warning.raised_at < b.warning.raised_at;
            });

  std::map<std::int64_t, std::string> stages;
  for (auto plan_id : plans_of_quarter(db, report.community_ids, quarter.label, stages)) {
    auto plan = load_plan(db, actor, plan_id, stages[plan_id]);
    if (!plan) return plan.take_error();
    report.plans.push_back(std::move(*plan));
  }
  report.requests = load_requests(db, report.community_ids, quarter, now_ms);
  return report;
}

}  // namespace gz::reports
