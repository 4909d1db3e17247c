#include "modules/casework/permissions.hpp"

namespace gz::casework {
namespace {

bool is_caseworker_of(const Actor& actor, std::int64_t community_id) {
  return actor.is(Role::admin) ||
         ((actor.is(Role::guide) || actor.is(Role::staff)) && actor.belongs_to(community_id));
}

}  // namespace

bool may_record_visit(const Actor& actor, std::int64_t community_id) {
  return is_caseworker_of(actor, community_id);
}

bool may_read_casework(const Actor& actor, std::int64_t community_id) {
  return is_caseworker_of(actor, community_id);
}

bool may_read_figures(const Actor& actor, std::int64_t community_id, std::int64_t guide_user_id) {
  if (actor.is(Role::admin)) return true;
  if (!actor.belongs_to(community_id)) return false;
  if (actor.is(Role::guide)) return actor.user_id == guide_user_id;
  return actor.is(Role::staff) || actor.is(Role::street);
}

}  // namespace gz::casework
