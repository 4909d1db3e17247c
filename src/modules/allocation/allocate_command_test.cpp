// `gongzhi allocate` against a real SQLite database: the plan is stored, sums exactly to the
// total, and a second run of the quarter shows the previous totals.
#include "modules/allocation/allocate_command.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <boost/json.hpp>

#include "modules/audit/audit_log.hpp"
#include "modules/registry/registry.hpp"
#include "storage/migrate.hpp"

namespace gz::allocation {
namespace {

class AllocateCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = "/tmp/gz_allocate_test_" + std::to_string(::getpid()) + ".db";
    std::remove(path_.c_str());
    database_ = storage::open_sqlite(path_);
    db_ = database_->connect();
    storage::migrate(*db_);
    auto community = registry::create_community(*db_, audit::system_actor(),
                                                {"幸福里社区", "A-1", std::nullopt, std::nullopt});
    ASSERT_TRUE(community.ok());
    community_id_ = community->id;
    registry::HouseholdFields fields;
    fields.code = "1-101";
    fields.address = "1号楼101";
    fields.income_band = "low";
    auto household = registry::create_household(*db_, audit::system_actor(), community_id_, fields);
    ASSERT_TRUE(household.ok());
    registry::ResidentFields elder;
    elder.name = "王奶奶";
    elder.sex = "female";
    elder.birth_date = "1940-03-01";
    ASSERT_TRUE(registry::add_resident(*db_, audit::system_actor(), household->id, elder).ok());
  }
  void TearDown() override {
    db_.reset();
    database_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path_ + suffix).c_str());
  }
  std::string path_;
  std::unique_ptr<storage::Database> database_;
  std::unique_ptr<storage::Connection> db_;
  std::int64_t community_id_ = 0;
};

TEST_F(AllocateCommandTest, PlansAQuarterExactlyAndShowsThePreviousTotalsOnARerun) {
  auto first = run_allocate(*db_, std::to_string(community_id_), "2026Q3", "1000000", "fen");
  ASSERT_TRUE(first.ok()) << first.error().message;
  auto plan = boost::json::parse(*first);
  std::int64_t sum = plan.at("pools").at("reserve").as_int64();
  for (const auto& line : plan.at("lines").as_array()) sum += line.at("total").as_int64();
  EXPECT_EQ(sum, 1000000);
  EXPECT_EQ(plan.at("lines").as_array().size(), 5u);
  auto second = run_allocate(*db_, std::to_string(community_id_), "2026Q3", "1000000", "fen");
  ASSERT_TRUE(second.ok());
  auto replan = boost::json::parse(*second);
  EXPECT_EQ(replan.at("lines").as_array()[0].at("previous_total").as_int64(),
            plan.at("lines").as_array()[0].at("total").as_int64());
}

TEST_F(AllocateCommandTest, RefusesATotalThatIsNotAWholeNumber) {
  auto result = run_allocate(*db_, std::to_string(community_id_), "2026Q3", "12.5", "fen");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, "invalid_argument");
  EXPECT_FALSE(run_allocate(*db_, "x", "2026Q3", "10", "fen").ok());
  EXPECT_EQ(run_allocate(*db_, std::to_string(community_id_), "Q3", "10", "fen").error().code,
            "invalid_quarter");
}

}  // namespace
}  // namespace gz::allocation
