#include "modules/announcements/permissions.hpp"

#include <gtest/gtest.h>

#include "core/test_actors.hpp"

namespace gz::announcements {
namespace {

using namespace test_actors;

TEST(AnnouncementPermissions, staff_of_the_community_publish) {
  EXPECT_TRUE(may_publish(staff(1), 1));
  EXPECT_TRUE(may_publish(admin(), 1));
  EXPECT_FALSE(may_publish(staff(2), 1));
  EXPECT_FALSE(may_publish(guide(1), 1));
  EXPECT_FALSE(may_publish(street(1), 1));
  EXPECT_FALSE(may_publish(resident(1, 10), 1));
}

TEST(AnnouncementPermissions, officials_oversee_residents_do_not) {
  EXPECT_TRUE(may_oversee(guide(1), 1));
  EXPECT_TRUE(may_oversee(street(1), 1));
  EXPECT_FALSE(may_oversee(street(2), 1));
  EXPECT_FALSE(may_oversee(resident(1, 10), 1));
}

TEST(AnnouncementPermissions, a_resident_reads_the_community_notices_and_their_buildings) {
  EXPECT_TRUE(may_read(resident(1, 10), 1, {}, 5));
  EXPECT_TRUE(may_read(resident(1, 10), 1, {4, 5}, 5));
  EXPECT_FALSE(may_read(resident(1, 10), 1, {4, 6}, 5));
  EXPECT_FALSE(may_read(resident(1, 10), 1, {4}, std::nullopt));
  EXPECT_FALSE(may_read(resident(2, 10), 1, {}, 5));
  EXPECT_FALSE(may_read(resident_without_household(2), 1, {}, std::nullopt));
  EXPECT_TRUE(may_read(resident_without_household(1), 1, {}, std::nullopt));
  EXPECT_TRUE(may_read(guide(1), 1, {4}, std::nullopt));
}

}  // namespace
}  // namespace gz::announcements
