// Points to and from a household's members, as lines of its timeline.
#include "modules/points/points.hpp"

namespace gz::points {

std::vector<HistoryItem> household_history(storage::Connection& db, std::int64_t household_id,
                                           std::int64_t limit) {
  std::vector<HistoryItem> items;
  // A member's account on either side of a points posting: credited is earned, debited spent.
  for (const auto& row : db.query(
           "SELECT p.id, p.code, COALESCE(p.rule, ''), COALESCE(p.memo, ''), p.amount, "
           "p.created_ms, a.resident_id, CASE WHEN p.credit_account_id = a.id THEN 1 ELSE -1 END "
           "FROM ledger_postings p JOIN ledger_accounts a ON (a.id = p.credit_account_id OR a.id "
           "= p.debit_account_id) JOIN residents r ON r.id = a.resident_id WHERE r.household_id "
           "= ? AND p.kind = 'points' AND a.owner = 'resident' ORDER BY p.created_ms DESC, p.id "
           "DESC LIMIT ?",
           {household_id, limit})) {
    HistoryItem item;
    item.at_ms = row.integer(5);
    item.kind = "points." + row.text(1);
    item.title = row.text(2).empty() ? row.text(3) : row.text(2);
    item.ref_id = row.integer(0);
    item.amount = row.integer(4) * row.integer(7);
    item.resident_id = row.integer(6);
    items.push_back(std::move(item));
  }
  return items;
}

}  // namespace gz::points
