#include "modules/accounts/permissions.hpp"

namespace gz::accounts {

bool may_ask_for_workers(const Actor& actor) {
  return !actor.is(Role::resident);
}

bool may_list_workers(const Actor& actor, std::int64_t community_id) {
  return actor.is(Role::admin) ||
         ((actor.is(Role::staff) || actor.is(Role::street)) && actor.belongs_to(community_id));
}

bool may_list_role(const Actor& actor, Role role) {
  if (actor.is(Role::admin)) return true;
  if (role == Role::guide || role == Role::staff) {
    return actor.is(Role::staff) || actor.is(Role::street);
  }
  return role == Role::resident && actor.is(Role::staff);
}

}  // namespace gz::accounts
