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
