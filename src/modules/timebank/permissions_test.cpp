#include "modules/timebank/permissions.hpp"

#include <gtest/gtest.h>

#include "core/test_actors.hpp"

namespace gz::timebank {
namespace {

using namespace test_actors;

// Household 10 (the test resident's) served household 20, both of community 1.
const ServiceParties kGiven{1, 10, 20};
const ServiceParties kReceived{1, 20, 10};
const ServiceParties kOthers{1, 20, 30};

TEST(TimebankPermissions, a_household_and_the_communitys_workers_speak_for_its_members) {
  EXPECT_TRUE(speaks_for(resident(), 1, 10));
  EXPECT_FALSE(speaks_for(resident(), 1, 20));
  EXPECT_FALSE(speaks_for(resident_without_household(), 1, std::nullopt));
  EXPECT_TRUE(speaks_for(guide(), 1, 20));
  EXPECT_TRUE(speaks_for(staff(), 1, 20));
  EXPECT_TRUE(speaks_for(admin(), 1, 20));
  EXPECT_FALSE(speaks_for(street(), 1, 20));
  EXPECT_FALSE(speaks_for(guide(2), 1, 20));
}

TEST(TimebankPermissions, a_service_is_seen_by_both_households_and_the_communitys_officials) {
  EXPECT_TRUE(may_see_service(resident(), kGiven));
  EXPECT_TRUE(may_see_service(resident(), kReceived));
  EXPECT_FALSE(may_see_service(resident(), kOthers));
  EXPECT_FALSE(may_see_service(resident_without_household(), kOthers));
  for (const Actor& actor : {guide(), staff(), street(), admin()}) {
    EXPECT_TRUE(may_see_service(actor, kOthers)) << role_name(actor.role);
  }
  EXPECT_FALSE(may_see_service(staff(2), kOthers));
}

TEST(TimebankPermissions, the_recipient_or_a_worker_for_them_answers_a_service) {
  EXPECT_TRUE(may_answer_service(resident(), kReceived));
  EXPECT_FALSE(may_answer_service(resident(), kGiven));  // the provider cannot confirm
  EXPECT_TRUE(may_answer_service(guide(), kOthers));
  EXPECT_TRUE(may_answer_service(staff(), kOthers));
  EXPECT_FALSE(may_answer_service(street(), kOthers));
}

TEST(TimebankPermissions, residents_list_their_own_households_services_only) {
  EXPECT_TRUE(sees_own_household_only(resident()));
  EXPECT_FALSE(sees_own_household_only(guide()));
  EXPECT_FALSE(sees_own_household_only(street()));
}

TEST(TimebankPermissions, the_household_or_staff_transfer_banked_time_guides_do_not) {
  EXPECT_TRUE(may_transfer(resident(), 1, 10));
  EXPECT_FALSE(may_transfer(resident(), 1, 20));
  EXPECT_TRUE(may_transfer(staff(), 1, 20));
  EXPECT_TRUE(may_transfer(admin(), 1, 20));
  EXPECT_FALSE(may_transfer(guide(), 1, 20));
  EXPECT_FALSE(may_transfer(street(), 1, 20));
  EXPECT_FALSE(may_transfer(staff(2), 1, 20));
}

}  // namespace
}  // namespace gz::timebank
