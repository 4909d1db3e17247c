// Black-box tests of a plan from public notice to its closing survey, on SQLite and
// PostgreSQL: the community's notice length, objections above the threshold holding the plan
// for a third-party evaluation, spending with the households served (overspending, unknown
// households, corrections that reverse a record once), coverage and misallocation on the
// public board, the final accounts and evaluation at closing, satisfaction from the households
// served only, and the printable notice with its QR code. Time passing is simulated by moving
// the stored start of the notice back (the server has no clock to move).
#include <gtest/gtest.h>

#include "harness.hpp"
#include "storage/database.hpp"

namespace gz::test {
namespace {

constexpr const char* kPassword = "execution-pass-42";

struct Fixture {
  explicit Fixture(Backend backend) : world(backend, {}, kPassword) {
    community_id = world.community("执行社区", "E-1");
    std::int64_t other = world.community("邻社区", "E-2");
    auto home = [&](std::int64_t community, const char* code) {
      return world.household(community, code, {{"income_band", "middle"}});
    };
    // Elderly care demand: the household with a member born in 1941; childcare: the baby.
    elderly = home(community_id, "1-101");
    world.resident(elderly, "钱奶奶", "female", "1941-02-03");
    plain = home(community_id, "1-102");
    world.resident(plain, "孙先生", "female", "1986-04-05");
    young = home(community_id, "2-201");
    world.resident(young, "周女士", "female", "1994-06-07");
    world.resident(young, "周宝宝", "female", "2026-01-08");
    unserved = home(community_id, "2-202");
    world.resident(unserved, "吴先生", "female", "1990-09-09");
    outside = home(other, "9-901");
    staff = world.community_user("staff", "staff", {community_id});
    guide = world.community_user("guide", "guide", {community_id});
    street = world.community_user("street", "street", {community_id});
    elderly_resident = world.resident_user("elderly", elderly);
    plain_resident = world.resident_user("plain", plain);
    unserved_resident = world.resident_user("unserved", unserved);
    outsider = world.resident_user("outsider", outside);
  }
  World world;
  std::int64_t community_id = 0;
  std::int64_t elderly = 0, plain = 0, young = 0, unserved = 0, outside = 0;
  Client anonymous{world.anonymous()}, staff{0}, guide{0}, street{0};
  Client elderly_resident{0}, plain_resident{0}, unserved_resident{0}, outsider{0};
};

class PlanExecutionTest : public BackendTest {
 protected:
  Fixture& w() { return shared<Fixture>(GetParam()); }
  std::string cid() { return std::to_string(w().community_id); }
  static std::string path(std::int64_t plan, const std::string& rest) {
    return "/api/v1/plans/" + std::to_string(plan) + rest;
  }
  HttpResponse move(Client& who, std::int64_t plan, const char* action) {
    return who.post(path(plan, "/transitions"), {{"action", action}, {"note", "测试"}});
  }
  // As if `days` had passed since the plan went on public notice.
  void age_notice(std::int64_t plan, std::int64_t days) {
    auto database = storage::open_database(w().world.url());
    auto connection = database->connect();
    connection->execute(
        "UPDATE plan_lifecycle SET notice_started_ms = notice_started_ms - ? WHERE plan_id = ?",
        {days * 24 * 3600 * 1000, plan});
  }
  HttpResponse spend(std::int64_t plan, const char* category, std::int64_t amount,
                     boost::json::array households) {
    return w().staff.post(path(plan, "/spending"), {{"category", category},
                                                    {"amount", amount},
                                                    {"purpose", "助餐服务"},
                                                    {"payee_category", "service_provider"},
                                                    {"receipt_ref", "FP-001"},
                                                    {"household_ids", households}});
  }
};

TEST_P(PlanExecutionTest, SettingsLengthenTheNoticeAndNeverShortenIt) {
  std::string settings = "/api/v1/transparency/settings?community_id=" + cid();
  EXPECT_EQ(w().plain_resident.get(settings).status, 403);
  EXPECT_EQ(w().outsider.get(settings).status, 404);
  auto defaults = w().guide.get(settings);
  ASSERT_EQ(defaults.status, 200) << defaults.body;
  EXPECT_EQ(defaults.json().at("objection_threshold_bp").as_int64(), 500);
  auto too_short =
      w().staff.put_json(settings, {{"notice_days", 5}, {"objection_threshold_bp", 500}});
  EXPECT_EQ(too_short.status, 400) << too_short.body;
  EXPECT_EQ(too_short.error_code(), "invalid_notice_days");
  EXPECT_EQ(
      w().guide.put_json(settings, {{"notice_days", 10}, {"objection_threshold_bp", 500}}).status,
      403);
  auto set = w().staff.put_json(settings, {{"notice_days", 10}, {"objection_threshold_bp", 500}});
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(set.json().at("notice_days").as_int64(), 10);
}

// One plan's whole life, in order.
TEST_P(PlanExecutionTest, PlanRunsFromNoticeThroughSpendingToItsSatisfactionSurvey) {
  std::string settings = "/api/v1/transparency/settings?community_id=" + cid();
  ASSERT_EQ(
      w().staff.put_json(settings, {{"notice_days", 10}, {"objection_threshold_bp", 500}}).status,
      200);
  std::int64_t plan = make_plan(w().staff, w().community_id, "2027Q1", 100000);
  EXPECT_EQ(w().anonymous.get("/api/v1/public/plans/" + std::to_string(plan)).status, 404);
  EXPECT_EQ(w().anonymous.get("/api/v1/public/plans/" + std::to_string(plan) + "/print").status,
            404);

  auto published = move(w().staff, plan, "publish");
  ASSERT_EQ(published.status, 200) << published.body;
  EXPECT_EQ(published.json().at("days_left").as_int64(), 10);
  EXPECT_EQ(w().outsider.post(path(plan, "/objections"), {{"text", "外社区"}}).status, 404);
  auto objection = w().elderly_resident.post(path(plan, "/objections"), {{"text", "助老太少"}});
  ASSERT_EQ(objection.status, 201) << objection.body;

  age_notice(plan, 9);  // nine of ten days: still running
  EXPECT_EQ(move(w().staff, plan, "open_vote").error_code(), "notice_period_running");
  age_notice(plan, 2);
  auto unanswered = move(w().staff, plan, "open_vote");
  EXPECT_EQ(unanswered.status, 409) << unanswered.body;
  EXPECT_EQ(unanswered.error_code(), "objections_unanswered");
  std::string answer =
      path(plan, "/objections/" + std::to_string(objection.json().at("id").as_int64()) + "/answer");
  ASSERT_EQ(w().staff.post(answer, {{"answer", "已复核"}}).status, 200);

  // One household of four objected: 25% > 5%, so a third-party evaluation comes first.
  auto held = move(w().staff, plan, "open_vote");
  EXPECT_EQ(held.status, 409) << held.body;
  EXPECT_EQ(held.error_code(), "third_party_evaluation_required");
  auto board = w().anonymous.get("/api/v1/public/plans/" + std::to_string(plan));
  ASSERT_EQ(board.status, 200) << board.body;
  EXPECT_TRUE(board.json().at("objections").at("third_party_required").as_bool());
  EXPECT_EQ(board.json().at("objections").at("objecting_households").as_int64(), 1);
  EXPECT_EQ(board.json().at("objections").at("households").as_int64(), 4);

  boost::json::object third_party{{"kind", "third_party"},
                                  {"evaluator", "第三方社工评估中心"},
                                  {"summary", "方案依据充分"},
                                  {"score", 82}};
  EXPECT_EQ(w().plain_resident.post(path(plan, "/evaluations"), third_party).status, 403);
  auto wrong_kind = w().staff.post(path(plan, "/evaluations"),
                                   {{"kind", "final"}, {"evaluator", "x"}, {"summary", "y"}});
  EXPECT_EQ(wrong_kind.error_code(), "wrong_stage");
  ASSERT_EQ(w().staff.post(path(plan, "/evaluations"), third_party).status, 201);
  EXPECT_EQ(w().staff.post(path(plan, "/evaluations"), third_party).error_code(),
            "evaluation_exists");
  ASSERT_EQ(move(w().staff, plan, "open_vote").status, 200);

  // No spending before the plan executes.
  auto early = spend(plan, "elderly_care", 100, {w().elderly});
  EXPECT_EQ(early.status, 409) << early.body;
  EXPECT_EQ(early.error_code(), "not_executing");
  pass_council_and_assessment(w().staff, plan);
  EXPECT_EQ(move(w().staff, plan, "approve").status, 403);
  ASSERT_EQ(move(w().street, plan, "approve").status, 200);

  // Spending: validation, roles, the line's ceiling, and a correction.
  auto unknown = spend(plan, "elderly_care", 100, {w().outside});
  EXPECT_EQ(unknown.error_code(), "unknown_household") << unknown.body;
  EXPECT_EQ(spend(plan, "parking", 100, {}).error_code(), "unknown_line");
  auto bad_payee = w().staff.post(path(plan, "/spending"), {{"category", "elderly_care"},
                                                            {"amount", 100},
                                                            {"purpose", "x"},
                                                            {"payee_category", "friend"},
                                                            {"receipt_ref", "R"}});
  EXPECT_EQ(bad_payee.error_code(), "invalid_payee_category");
  EXPECT_EQ(w().guide
                .post(path(plan, "/spending"), {{"category", "elderly_care"},
                                                {"amount", 100},
                                                {"purpose", "x"},
                                                {"payee_category", "other"},
                                                {"receipt_ref", "R"}})
                .status,
            403);
  auto first = spend(plan, "elderly_care", 1000, {w().elderly, w().plain});
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(first.json().at("households").as_int64(), 2);
  std::int64_t first_id = first.json().at("id").as_int64();
  auto plan_json = w().staff.get("/api/v1/allocation/plans/" + std::to_string(plan)).json();
  std::int64_t elderly_total = plan_json.at("lines").as_array()[0].at("total").as_int64();
  auto over = spend(plan, "elderly_care", elderly_total, {});
  EXPECT_EQ(over.status, 409) << over.body;
  EXPECT_EQ(over.error_code(), "line_overspent");
  auto reversal =
      w().staff.post(path(plan, "/spending"), {{"corrects_id", first_id}, {"purpose", "发票有误"}});
  ASSERT_EQ(reversal.status, 201) << reversal.body;
  EXPECT_EQ(reversal.json().at("amount").as_int64(), -1000);
  EXPECT_EQ(w().staff.post(path(plan, "/spending"), {{"corrects_id", first_id}, {"purpose", "再"}})
                .error_code(),
            "already_corrected");
  EXPECT_EQ(w().staff
                .post(path(plan, "/spending"),
                      {{"corrects_id", reversal.json().at("id").as_int64()}, {"purpose", "再"}})
                .error_code(),
            "is_correction");
  // The plain household has no elderly-care demand: its half is misallocated.
  ASSERT_EQ(spend(plan, "elderly_care", 3000, {w().elderly, w().plain}).status, 201);
  ASSERT_EQ(spend(plan, "childcare", 2000, {w().young}).status, 201);
  EXPECT_EQ(w().plain_resident.get(path(plan, "/spending")).status, 403);
  auto listed = w().guide.get(path(plan, "/spending"));
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_EQ(listed.json().at("items").as_array().size(), 4u);

  auto live = w().anonymous.get("/api/community-resources?community_id=" + cid());
  ASSERT_EQ(live.status, 200) << live.body;
  auto live_json = live.json();
  const auto& elderly_line = live_json.at("progress").as_array()[0];
  EXPECT_EQ(elderly_line.at("spent").as_int64(), 3000);
  EXPECT_EQ(elderly_line.at("households_served").as_int64(), 2);
  EXPECT_EQ(elderly_line.at("households_covered").as_int64(), 1);
  EXPECT_EQ(elderly_line.at("households_targeted").as_int64(), 1);
  EXPECT_EQ(elderly_line.at("coverage_bp").as_int64(), 10000);
  const auto& totals = live_json.at("totals");
  EXPECT_EQ(totals.at("spent").as_int64(), 5000);
  EXPECT_EQ(totals.at("households_served").as_int64(), 3);
  EXPECT_EQ(totals.at("misallocated_units").as_int64(), 1500);
  EXPECT_EQ(totals.at("misallocation_bp").as_int64(), 3000);
  EXPECT_EQ(live_json.at("spending").as_array().size(), 4u);
  EXPECT_EQ(live_json.at("evaluations").as_array().size(), 1u);
  EXPECT_EQ(live.body.find("household_ids"), std::string::npos);
  EXPECT_EQ(live.body.find("钱奶奶"), std::string::npos);
  EXPECT_EQ(live.body.find("1-101"), std::string::npos);

  // Closing needs the final evaluation; the accounts freeze.
  EXPECT_EQ(w().plain_resident.post(path(plan, "/ratings"), {{"score", 4}}).error_code(),
            "not_closed");
  EXPECT_EQ(move(w().staff, plan, "close").error_code(), "final_evaluation_missing");
  ASSERT_EQ(w().staff
                .post(path(plan, "/evaluations"),
                      {{"kind", "final"}, {"evaluator", "社区两委"}, {"summary", "完成 5%"}})
                .status,
            201);
  ASSERT_EQ(move(w().staff, plan, "close").status, 200);
  EXPECT_EQ(spend(plan, "childcare", 10, {}).error_code(), "not_executing");

  // Satisfaction: only the households served, once each.
  EXPECT_EQ(w().unserved_resident.post(path(plan, "/ratings"), {{"score", 5}}).error_code(),
            "not_served");
  EXPECT_EQ(w().outsider.post(path(plan, "/ratings"), {{"score", 5}}).status, 404);
  EXPECT_EQ(w().plain_resident.post(path(plan, "/ratings"), {{"score", 9}}).status, 400);
  auto rated = w().plain_resident.post(path(plan, "/ratings"), {{"score", 4}});
  ASSERT_EQ(rated.status, 201) << rated.body;
  EXPECT_EQ(w().plain_resident.post(path(plan, "/ratings"), {{"score", 5}}).error_code(),
            "already_rated");
  ASSERT_EQ(w().elderly_resident.post(path(plan, "/ratings"), {{"score", 5}}).status, 201);

  auto closed = w().anonymous.get("/api/v1/public/plans/" + std::to_string(plan)).json();
  EXPECT_EQ(closed.at("plan").at("state").as_string(), "closed");
  EXPECT_EQ(closed.at("satisfaction").at("responses").as_int64(), 2);
  EXPECT_EQ(closed.at("satisfaction").at("served_households").as_int64(), 3);
  EXPECT_EQ(closed.at("satisfaction").at("mean_hundredths").as_int64(), 450);
  EXPECT_EQ(closed.at("satisfaction").at("satisfied_bp").as_int64(), 10000);
  EXPECT_EQ(closed.at("progress").as_array()[0].at("spent").as_int64(), 3000);
  EXPECT_EQ(closed.at("history").as_array().size(), 6u);

  // The printable notice: HTML, a QR code, nothing to fetch or run.
  auto print = w().anonymous.get("/api/v1/public/plans/" + std::to_string(plan) + "/print");
  ASSERT_EQ(print.status, 200) << print.body;
  EXPECT_NE(print.headers["content-type"].find("text/html"), std::string::npos);
  EXPECT_NE(print.headers["content-security-policy"].find("default-src 'none'"), std::string::npos);
  EXPECT_NE(print.body.find("执行社区"), std::string::npos);
  EXPECT_NE(print.body.find("已结项"), std::string::npos);
  EXPECT_NE(print.body.find("<svg"), std::string::npos);
  EXPECT_NE(print.body.find("/board/plans/" + std::to_string(plan)), std::string::npos);
  EXPECT_EQ(print.body.find("<script"), std::string::npos);
  EXPECT_EQ(print.body.find("钱奶奶"), std::string::npos);
  auto english =
      w().anonymous.get("/api/v1/public/plans/" + std::to_string(plan) + "/print?lang=en");
  EXPECT_NE(english.body.find("Public notice"), std::string::npos);
}

// A budgeting outcome becomes a plan and goes on notice like any other.
TEST_P(PlanExecutionTest, BudgetingOutcomeBecomesAPlanOnNotice) {
  const std::string pb_text =
      "META\nkey;value\ndescription;楼道微更新\ncountry;China\nunit;执行社区\n"
      "num_projects;3\nnum_votes;4\nbudget;1000\nvote_type;approval\nrule;greedy\n"
      "PROJECTS\nproject_id;cost;name\n1;600;健身步道\n2;300;儿童游乐设施\n3;500;楼道照明\n"
      "VOTES\nvoter_id;vote\nv1;1,2\nv2;1\nv3;2,3\nv4;1,3\n";
  auto imported =
      w().staff.post_raw("/api/v1/pb/import?community_id=" + cid(), pb_text, "text/plain");
  ASSERT_EQ(imported.status, 201) << imported.body;
  std::string target =
      "/api/v1/pb/elections/" + std::to_string(imported.json().at("id").as_int64()) + "/plan";
  EXPECT_EQ(w().plain_resident.post(target, boost::json::object{}).status, 403);
  EXPECT_EQ(w().guide.post(target, boost::json::object{}).status, 403);
  EXPECT_EQ(w().staff.post(target, {{"rule", "lottery"}}).error_code(), "invalid_rule");
  auto made = w().staff.post(target, {{"rule", "greedy"}});
  ASSERT_EQ(made.status, 201) << made.body;
  EXPECT_EQ(made.json().at("state").as_string(), "draft");
  EXPECT_EQ(made.json().at("total").as_int64(), 100000);  // 1,000 yuan in fen
  EXPECT_EQ(made.json().at("unit").as_string(), "fen");
  EXPECT_EQ(w().staff.post(target, boost::json::object{}).error_code(), "plan_exists");
  std::int64_t plan = made.json().at("plan_id").as_int64();
  // Greedy by votes: 健身步道 (3 votes, 600), then 儿童游乐设施 (2, 300); 楼道照明 no longer fits.
  auto stored = w().staff.get("/api/v1/allocation/plans/" + std::to_string(plan));
  ASSERT_EQ(stored.status, 200) << stored.body;
  auto lines = stored.json().at("lines").as_array();
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].at("category").as_string(), "健身步道");
  EXPECT_EQ(lines[0].at("total").as_int64(), 60000);
  EXPECT_EQ(lines[1].at("category").as_string(), "儿童游乐设施");
  EXPECT_EQ(lines[1].at("total").as_int64(), 30000);
  ASSERT_EQ(move(w().staff, plan, "publish").status, 200);
  auto board = w().anonymous.get("/api/v1/public/plans/" + std::to_string(plan));
  ASSERT_EQ(board.status, 200) << board.body;
  auto board_json = board.json();
  const auto& labels = board_json.at("allocation").at("labels").as_array();
  ASSERT_EQ(labels.size(), 2u);
  EXPECT_EQ(labels[1].as_string(), "儿童游乐设施");
  // Project lines are outside the five measured categories: no household target to cover.
  EXPECT_TRUE(board_json.at("progress").as_array()[0].at("households_targeted").is_null());
}

GZ_ON_BACKENDS(PlanExecutionTest);

}  // namespace
}  // namespace gz::test
