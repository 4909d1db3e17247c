// LoadIndicators: reads the facts behind the indicators for a community or a street.
#include "modules/indicators/load_indicators.hpp"

#include <boost/json.hpp>
#include <cmath>
#include <map>

#include "core/clock.hpp"
#include "modules/audit/audit.hpp"
#include "modules/indicators/input_cache.hpp"
#include "modules/indicators/permissions.hpp"
#include "modules/indicators/scope.hpp"
#include "storage/transact.hpp"

#include "modules/civic/civic.hpp"
#include "modules/registry/registry.hpp"
#include "modules/requests/requests.hpp"

namespace gz::indicators {

Result<std::vector<std::int64_t>> communities_in_scope(storage::Connection& db, const Actor& actor,
                                                       const Scope& scope) {
  if (!may_read_indicators(actor)) return forbidden("residents may not read the indicators");
  if (scope.community_id.has_value() == scope.street.has_value()) {
    return bad_request("missing_query", "give exactly one of community_id and street_id");
  }
  if (scope.community_id) {
    GZ_TRY(registry::require_member(db, actor, *scope.community_id));
    return std::vector<std::int64_t>{*scope.community_id};
  }
  std::vector<std::int64_t> ids;
  for (const auto& row :
       db.query("SELECT id FROM communities WHERE street = ? ORDER BY id", {*scope.street})) {
    if (is_member(actor, row.integer(0))) ids.push_back(row.integer(0));
  }
  if (ids.empty()) return not_found("no street " + *scope.street);
  return ids;
}

namespace {

// Where each key's target lives in Targets, and whether it is a share (0–1).
struct TargetField {
  const char* key;
  double Targets::*field;
  bool share;
};
constexpr TargetField kTargetFields[] = {
    {"participation_rate", &Targets::participation_rate, true},
    {"proposals_per_100_households", &Targets::proposals_per_100_households, false},
    {"leader_growth_rate", &Targets::leader_growth_rate, false},
    {"misallocation_rate", &Targets::misallocation_rate, true},
    {"complaint_rate", &Targets::complaint_rate, true},
    {"satisfaction_difference_coefficient", &Targets::satisfaction_difference_coefficient, false},
    {"resource_utilization", &Targets::resource_utilization, true},
    {"median_resolution_working_days", &Targets::median_resolution_working_days, false},
    {"cost_benefit_ratio", &Targets::cost_benefit_ratio, false},
    {"response_rate", &Targets::response_rate, true},
    {"resolution_rate", &Targets::resolution_rate, true},
    {"satisfaction_rate", &Targets::satisfaction_rate, true},
};
constexpr const char* kHourValueKey = "volunteer_hour_value_fen";

Result<void> community_known(storage::Connection& db, const Actor& actor,
                             std::int64_t community_id) {
  return registry::require_member(db, actor, community_id);
}

}  // namespace

Targets load_targets(storage::Connection& db, std::int64_t community_id) {
  Targets targets;
  for (const auto& row :
       db.query("SELECT key, value_milli FROM indicator_targets WHERE community_id = ?",
                {community_id})) {
    if (row.text(0) == kHourValueKey) {
      targets.volunteer_hour_value_fen = row.integer(1) / 1000;
      continue;
    }
    for (const auto& field : kTargetFields) {
      if (row.text(0) == field.key)
        targets.*field.field = static_cast<double>(row.integer(1)) / 1000;
    }
  }
  return targets;
}

std::vector<std::pair<std::string, double>> target_values(const Targets& targets) {
  std::vector<std::pair<std::string, double>> out;
  for (const auto& field : kTargetFields) out.emplace_back(field.key, targets.*field.field);
  out.emplace_back(kHourValueKey, static_cast<double>(targets.volunteer_hour_value_fen));
  return out;
}

Result<Targets> get_targets(storage::Connection& db, const Actor& actor,
                            std::int64_t community_id) {
  GZ_TRY(community_known(db, actor, community_id));
  if (!may_read_targets(actor, community_id))
    return forbidden("residents may not read the targets");
  return load_targets(db, community_id);
}

Result<Targets> set_targets(storage::Connection& db, const Actor& actor, std::int64_t community_id,
                            const std::vector<std::pair<std::string, double>>& values,
                            std::int64_t now_ms) {
  GZ_TRY(community_known(db, actor, community_id));
  if (!may_set_targets(actor, community_id)) {
    return forbidden("only community staff set the targets");
  }
  std::vector<std::pair<std::string, std::int64_t>> rows;
  for (const auto& [key, value] : values) {
    const TargetField* found = nullptr;
    for (const auto& field : kTargetFields) {
      if (key == field.key) found = &field;
    }
    if (!found && key != kHourValueKey) {
      return bad_request("unknown_target", "no indicator '" + key + "'");
    }
    bool share = found && found->share;
    if (!std::isfinite(value) || value < 0 || (share && value > 1) || value > 1'000'000) {
      return bad_request("invalid_target", key + (share ? " is a share between 0 and 1"
                                                        : " must be a number 0 or more"));
    }
    rows.emplace_back(key, static_cast<std::int64_t>(std::llround(value * 1000)));
  }
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Targets> {
    boost::json::object change;
    for (const auto& [key, milli] : rows) {
      if (db.execute("UPDATE indicator_targets SET value_milli = ?, updated_by_user_id = ?, "
                     "updated_at = ? WHERE community_id = ? AND key = ?",
                     {milli, actor.user_id, format_iso8601(now_ms), community_id, key}) == 0) {
        db.execute(
            "INSERT INTO indicator_targets (community_id, key, value_milli, updated_by_user_id, "
            "updated_at) VALUES (?, ?, ?, ?, ?)",
            {community_id, key, milli, actor.user_id, format_iso8601(now_ms)});
      }
      change[key] = static_cast<double>(milli) / 1000;
    }
    audit::append(db, actor,
                  {community_id, "indicators.targets", "community", std::to_string(community_id),
                   std::move(change)});
    return load_targets(db, community_id);
  });
}

namespace {

// What the indicators need from the records of the given communities for the period.
IndicatorInput gather_input(storage::Connection& db, const std::vector<std::int64_t>& ids,
                            const Period& period) {
  IndicatorInput input;

  {
    std::vector<storage::Value> params;
    std::string where = storage::in_list("community_id", ids, params);
    input.households = db.query_int("SELECT COUNT(*) FROM households WHERE " + where, params);
  }
  input.months = period.months;
  {
    std::vector<storage::Value> params;
    std::string where = storage::in_list("community_id", ids, params);
    params.emplace_back(period.from_ms);
    params.emplace_back(period.to_ms);
    input.participating_households =
        db.query_int("SELECT COUNT(DISTINCT household_id) FROM activity_attendance WHERE " + where +
                         " AND checked_in_ms >= ? AND checked_in_ms < ?",
                     params);
  }
  const std::string first_day = format_date(period.from_ms);
  const std::string last_day = format_date(period.to_ms - 1);
  const std::string from_iso = format_iso8601(period.from_ms);
  const std::string to_iso = format_iso8601(period.to_ms);
  {
    // Submitted: past draft (withdrawn ones were submitted too).
    std::vector<storage::Value> params;
    std::string where = storage::in_list("community_id", ids, params);
    params.emplace_back(from_iso);
    params.emplace_back(to_iso);
    input.proposals = db.query_int("SELECT COUNT(*) FROM proposals WHERE " + where +
                                       " AND state <> 'draft' AND created_at >= ? AND "
                                       "created_at < ?",
                                   params);
  }
  {
    std::int64_t start = 0, end = 0;
    for (auto id : ids) {
      auto growth = civic::leader_growth(db, id, first_day, last_day);
      start += growth.leaders_at_start;
      end += growth.leaders_at_end;
    }
    if (start > 0) input.leaders_at_start = start;
    input.leaders_at_end = end;
  }
  {
    std::vector<storage::Value> params;
    std::string where = storage::in_list("s.community_id", ids, params);
    params.emplace_back(first_day);
    params.emplace_back(last_day);
    if (auto row = db.query_one(
            "SELECT COALESCE(SUM(d.units), 0), COALESCE(SUM(CASE WHEN d.had_demand = 0 THEN "
            "d.units ELSE 0 END), 0) FROM plan_deliveries d JOIN plan_spending s ON s.id = "
            "d.spending_id WHERE " +
                where + " AND s.spent_on >= ? AND s.spent_on <= ?",
            params)) {
      input.delivered_units = row->integer(0);
      input.misallocated_units = row->integer(1);
    }
  }
  {
    // Quarters of the period ("2026Q3" sorts between "2026Q1" and "2026Q4").
    std::string first_quarter = quarter_of(period.from_ms);
    std::string last_quarter = quarter_of(period.to_ms - 1);
    std::vector<storage::Value> params;
    std::string where = storage::in_list("p.community_id", ids, params);
    params.emplace_back(first_quarter);
    params.emplace_back(last_quarter);
    if (auto row = db.query_one(
            "SELECT COALESCE(SUM(l.total), 0), COALESCE(SUM((SELECT COALESCE(SUM(s.amount), 0) "
            "FROM plan_spending s WHERE s.plan_id = l.plan_id AND s.position = l.position)), 0) "
            "FROM allocation_plan_lines l JOIN allocation_plans p ON p.id = l.plan_id JOIN "
            "plan_lifecycle c ON c.plan_id = p.id WHERE " +
                where +
                " AND p.unit = 'fen' AND c.stage IN ('executing', 'closed') AND p.quarter >= ? "
                "AND p.quarter <= ?",
            params)) {
      input.planned_fen = row->integer(0);
      input.spent_fen = row->integer(1);
    }
  }
  {
    std::vector<storage::Value> params;
    std::string where = storage::in_list("a.community_id", ids, params);
    params.emplace_back(period.from_ms);
    params.emplace_back(period.to_ms);
    std::int64_t volunteering = db.query_int(
        "SELECT COALESCE(SUM((a.ends_ms - a.starts_ms) / 60000), 0) FROM activity_attendance t "
        "JOIN activities a ON a.id = t.activity_id WHERE " +
            where + " AND a.kind = 'volunteer' AND t.checked_in_ms >= ? AND t.checked_in_ms < ?",
        params);
    std::vector<storage::Value> bank_params;
    std::string bank_where = storage::in_list("community_id", ids, bank_params);
    bank_params.emplace_back(first_day);
    bank_params.emplace_back(last_day);
    std::int64_t banked =
        db.query_int("SELECT COALESCE(SUM(minutes), 0) FROM timebank_services WHERE " + bank_where +
                         " AND status = 'confirmed' AND service_date >= ? AND service_date <= ?",
                     bank_params);
    input.contribution_minutes = volunteering + banked;
    std::vector<storage::Value> spend_params;
    std::string spend_where = storage::in_list("s.community_id", ids, spend_params);
    spend_params.emplace_back(first_day);
    spend_params.emplace_back(last_day);
    input.spending_fen = db.query_int(
        "SELECT COALESCE(SUM(s.amount), 0) FROM plan_spending s JOIN allocation_plans p ON p.id "
        "= s.plan_id WHERE " +
            spend_where + " AND p.unit = 'fen' AND s.spent_on >= ? AND s.spent_on <= ?",
        spend_params);
  }
  {
    // Categories of community 0 are the defaults a community inherits unless it has its own.
    std::vector<storage::Value> params;
    std::string where = storage::in_list("q.community_id", ids, params);
    params.emplace_back(period.from_ms);
    params.emplace_back(period.to_ms);
    input.complaint_requests = db.query_int(
        "SELECT COUNT(*) FROM requests q WHERE " + where +
            " AND q.received_ms >= ? AND q.received_ms < ? AND q.status <> 'cancelled' AND "
            "COALESCE((SELECT c.is_complaint FROM request_categories c WHERE c.code = "
            "q.category AND c.community_id IN (q.community_id, 0) ORDER BY c.community_id DESC "
            "LIMIT 1), 0) = 1",
        params);
  }
  {
    std::vector<storage::Value> params;
    std::string where = storage::in_list("q.community_id", ids, params);
    params.emplace_back(period.from_ms);
    params.emplace_back(period.to_ms);
    std::map<std::int64_t, std::vector<std::string>> tags;  // of rated households
    std::map<std::int64_t, std::string> housing;
    std::vector<std::pair<std::int64_t, int>> rated;  // household, rating
    for (const auto& row :
         db.query("SELECT q.status, q.received_ms, q.response_due_ms, q.resolution_due_ms, "
                  "q.responded_ms, q.resolved_ms, q.rating, q.overdue_response + "
                  "q.overdue_resolution, q.household_id, h.housing_type FROM requests q LEFT JOIN "
                  "households h ON h.id = q.household_id WHERE " +
                      where + " AND q.received_ms >= ? AND q.received_ms < ?",
                  params)) {
      requests::RequestFacts fact;
      fact.status = requests::parse_status(row.text(0)).value_or(requests::Status::submitted);
      fact.received_ms = row.integer(1);
      fact.response_due_ms = row.integer(2);
      fact.resolution_due_ms = row.integer(3);
      fact.responded_ms = row.opt_integer(4);
      fact.resolved_ms = row.opt_integer(5);
      if (auto rating = row.opt_integer(6)) fact.rating = static_cast<int>(*rating);
      fact.overdue = row.integer(7) > 0;
      input.requests.push_back(fact);
      auto household = row.opt_integer(8);
      if (fact.rating && fact.status != requests::Status::cancelled) {
        rated.emplace_back(household.value_or(0), *fact.rating);
        if (household) housing[*household] = row.opt_text(9).value_or("");
      }
    }
    if (!housing.empty()) {
      std::vector<storage::Value> label_params;
      std::string label_where = storage::in_list("community_id", ids, label_params);
      for (const auto& row :
           db.query("SELECT household_id, value FROM household_labels WHERE " + label_where +
                        " AND kind = 'tag' AND value IN ('elderly', 'elderly_alone', 'empty_nest', "
                        "'minor', 'newborn', 'tenant')",
                    label_params)) {
        if (housing.contains(row.integer(0))) tags[row.integer(0)].push_back(row.text(1));
      }
    }
    static const std::vector<std::string> kNoTags;
    for (const auto& [household, rating] : rated) {
      auto found = tags.find(household);
      input.ratings.push_back(
          {group_of(found == tags.end() ? kNoTags : found->second, housing[household]), rating});
    }
  }
  return input;
}

// Inputs community by community, kept until the community's next audited write.
InputCache& kept_inputs() {
  static InputCache cache(
      [](storage::Connection& db, std::int64_t community_id, const Period& period) {
        return gather_input(db, {community_id}, period);
      },
      std::chrono::minutes(10));
  return cache;
}

}  // namespace

Result<IndicatorReport> load_indicators(storage::Connection& db, const Actor& actor,
                                        const Scope& scope, const Period& period,
                                        std::int64_t now_ms, const std::optional<Targets>& given) {
  auto ids = communities_in_scope(db, actor, scope);
  if (!ids) return ids.take_error();
  // Each community's input is kept until its next audited write (input_cache.hpp); a street
  // sums its communities'.
  IndicatorInput input = kept_inputs().sum(db, *ids, period);
  IndicatorReport report;
  report.period = period;
  report.community_ids = *ids;
  Targets targets =
      given ? *given : (ids->size() == 1 ? load_targets(db, ids->front()) : Targets{});
  report.indicators = compute_indicators(input, targets, now_ms, *requests::current_calendar(db));
  return report;
}

}  // namespace gz::indicators
