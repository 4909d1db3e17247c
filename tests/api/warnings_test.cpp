// Black-box tests of warnings and improvement tasks on SQLite and PostgreSQL: an allocation
// dispute raised by objections over the threshold (once, however often the evaluation runs),
// read with its evidence and suggested response, resolved once by staff; improvement tasks
// opened by hand and moved through their stages with notes, held at the check; roles and
// outsiders refused.
#include <gtest/gtest.h>

#include "core/clock.hpp"
#include "harness.hpp"

namespace gz::test {
namespace {

constexpr const char* kPassword = "warnings-pass-42";

struct Fixture {
  explicit Fixture(Backend backend) : world(backend, {}, kPassword) {
    community_id = world.community("预警社区", "WA-1");
    std::int64_t other = world.community("别的社区", "WA-2");
    std::int64_t first_household = 0;
    for (int i = 0; i < 10; ++i) {
      std::int64_t id = world.household(community_id, "H-" + std::to_string(i));
      if (i == 0) first_household = id;
    }
    staff = world.community_user("staff", "staff", {community_id});
    staff_id = world.user_id("staff");
    guide = world.community_user("guide", "guide", {community_id});
    resident = world.resident_user("resident", first_household);
    outsider_staff = world.community_user("elsewhere", "staff", {other});
  }
  World world;
  std::int64_t community_id = 0;
  std::int64_t staff_id = 0;
  Client staff{0}, guide{0}, resident{0}, outsider_staff{0};
};

class WarningsApiTest : public BackendTest {
 protected:
  Fixture& w() { return shared<Fixture>(GetParam()); }
  std::string cid() { return std::to_string(w().community_id); }
};

TEST_P(WarningsApiTest, ObjectionsOverTheThresholdRaiseOneDisputeWarning) {
  std::string evaluate = "/api/v1/warnings/evaluate?community_id=" + cid();
  EXPECT_EQ(w().guide.post(evaluate, boost::json::object{}).status, 403);
  EXPECT_EQ(w().outsider_staff.post(evaluate, boost::json::object{}).status, 404);
  auto quiet = w().staff.post(evaluate, boost::json::object{});
  ASSERT_EQ(quiet.status, 200) << quiet.body;
  EXPECT_EQ(quiet.json().at("raised").as_int64(), 0);

  boost::json::array categories{boost::json::object{
      {"category", "elderly_care"}, {"policy_weight", 1}, {"demand_weight", 1}}};
  auto plan = w().staff.post("/api/v1/allocation/plans", {{"community_id", w().community_id},
                                                          {"quarter", "2027Q1"},
                                                          {"total", 10000},
                                                          {"unit", "fen"},
                                                          {"categories", categories}});
  ASSERT_EQ(plan.status, 201) << plan.body;
  std::string base = "/api/v1/plans/" + std::to_string(plan.json().at("id").as_int64());
  ASSERT_EQ(w().staff.post(base + "/transitions", {{"action", "publish"}, {"note", "公示"}}).status,
            200);
  // One household of ten: 10% > 5%.
  ASSERT_EQ(w().resident.post(base + "/objections", {{"text", "分配不公"}}).status, 201);
  auto raised = w().staff.post(evaluate, boost::json::object{});
  ASSERT_EQ(raised.status, 200) << raised.body;
  EXPECT_EQ(raised.json().at("raised").as_int64(), 1);
  EXPECT_EQ(w().staff.post(evaluate, boost::json::object{}).json().at("raised").as_int64(), 0);

  std::string list = "/api/v1/warnings?community_id=" + cid();
  EXPECT_EQ(w().resident.get(list).status, 403);
  EXPECT_EQ(w().outsider_staff.get(list).status, 404);
  EXPECT_EQ(w().guide.get(list + "&state=everything").status, 400);
  auto open = w().guide.get(list);
  ASSERT_EQ(open.status, 200) << open.body;
  auto items = open.json().at("items").as_array();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].at("kind").as_string(), "allocation_dispute");
  EXPECT_EQ(items[0].at("state").as_string(), "open");
  EXPECT_EQ(items[0].at("evidence").at("objecting_households").as_int64(), 1);
  EXPECT_EQ(items[0].at("evidence").at("households").as_int64(), 10);
  EXPECT_NE(std::string(items[0].at("suggestion").as_string()).find("第三方评估"),
            std::string::npos);

  std::string resolve =
      "/api/v1/warnings/" + std::to_string(items[0].at("id").as_int64()) + "/resolve";
  EXPECT_EQ(w().guide.post(resolve, {{"resolution", "指导员"}}).status, 403);
  EXPECT_EQ(w().outsider_staff.post(resolve, {{"resolution", "外人"}}).status, 404);
  auto resolved = w().staff.post(resolve, {{"resolution", "已委托第三方评估并公开决策过程"}});
  ASSERT_EQ(resolved.status, 200) << resolved.body;
  EXPECT_EQ(resolved.json().at("state").as_string(), "resolved");
  EXPECT_EQ(w().staff.post(resolve, {{"resolution", "再次"}}).error_code(), "already_resolved");
  EXPECT_EQ(w().guide.get(list).json().at("items").as_array().size(), 0u);
  EXPECT_EQ(w().guide.get(list + "&state=resolved").json().at("items").as_array().size(), 1u);
}

TEST_P(WarningsApiTest, ImprovementTasksMoveStageByStageAndWaitForTheCheck) {
  boost::json::object task{{"community_id", w().community_id},
                           {"indicator", "complaint_rate"},
                           {"period", "2026Q3"},
                           {"title", "投诉率上升：加强督导"},
                           {"due_on", "2026-12-31"},
                           {"owner_user_id", w().staff_id}};
  EXPECT_EQ(w().guide.post("/api/v1/improvements", task).status, 403);
  auto bad = task;
  bad["period"] = "2026-Q3";
  EXPECT_EQ(w().staff.post("/api/v1/improvements", bad).error_code(), "invalid_period");
  auto opened = w().staff.post("/api/v1/improvements", task);
  ASSERT_EQ(opened.status, 201) << opened.body;
  EXPECT_EQ(opened.json().at("stage").as_string(), "plan");
  EXPECT_EQ(w().staff.post("/api/v1/improvements", task).error_code(), "improvement_exists");
  std::string path = "/api/v1/improvements/" + std::to_string(opened.json().at("id").as_int64());

  EXPECT_EQ(w().staff.patch(path, {{"stage", "do"}}).error_code(), "note_required");
  EXPECT_EQ(w().staff.patch(path, {{"stage", "check"}, {"note", "跳过"}}).error_code(),
            "invalid_stage");
  EXPECT_EQ(w().guide.patch(path, {{"stage", "do"}, {"note", "指导员"}}).status, 403);
  auto doing = w().staff.patch(path, {{"stage", "do"}, {"note", "计划：每月督导一次"}});
  ASSERT_EQ(doing.status, 200) << doing.body;
  EXPECT_EQ(doing.json().at("notes").at("plan").as_string(), "计划：每月督导一次");
  ASSERT_EQ(w().staff.patch(path, {{"stage", "check"}, {"note", "已执行三次督导"}}).status, 200);
  auto early = w().staff.patch(path, {{"stage", "act"}, {"note", "还没有下季度数据"}});
  EXPECT_EQ(early.status, 409) << early.body;
  EXPECT_EQ(early.error_code(), "check_pending");
  EXPECT_EQ(w().staff.patch(path, {{"owner_user_id", 999999}}).error_code(), "unknown_owner");

  auto listed = w().guide.get("/api/v1/improvements?community_id=" + cid());
  ASSERT_EQ(listed.status, 200) << listed.body;
  auto first = listed.json().at("items").as_array()[0];
  EXPECT_EQ(first.at("stage").as_string(), "check");
  EXPECT_TRUE(first.at("check").at("met").is_null());
  EXPECT_EQ(first.at("owner_name").as_string(), "staff");  // a guide reads who owns it
  EXPECT_EQ(w().resident.get("/api/v1/improvements?community_id=" + cid()).status, 403);
}

// A task opened by hand on any indicator gets the next quarter's figure at the evaluation, so
// it can leave the check (it once waited forever: only satisfaction was measured). The server's
// clock stands in this quarter, then two quarters on, when the next quarter is complete.
TEST_P(WarningsApiTest, AHandOpenedTaskIsCheckedAgainstTheNextQuarter) {
  std::int64_t opened_at = now_epoch_ms();
  Quarter quarter = Quarter::containing(opened_at);
  World world(GetParam(), frozen_at(opened_at), kPassword);
  std::int64_t community = world.community("复查社区", "WA-9");
  for (int i = 0; i < 5; ++i) world.household(community, "C-" + std::to_string(i));
  Client staff = world.community_user("checker", "staff", {community});
  auto opened = staff.post("/api/v1/improvements", {{"community_id", community},
                                                    {"indicator", "complaint_rate"},
                                                    {"period", quarter.name()},
                                                    {"title", "投诉率：复查"},
                                                    {"due_on", "2199-12-31"}});
  ASSERT_EQ(opened.status, 201) << opened.body;
  std::string path = "/api/v1/improvements/" + std::to_string(opened.json().at("id").as_int64());
  ASSERT_EQ(staff.patch(path, {{"stage", "do"}, {"note", "计划"}}).status, 200);
  ASSERT_EQ(staff.patch(path, {{"stage", "check"}, {"note", "执行"}}).status, 200);
  EXPECT_EQ(staff.patch(path, {{"stage", "act"}, {"note", "太早"}}).error_code(), "check_pending");

  world.restart(frozen_at(quarter.plus(2).start_ms() + 3 * kDayMs));
  staff = world.login("checker");
  auto evaluated = staff.post("/api/v1/warnings/evaluate?community_id=" + std::to_string(community),
                              boost::json::object{});
  // The server's own job may have recorded the check as it started; either way it is there.
  ASSERT_EQ(evaluated.status, 200) << evaluated.body;
  auto acted = staff.patch(path, {{"stage", "act"}, {"note", "投诉率达标，经验固化"}});
  ASSERT_EQ(acted.status, 200) << acted.body;
  EXPECT_EQ(acted.json().at("check").at("period").as_string(), quarter.plus(1).name());
  EXPECT_TRUE(acted.json().at("check").at("met").as_bool());  // no complaints: under 2%
}

GZ_ON_BACKENDS(WarningsApiTest);

}  // namespace
}  // namespace gz::test
