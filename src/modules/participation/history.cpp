// The activities a household attended, as lines of its timeline; a proposal for other modules.
#include "modules/participation/participation.hpp"

#include "core/clock.hpp"

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

namespace {

std::int64_t created_ms(const std::string& text) {
  auto parsed = parse_iso8601(text);
  return parsed ? *parsed : 0;
}

ProposalRef proposal_from(const storage::Row& row) {
  return ProposalRef{row.integer(0), row.integer(1), row.integer(2),
                     row.text(3),    row.text(4),    created_ms(row.text(5))};
}

constexpr const char* kProposalColumns =
    "SELECT id, community_id, household_id, title, state, created_at FROM proposals ";

}  // namespace

std::optional<ProposalRef> find_proposal(storage::Connection& db, std::int64_t proposal_id) {
  auto row = db.query_one(std::string(kProposalColumns) + "WHERE id = ?", {proposal_id});
  if (!row) return std::nullopt;
  return proposal_from(*row);
}

std::vector<ProposalRef> submitted_proposals(storage::Connection& db, std::int64_t community_id) {
  std::vector<ProposalRef> out;
  for (const auto& row : db.query(std::string(kProposalColumns) +
                                      "WHERE community_id = ? AND state <> 'draft' ORDER BY id",
                                  {community_id})) {
    out.push_back(proposal_from(row));
  }
  return out;
}

}  // namespace gz::participation
