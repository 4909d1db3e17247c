#include "modules/announcements/permissions.hpp"

#include <algorithm>

namespace gz::announcements {

bool may_publish(const Actor& actor, std::int64_t community_id) {
  return is_staff_of(actor, community_id);
}

bool may_oversee(const Actor& actor, std::int64_t community_id) {
  return is_official_of(actor, community_id);
}

bool may_read(const Actor& actor, std::int64_t community_id,
              const std::vector<std::int64_t>& buildings,
              std::optional<std::int64_t> own_building) {
  if (may_oversee(actor, community_id)) return true;
  if (!actor.is(Role::resident) || !actor.belongs_to(community_id)) return false;
  if (buildings.empty()) return true;
  return own_building &&
         std::find(buildings.begin(), buildings.end(), *own_building) != buildings.end();
}

}  // namespace gz::announcements
