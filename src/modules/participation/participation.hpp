// The participation module's contract: activities and meetings with their attendance, and
// resident proposals (提案) through a deliberation meeting. Other modules may call the pure
// rules (rules.hpp): activity kinds and channels, the proposal states and the stalled-topic
// and response-deadline rules the warnings module evaluates (parse_state, is_stalled,
// kStalledMeetings). The use cases (activities.hpp, proposals.hpp) are reached through the
// routes; src/app wires them and the demo.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/history.hpp"
#include "modules/participation/rules.hpp"
#include "storage/database.hpp"

namespace gz::participation {

// The activities and meetings a household's members attended, newest first (no permission
// check; the household timeline checks). `title` is the activity's title.
std::vector<HistoryItem> household_history(storage::Connection& db, std::int64_t household_id,
                                           std::int64_t limit);

// A proposal as the discussion module needs it (no permission asked): its community, title,
// state ("draft" until submitted) and author's household.
struct ProposalRef {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::int64_t household_id = 0;
  std::string title;
  std::string state;
  std::int64_t created_ms = 0;
};
std::optional<ProposalRef> find_proposal(storage::Connection& db, std::int64_t proposal_id);
// The community's proposals past draft, oldest first (the discussion demo).
std::vector<ProposalRef> submitted_proposals(storage::Connection& db, std::int64_t community_id);

}  // namespace gz::participation
