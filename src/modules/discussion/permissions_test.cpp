#include "modules/discussion/permissions.hpp"

#include <gtest/gtest.h>

#include "core/test_actors.hpp"

namespace gz::discussion {
namespace {

using namespace test_actors;

TEST(DiscussionPermissions, members_with_a_household_and_officials_comment) {
  EXPECT_TRUE(may_comment(resident(1, 10), 1));
  EXPECT_FALSE(may_comment(resident(2, 10), 1));
  EXPECT_FALSE(may_comment(resident_without_household(1), 1));
  EXPECT_TRUE(may_comment(guide(1), 1));
  EXPECT_TRUE(may_comment(staff(1), 1));
  EXPECT_FALSE(may_comment(street(1), 1));
  EXPECT_TRUE(may_comment(admin(), 1));
}

TEST(DiscussionPermissions, residents_flag_other_households_comments_staff_moderate) {
  EXPECT_TRUE(may_flag(resident(1, 10), 1, 11));
  EXPECT_FALSE(may_flag(resident(1, 10), 1, 10));
  EXPECT_TRUE(may_flag(resident(1, 10), 1, std::nullopt));
  EXPECT_FALSE(may_flag(staff(1), 1, 11));
  EXPECT_FALSE(may_flag(resident(2, 10), 1, 11));
  EXPECT_TRUE(may_moderate(staff(1), 1));
  EXPECT_FALSE(may_moderate(guide(1), 1));
  EXPECT_FALSE(may_moderate(staff(2), 1));
}

}  // namespace
}  // namespace gz::discussion
