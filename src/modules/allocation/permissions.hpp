// Who may do what with allocation plans; the use cases ask here. Anyone outside the community
// gets 404 first (the community is not theirs to know of).
//   planners (staff of the community, admins): make plans
//   readers (guides, staff and street users of the community, admins): read plans and their
//     fairness; residents do not (403)
#pragma once

#include <cstdint>

#include "core/actor.hpp"

namespace gz::allocation {

bool may_plan(const Actor& actor, std::int64_t community_id);
bool may_read_plans(const Actor& actor, std::int64_t community_id);

}  // namespace gz::allocation
