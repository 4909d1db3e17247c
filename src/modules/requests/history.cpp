// A household's requests as lines of its timeline, and a handler's own figures.
#include "modules/requests/requests.hpp"

#include <algorithm>

namespace gz::requests {

std::vector<HistoryItem> household_history(storage::Connection& db, std::int64_t household_id,
                                           std::int64_t limit) {
  std::vector<HistoryItem> items;
  for (const auto& row :
       db.query("SELECT id, category, tracking_code, status, received_ms, resolved_ms, rating, "
                "rated_ms FROM requests WHERE household_id = ? ORDER BY received_ms DESC, id DESC "
                "LIMIT ?",
                {household_id, limit})) {
    std::int64_t id = row.integer(0);
    HistoryItem submitted;
    submitted.at_ms = row.integer(4);
    submitted.kind = "request.submitted";
    submitted.title = row.text(1);
    submitted.ref_id = id;
    submitted.note = row.text(2);
    items.push_back(submitted);
    if (!row.is_null(5)) {
      HistoryItem resolved = submitted;
      resolved.at_ms = row.integer(5);
      resolved.kind = "request.resolved";
      items.push_back(resolved);
    }
    if (!row.is_null(6) && !row.is_null(7)) {
      HistoryItem rated = submitted;
      rated.at_ms = row.integer(7);
      rated.kind = "request.rated";
      rated.amount = row.integer(6);
      items.push_back(rated);
    }
  }
  std::stable_sort(items.begin(), items.end(),
                   [](const HistoryItem& a, const HistoryItem& b) { return a.at_ms > b.at_ms; });
  return items;
}

HandlerFigures handler_figures(storage::Connection& db, std::int64_t user_id, std::int64_t from_ms,
                               std::int64_t to_ms, std::int64_t now_ms) {
  HandlerFigures figures;
  auto resolved = db.query_one(
      "SELECT COUNT(*), COALESCE(SUM(CASE WHEN resolved_ms <= resolution_due_ms THEN 1 ELSE 0 "
      "END), 0) FROM requests WHERE assignee_user_id = ? AND resolved_ms >= ? AND resolved_ms < ?",
      {user_id, from_ms, to_ms});
  if (resolved) {
    figures.resolved = resolved->integer(0);
    figures.resolved_on_time = resolved->integer(1);
  }
  auto open = db.query_one(
      "SELECT COUNT(*), COALESCE(SUM(CASE WHEN resolution_due_ms < ? THEN 1 ELSE 0 END), 0) "
      "FROM requests WHERE assignee_user_id = ? AND resolved_ms IS NULL AND status IN "
      "('submitted', 'accepted', 'assigned', 'in_progress', 'reopened')",
      {now_ms, user_id});
  if (open) {
    figures.open = open->integer(0);
    figures.open_overdue = open->integer(1);
  }
  return figures;
}

}  // namespace gz::requests
