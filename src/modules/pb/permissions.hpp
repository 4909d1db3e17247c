// Who may do what in participatory budgeting; the use cases ask here. Anyone outside the
// election's community gets 404 first (is_member).
//   managers (staff of the community, admins): create and import elections
//   proposers (everyone of the community but street users): add projects while voting is
//     not closed
//   voters: a resident login linked to a household votes for that household
//   results and the .pb export: everyone of the community
#pragma once

#include <cstdint>

#include "core/actor.hpp"

namespace gz::pb {

bool is_member(const Actor& actor, std::int64_t community_id);
bool may_manage_elections(const Actor& actor, std::int64_t community_id);
bool may_propose(const Actor& actor, std::int64_t community_id);
bool may_vote(const Actor& actor, std::int64_t community_id);

}  // namespace gz::pb
