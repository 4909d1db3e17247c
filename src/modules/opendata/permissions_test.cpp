#include "modules/opendata/permissions.hpp"

#include <gtest/gtest.h>

namespace gz::opendata {
namespace {

TEST(OpenDataPermissions, anyone_reads_open_data) {
  EXPECT_TRUE(may_read_open_data());
}

}  // namespace
}  // namespace gz::opendata
