// Black-box tests of the plan lifecycle (公示) and the public board on SQLite and PostgreSQL:
// a published plan cannot leave public notice before its 7 days (409), only residents of the
// community may object, staff answer each objection once and publicly, and the no-login board
// shows the plan, its answered objections and its history without personal data. The pass
// after 7 days, the end of objections and the hold on unanswered ones are in clock_test.cpp
// (servers on the same database at set instants) and lifecycle_test.cpp.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "harness.hpp"

namespace gz::test {
namespace {

constexpr const char* kPassword = "transparency-pass-42";

struct Fixture {
  explicit Fixture(Backend backend) : world(backend, {}, kPassword) {
    community_id = world.community("公示社区", "T-1");
    std::int64_t other = world.community("隔壁社区", "T-2");
    staff = world.community_user("staff", "staff", {community_id});
    guide = world.community_user("guide", "guide", {community_id});
    street = world.community_user("street", "street", {community_id});
    resident = world.resident_user("resident", world.household(community_id, "1-101"));
    outsider = world.resident_user("outsider", world.household(other, "9-901"));
    neighbour = world.resident_user("neighbour", world.household(community_id, "1-102"));
    plan_id = make_plan(staff, community_id, "2027Q1", 1000000);
  }
  World world;
  std::int64_t community_id = 0;
  std::int64_t plan_id = 0;
  Client anonymous{world.anonymous()}, staff{0}, guide{0}, street{0}, resident{0}, outsider{0};
  Client neighbour{0};  // a second household of the community
};

class TransparencyTest : public BackendTest {
 protected:
  Fixture& f() { return shared<Fixture>(GetParam()); }
  std::string plan_path(const std::string& rest) {
    return "/api/v1/allocation/plans/" + std::to_string(f().plan_id) + rest;
  }
  std::string cid() { return std::to_string(f().community_id); }
};

// One story, in order: the plan is published, held in notice, objected to and answered.
TEST_P(TransparencyTest, PlanIsHeldInNoticeObjectedToAndAnsweredPublicly) {
  // Only staff publish; the street approves later, residents and guides never move a plan.
  auto by_resident =
      f().resident.post(plan_path("/transitions"), {{"action", "publish"}, {"note", "我来公示"}});
  EXPECT_EQ(by_resident.status, 403) << by_resident.body;
  auto by_street =
      f().street.post(plan_path("/transitions"), {{"action", "publish"}, {"note", "街道"}});
  EXPECT_EQ(by_street.status, 403) << by_street.body;
  auto by_outsider = f().outsider.post(plan_path("/objections"), {{"text", "我不是这个社区的"}});
  EXPECT_EQ(by_outsider.status, 404) << by_outsider.body;
  auto too_soon = f().resident.post(plan_path("/objections"), {{"text", "还没公示"}});
  EXPECT_EQ(too_soon.status, 409) << too_soon.body;
  EXPECT_EQ(too_soon.error_code(), "not_in_notice");

  auto published = f().staff.post(plan_path("/transitions"),
                                  {{"action", "publish"}, {"note", "张贴于社区公告栏"}});
  ASSERT_EQ(published.status, 200) << published.body;
  EXPECT_EQ(published.json().at("state").as_string(), "public_notice");
  EXPECT_EQ(published.json().at("days_left").as_int64(), 7);

  // The notice period runs: nobody may move the plan on yet.
  auto early =
      f().staff.post(plan_path("/transitions"), {{"action", "open_vote"}, {"note", "提交议事会"}});
  EXPECT_EQ(early.status, 409) << early.body;
  EXPECT_EQ(early.error_code(), "notice_period_running");
  auto skip = f().street.post(plan_path("/transitions"), {{"action", "approve"}, {"note", "同意"}});
  EXPECT_EQ(skip.status, 409) << skip.body;
  EXPECT_EQ(skip.error_code(), "invalid_transition");

  // A resident of the community objects; staff may not file objections.
  auto objection = f().resident.post(plan_path("/objections"), {{"text", "助老份额偏少"}});
  ASSERT_EQ(objection.status, 201) << objection.body;
  std::int64_t oid = objection.json().at("id").as_int64();
  auto staff_objects = f().staff.post(plan_path("/objections"), {{"text", "员工异议"}});
  EXPECT_EQ(staff_objects.status, 403) << staff_objects.body;
  auto outsider_objects = f().outsider.post(plan_path("/objections"), {{"text", "外人"}});
  EXPECT_EQ(outsider_objects.status, 404) << outsider_objects.body;

  // The public board shows the open objection, and nothing about who filed it.
  auto notices = f().anonymous.get("/api/v1/public/notices?community_id=" + cid());
  ASSERT_EQ(notices.status, 200) << notices.body;
  auto notices_json = notices.json();
  const auto& items = notices_json.at("items").as_array();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].at("state").as_string(), "public_notice");
  EXPECT_EQ(items[0].at("days_left").as_int64(), 7);
  ASSERT_EQ(items[0].at("objections").as_array().size(), 1u);
  EXPECT_TRUE(items[0].at("objections").as_array()[0].at("answer").is_null());
  EXPECT_EQ(notices.body.find("household"), std::string::npos) << notices.body;
  EXPECT_EQ(notices.body.find("user"), std::string::npos) << notices.body;
  EXPECT_EQ(notices.body.find("1-101"), std::string::npos) << notices.body;

  // Staff answer, once; residents and guides cannot answer.
  std::string answer_path = plan_path("/objections/" + std::to_string(oid) + "/answer");
  EXPECT_EQ(f().resident.post(answer_path, {{"answer", "我自己答"}}).status, 403);
  EXPECT_EQ(f().guide.post(answer_path, {{"answer", "指导员答"}}).status, 403);
  auto answered = f().staff.post(answer_path, {{"answer", "已按需求评估复核，维持原方案"}});
  ASSERT_EQ(answered.status, 200) << answered.body;
  EXPECT_EQ(answered.json().at("answer").as_string(), "已按需求评估复核，维持原方案");
  auto again = f().staff.post(answer_path, {{"answer", "再答一次"}});
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_EQ(again.error_code(), "already_answered");
  auto unknown = f().staff.post(plan_path("/objections/999999/answer"), {{"answer", "无"}});
  EXPECT_EQ(unknown.status, 404) << unknown.body;

  // Still within the 7 days, answered or not.
  auto still_early = f().world.admin().post(plan_path("/transitions"),
                                            {{"action", "open_vote"}, {"note", "提交议事会"}});
  EXPECT_EQ(still_early.status, 409) << still_early.body;
  EXPECT_EQ(still_early.error_code(), "notice_period_running");
}

TEST_P(TransparencyTest, BoardShowsTheCurrentPlanWithoutLoginAndSkipsDrafts) {
  // A newer plan still in draft is not public and does not replace the published one.
  make_plan(f().staff, f().community_id, "2027Q2", 1000000);
  auto board = f().anonymous.get("/api/community-resources?community_id=" + cid());
  ASSERT_EQ(board.status, 200) << board.body;
  auto json = board.json();
  ASSERT_FALSE(json.at("plan").is_null()) << board.body;
  EXPECT_EQ(json.at("plan").at("plan_id").as_int64(), f().plan_id);
  const auto& labels = json.at("allocation").at("labels").as_array();
  const auto& values = json.at("allocation").at("values").as_array();
  ASSERT_EQ(labels.size(), 2u);
  ASSERT_EQ(values.size(), 2u);
  EXPECT_EQ(labels[0].as_string(), "elderly_care");
  // The lines add up to the plan less its 5% reserve.
  EXPECT_EQ(values[0].as_int64() + values[1].as_int64(), 950000);
  const auto& progress = json.at("progress").as_array();
  ASSERT_EQ(progress.size(), 2u);
  EXPECT_EQ(progress[0].at("spent").as_int64(), 0);
  EXPECT_EQ(progress[0].at("planned").as_int64(), values[0].as_int64());
  const auto& feedback = json.at("feedback").as_array();
  ASSERT_EQ(feedback.size(), 1u);
  EXPECT_FALSE(feedback[0].at("answer").is_null());
  const auto& history = json.at("history").as_array();
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0].at("action").as_string(), "publish");
  EXPECT_EQ(history[0].at("note").as_string(), "张贴于社区公告栏");
  // Counts of households are public; which households, and who, are not.
  EXPECT_EQ(board.body.find("household_id"), std::string::npos) << board.body;
  EXPECT_EQ(board.body.find("user"), std::string::npos) << board.body;
  EXPECT_EQ(board.body.find("1-101"), std::string::npos) << board.body;
}

// MEDIUM-6 of the December review: one household sent 50 objections in 0.1 s and held the
// plan in notice. Three may await an answer at a time, however fast they come; staff answer
// several that say the same thing at once, all or none.
TEST_P(TransparencyTest, OneHouseholdCannotFloodAPlanWithObjections) {
  std::string objections = plan_path("/objections");
  std::vector<std::thread> senders;
  std::atomic<int> filed{0}, limited{0};
  for (int i = 0; i < 20; ++i) {
    senders.emplace_back([&, i] {
      auto answer = f().neighbour.post(objections, {{"text", "刷屏异议" + std::to_string(i)}});
      if (answer.status == 201) ++filed;
      if (answer.status == 429 && answer.error_code() == "objection_limit") ++limited;
    });
  }
  for (auto& sender : senders) sender.join();
  EXPECT_EQ(filed.load(), 3);
  EXPECT_EQ(limited.load(), 17);
  auto notices = f().anonymous.get("/api/v1/public/notices?community_id=" + cid()).json();
  std::vector<std::int64_t> open;
  for (const auto& objection : notices.at("items").as_array()[0].at("objections").as_array()) {
    if (objection.at("answer").is_null() && objection.at("text").as_string().starts_with("刷屏")) {
      open.push_back(objection.at("id").as_int64());
    }
  }
  ASSERT_EQ(open.size(), 3u);
  boost::json::array ids(open.begin(), open.end());
  // A batch naming an unknown objection changes nothing.
  boost::json::array with_unknown = ids;
  with_unknown.push_back(999999);
  auto partial = f().staff.post(plan_path("/objections/answers"),
                                {{"objection_ids", with_unknown}, {"answer", "统一答复"}});
  EXPECT_EQ(partial.status, 404) << partial.body;
  EXPECT_EQ(f().resident
                .post(plan_path("/objections/answers"),
                      {{"objection_ids", ids}, {"answer", "居民不能答复"}})
                .status,
            403);
  auto answered =
      f().staff.post(plan_path("/objections/answers"),
                     {{"objection_ids", ids}, {"answer", "已统一答复：方案依据需求评估"}});
  ASSERT_EQ(answered.status, 200) << answered.body;
  EXPECT_EQ(answered.json().at("items").as_array().size(), 3u);
  // Answered, the household may object again.
  EXPECT_EQ(f().neighbour.post(objections, {{"text", "答复后再提"}}).status, 201);
  auto again = f().staff.post(plan_path("/objections/answers"),
                              {{"objection_ids", ids}, {"answer", "再答一次"}});
  EXPECT_EQ(again.error_code(), "already_answered");
}

TEST_P(TransparencyTest, PublicReadsNeedACommunityThatExists) {
  EXPECT_EQ(f().anonymous.get("/api/community-resources").status, 400);
  EXPECT_EQ(f().anonymous.get("/api/v1/public/notices?community_id=999999").status, 404);
  auto empty = f().anonymous.get("/api/v1/public/notices?community_id=" + cid());
  EXPECT_EQ(empty.status, 200) << empty.body;
}

GZ_ON_BACKENDS(TransparencyTest);

}  // namespace
}  // namespace gz::test
