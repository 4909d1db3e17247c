#include "modules/onboarding/permissions.hpp"

namespace gz::onboarding::permissions {

bool is_guide_of(const Actor& actor, std::int64_t community_id,
                 const std::optional<std::int64_t>& guide_user_id) {
  return actor.is(Role::guide) && actor.belongs_to(community_id) && guide_user_id &&
         *guide_user_id == actor.user_id;
}

bool may_issue_claim_codes(const Actor& actor, std::int64_t community_id,
                           const std::optional<std::int64_t>& guide_user_id) {
  return is_staff_of(actor, community_id) || is_guide_of(actor, community_id, guide_user_id);
}

bool may_review_registrations(const Actor& actor, std::int64_t community_id) {
  return is_staff_of(actor, community_id);
}

bool may_see_household_accounts(const Actor& actor, std::int64_t community_id,
                                std::int64_t household_id,
                                const std::optional<std::int64_t>& guide_user_id) {
  if (actor.is(Role::resident)) return actor.household_id == household_id;
  return is_staff_of(actor, community_id) || is_guide_of(actor, community_id, guide_user_id);
}

bool may_remove_household_account(const Actor& actor, std::int64_t community_id,
                                  std::int64_t household_id, bool is_head) {
  if (actor.is(Role::resident)) return actor.household_id == household_id && is_head;
  return is_staff_of(actor, community_id);
}

bool may_create_user(const Actor& actor, Role role, const std::vector<std::int64_t>& communities) {
  if (role == Role::resident) return false;
  if (actor.is(Role::admin)) return true;
  return actor.is(Role::staff) && role == Role::guide && communities.size() == 1 &&
         actor.belongs_to(communities.front());
}

bool may_manage_user(const Actor& actor, Role target_role,
                     const std::optional<std::int64_t>& community_id) {
  if (actor.is(Role::admin)) return true;
  return actor.is(Role::staff) && (target_role == Role::guide || target_role == Role::resident) &&
         community_id && actor.belongs_to(*community_id);
}

bool may_change_scope(const Actor& actor) {
  return actor.is(Role::admin);
}

}  // namespace gz::onboarding::permissions
