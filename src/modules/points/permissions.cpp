#include "modules/points/permissions.hpp"

namespace gz::points {

bool is_member(const Actor& actor, std::int64_t community_id) {
  return actor.belongs_to(community_id);
}

bool may_award(const Actor& actor, std::int64_t community_id) {
  return actor.is(Role::admin) ||
         ((actor.is(Role::staff) || actor.is(Role::guide)) && actor.belongs_to(community_id));
}

bool may_manage(const Actor& actor, std::int64_t community_id) {
  return is_staff_of(actor, community_id);
}

bool may_redeem_for(const Actor& actor, std::int64_t community_id) {
  return actor.is(Role::resident) || may_manage(actor, community_id);
}

bool may_choose_leaderboard_name(const Actor& actor) {
  return actor.is(Role::resident);
}

}  // namespace gz::points
