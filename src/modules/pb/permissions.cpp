#include "modules/pb/permissions.hpp"

namespace gz::pb {

bool is_member(const Actor& actor, std::int64_t community_id) {
  return actor.belongs_to(community_id);
}

bool may_manage_elections(const Actor& actor, std::int64_t community_id) {
  return is_staff_of(actor, community_id);
}

bool may_propose(const Actor& actor, std::int64_t community_id) {
  return !actor.is(Role::street) && actor.belongs_to(community_id);
}

bool may_vote(const Actor& actor, std::int64_t community_id) {
  return actor.is(Role::resident) && actor.household_id.has_value() &&
         actor.belongs_to(community_id);
}

}  // namespace gz::pb
