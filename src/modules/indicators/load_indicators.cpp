// LoadIndicators: reads the facts behind the indicators for a community or a street.
#include "modules/indicators/load_indicators.hpp"

#include <map>

#include "core/clock.hpp"

#include "modules/requests/calendar_store.hpp"
#include "modules/requests/workflow.hpp"

namespace gz::indicators {
namespace {

// "community_id IN (?,?,…)" for the given column, with its parameters appended.
std::string in_list(const std::string& column, const std::vector<std::int64_t>& ids,
                    std::vector<storage::Value>& params) {
  std::string sql = column + " IN (";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    sql += i ? ",?" : "?";
    params.emplace_back(ids[i]);
  }
  return sql + ")";
}

Result<std::vector<std::int64_t>> communities_in_scope(storage::Connection& db, const Actor& actor,
                                                       const Scope& scope) {
  if (actor.is(Role::resident)) return forbidden("residents may not read the indicators");
  if (scope.community_id.has_value() == scope.street.has_value()) {
    return bad_request("missing_query", "give exactly one of community_id and street_id");
  }
  if (scope.community_id) {
    bool exists =
        db.query_one("SELECT id FROM communities WHERE id = ?", {*scope.community_id}).has_value();
    if (!exists || !actor.belongs_to(*scope.community_id)) {
      return not_found("no community " + std::to_string(*scope.community_id));
    }
    return std::vector<std::int64_t>{*scope.community_id};
  }
  std::vector<std::int64_t> ids;
  for (const auto& row :
       db.query("SELECT id FROM communities WHERE street = ? ORDER BY id", {*scope.street})) {
    if (actor.belongs_to(row.integer(0))) ids.push_back(row.integer(0));
  }
  if (ids.empty()) return not_found("no street " + *scope.street);
  return ids;
}

}  // namespace

Result<IndicatorReport> load_indicators(storage::Connection& db, const Actor& actor,
                                        const Scope& scope, const Period& period,
                                        std::int64_t now_ms, const Targets& targets) {
  auto ids = communities_in_scope(db, actor, scope);
  if (!ids) return ids.take_error();
  IndicatorInput input;

  {
    std::vector<storage::Value> params;
    std::string where = in_list("community_id", *ids, params);
    input.households = db.query_int("SELECT COUNT(*) FROM households WHERE " + where, params);
  }
  {
    // A corrected award was reversed: it does not count as attendance.
    std::vector<storage::Value> params;
    std::string where = in_list("p.community_id", *ids, params);
    params.emplace_back(period.from_ms);
    params.emplace_back(period.to_ms);
    input.participating_households = db.query_int(
        "SELECT COUNT(DISTINCT r.household_id) FROM ledger_postings p "
        "JOIN ledger_accounts a ON a.id = p.credit_account_id "
        "JOIN residents r ON r.id = a.resident_id WHERE " +
            where +
            " AND p.code = 'award' AND p.rule IN ('meeting', 'volunteer', 'skill_share') AND "
            "p.created_ms >= ? AND "
            "p.created_ms < ? AND NOT EXISTS (SELECT 1 FROM ledger_postings c WHERE "
            "c.corrects_posting_id = p.id)",
        params);
  }
  {
    // Categories of community 0 are the defaults a community inherits unless it has its own.
    std::vector<storage::Value> params;
    std::string where = in_list("q.community_id", *ids, params);
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
    std::string where = in_list("q.community_id", *ids, params);
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
      std::string label_where = in_list("community_id", *ids, label_params);
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
  {
    // Items with a finite stock whose availability window (dates, Shanghai) overlaps the
    // period; a missing bound is open.
    std::vector<storage::Value> params;
    std::string where = in_list("community_id", *ids, params);
    for (const auto& row :
         db.query("SELECT stock_total, stock_remaining, available_from, available_until FROM "
                  "points_catalog WHERE " +
                      where + " AND stock_total IS NOT NULL AND stock_total > 0",
                  params)) {
      auto from = row.opt_text(2);
      auto until = row.opt_text(3);
      std::string period_first = format_date(period.from_ms);
      std::string period_last = format_date(period.to_ms - 1);
      if (from && !from->empty() && from->substr(0, 10) > period_last) continue;
      if (until && !until->empty() && until->substr(0, 10) < period_first) continue;
      input.catalogue.push_back({row.integer(0), row.opt_integer(1).value_or(0)});
    }
  }

  IndicatorReport report;
  report.period = period;
  report.community_ids = *ids;
  report.indicators = compute_indicators(input, targets, now_ms, *requests::current_calendar(db));
  return report;
}

}  // namespace gz::indicators
