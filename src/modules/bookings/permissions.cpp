#include "modules/bookings/permissions.hpp"

namespace gz::bookings {

bool may_manage(const Actor& actor, std::int64_t community_id) {
  return is_staff_of(actor, community_id);
}

bool may_oversee(const Actor& actor, std::int64_t community_id) {
  return is_official_of(actor, community_id);
}

bool may_book(const Actor& actor, std::int64_t community_id, std::string_view open_to) {
  if (actor.is(Role::admin)) return true;
  if (!actor.belongs_to(community_id)) return false;
  if (actor.is(Role::guide) || actor.is(Role::staff)) return true;
  return open_to == "residents" && actor.is(Role::resident) && actor.household_id.has_value();
}

}  // namespace gz::bookings
