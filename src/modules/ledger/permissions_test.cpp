#include "modules/ledger/permissions.hpp"

#include <gtest/gtest.h>

#include "core/test_actors.hpp"

namespace gz::ledger {
namespace {

using namespace test_actors;

TEST(LedgerPermissions, staff_street_users_and_admins_verify_the_ledger) {
  EXPECT_TRUE(may_verify(staff()));
  EXPECT_TRUE(may_verify(street()));
  EXPECT_TRUE(may_verify(admin()));
  EXPECT_FALSE(may_verify(guide()));
  EXPECT_FALSE(may_verify(resident()));
}

}  // namespace
}  // namespace gz::ledger
