#include "modules/reports/permissions.hpp"

#include <gtest/gtest.h>

#include "core/test_actors.hpp"

namespace gz::reports {
namespace {

using namespace test_actors;

TEST(ReportsPermissions, everyone_but_residents_reads_the_reports) {
  EXPECT_TRUE(may_read_reports(guide()));
  EXPECT_TRUE(may_read_reports(staff()));
  EXPECT_TRUE(may_read_reports(street()));
  EXPECT_TRUE(may_read_reports(admin()));
  EXPECT_FALSE(may_read_reports(resident()));
  EXPECT_FALSE(may_read_reports(resident_without_household()));
}

}  // namespace
}  // namespace gz::reports
