#include "modules/cockpit/permissions.hpp"

#include <gtest/gtest.h>

#include "core/test_actors.hpp"

namespace gz::cockpit {
namespace {

using namespace test_actors;

TEST(CockpitPermissions, everyone_but_residents_watches_the_cockpit) {
  EXPECT_TRUE(may_view(guide()));
  EXPECT_TRUE(may_view(staff()));
  EXPECT_TRUE(may_view(street()));
  EXPECT_TRUE(may_view(admin()));
  EXPECT_FALSE(may_view(resident()));
}

}  // namespace
}  // namespace gz::cockpit
