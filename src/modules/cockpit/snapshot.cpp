// LoadSnapshot: the cockpit's figures from the indicators, warnings, requests and audit modules.
#include "modules/cockpit/snapshot.hpp"

#include <algorithm>

#include "core/clock.hpp"
#include "modules/cockpit/permissions.hpp"

namespace gz::cockpit {
namespace {

// The open states of requests/workflow.hpp's is_open, as SQL.
constexpr const char* kOpenStatuses =
    "status IN ('submitted', 'accepted', 'assigned', 'in_progress', 'reopened')";

RequestsToday count_requests(storage::Connection& db, const std::vector<std::int64_t>& ids,
                             std::int64_t now_ms) {
  RequestsToday today;
  {
    std::vector<storage::Value> params;
    std::string where = storage::in_list("community_id", ids, params);
    params.emplace_back(start_of_day_ms(now_ms));
    params.emplace_back(now_ms);
    today.received = db.query_int("SELECT COUNT(*) FROM requests WHERE " + where +
                                      " AND received_ms >= ? AND received_ms <= ?",
                                  params);
  }
  {
    std::vector<storage::Value> params;
    std::string where = storage::in_list("community_id", ids, params);
    params.emplace_back(now_ms);
    params.emplace_back(now_ms);
    today.overdue_open =
        db.query_int("SELECT COUNT(*) FROM requests WHERE " + where + " AND " + kOpenStatuses +
                         " AND ((responded_ms IS NULL AND response_due_ms < ?) OR "
                         "resolution_due_ms < ?)",
                     params);
  }
  return today;
}

}  // namespace

std::int64_t start_of_day_ms(std::int64_t epoch_ms) {
  return shanghai_midnight_ms(shanghai_day(epoch_ms));
}

std::vector<warnings::Warning> newest_first(std::vector<warnings::Warning> warnings,
                                            std::size_t limit) {
  // raised_at is ISO 8601 in one zone (Asia/Shanghai), so text order is time order.
  std::sort(warnings.begin(), warnings.end(), [](const auto& a, const auto& b) {
    return a.raised_at != b.raised_at ? a.raised_at > b.raised_at : a.id > b.id;
  });
  if (warnings.size() > limit) warnings.resize(limit);
  return warnings;
}

Result<Snapshot> load_snapshot(storage::Connection& db, const Actor& actor,
                               const indicators::Scope& scope, std::int64_t now_ms) {
  if (!may_view(actor)) return forbidden("residents may not read the indicators");
  auto period = indicators::parse_period(quarter_of(now_ms));
  if (!period) return period.take_error();
  // load_indicators also decides who may look and which communities the scope covers.
  auto report = indicators::load_indicators(db, actor, scope, *period, now_ms);
  if (!report) return report.take_error();
  Snapshot snapshot;
  snapshot.generated_ms = now_ms;
  std::vector<warnings::Warning> open;
  for (auto community_id : report->community_ids) {
    auto listed = warnings::list_warnings(db, actor, community_id, "open");
    if (!listed) return listed.take_error();
    open.insert(open.end(), listed->begin(), listed->end());
  }
  snapshot.open_warnings = static_cast<std::int64_t>(open.size());
  snapshot.newest_warnings = newest_first(std::move(open), kNewestWarnings);
  snapshot.requests_today = count_requests(db, report->community_ids, now_ms);
  for (auto community_id : report->community_ids) {
    auto funding = transparency::community_funding(db, community_id);
    snapshot.funding.government += funding.government;
    snapshot.funding.others_received += funding.others_received;
    snapshot.funding.parties += funding.parties;
  }
  snapshot.ledger_head = audit::head(db);
  snapshot.indicators = std::move(*report);
  return snapshot;
}

}  // namespace gz::cockpit
