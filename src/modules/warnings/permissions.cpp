#include "modules/warnings/permissions.hpp"

namespace gz::warnings {

bool is_member(const Actor& actor, std::int64_t community_id) {
  return actor.belongs_to(community_id);
}

bool may_read(const Actor& actor, std::int64_t community_id) {
  return is_official_of(actor, community_id);
}

bool may_manage(const Actor& actor, std::int64_t community_id) {
  return is_staff_of(actor, community_id);
}

}  // namespace gz::warnings
