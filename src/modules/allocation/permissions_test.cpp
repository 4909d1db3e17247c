#include "modules/allocation/permissions.hpp"

#include <gtest/gtest.h>

#include "core/test_actors.hpp"

namespace gz::allocation {
namespace {

using namespace test_actors;

TEST(AllocationPermissions, staff_and_admins_plan_guides_street_and_residents_do_not) {
  EXPECT_TRUE(may_plan(staff(), 1));
  EXPECT_TRUE(may_plan(admin(), 1));
  EXPECT_FALSE(may_plan(guide(), 1));
  EXPECT_FALSE(may_plan(street(), 1));
  EXPECT_FALSE(may_plan(resident(), 1));
  EXPECT_FALSE(may_plan(staff(2), 1));
}

TEST(AllocationPermissions, everyone_of_the_community_but_residents_reads_plans) {
  EXPECT_TRUE(may_read_plans(guide(), 1));
  EXPECT_TRUE(may_read_plans(staff(), 1));
  EXPECT_TRUE(may_read_plans(street(), 1));
  EXPECT_TRUE(may_read_plans(admin(), 1));
  EXPECT_FALSE(may_read_plans(resident(), 1));
  EXPECT_FALSE(may_read_plans(guide(2), 1));
}

}  // namespace
}  // namespace gz::allocation
