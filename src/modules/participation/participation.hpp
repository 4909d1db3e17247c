// The participation module's contract: activities and meetings with their attendance, and
// resident proposals (提案) through a deliberation meeting. Other modules may call the pure
// rules (rules.hpp): activity kinds and channels, the proposal states and the stalled-topic
// and response-deadline rules the warnings module evaluates (parse_state, is_stalled,
// kStalledMeetings). The use cases (activities.hpp, proposals.hpp) are reached through the
// routes; src/app wires them and the demo.
#pragma once

#include <cstdint>
#include <vector>

#include "core/history.hpp"
#include "modules/participation/rules.hpp"
#include "storage/database.hpp"

namespace gz::participation {

// The activities and meetings a household's members attended, newest first (no permission
// check; the household timeline checks). `title` is the activity's title.
std::vector<HistoryItem> household_history(storage::Connection& db, std::int64_t household_id,
                                           std::int64_t limit);

}  // namespace gz::participation
