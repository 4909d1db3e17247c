#include "modules/indicators/permissions.hpp"

#include <gtest/gtest.h>

#include "core/test_actors.hpp"

namespace gz::indicators {
namespace {

using namespace test_actors;

TEST(IndicatorsPermissions, everyone_but_residents_reads_the_indicators) {
  EXPECT_TRUE(may_read_indicators(guide()));
  EXPECT_TRUE(may_read_indicators(staff()));
  EXPECT_TRUE(may_read_indicators(street()));
  EXPECT_TRUE(may_read_indicators(admin()));
  EXPECT_FALSE(may_read_indicators(resident()));
}

TEST(IndicatorsPermissions, members_are_everyone_of_the_community_and_admins) {
  EXPECT_TRUE(is_member(street(), 1));
  EXPECT_TRUE(is_member(admin(), 1));
  EXPECT_FALSE(is_member(street(2), 1));
}

TEST(IndicatorsPermissions, officials_read_the_targets_staff_and_admins_set_them) {
  EXPECT_TRUE(may_read_targets(guide(), 1));
  EXPECT_TRUE(may_read_targets(street(), 1));
  EXPECT_FALSE(may_read_targets(resident(), 1));
  EXPECT_TRUE(may_set_targets(staff(), 1));
  EXPECT_TRUE(may_set_targets(admin(), 1));
  EXPECT_FALSE(may_set_targets(guide(), 1));
  EXPECT_FALSE(may_set_targets(street(), 1));
  EXPECT_FALSE(may_set_targets(resident(), 1));
  EXPECT_FALSE(may_set_targets(staff(2), 1));
}

}  // namespace
}  // namespace gz::indicators
