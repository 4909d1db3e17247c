#include "modules/bookings/permissions.hpp"

#include <gtest/gtest.h>

#include "core/test_actors.hpp"

namespace gz::bookings {
namespace {

using namespace test_actors;

TEST(BookingPermissions, staff_of_the_community_manage_rooms) {
  EXPECT_TRUE(may_manage(staff(1), 1));
  EXPECT_TRUE(may_manage(admin(), 1));
  EXPECT_FALSE(may_manage(staff(2), 1));
  EXPECT_FALSE(may_manage(guide(1), 1));
  EXPECT_FALSE(may_manage(resident(1, 10), 1));
  EXPECT_TRUE(may_oversee(street(1), 1));
  EXPECT_FALSE(may_oversee(resident(1, 10), 1));
}

TEST(BookingPermissions, residents_book_rooms_open_to_residents) {
  EXPECT_TRUE(may_book(resident(1, 10), 1, "residents"));
  EXPECT_FALSE(may_book(resident(1, 10), 1, "officials"));
  EXPECT_FALSE(may_book(resident(2, 10), 1, "residents"));
  EXPECT_FALSE(may_book(resident_without_household(1), 1, "residents"));
  EXPECT_TRUE(may_book(guide(1), 1, "officials"));
  EXPECT_TRUE(may_book(staff(1), 1, "officials"));
  EXPECT_FALSE(may_book(street(1), 1, "residents"));
  EXPECT_FALSE(may_book(guide(2), 1, "residents"));
}

}  // namespace
}  // namespace gz::bookings
