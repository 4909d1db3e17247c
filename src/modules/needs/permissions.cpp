#include "modules/needs/permissions.hpp"

namespace gz::needs {

bool may_read_community(const Actor& actor, std::int64_t community_id) {
  return is_official_of(actor, community_id);
}

bool may_set_weights(const Actor& actor, std::int64_t community_id) {
  return is_staff_of(actor, community_id);
}

bool may_assess(const Actor& actor, std::int64_t community_id) {
  return actor.is(Role::admin) ||
         ((actor.is(Role::guide) || actor.is(Role::staff)) && actor.belongs_to(community_id));
}

}  // namespace gz::needs
