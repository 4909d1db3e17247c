#include "modules/discussion/permissions.hpp"

namespace gz::discussion {

bool may_comment(const Actor& actor, std::int64_t community_id) {
  if (actor.is(Role::admin)) return true;
  if (!actor.belongs_to(community_id)) return false;
  if (actor.is(Role::resident)) return actor.household_id.has_value();
  return actor.is(Role::guide) || actor.is(Role::staff);
}

bool may_flag(const Actor& actor, std::int64_t community_id,
              std::optional<std::int64_t> author_household_id) {
  return actor.is(Role::resident) && actor.belongs_to(community_id) &&
         actor.household_id.has_value() && actor.household_id != author_household_id;
}

bool may_moderate(const Actor& actor, std::int64_t community_id) {
  return is_staff_of(actor, community_id);
}

}  // namespace gz::discussion
