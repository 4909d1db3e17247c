// Warnings on crafted histories in a real (SQLite) database: each kind fires on the history
// that should raise it, only then, and only once however often the evaluation runs; the
// satisfaction improvement task opens below 85% and the next quarter settles its check.
#include "modules/warnings/warnings.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/clock.hpp"
#include "storage/temp_database.hpp"

namespace gz::warnings {
namespace {

constexpr std::int64_t kDay = 24LL * 60 * 60 * 1000;
// 2026-11-20 12:00 Shanghai: the last complete quarter is 2026Q3.
const std::int64_t kNow = days_from_civil(2026, 11, 20) * kDay + 4 * 60 * 60 * 1000;

std::int64_t at(int year, unsigned month, unsigned day) {
  return days_from_civil(year, month, day) * kDay + 2 * 60 * 60 * 1000;  // 10:00 Shanghai
}

class WarningsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    community_ = insert(
        "INSERT INTO communities (name, code, created_at) VALUES ('测试社区', "
        "'W-1', 'x') RETURNING id",
        {});
    for (int i = 0; i < 20; ++i) {
      auto household = insert(
          "INSERT INTO households (community_id, code, address, housing_type, created_at, "
          "updated_at) VALUES (?, ?, 'addr', 'owner', 'x', 'x') RETURNING id",
          {community_, "H-" + std::to_string(i)});
      households_.push_back(household);
      residents_.push_back(insert(
          "INSERT INTO residents (community_id, household_id, name, sex, created_at) VALUES (?, "
          "?, '居民', 'female', 'x') RETURNING id",
          {community_, household}));
    }
  }

  storage::Connection& db() { return database_.connection(); }
  std::int64_t insert(const std::string& sql, const std::vector<storage::Value>& params) {
    return db().query_one(sql, params)->integer(0);
  }

  // A finished meeting on `day` attended by the first `households` households.
  void meeting(const std::string& channel, std::int64_t starts_ms, int households) {
    auto activity = insert(
        "INSERT INTO activities (community_id, kind, channel, title, agenda, starts_ms, ends_ms, "
        "checkin_code, created_at) VALUES (?, 'meeting', ?, '议事会', '', ?, ?, '123456', 'x') "
        "RETURNING id",
        {community_, channel, starts_ms, starts_ms + 2 * 60 * 60 * 1000});
    for (int i = 0; i < households; ++i) {
      db().execute(
          "INSERT INTO activity_attendance (activity_id, community_id, resident_id, "
          "household_id, method, points, checked_in_ms, checked_in_at) VALUES (?, ?, ?, ?, "
          "'sheet', 0, ?, 'x')",
          {activity, community_, residents_[static_cast<std::size_t>(i)],
           households_[static_cast<std::size_t>(i)], starts_ms});
    }
  }

  // A request received at `received_ms`; complaint categories count towards the rate.
  void request(const std::string& category, std::int64_t received_ms,
               std::optional<int> rating = std::nullopt) {
    static int sequence = 0;
    db().execute(
        "INSERT INTO requests (community_id, tracking_code, category, description, priority, "
        "priority_source, status, channel, household_id, received_at, received_ms, "
        "response_due_ms, resolution_due_ms, responded_ms, resolved_ms, rating, created_at, "
        "updated_at) VALUES (?, ?, ?, 'd', 'blue', 'category', 'resolved', 'web', ?, 'x', ?, ?, "
        "?, ?, ?, ?, 'x', 'x')",
        {community_, "T" + std::to_string(++sequence), category, households_[0], received_ms,
         received_ms + kDay, received_ms + 7 * kDay, received_ms + 60 * 60 * 1000,
         received_ms + 2 * kDay, storage::opt_int(rating)});
  }

  std::vector<std::string> kinds() {
    std::vector<std::string> out;
    for (const auto& row :
         db().query("SELECT kind FROM warnings WHERE community_id = ? ORDER BY id", {community_})) {
      out.push_back(row.text(0));
    }
    return out;
  }

  storage::TempDatabase database_;
  std::int64_t community_ = 0;
  std::vector<std::int64_t> households_, residents_;
};

TEST_F(WarningsTest, NothingFiresOnAQuietHistory) {
  meeting("online_hall", at(2026, 8, 1), 8);
  meeting("online_hall", at(2026, 9, 1), 9);
  request("noise", at(2026, 8, 3), 5);
  auto result = evaluate(db(), community_, kNow);
  EXPECT_EQ(result.raised, 0);
  EXPECT_TRUE(kinds().empty());
}

TEST_F(WarningsTest, ParticipationFallingAtThreeMeetingsInARowOfOneChannel) {
  // Building corners fall 9 → 7 → 5 → 3; the online hall falls twice only.
  meeting("building_corner", at(2026, 7, 1), 9);
  meeting("building_corner", at(2026, 8, 1), 7);
  meeting("building_corner", at(2026, 9, 1), 5);
  meeting("building_corner", at(2026, 10, 1), 3);
  meeting("online_hall", at(2026, 8, 2), 9);
  meeting("online_hall", at(2026, 9, 2), 8);
  meeting("online_hall", at(2026, 10, 2), 6);
  // A meeting still to come does not count.
  meeting("online_hall", kNow + kDay, 1);
  EXPECT_EQ(evaluate(db(), community_, kNow).raised, 1);
  EXPECT_EQ(kinds(), std::vector<std::string>{"participation_falling"});
  auto evidence = db().query_one("SELECT subject, evidence FROM warnings")->text(1);
  EXPECT_NE(evidence.find("\"households\":3"), std::string::npos) << evidence;
  EXPECT_NE(evidence.find("building_corner"), std::string::npos);
  // Evaluating again (another process, the next hour) raises nothing new.
  EXPECT_EQ(evaluate(db(), community_, kNow).raised, 0);
  EXPECT_EQ(kinds().size(), 1u);
  // A recovery at the next meeting is a new run to watch, not a new warning.
  meeting("building_corner", at(2026, 11, 1), 6);
  EXPECT_EQ(evaluate(db(), community_, kNow).raised, 0);
}

TEST_F(WarningsTest, ComplaintsRisingTwoQuartersRunning) {
  // Q1: 1 complaint, Q2: 2, Q3: 3 (of 20 households); a repair request is not a complaint.
  request("noise", at(2026, 2, 10));
  request("noise", at(2026, 5, 10));
  request("neighbour_dispute", at(2026, 6, 10));
  for (unsigned day : {10u, 11u, 12u}) request("property_service", at(2026, 8, day));
  request("water_outage", at(2026, 3, 1));
  EXPECT_EQ(evaluate(db(), community_, kNow).raised, 1);
  EXPECT_EQ(db().query_one("SELECT subject FROM warnings")->text(0), "complaints:2026Q3");
}

TEST_F(WarningsTest, ComplaintsThatRoseOnceDoNotFire) {
  request("noise", at(2026, 2, 10));
  request("noise", at(2026, 2, 11));
  request("noise", at(2026, 5, 10));  // fell
  request("noise", at(2026, 8, 10));
  request("noise", at(2026, 8, 11));  // rose once
  EXPECT_EQ(evaluate(db(), community_, kNow).raised, 0);
}

TEST_F(WarningsTest, StalledTopicsAtTheirThirdMeetingWithoutADecision) {
  auto add = [&](const char* state, int meetings) {
    db().execute(
        "INSERT INTO proposals (community_id, household_id, title, body, state, meetings, "
        "created_at, updated_at) VALUES (?, ?, '加装电梯', 'b', ?, ?, 'x', 'x')",
        {community_, households_[0], std::string(state), std::int64_t{meetings}});
  };
  add("deferred", 3);   // stalled
  add("deferred", 2);   // not yet
  add("passed", 4);     // decided
  add("withdrawn", 3);  // gone
  EXPECT_EQ(evaluate(db(), community_, kNow).raised, 1);
  EXPECT_EQ(kinds(), std::vector<std::string>{"stalled_topic"});
}

TEST_F(WarningsTest, PlatformFaultsOfTheLastWeekOnly) {
  record_platform_event(db(), 0, "backup", false, "disk full", kNow - 8 * kDay);
  record_platform_event(db(), 0, "backup", true, "ok", kNow - 2 * kDay);
  EXPECT_EQ(evaluate(db(), community_, kNow).raised, 0);
  record_platform_event(db(), 0, "ledger_verify", false, "entry 42 altered", kNow - kDay);
  EXPECT_EQ(evaluate(db(), community_, kNow).raised, 1);
  auto row = db().query_one("SELECT kind, evidence FROM warnings");
  EXPECT_EQ(row->text(0), "platform_fault");
  EXPECT_NE(row->text(1).find("entry 42 altered"), std::string::npos);
}

TEST_F(WarningsTest, LowSatisfactionOpensATaskTheNextQuarterChecks) {
  // 2026Q2: ratings 5, 4, 2, 1 → 50% satisfied: a task opens when Q2 is the last quarter.
  for (int rating : {5, 4, 2, 1}) request("public_facility", at(2026, 5, 12), rating);
  const std::int64_t in_q3 = days_from_civil(2026, 8, 20) * kDay;
  auto opened = evaluate(db(), community_, in_q3);
  EXPECT_EQ(opened.improvements_opened, 1);
  EXPECT_EQ(evaluate(db(), community_, in_q3).improvements_opened, 0);  // once
  auto task =
      db().query_one("SELECT period, stage, trigger_value_bp, check_period FROM improvement_tasks");
  EXPECT_EQ(task->text(0), "2026Q2");
  EXPECT_EQ(task->text(1), "plan");
  EXPECT_EQ(task->integer(2), 5000);
  EXPECT_TRUE(task->is_null(3));
  // 2026Q3: all satisfied → in November the check is recorded as met.
  for (int rating : {5, 5, 4}) request("public_facility", at(2026, 8, 12), rating);
  auto checked = evaluate(db(), community_, kNow);
  EXPECT_EQ(checked.checks_recorded, 1);
  EXPECT_EQ(checked.improvements_opened, 0);
  auto check = db().query_one(
      "SELECT check_period, check_value_bp, check_met FROM improvement_tasks WHERE period = "
      "'2026Q2'");
  EXPECT_EQ(check->text(0), "2026Q3");
  EXPECT_EQ(check->integer(1), 10000);
  EXPECT_EQ(check->integer(2), 1);
}

}  // namespace
}  // namespace gz::warnings
