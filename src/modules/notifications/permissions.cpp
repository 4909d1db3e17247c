#include "modules/notifications/permissions.hpp"

namespace gz::notifications::permissions {

bool may_manage_channels(const Actor& actor, std::int64_t community_id) {
  return (actor.is(Role::staff) || actor.is(Role::admin)) && actor.belongs_to(community_id);
}

bool may_verify_mobile(const Actor& actor, std::int64_t community_id) {
  return (actor.is(Role::staff) || actor.is(Role::guide) || actor.is(Role::admin)) &&
         actor.belongs_to(community_id);
}

}  // namespace gz::notifications::permissions
