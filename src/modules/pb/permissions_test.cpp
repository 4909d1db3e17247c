#include "modules/pb/permissions.hpp"

#include <gtest/gtest.h>

#include "core/test_actors.hpp"

namespace gz::pb {
namespace {

using namespace test_actors;

TEST(PbPermissions, members_are_everyone_of_the_community_and_admins) {
  for (const Actor& actor : {resident(), guide(), staff(), street(), admin()}) {
    EXPECT_TRUE(is_member(actor, 1)) << role_name(actor.role);
  }
  EXPECT_FALSE(is_member(resident(2), 1));
  EXPECT_FALSE(is_member(staff(2), 1));
}

TEST(PbPermissions, only_staff_and_admins_manage_elections) {
  EXPECT_TRUE(may_manage_elections(staff(), 1));
  EXPECT_TRUE(may_manage_elections(admin(), 1));
  EXPECT_FALSE(may_manage_elections(guide(), 1));
  EXPECT_FALSE(may_manage_elections(street(), 1));
  EXPECT_FALSE(may_manage_elections(resident(), 1));
  EXPECT_FALSE(may_manage_elections(staff(2), 1));
}

TEST(PbPermissions, everyone_but_street_users_proposes_projects) {
  EXPECT_TRUE(may_propose(resident(), 1));
  EXPECT_TRUE(may_propose(guide(), 1));
  EXPECT_TRUE(may_propose(staff(), 1));
  EXPECT_TRUE(may_propose(admin(), 1));
  EXPECT_FALSE(may_propose(street(), 1));
}

TEST(PbPermissions, only_a_resident_with_a_household_votes) {
  EXPECT_TRUE(may_vote(resident(), 1));
  EXPECT_FALSE(may_vote(resident_without_household(), 1));
  EXPECT_FALSE(may_vote(resident(2), 1));
  EXPECT_FALSE(may_vote(guide(), 1));
  EXPECT_FALSE(may_vote(staff(), 1));
  EXPECT_FALSE(may_vote(admin(), 1));
}

}  // namespace
}  // namespace gz::pb
