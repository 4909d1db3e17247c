#include "modules/allocation/permissions.hpp"

namespace gz::allocation {

bool may_plan(const Actor& actor, std::int64_t community_id) {
  return is_staff_of(actor, community_id);
}

bool may_read_plans(const Actor& actor, std::int64_t community_id) {
  return is_official_of(actor, community_id);
}

}  // namespace gz::allocation
