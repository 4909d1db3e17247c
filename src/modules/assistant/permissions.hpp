// Who may do what with the assistant (see assistant.hpp for the rules in words). Role checks
// answer 403; whether the actor may know of a community's things (404) is belongs_to.
#pragma once

#include <cstdint>

#include "core/actor.hpp"

namespace gz::assistant {

// Roles that write entries at all: guides (drafts only), staff, admins.
inline bool may_write_entries(const Actor& actor) {
  return actor.is(Role::guide) || actor.is(Role::staff) || actor.is(Role::admin);
}
// Publishing, unpublishing, editing published entries, deleting, configuration.
inline bool may_publish(const Actor& actor) {
  return actor.is(Role::staff) || actor.is(Role::admin);
}
// Drafts are visible to the community's guides and staff, and to admins.
inline bool may_read_drafts(const Actor& actor, std::int64_t community_id) {
  return may_write_entries(actor) && actor.belongs_to(community_id);
}
inline bool may_read_unanswered(const Actor& actor) {
  return !actor.is(Role::resident);
}
inline bool may_resolve_unanswered(const Actor& actor) {
  return may_write_entries(actor);
}

}  // namespace gz::assistant
