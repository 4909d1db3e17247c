#include "modules/needs/permissions.hpp"

#include <gtest/gtest.h>

#include "core/test_actors.hpp"

namespace gz::needs {
namespace {

using namespace test_actors;

TEST(NeedsPermissions, everyone_of_the_community_but_residents_reads_the_community) {
  EXPECT_TRUE(may_read_community(guide(), 1));
  EXPECT_TRUE(may_read_community(staff(), 1));
  EXPECT_TRUE(may_read_community(street(), 1));
  EXPECT_TRUE(may_read_community(admin(), 1));
  EXPECT_FALSE(may_read_community(resident(), 1));
  EXPECT_FALSE(may_read_community(staff(2), 1));
}

TEST(NeedsPermissions, only_staff_and_admins_set_the_weights) {
  EXPECT_TRUE(may_set_weights(staff(), 1));
  EXPECT_TRUE(may_set_weights(admin(), 1));
  EXPECT_FALSE(may_set_weights(guide(), 1));
  EXPECT_FALSE(may_set_weights(street(), 1));
  EXPECT_FALSE(may_set_weights(resident(), 1));
  EXPECT_FALSE(may_set_weights(staff(2), 1));
}

TEST(NeedsPermissions, guides_staff_and_admins_assess_street_users_and_residents_do_not) {
  EXPECT_TRUE(may_assess(guide(), 1));
  EXPECT_TRUE(may_assess(staff(), 1));
  EXPECT_TRUE(may_assess(admin(), 1));
  EXPECT_FALSE(may_assess(street(), 1));
  EXPECT_FALSE(may_assess(resident(), 1));
  EXPECT_FALSE(may_assess(guide(2), 1));
}

}  // namespace
}  // namespace gz::needs
