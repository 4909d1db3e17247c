#include "modules/indicators/permissions.hpp"

namespace gz::indicators {

bool is_member(const Actor& actor, std::int64_t community_id) {
  return actor.belongs_to(community_id);
}

bool may_read_indicators(const Actor& actor) {
  return !actor.is(Role::resident);
}

bool may_read_targets(const Actor& actor, std::int64_t community_id) {
  return is_official_of(actor, community_id);
}

bool may_set_targets(const Actor& actor, std::int64_t community_id) {
  return is_staff_of(actor, community_id);
}

}  // namespace gz::indicators
