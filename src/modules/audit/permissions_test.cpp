#include "modules/audit/permissions.hpp"

#include <gtest/gtest.h>

#include "core/test_actors.hpp"

namespace gz::audit {
namespace {

using namespace test_actors;

TEST(AuditPermissions, only_admins_sign_a_checkpoint_on_demand) {
  EXPECT_TRUE(may_sign_checkpoint(admin()));
  EXPECT_FALSE(may_sign_checkpoint(staff()));
  EXPECT_FALSE(may_sign_checkpoint(street()));
  EXPECT_FALSE(may_sign_checkpoint(guide()));
  EXPECT_FALSE(may_sign_checkpoint(resident()));
}

}  // namespace
}  // namespace gz::audit
