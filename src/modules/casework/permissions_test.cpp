#include "modules/casework/permissions.hpp"

#include <gtest/gtest.h>

#include "core/test_actors.hpp"

namespace gz::casework {
namespace {

using namespace test_actors;

TEST(CaseworkPermissions, guides_and_staff_of_the_community_record_and_read_visits) {
  EXPECT_TRUE(may_record_visit(guide(1), 1));
  EXPECT_TRUE(may_record_visit(staff(1), 1));
  EXPECT_TRUE(may_record_visit(admin(), 1));
  EXPECT_FALSE(may_record_visit(guide(2), 1));
  EXPECT_FALSE(may_record_visit(street(1), 1));
  EXPECT_FALSE(may_record_visit(resident(1, 10), 1));
  EXPECT_TRUE(may_read_casework(guide(1), 1));
  EXPECT_FALSE(may_read_casework(street(1), 1));
  EXPECT_FALSE(may_read_casework(resident(1, 10), 1));
  EXPECT_FALSE(may_read_casework(staff(2), 1));
}

TEST(CaseworkPermissions, a_guide_reads_only_their_own_figures) {
  Actor me = guide(1);
  EXPECT_TRUE(may_read_figures(me, 1, me.user_id));
  EXPECT_FALSE(may_read_figures(me, 1, me.user_id + 1));
  EXPECT_TRUE(may_read_figures(staff(1), 1, 99));
  EXPECT_TRUE(may_read_figures(street(1), 1, 99));
  EXPECT_FALSE(may_read_figures(street(2), 1, 99));
  EXPECT_FALSE(may_read_figures(resident(1, 10), 1, 99));
}

}  // namespace
}  // namespace gz::casework
