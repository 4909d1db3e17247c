// A household's assessments as lines of its timeline, and who counts as silent.
#include "core/clock.hpp"
#include "modules/needs/needs.hpp"

namespace gz::needs {

bool is_silent(const HouseholdNeeds& household, std::int64_t min_overall_hundredths) {
  return household.score.overall_hundredths >= min_overall_hundredths &&
         household.facts.participation_count == 0 && household.request_count == 0;
}

std::vector<HistoryItem> household_history(storage::Connection& db, std::int64_t household_id,
                                           std::int64_t limit) {
  std::vector<HistoryItem> items;
  for (const auto& row : db.query("SELECT id, dimension, score, reason, created_at FROM "
                                  "needs_assessments WHERE household_id = ? ORDER BY id DESC "
                                  "LIMIT ?",
                                  {household_id, limit})) {
    auto at = parse_iso8601(row.text(4));
    if (!at) continue;
    HistoryItem item;
    item.at_ms = *at;
    item.kind = "needs.assessment";
    item.title = row.text(1);
    item.ref_id = row.integer(0);
    item.amount = row.integer(2);
    item.note = row.text(3);
    items.push_back(std::move(item));
  }
  return items;
}

}  // namespace gz::needs
