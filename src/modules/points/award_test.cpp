// award and post_awards against a real SQLite database: the check-in and the demos call the
// work behind award, so both must pay the same points, and only award asks who may.
#include <gtest/gtest.h>

#include <memory>

#include "core/test_actors.hpp"
#include "modules/points/points.hpp"
#include "modules/registry/demo.hpp"
#include "storage/temp_database.hpp"

namespace gz::points {
namespace {

class PointsAward : public ::testing::Test {
 protected:
  void SetUp() override {
    registry::DemoOptions options;
    options.households_per_community = 20;
    community_id_ = registry::generate_demo(db(), options).community_ids.front();
    for (const auto& row : db().query(
             "SELECT id, household_id FROM residents WHERE community_id = ? ORDER BY id LIMIT 2",
             {community_id_})) {
      residents_.push_back(row.integer(0));
      households_.push_back(row.integer(1));
    }
    ASSERT_EQ(residents_.size(), 2u);
  }
  storage::Connection& db() { return database_.connection(); }
  AwardInput meeting(std::int64_t resident_id) {
    return {resident_id, "meeting", 1, "activity:1", std::nullopt};
  }

  storage::TempDatabase database_;
  std::int64_t community_id_ = 0;
  std::vector<std::int64_t> residents_;
  std::vector<std::int64_t> households_;
};

TEST_F(PointsAward, the_work_pays_what_the_checked_award_pays) {
  auto awarded = award(db(), test_actors::guide(community_id_), {meeting(residents_[0])}, 1000);
  ASSERT_TRUE(awarded.ok()) << awarded.error().message;
  auto posted = post_awards(db(), test_actors::resident(community_id_, households_[1]),
                            {meeting(residents_[1])}, 1000);
  ASSERT_TRUE(posted.ok()) << posted.error().message;
  EXPECT_EQ(awarded->front().amount, 10);  // the default rule: 10 points a meeting
  EXPECT_EQ(posted->front().amount, awarded->front().amount);
  EXPECT_EQ(posted->front().code, "award");
  EXPECT_EQ(posted->front().rule, std::optional<std::string>("meeting"));
}

TEST_F(PointsAward, only_award_asks_who_may_award) {
  const Actor resident = test_actors::resident(community_id_, households_[0]);
  auto refused = award(db(), resident, {meeting(residents_[0])}, 1000);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "forbidden");
  EXPECT_TRUE(post_awards(db(), resident, {meeting(residents_[0])}, 1000).ok());
}

TEST_F(PointsAward, the_work_checks_the_award_itself) {
  const Actor system = test_actors::admin();
  auto unknown = post_awards(db(), system, {{residents_[0], "juggling", 1, "activity:1", {}}}, 1);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, "unknown_rule");
  auto too_short =
      post_awards(db(), system, {{residents_[0], "volunteer", 5, "activity:1", {}}}, 1);
  ASSERT_FALSE(too_short.ok());
  EXPECT_EQ(too_short.error().code, "too_little");
  auto nobody = post_awards(db(), system, {meeting(999'999)}, 1);
  ASSERT_FALSE(nobody.ok());
  EXPECT_EQ(nobody.error().kind, ErrorKind::not_found);
  auto no_reference = post_awards(db(), system, {{residents_[0], "meeting", 1, "", {}}}, 1);
  ASSERT_FALSE(no_reference.ok());
  EXPECT_EQ(no_reference.error().code, "invalid_reference");
}

}  // namespace
}  // namespace gz::points
