// The participation module's contract: activities and meetings with their attendance, and
// resident proposals (提案) through a deliberation meeting. Other modules may call the pure
// rules (rules.hpp): activity kinds and channels, the proposal states and the stalled-topic
// and response-deadline rules the warnings module evaluates (parse_state, is_stalled,
// kStalledMeetings). The use cases (activities.hpp, proposals.hpp) are reached through the
// routes; src/app wires them and the demo.
#pragma once

#include "modules/participation/rules.hpp"
