#include "modules/onboarding/permissions.hpp"

#include <gtest/gtest.h>

namespace gz::onboarding::permissions {
namespace {

Actor make(Role role, std::int64_t id, std::vector<std::int64_t> communities,
           std::optional<std::int64_t> household = std::nullopt) {
  Actor actor;
  actor.user_id = id;
  actor.role = role;
  actor.community_ids = std::move(communities);
  actor.household_id = household;
  return actor;
}

TEST(OnboardingPermissions, ClaimCodesAreForStaffAndTheHouseholdsOwnGuide) {
  EXPECT_TRUE(may_issue_claim_codes(make(Role::staff, 1, {7}), 7, std::nullopt));
  EXPECT_FALSE(may_issue_claim_codes(make(Role::staff, 1, {8}), 7, std::nullopt));
  EXPECT_TRUE(may_issue_claim_codes(make(Role::admin, 1, {}), 7, std::nullopt));
  EXPECT_TRUE(may_issue_claim_codes(make(Role::guide, 5, {7}), 7, 5));
  EXPECT_FALSE(may_issue_claim_codes(make(Role::guide, 5, {7}), 7, 6));
  EXPECT_FALSE(may_issue_claim_codes(make(Role::guide, 5, {7}), 7, std::nullopt));
  EXPECT_FALSE(may_issue_claim_codes(make(Role::street, 2, {7}), 7, std::nullopt));
  EXPECT_FALSE(may_issue_claim_codes(make(Role::resident, 3, {7}, 40), 7, std::nullopt));
}

TEST(OnboardingPermissions, HouseholdLoginsAreSeenByTheHouseholdAndRemovedByItsHead) {
  const Actor member = make(Role::resident, 3, {7}, 40);
  EXPECT_TRUE(may_see_household_accounts(member, 7, 40, std::nullopt));
  EXPECT_FALSE(may_see_household_accounts(member, 7, 41, std::nullopt));
  EXPECT_TRUE(may_see_household_accounts(make(Role::guide, 5, {7}), 7, 40, 5));
  EXPECT_FALSE(may_see_household_accounts(make(Role::guide, 5, {7}), 7, 40, 6));
  EXPECT_TRUE(may_remove_household_account(member, 7, 40, true));
  EXPECT_FALSE(may_remove_household_account(member, 7, 40, false));
  EXPECT_FALSE(may_remove_household_account(member, 7, 41, true));
  EXPECT_TRUE(may_remove_household_account(make(Role::staff, 1, {7}), 7, 40, false));
  EXPECT_FALSE(may_remove_household_account(make(Role::guide, 5, {7}), 7, 40, false));
  EXPECT_TRUE(may_review_registrations(make(Role::staff, 1, {7}), 7));
  EXPECT_FALSE(may_review_registrations(make(Role::guide, 5, {7}), 7));
}

}  // namespace
}  // namespace gz::onboarding::permissions

namespace gz::onboarding::permissions {
namespace {

TEST(OnboardingPermissions, StaffCreateAndManageOnlyTheirCommunitysGuidesAndResidents) {
  Actor staff;
  staff.user_id = 1;
  staff.role = Role::staff;
  staff.community_ids = {7};
  Actor admin;
  admin.role = Role::admin;
  EXPECT_TRUE(may_create_user(staff, Role::guide, {7}));
  EXPECT_FALSE(may_create_user(staff, Role::guide, {8}));
  EXPECT_FALSE(may_create_user(staff, Role::staff, {7}));
  EXPECT_FALSE(may_create_user(staff, Role::admin, {}));
  EXPECT_TRUE(may_create_user(admin, Role::street, {}));
  EXPECT_FALSE(may_create_user(admin, Role::resident, {7})) << "residents register themselves";
  EXPECT_TRUE(may_manage_user(staff, Role::guide, 7));
  EXPECT_TRUE(may_manage_user(staff, Role::resident, 7));
  EXPECT_FALSE(may_manage_user(staff, Role::staff, 7));
  EXPECT_FALSE(may_manage_user(staff, Role::guide, 8));
  EXPECT_FALSE(may_manage_user(staff, Role::guide, std::nullopt));
  EXPECT_TRUE(may_manage_user(admin, Role::staff, std::nullopt));
  EXPECT_FALSE(may_change_scope(staff));
  EXPECT_TRUE(may_change_scope(admin));
}

}  // namespace
}  // namespace gz::onboarding::permissions
