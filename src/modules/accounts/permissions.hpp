// Who may do what with logins. Logging in and out needs no permission, and logins are added
// from the command line (`gongzhi user add`) by whoever runs it on the server, so add_user
// asks nothing here. What the API offers beyond that is the list of a community's workers,
// for choosing whom to assign work to:
//   residents may not ask at all (403, before the community is looked up)
//   guides may not list them (403; outsiders get 404 first)
//   staff and street users of the community, and admins, may
#pragma once

#include <cstdint>

#include "core/actor.hpp"

namespace gz::accounts {

bool may_ask_for_workers(const Actor& actor);
bool may_list_workers(const Actor& actor, std::int64_t community_id);
// Which roles' users the actor may list: admins all; staff guides, staff and residents; street
// users guides and staff.
bool may_list_role(const Actor& actor, Role role);

}  // namespace gz::accounts
