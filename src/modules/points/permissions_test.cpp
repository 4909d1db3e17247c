#include "modules/points/permissions.hpp"

#include <gtest/gtest.h>

#include "core/test_actors.hpp"

namespace gz::points {
namespace {

using namespace test_actors;

TEST(PointsPermissions, members_are_everyone_of_the_community_and_admins) {
  for (const Actor& actor : {resident(), guide(), staff(), street(), admin()}) {
    EXPECT_TRUE(is_member(actor, 1)) << role_name(actor.role);
  }
  EXPECT_FALSE(is_member(guide(2), 1));
}

TEST(PointsPermissions, guides_staff_and_admins_award_street_users_and_residents_do_not) {
  EXPECT_TRUE(may_award(guide(), 1));
  EXPECT_TRUE(may_award(staff(), 1));
  EXPECT_TRUE(may_award(admin(), 1));
  EXPECT_FALSE(may_award(street(), 1));
  EXPECT_FALSE(may_award(resident(), 1));
  EXPECT_FALSE(may_award(guide(2), 1));
  EXPECT_FALSE(may_award(staff(2), 1));
}

TEST(PointsPermissions, only_staff_and_admins_manage) {
  EXPECT_TRUE(may_manage(staff(), 1));
  EXPECT_TRUE(may_manage(admin(), 1));
  EXPECT_FALSE(may_manage(guide(), 1));
  EXPECT_FALSE(may_manage(street(), 1));
  EXPECT_FALSE(may_manage(resident(), 1));
  EXPECT_FALSE(may_manage(staff(2), 1));
}

TEST(PointsPermissions, residents_redeem_and_staff_redeem_on_their_behalf) {
  EXPECT_TRUE(may_redeem_for(resident(), 1));
  EXPECT_TRUE(may_redeem_for(staff(), 1));
  EXPECT_TRUE(may_redeem_for(admin(), 1));
  EXPECT_FALSE(may_redeem_for(guide(), 1));
  EXPECT_FALSE(may_redeem_for(street(), 1));
  EXPECT_FALSE(may_redeem_for(staff(2), 1));
}

TEST(PointsPermissions, only_residents_choose_their_leaderboard_name) {
  EXPECT_TRUE(may_choose_leaderboard_name(resident()));
  EXPECT_FALSE(may_choose_leaderboard_name(staff()));
  EXPECT_FALSE(may_choose_leaderboard_name(admin()));
}

}  // namespace
}  // namespace gz::points
