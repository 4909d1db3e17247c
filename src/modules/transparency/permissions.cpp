#include "modules/transparency/permissions.hpp"

namespace gz::transparency {
namespace {

bool is_household_of(const Actor& actor, std::int64_t community_id) {
  return actor.is(Role::resident) && actor.household_id.has_value() &&
         actor.belongs_to(community_id);
}

}  // namespace

bool is_member(const Actor& actor, std::int64_t community_id) {
  return actor.belongs_to(community_id);
}

bool may_manage(const Actor& actor, std::int64_t community_id) {
  return is_staff_of(actor, community_id);
}

bool may_read_records(const Actor& actor, std::int64_t community_id) {
  return is_official_of(actor, community_id);
}

bool may_object(const Actor& actor, std::int64_t community_id) {
  return is_household_of(actor, community_id);
}

bool may_rate(const Actor& actor, std::int64_t community_id) {
  return is_household_of(actor, community_id);
}

bool may_sign_off(const Actor& actor, std::int64_t community_id) {
  return (actor.is(Role::street) || actor.is(Role::admin)) && actor.belongs_to(community_id);
}

}  // namespace gz::transparency
