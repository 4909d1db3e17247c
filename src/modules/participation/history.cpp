// The activities a household attended, as lines of its timeline.
#include "modules/participation/participation.hpp"

namespace gz::participation {

std::vector<HistoryItem> household_history(storage::Connection& db, std::int64_t household_id,
                                           std::int64_t limit) {
  std::vector<HistoryItem> items;
  for (const auto& row : db.query(
           "SELECT a.id, a.title, a.kind, t.checked_in_ms, t.resident_id, t.points FROM "
           "activity_attendance t JOIN activities a ON a.id = t.activity_id WHERE t.household_id "
           "= ? ORDER BY t.checked_in_ms DESC, a.id DESC LIMIT ?",
           {household_id, limit})) {
    HistoryItem item;
    item.at_ms = row.integer(3);
    item.kind = "activity." + row.text(2);
    item.title = row.text(1);
    item.ref_id = row.integer(0);
    item.resident_id = row.integer(4);
    item.amount = row.integer(5);
    items.push_back(std::move(item));
  }
  return items;
}

}  // namespace gz::participation
