#include "modules/timebank/permissions.hpp"

namespace gz::timebank {

bool is_member(const Actor& actor, std::int64_t community_id) {
  return actor.belongs_to(community_id);
}

bool speaks_for(const Actor& actor, std::int64_t community_id,
                std::optional<std::int64_t> household_id) {
  if (actor.is(Role::resident)) {
    return actor.household_id.has_value() && household_id == actor.household_id;
  }
  return actor.is(Role::admin) ||
         ((actor.is(Role::staff) || actor.is(Role::guide)) && actor.belongs_to(community_id));
}

bool may_see_service(const Actor& actor, const ServiceParties& parties) {
  if (!actor.is(Role::resident)) return actor.belongs_to(parties.community_id);
  return actor.household_id.has_value() && (parties.provider_household_id == actor.household_id ||
                                            parties.recipient_household_id == actor.household_id);
}

bool may_answer_service(const Actor& actor, const ServiceParties& parties) {
  return speaks_for(actor, parties.community_id, parties.recipient_household_id);
}

bool sees_own_household_only(const Actor& actor) {
  return actor.is(Role::resident);
}

bool may_transfer(const Actor& actor, std::int64_t community_id, std::int64_t household_id) {
  if (actor.is(Role::resident)) return actor.household_id == household_id;
  return is_staff_of(actor, community_id);
}

}  // namespace gz::timebank
