#include "modules/transparency/permissions.hpp"

#include <gtest/gtest.h>

#include "core/test_actors.hpp"

namespace gz::transparency {
namespace {

using namespace test_actors;

TEST(TransparencyPermissions, members_are_everyone_of_the_community_and_admins) {
  for (const Actor& actor : {resident(), guide(), staff(), street(), admin()}) {
    EXPECT_TRUE(is_member(actor, 1)) << role_name(actor.role);
  }
  EXPECT_FALSE(is_member(resident(2), 1));
}

TEST(TransparencyPermissions, only_staff_and_admins_manage) {
  EXPECT_TRUE(may_manage(staff(), 1));
  EXPECT_TRUE(may_manage(admin(), 1));
  EXPECT_FALSE(may_manage(guide(), 1));
  EXPECT_FALSE(may_manage(street(), 1));
  EXPECT_FALSE(may_manage(resident(), 1));
  EXPECT_FALSE(may_manage(staff(2), 1));
}

TEST(TransparencyPermissions, officials_read_the_records_residents_read_the_board) {
  EXPECT_TRUE(may_read_records(guide(), 1));
  EXPECT_TRUE(may_read_records(staff(), 1));
  EXPECT_TRUE(may_read_records(street(), 1));
  EXPECT_TRUE(may_read_records(admin(), 1));
  EXPECT_FALSE(may_read_records(resident(), 1));
  EXPECT_FALSE(may_read_records(street(2), 1));
}

TEST(TransparencyPermissions, only_the_street_signs_off_emergency_spending) {
  EXPECT_TRUE(may_sign_off(street(), 1));
  EXPECT_TRUE(may_sign_off(admin(), 1));
  EXPECT_FALSE(may_sign_off(staff(), 1));
  EXPECT_FALSE(may_sign_off(guide(), 1));
  EXPECT_FALSE(may_sign_off(resident(), 1));
  EXPECT_FALSE(may_sign_off(street(2), 1));
}

TEST(TransparencyPermissions, households_object_and_rate_officials_do_not) {
  EXPECT_TRUE(may_object(resident(), 1));
  EXPECT_TRUE(may_rate(resident(), 1));
  EXPECT_FALSE(may_object(resident_without_household(), 1));
  EXPECT_FALSE(may_rate(resident_without_household(), 1));
  EXPECT_FALSE(may_object(resident(2), 1));
  for (const Actor& actor : {guide(), staff(), street(), admin()}) {
    EXPECT_FALSE(may_object(actor, 1)) << role_name(actor.role);
    EXPECT_FALSE(may_rate(actor, 1)) << role_name(actor.role);
  }
}

}  // namespace
}  // namespace gz::transparency
