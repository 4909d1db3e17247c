#include "modules/notifications/permissions.hpp"

#include <gtest/gtest.h>

namespace gz::notifications::permissions {
namespace {

Actor in(Role role, std::int64_t community) {
  Actor actor;
  actor.user_id = 7;
  actor.role = role;
  actor.community_ids = {community};
  return actor;
}

TEST(NotificationPermissions, ChannelsAreTheCommunitysStaffs) {
  EXPECT_TRUE(may_manage_channels(in(Role::staff, 1), 1));
  EXPECT_FALSE(may_manage_channels(in(Role::staff, 2), 1));
  EXPECT_FALSE(may_manage_channels(in(Role::guide, 1), 1));
  EXPECT_FALSE(may_manage_channels(in(Role::resident, 1), 1));
  EXPECT_FALSE(may_manage_channels(in(Role::street, 1), 1));
}

TEST(NotificationPermissions, GuidesAndStaffConfirmMobilesInTheirCommunity) {
  EXPECT_TRUE(may_verify_mobile(in(Role::guide, 1), 1));
  EXPECT_TRUE(may_verify_mobile(in(Role::staff, 1), 1));
  EXPECT_FALSE(may_verify_mobile(in(Role::guide, 2), 1));
  EXPECT_FALSE(may_verify_mobile(in(Role::resident, 1), 1));
}

}  // namespace
}  // namespace gz::notifications::permissions
