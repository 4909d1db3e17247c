#include "modules/accounts/permissions.hpp"

#include <gtest/gtest.h>

#include "core/test_actors.hpp"

namespace gz::accounts {
namespace {

using namespace test_actors;

TEST(AccountsPermissions, residents_do_not_ask_for_the_workers) {
  EXPECT_FALSE(may_ask_for_workers(resident()));
  EXPECT_TRUE(may_ask_for_workers(guide()));
  EXPECT_TRUE(may_ask_for_workers(staff()));
  EXPECT_TRUE(may_ask_for_workers(street()));
  EXPECT_TRUE(may_ask_for_workers(admin()));
}

TEST(AccountsPermissions, staff_street_users_and_admins_list_workers_guides_do_not) {
  EXPECT_TRUE(may_list_workers(staff(), 1));
  EXPECT_TRUE(may_list_workers(street(), 1));
  EXPECT_TRUE(may_list_workers(admin(), 1));
  EXPECT_FALSE(may_list_workers(guide(), 1));
  EXPECT_FALSE(may_list_workers(resident(), 1));
  EXPECT_FALSE(may_list_workers(staff(2), 1));
  EXPECT_FALSE(may_list_workers(street(2), 1));
}

}  // namespace
}  // namespace gz::accounts
