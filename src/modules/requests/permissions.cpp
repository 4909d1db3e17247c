#include "modules/requests/permissions.hpp"

#include "modules/registry/permissions.hpp"
#include "modules/requests/requests.hpp"

namespace gz::requests::permissions {

bool is_owner(const Actor& actor, const Request& request) {
  if (actor.role != Role::resident) return false;
  if (request.submitted_by_user_id && *request.submitted_by_user_id == actor.user_id) return true;
  return actor.household_id && request.household_id && *actor.household_id == *request.household_id;
}

bool may_view(const Actor& actor, const Request& request) {
  if (actor.role == Role::resident) return is_owner(actor, request);
  return actor.belongs_to(request.community_id);
}

bool may_submit_on_behalf(const Actor& actor, std::int64_t community_id) {
  return (actor.role == Role::staff || actor.role == Role::guide || actor.role == Role::admin) &&
         actor.belongs_to(community_id);
}

bool may_view_queue(const Actor& actor, std::int64_t community_id) {
  return actor.role != Role::resident && actor.belongs_to(community_id);
}

bool may_view_stats(const Actor& actor, std::int64_t community_id) {
  return may_view_queue(actor, community_id);
}

bool may_rate(const Actor& actor, const Request& request) {
  if (is_owner(actor, request)) return true;
  return (actor.role == Role::staff || actor.role == Role::admin) &&
         actor.belongs_to(request.community_id);
}

pii::Reader reader_of(const Actor& actor, const Request& request) {
  return registry::permissions::personal_data_reader(actor, request.community_id);
}

}  // namespace gz::requests::permissions
