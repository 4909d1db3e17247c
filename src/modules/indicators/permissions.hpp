// Who may read the indicators and set their targets; the use cases and routes ask here.
// Residents read the public board, not the indicators (403, before anything else is
// looked at); anyone else outside the community gets 404 (is_member), and a street scope
// covers only the communities the actor belongs to.
//   readers (guides, staff and street users, admins): indicators and targets
//   target setters (staff of the community, admins)
#pragma once

#include <cstdint>

#include "core/actor.hpp"

namespace gz::indicators {

bool is_member(const Actor& actor, std::int64_t community_id);
// The role alone: for a street scope, before its communities are known.
bool may_read_indicators(const Actor& actor);
bool may_read_targets(const Actor& actor, std::int64_t community_id);
bool may_set_targets(const Actor& actor, std::int64_t community_id);

}  // namespace gz::indicators
