// Who may do what in participation, and the community's participation settings. Staff,
// guides (of the community) and admins run activities and meetings; only staff and admins
// put proposals on agendas, record outcomes, respond publicly and change the settings;
// residents sign up, check in with the code, draft, second and vote for their own household.
// Street users of the community read. Anyone outside the community gets 404.
#pragma once

#include <cstdint>

#include "core/actor.hpp"
#include "modules/participation/rules.hpp"
#include "storage/database.hpp"

namespace gz::participation {

// Staff, guides and admins of the community: create and run activities, record attendance
// and minutes, see the check-in code.
bool may_run_activities(const Actor& actor, std::int64_t community_id);
// Staff and admins of the community: agenda, meeting steps, outcomes, responses, settings.
bool may_chair(const Actor& actor, std::int64_t community_id);
// A resident logged in for a household of this community.
bool is_resident_of(const Actor& actor, std::int64_t community_id);

// The community's settings, or the defaults (rules.hpp) when it has none.
Settings load_settings(storage::Connection& db, std::int64_t community_id);

}  // namespace gz::participation
