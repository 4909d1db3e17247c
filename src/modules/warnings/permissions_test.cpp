#include "modules/warnings/permissions.hpp"

#include <gtest/gtest.h>

#include "core/test_actors.hpp"

namespace gz::warnings {
namespace {

using namespace test_actors;

TEST(WarningsPermissions, members_are_everyone_of_the_community_and_admins) {
  for (const Actor& actor : {resident(), guide(), staff(), street(), admin()}) {
    EXPECT_TRUE(is_member(actor, 1)) << role_name(actor.role);
  }
  EXPECT_FALSE(is_member(staff(2), 1));
}

TEST(WarningsPermissions, officials_read_warnings_residents_do_not) {
  EXPECT_TRUE(may_read(guide(), 1));
  EXPECT_TRUE(may_read(staff(), 1));
  EXPECT_TRUE(may_read(street(), 1));
  EXPECT_TRUE(may_read(admin(), 1));
  EXPECT_FALSE(may_read(resident(), 1));
  EXPECT_FALSE(may_read(guide(2), 1));
}

TEST(WarningsPermissions, only_staff_and_admins_manage) {
  EXPECT_TRUE(may_manage(staff(), 1));
  EXPECT_TRUE(may_manage(admin(), 1));
  EXPECT_FALSE(may_manage(guide(), 1));
  EXPECT_FALSE(may_manage(street(), 1));
  EXPECT_FALSE(may_manage(resident(), 1));
  EXPECT_FALSE(may_manage(staff(2), 1));
}

}  // namespace
}  // namespace gz::warnings
