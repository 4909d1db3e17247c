#include "modules/property/permissions.hpp"
#include "modules/registry/registry.hpp"

namespace gz::property {

bool is_member(const Actor& actor, std::int64_t community_id) {
  return actor.belongs_to(community_id);
}

bool is_manager(const Actor& actor, std::int64_t community_id) {
  return is_staff_of(actor, community_id);
}

bool is_committee_member(storage::Connection& db, const Actor& actor, std::int64_t community_id) {
  return actor.is(Role::resident) && actor.belongs_to(community_id) &&
         db.query_one("SELECT 1 FROM property_committee WHERE community_id = ? AND user_id = ?",
                      {community_id, actor.user_id});
}

Result<void> check_member(storage::Connection& db, const Actor& actor, std::int64_t community_id) {
  return registry::require_member(db, actor, community_id);
}

}  // namespace gz::property
