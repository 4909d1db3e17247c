#include "modules/registry/permissions.hpp"

#include <cstring>

namespace gz::registry::permissions {

bool may_create_community(const Actor& actor) {
  return actor.is(Role::admin) || actor.is(Role::street);
}

bool may_manage_streets(const Actor& actor) {
  return actor.is(Role::admin);
}

bool may_view_community(const Actor& actor, std::int64_t community_id) {
  return actor.belongs_to(community_id);
}

bool may_manage_buildings(const Actor& actor, std::int64_t community_id) {
  return is_staff_of(actor, community_id);
}

bool may_view_household(const Actor& actor, std::int64_t community_id, std::int64_t household_id) {
  if (actor.is(Role::resident)) return actor.household_id == household_id;
  return actor.belongs_to(community_id);
}

bool may_create_household(const Actor& actor, std::int64_t community_id) {
  if (actor.is(Role::admin)) return true;
  return (actor.is(Role::staff) || actor.is(Role::guide)) && actor.belongs_to(community_id);
}

bool may_edit_household(const Actor& actor, std::int64_t community_id, std::int64_t household_id) {
  if (actor.is(Role::resident)) return actor.household_id == household_id;
  return may_create_household(actor, community_id);
}

bool may_edit_household_field(const Actor& actor, const char* field) {
  if (!actor.is(Role::resident)) return true;
  for (const char* allowed : {"needs", "skills", "willingness"}) {
    if (std::strcmp(field, allowed) == 0) return true;
  }
  return false;
}

bool may_assign_guide(const Actor& actor, std::int64_t community_id) {
  return is_staff_of(actor, community_id);
}

bool may_see_personal_data(const Actor& actor, std::int64_t community_id) {
  return is_staff_of(actor, community_id);
}

pii::Reader personal_data_reader(const Actor& actor, std::int64_t community_id) {
  return may_see_personal_data(actor, community_id) ? pii::Reader::entitled
                                                    : pii::Reader::restricted;
}

bool may_import(const Actor& actor, std::int64_t community_id) {
  return may_see_personal_data(actor, community_id);
}

bool may_export(const Actor& actor, std::int64_t community_id) {
  if (actor.is(Role::resident)) return false;
  return actor.belongs_to(community_id);
}

}  // namespace gz::registry::permissions
