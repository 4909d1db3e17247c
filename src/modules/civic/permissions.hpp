// Who may do what in the civic module. Handlers and use cases ask here; they do not decide.
// Every check assumes the actor already belongs to the community (outsiders get 404 first).
#pragma once

#include <cstdint>

#include "core/actor.hpp"

namespace gz::civic {

inline bool in_community(const Actor& actor, std::int64_t community_id) {
  return actor.belongs_to(community_id);
}
// Create, open and close surveys; record training completions; keep the leader register and
// the self-organisations: staff and guides of the community, admins.
inline bool may_run_civic(const Actor& actor) {
  return actor.is(Role::staff) || actor.is(Role::guide) || actor.is(Role::admin);
}
// Survey results, the leader register and the growth read-out: also the street office.
inline bool may_read_civic(const Actor& actor) {
  return may_run_civic(actor) || actor.is(Role::street);
}
// Record representative elections and add training modules: staff and admins.
inline bool may_administer(const Actor& actor) {
  return actor.is(Role::staff) || actor.is(Role::admin);
}
// Answer surveys: a resident login linked to a household.
inline bool may_respond(const Actor& actor) {
  return actor.is(Role::resident) && actor.household_id.has_value();
}

}  // namespace gz::civic
