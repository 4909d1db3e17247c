// Black-box tests of the decisions that can say no (issue 19), on SQLite and PostgreSQL: the
// council vote recorded on the plan (a failing vote returns it to draft, reasons public), the
// professional assessment as a document (a rejecting one returns the plan), the street's
// approval, return and rejection, a revision showing its difference from the returned plan,
// and the emergency reserve: spent without a plan line up to what is left, public at once,
// signed off by the street (a warning when overdue), and carried into the next quarter's
// dynamic pool. Time passing is simulated by moving stored instants back, as
// plan_execution_test does.
#include <gtest/gtest.h>

#include "harness.hpp"
#include "storage/database.hpp"

namespace gz::test {
namespace {

constexpr const char* kPassword = "decisions-pass-42";
constexpr std::int64_t kDayMs = 24 * 3600 * 1000;

struct Fixture {
  explicit Fixture(Backend backend) : world(backend, {}, kPassword) {
    community_id = world.community("决策社区", "D-1");
    std::int64_t other = world.community("邻社区", "D-2");
    std::int64_t home = world.household(community_id, "1-101", {{"income_band", "middle"}});
    world.resident(home, "钱奶奶", "female", "1941-02-03");
    std::int64_t young = world.household(community_id, "2-201", {{"income_band", "middle"}});
    world.resident(young, "周宝宝", "female", "2026-01-08");
    staff = world.community_user("staff", "staff", {community_id});
    guide = world.community_user("guide", "guide", {community_id});
    street = world.community_user("street", "street", {community_id});
    other_staff = world.community_user("other_staff", "staff", {other});
    resident = world.resident_user("resident", home);
  }
  World world;
  std::int64_t community_id = 0;
  Client anonymous{world.anonymous()}, staff{0}, guide{0}, street{0}, other_staff{0}, resident{0};
};

class PlanDecisionsTest : public BackendTest {
 protected:
  Fixture& w() { return shared<Fixture>(GetParam()); }
  static std::string path(std::int64_t plan, const std::string& rest) {
    return "/api/v1/plans/" + std::to_string(plan) + rest;
  }
  HttpResponse move(const Client& who, std::int64_t plan, const char* action,
                    const char* note = "测试") {
    return who.post(path(plan, "/transitions"), {{"action", action}, {"note", note}});
  }
  void shift(const std::string& sql, std::int64_t days, std::int64_t id) {
    auto database = storage::open_database(w().world.url());
    auto connection = database->connect();
    connection->execute(sql, {days * kDayMs, id});
  }
  // Published, its notice over: in council_vote.
  std::int64_t plan_at_vote(const std::string& quarter, std::int64_t total = 1'000'000) {
    std::int64_t plan = make_plan(w().staff, w().community_id, quarter, total);
    EXPECT_EQ(move(w().staff, plan, "publish").status, 200);
    age_notice(plan);
    EXPECT_EQ(move(w().staff, plan, "open_vote").status, 200);
    return plan;
  }
  void age_notice(std::int64_t plan) {
    shift("UPDATE plan_lifecycle SET notice_started_ms = notice_started_ms - ? WHERE plan_id = ?",
          8, plan);
  }
  std::int64_t executing_plan(const std::string& quarter, std::int64_t total = 1'000'000) {
    std::int64_t plan = plan_at_vote(quarter, total);
    pass_council_and_assessment(w().staff, plan);
    EXPECT_EQ(move(w().street, plan, "approve").status, 200);
    return plan;
  }
  boost::json::value board(std::int64_t plan) {
    auto answer = w().anonymous.get("/api/v1/public/plans/" + std::to_string(plan));
    EXPECT_EQ(answer.status, 200) << answer.body;
    return answer.json();
  }
  static std::string state(const boost::json::value& board) {
    return std::string(board.at("plan").at("state").as_string());
  }
  HttpResponse spend(std::int64_t plan, std::int64_t amount, const Client* who = nullptr) {
    return (who ? *who : w().staff)
        .post(path(plan, "/emergency-spending"),
              {{"kind", "natural_disaster"},
               {"reason", "暴雨致3号楼地下室进水，紧急抽水与临时安置"},
               {"households_served", 12},
               {"amount", amount},
               {"payee_category", "service_provider"},
               {"receipt_ref", "FP-2031-0001"}});
  }
};

TEST_P(PlanDecisionsTest, AFailingCouncilVoteReturnsThePlanWithItsReasonsPublic) {
  std::int64_t plan = plan_at_vote("2031Q1");
  // The old step without a record is refused; the record is checked and kept to its roles.
  EXPECT_EQ(move(w().staff, plan, "assess").error_code(), "council_vote_required");
  EXPECT_EQ(move(w().staff, plan, "council_passed").error_code(), "unknown_action");
  boost::json::object vote{{"meeting", "2031年第一季度社区议事会"},
                           {"held_at", "2020-12-20T19:30:00+08:00"},
                           {"place", "社区活动室"},
                           {"members_total", 15},
                           {"members_present", 6},
                           {"votes_for", 6},
                           {"votes_against", 0},
                           {"votes_abstain", 0},
                           {"minutes", "到会人数不足，会议未能形成有效决议"},
                           {"reasons", "到会不足半数，下次会议前逐户通知"}};
  auto too_many = vote;
  too_many["votes_against"] = 3;
  EXPECT_EQ(w().staff.post(path(plan, "/council-votes"), too_many).error_code(), "invalid_votes");
  auto future = vote;
  future["held_at"] = "2999-01-01T19:30:00+08:00";
  EXPECT_EQ(w().staff.post(path(plan, "/council-votes"), future).status, 400);
  EXPECT_EQ(w().guide.post(path(plan, "/council-votes"), vote).status, 403);
  EXPECT_EQ(w().resident.post(path(plan, "/council-votes"), vote).status, 403);
  EXPECT_EQ(w().street.post(path(plan, "/council-votes"), vote).status, 403);
  EXPECT_EQ(w().other_staff.post(path(plan, "/council-votes"), vote).status, 404);
  EXPECT_EQ(w().anonymous.post(path(plan, "/council-votes"), vote).status, 401);

  // Six of fifteen present: no quorum, though all six were for.
  auto failed = w().staff.post(path(plan, "/council-votes"), vote);
  ASSERT_EQ(failed.status, 201) << failed.body;
  EXPECT_FALSE(failed.json().at("vote").at("quorum_met").as_bool());
  EXPECT_FALSE(failed.json().at("vote").at("passed").as_bool());
  EXPECT_EQ(failed.json().at("plan").at("state").as_string(), "draft");
  EXPECT_TRUE(failed.json().at("plan").at("returned").as_bool());
  // A second record on a plan no longer at its vote.
  EXPECT_EQ(w().staff.post(path(plan, "/council-votes"), vote).error_code(), "not_in_council_vote");

  // Back in draft, the plan stays public with the vote and why it failed.
  auto shown = board(plan);
  EXPECT_EQ(state(shown), "draft");
  EXPECT_TRUE(shown.at("plan").at("returned").as_bool());
  ASSERT_EQ(shown.at("council_votes").as_array().size(), 1u);
  EXPECT_EQ(shown.at("council_votes").at(0).at("members_present").as_int64(), 6);
  ASSERT_EQ(shown.at("decisions").as_array().size(), 1u);
  const auto& decision = shown.at("decisions").at(0);
  EXPECT_EQ(decision.at("action").as_string(), "council_failed");
  std::string reason(decision.at("reason").as_string());
  EXPECT_NE(reason.find("未达法定人数"), std::string::npos) << reason;
  EXPECT_NE(reason.find("逐户通知"), std::string::npos) << reason;
  // Staff's list of plans says the draft was returned.
  auto plans =
      w().staff.get("/api/v1/allocation/plans?community_id=" + std::to_string(w().community_id));
  ASSERT_EQ(plans.status, 200);
  auto plans_json = plans.json();
  for (const auto& item : plans_json.at("items").as_array()) {
    if (item.at("id").as_int64() != plan) continue;
    EXPECT_TRUE(item.at("returned").as_bool());
    EXPECT_TRUE(item.at("published").as_bool());
  }
  auto resources = w().anonymous.get("/api/community-resources?community_id=" +
                                     std::to_string(w().community_id));
  ASSERT_EQ(resources.status, 200);
  bool listed = false;
  auto resources_json = resources.json();
  for (const auto& item : resources_json.at("plans").as_array()) {
    listed = listed || item.at("plan_id").as_int64() == plan;
  }
  EXPECT_TRUE(listed);

  // Published again: a new notice of the full length, then the vote again, which passes
  // with a majority of those present (8 of 11).
  auto again = move(w().staff, plan, "publish", "按议事会意见补充说明后重新公示");
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.json().at("state").as_string(), "public_notice");
  EXPECT_EQ(again.json().at("days_left").as_int64(), 7);
  EXPECT_EQ(move(w().staff, plan, "open_vote").error_code(), "notice_period_running");
  age_notice(plan);
  ASSERT_EQ(move(w().staff, plan, "open_vote").status, 200);
  auto passed = record_council_vote(w().staff, plan);
  ASSERT_EQ(passed.status, 201) << passed.body;
  EXPECT_TRUE(passed.json().at("vote").at("passed").as_bool());
  EXPECT_EQ(passed.json().at("plan").at("state").as_string(), "professional_assessment");
  auto votes = w().guide.get(path(plan, "/council-votes"));
  ASSERT_EQ(votes.status, 200);
  EXPECT_EQ(votes.json().at("items").as_array().size(), 2u);
  EXPECT_EQ(w().resident.get(path(plan, "/council-votes")).status, 403);
}

TEST_P(PlanDecisionsTest, AnAssessmentRecommendingRejectionReturnsThePlan) {
  std::int64_t plan = plan_at_vote("2031Q2");
  ASSERT_EQ(record_council_vote(w().staff, plan).status, 201);
  // No assessment on record: the plan cannot go to the street.
  EXPECT_EQ(move(w().staff, plan, "submit_review").error_code(), "assessment_missing");
  auto bad = w().staff.post(path(plan, "/assessments"), {{"assessor", "李评估"},
                                                         {"organisation", "评估中心"},
                                                         {"findings", "x"},
                                                         {"recommendation", "maybe"}});
  EXPECT_EQ(bad.status, 400);
  auto rejected = record_assessment(w().staff, plan, "reject");
  ASSERT_EQ(rejected.status, 201) << rejected.body;
  EXPECT_EQ(rejected.json().at("plan").at("state").as_string(), "draft");
  auto shown = board(plan);
  ASSERT_EQ(shown.at("assessments").as_array().size(), 1u);
  EXPECT_EQ(shown.at("assessments").at(0).at("recommendation").as_string(), "reject");
  EXPECT_EQ(shown.at("decisions").at(0).at("action").as_string(), "assessment_rejected");

  // The next round needs its own vote and its own assessment: the old ones do not count.
  ASSERT_EQ(move(w().staff, plan, "publish").status, 200);
  age_notice(plan);
  ASSERT_EQ(move(w().staff, plan, "open_vote").status, 200);
  ASSERT_EQ(record_council_vote(w().staff, plan).status, 201);
  EXPECT_EQ(move(w().staff, plan, "submit_review").error_code(), "assessment_missing");
  auto with_changes = record_assessment(w().staff, plan, "approve_with_changes");
  ASSERT_EQ(with_changes.status, 201);
  EXPECT_EQ(with_changes.json().at("plan").at("state").as_string(), "professional_assessment");
  ASSERT_EQ(move(w().staff, plan, "submit_review").status, 200);
}

TEST_P(PlanDecisionsTest, TheStreetReturnsOrRejectsAndARevisionShowsItsDifference) {
  std::int64_t plan = plan_at_vote("2031Q3", 1'000'000);
  pass_council_and_assessment(w().staff, plan);
  // Only the street returns or rejects, with a reason.
  EXPECT_EQ(move(w().staff, plan, "return").status, 403);
  EXPECT_EQ(
      w().street.post(path(plan, "/transitions"), {{"action", "return"}, {"note", ""}}).status,
      400);
  auto returned = move(w().street, plan, "return", "托育名额测算口径需补充说明，请修改后重报");
  ASSERT_EQ(returned.status, 200) << returned.body;
  EXPECT_EQ(returned.json().at("state").as_string(), "draft");
  auto shown = board(plan);
  ASSERT_EQ(shown.at("decisions").as_array().size(), 1u);
  EXPECT_EQ(shown.at("decisions").at(0).at("action").as_string(), "return");
  EXPECT_EQ(shown.at("decisions").at(0).at("reason").as_string(),
            "托育名额测算口径需补充说明，请修改后重报");

  // The revision: a new plan of the quarter, published as revising the returned one.
  std::int64_t revision = make_plan(w().staff, w().community_id, "2031Q3", 1'200'000);
  std::int64_t other_quarter = make_plan(w().staff, w().community_id, "2031Q4", 1'000'000);
  auto wrong = w().staff.post(path(other_quarter, "/transitions"),
                              {{"action", "publish"}, {"note", "x"}, {"revises_plan_id", plan}});
  EXPECT_EQ(wrong.error_code(), "not_revisable");
  auto open_vote_with =
      w().staff.post(path(revision, "/transitions"),
                     {{"action", "open_vote"}, {"note", "x"}, {"revises_plan_id", plan}});
  EXPECT_EQ(open_vote_with.status, 400);
  auto published = w().staff.post(
      path(revision, "/transitions"),
      {{"action", "publish"}, {"note", "按街道意见修订后重新公示"}, {"revises_plan_id", plan}});
  ASSERT_EQ(published.status, 200) << published.body;
  EXPECT_EQ(published.json().at("revises_plan_id").as_int64(), plan);
  auto old = board(plan);
  EXPECT_EQ(state(old), "superseded");
  EXPECT_EQ(old.at("plan").at("revised_by_plan_id").as_int64(), revision);
  auto revised = board(revision);
  ASSERT_TRUE(revised.at("revision").is_object());
  const auto& diff = revised.at("revision");
  EXPECT_EQ(diff.at("revises_plan_id").as_int64(), plan);
  EXPECT_EQ(diff.at("total_before").as_int64(), 950'000);  // 5% reserve kept aside
  EXPECT_EQ(diff.at("total_after").as_int64(), 1'140'000);
  std::int64_t change = 0;
  for (const auto& line : diff.at("lines").as_array()) {
    EXPECT_EQ(line.at("change").as_int64(),
              line.at("after").as_int64() - line.at("before").as_int64());
    change += line.at("change").as_int64();
  }
  EXPECT_EQ(change, 190'000);
  // A superseded plan is not revised twice, nor published again.
  EXPECT_EQ(move(w().staff, plan, "publish").error_code(), "invalid_transition");

  // The street may also say no for good.
  std::int64_t doomed = plan_at_vote("2032Q1");
  pass_council_and_assessment(w().staff, doomed);
  ASSERT_EQ(move(w().street, doomed, "reject", "与街道年度重点任务重复，不予批准").status, 200);
  auto final_no = board(doomed);
  EXPECT_EQ(state(final_no), "rejected");
  EXPECT_EQ(final_no.at("decisions").at(0).at("action").as_string(), "reject");
  EXPECT_EQ(move(w().staff, doomed, "publish").error_code(), "invalid_transition");
}

TEST_P(PlanDecisionsTest, TheEmergencyReserveIsSpentPublishedSignedOffAndCarried) {
  // A quarter long ended, so its rest is carried into the next plan whenever the test runs.
  std::int64_t plan = plan_at_vote("2001Q1", 1'000'000);  // reserve: 5% = 50,000 fen
  EXPECT_EQ(spend(plan, 1000).error_code(), "not_executing");
  pass_council_and_assessment(w().staff, plan);
  ASSERT_EQ(move(w().street, plan, "approve").status, 200);

  EXPECT_EQ(spend(plan, 1000, &w().guide).status, 403);
  EXPECT_EQ(spend(plan, 1000, &w().resident).status, 403);
  EXPECT_EQ(spend(plan, 1000, &w().other_staff).status, 404);
  EXPECT_EQ(spend(plan, 0).status, 400);
  auto bad_kind = w().staff.post(path(plan, "/emergency-spending"), {{"kind", "party"},
                                                                     {"reason", "x"},
                                                                     {"households_served", 1},
                                                                     {"amount", 100},
                                                                     {"payee_category", "other"},
                                                                     {"receipt_ref", "R"}});
  EXPECT_EQ(bad_kind.status, 400);
  auto over = spend(plan, 50'001);
  EXPECT_EQ(over.status, 409);
  EXPECT_EQ(over.error_code(), "reserve_exceeded");
  auto spent = spend(plan, 30'000);
  ASSERT_EQ(spent.status, 201) << spent.body;
  std::int64_t spend_id = spent.json().at("id").as_int64();
  EXPECT_TRUE(spent.json().at("signed_off_at").is_null());
  EXPECT_FALSE(spent.json().at("overdue").as_bool());
  EXPECT_EQ(spend(plan, 20'001).error_code(), "reserve_exceeded");

  // Public at once: kind, reason, households, amount and the sign-off due.
  auto shown = board(plan);
  const auto& emergency = shown.at("emergency");
  EXPECT_EQ(emergency.at("reserve").as_int64(), 50'000);
  EXPECT_EQ(emergency.at("spent").as_int64(), 30'000);
  EXPECT_EQ(emergency.at("left").as_int64(), 20'000);
  ASSERT_EQ(emergency.at("items").as_array().size(), 1u);
  EXPECT_EQ(emergency.at("items").at(0).at("households_served").as_int64(), 12);
  EXPECT_EQ(emergency.at("items").at(0).at("kind").as_string(), "natural_disaster");

  // Seven days without the street's sign-off: overdue, and a warning for the community.
  shift("UPDATE plan_emergency_spending SET sign_off_due_ms = sign_off_due_ms - ? WHERE id = ?", 8,
        spend_id);
  std::string evaluate =
      "/api/v1/warnings/evaluate?community_id=" + std::to_string(w().community_id);
  ASSERT_EQ(w().staff.post(evaluate, boost::json::object{}).status, 200);
  auto warnings = w().staff.get(
      "/api/v1/warnings?community_id=" + std::to_string(w().community_id) + "&state=open");
  ASSERT_EQ(warnings.status, 200);
  bool warned = false;
  auto warnings_json = warnings.json();
  for (const auto& item : warnings_json.at("items").as_array()) {
    warned = warned || item.at("kind").as_string() == "emergency_unsigned";
  }
  EXPECT_TRUE(warned) << warnings.body;
  auto listed = w().guide.get(path(plan, "/emergency-spending"));
  ASSERT_EQ(listed.status, 200);
  EXPECT_TRUE(listed.json().at("items").at(0).at("overdue").as_bool());

  std::string sign_off =
      path(plan, "/emergency-spending/" + std::to_string(spend_id) + "/sign-off");
  EXPECT_EQ(w().staff.post(sign_off, {{"note", "已核实"}}).status, 403);
  auto signed_off = w().street.post(sign_off, {{"note", "已核实票据与受益户"}});
  ASSERT_EQ(signed_off.status, 200) << signed_off.body;
  EXPECT_FALSE(signed_off.json().at("signed_off_at").is_null());
  EXPECT_FALSE(signed_off.json().at("overdue").as_bool());
  EXPECT_EQ(w().street.post(sign_off, {{"note", "再签"}}).error_code(), "already_signed_off");

  // The next quarter's plan takes what is left into its dynamic pool, once (a plan of a
  // quarter not yet ended keeps its reserve: see the revision test's plans, which carry 0).
  auto next = w().staff.post("/api/v1/allocation/plans", {{"community_id", w().community_id},
                                                          {"quarter", "2001Q2"},
                                                          {"total", 1'000'000},
                                                          {"unit", "fen"},
                                                          {"categories", elderly_and_childcare()}});
  ASSERT_EQ(next.status, 201) << next.body;
  EXPECT_EQ(next.json().at("carried_in").as_int64(), 20'000);
  EXPECT_EQ(next.json().at("carried_from_plan_id").as_int64(), plan);
  auto next_json = next.json();
  const auto& pools = next_json.at("pools");
  // 1,000,000 → 50,000 reserve, 665,000 base, 285,000 dynamic + 20,000 carried.
  EXPECT_EQ(pools.at("dynamic").as_int64(), 305'000);
  EXPECT_EQ(next_json.at("lines_total").as_int64() + pools.at("reserve").as_int64(),
            1'000'000 + 20'000);
  EXPECT_EQ(spend(plan, 1).error_code(), "reserve_exceeded");
  auto after = board(plan);
  EXPECT_EQ(after.at("emergency").at("left").as_int64(), 0);
  EXPECT_EQ(after.at("emergency").at("carried_out").as_int64(), 20'000);
  auto again =
      w().staff.post("/api/v1/allocation/plans", {{"community_id", w().community_id},
                                                  {"quarter", "2001Q2"},
                                                  {"total", 1'000'000},
                                                  {"unit", "fen"},
                                                  {"categories", elderly_and_childcare()}});
  ASSERT_EQ(again.status, 201);
  EXPECT_EQ(again.json().at("carried_in").as_int64(), 0);
}

TEST_P(PlanDecisionsTest, PartiesPledgeTheirSharesOfEachLineAndReceiptsFundIt) {
  // Parties with public profiles; staff register them.
  boost::json::object canteen{{"community_id", w().community_id},
                              {"kind", "market"},
                              {"name", "幸福里长者食堂"},
                              {"profile", "低价助餐，每餐让利3元"}};
  EXPECT_EQ(w().guide.post("/api/v1/funding/parties", canteen).status, 403);
  auto bad_kind = canteen;
  bad_kind["kind"] = "lottery";
  EXPECT_EQ(w().staff.post("/api/v1/funding/parties", bad_kind).status, 400);
  std::int64_t market = created_id(w().staff.post("/api/v1/funding/parties", canteen));
  EXPECT_EQ(w().staff.post("/api/v1/funding/parties", canteen).error_code(), "party_exists");
  std::int64_t foundation =
      created_id(w().staff.post("/api/v1/funding/parties", {{"community_id", w().community_id},
                                                            {"kind", "foundation"},
                                                            {"name", "某公益基金会"},
                                                            {"profile", "助残项目配捐"}}));
  std::int64_t residents =
      created_id(w().staff.post("/api/v1/funding/parties", {{"community_id", w().community_id},
                                                            {"kind", "residents"},
                                                            {"name", "居民自筹"},
                                                            {"profile", "受益家庭按规则分担"}}));

  // Three lines of three classes of need: basic 70:30, improvement 3:3:4, special 8:2.
  boost::json::array categories{
      boost::json::object{
          {"category", "elderly_care"}, {"policy_weight", 60}, {"demand_weight", 50}},
      boost::json::object{
          {"category", "culture_sports"}, {"policy_weight", 20}, {"demand_weight", 25}},
      boost::json::object{
          {"category", "disability_service"}, {"policy_weight", 20}, {"demand_weight", 25}}};
  std::int64_t plan = make_plan(w().staff, w().community_id, "2035Q1", 1'000'000, categories);
  ASSERT_EQ(move(w().staff, plan, "publish").status, 200);
  auto pledge = [&](std::int64_t party, const char* category, std::int64_t amount) {
    return w().staff.post(path(plan, "/pledges"),
                          {{"party_id", party}, {"category", category}, {"amount", amount}});
  };
  auto funding = board(plan).at("funding");
  std::int64_t elderly = 0, culture = 0, disability = 0;
  for (const auto& line : funding.at("lines").as_array()) {
    std::int64_t government = line.at("government").as_int64();
    if (line.at("category") == "elderly_care") elderly = government;
    if (line.at("category") == "culture_sports") culture = government;
    if (line.at("category") == "disability_service") disability = government;
  }
  ASSERT_EQ(elderly + culture + disability, 950'000);
  for (const auto& line : funding.at("lines").as_array()) {
    const auto& shares = line.at("shares").as_array();
    if (line.at("category") == "elderly_care") {
      EXPECT_EQ(line.at("need_type"), "basic");
      ASSERT_EQ(shares.size(), 2u);
      EXPECT_EQ(shares.at(1).at("party_kind"), "residents");
      EXPECT_EQ(shares.at(1).at("expected").as_int64(), elderly * 30 / 70);
    }
    if (line.at("category") == "culture_sports") {
      EXPECT_EQ(line.at("need_type"), "improvement");
      ASSERT_EQ(shares.size(), 3u);
      EXPECT_EQ(line.at("others_expected").as_int64(), culture * 7 / 3);
    }
    if (line.at("category") == "disability_service") {
      EXPECT_EQ(line.at("need_type"), "special");
      EXPECT_EQ(shares.at(1).at("party_kind"), "foundation");
      EXPECT_EQ(shares.at(1).at("expected").as_int64(), disability * 2 / 8);
    }
  }

  // Pledges keep to the rule and to the share.
  EXPECT_EQ(pledge(market, "elderly_care", 1000).error_code(), "party_not_in_rule");
  EXPECT_EQ(pledge(residents, "elderly_care", elderly * 30 / 70 + 1).error_code(),
            "pledge_exceeds_share");
  EXPECT_EQ(pledge(residents, "parking", 1000).error_code(), "unknown_line");
  EXPECT_EQ(w().guide
                .post(path(plan, "/pledges"),
                      {{"party_id", residents}, {"category", "elderly_care"}, {"amount", 1}})
                .status,
            403);
  std::int64_t owed = created_id(pledge(residents, "elderly_care", 200'000));
  std::int64_t special = created_id(pledge(foundation, "disability_service", disability * 2 / 8));
  ASSERT_EQ(pledge(market, "culture_sports", 50'000).status, 201);

  auto receipt = [&](std::int64_t pledge_id, std::int64_t amount) {
    return w().staff.post("/api/v1/pledges/" + std::to_string(pledge_id) + "/receipts",
                          {{"amount", amount}, {"receipt_ref", "SK-2035-01"}});
  };
  EXPECT_EQ(receipt(owed, 200'001).error_code(), "receipt_exceeds_pledge");
  EXPECT_EQ(w().guide
                .post("/api/v1/pledges/" + std::to_string(owed) + "/receipts",
                      {{"amount", 1}, {"receipt_ref", "R"}})
                .status,
            403);
  auto received = receipt(owed, 150'000);
  ASSERT_EQ(received.status, 201) << received.body;
  EXPECT_EQ(received.json().at("received").as_int64(), 150'000);
  // The same receipt entered again (a double tap, a retry without Idempotency-Key) is refused,
  // not counted twice.
  auto again = receipt(owed, 10'000);
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_EQ(again.error_code(), "duplicate_receipt");
  ASSERT_EQ(receipt(special, disability * 2 / 8).status, 201);

  // The board: who funds what, pledged against received, and each line's shortfall.
  funding = board(plan).at("funding");
  for (const auto& line : funding.at("lines").as_array()) {
    if (line.at("category") == "elderly_care") {
      EXPECT_EQ(line.at("others_pledged").as_int64(), 200'000);
      EXPECT_EQ(line.at("others_received").as_int64(), 150'000);
      EXPECT_EQ(line.at("shortfall").as_int64(), elderly * 30 / 70 - 150'000);
      EXPECT_FALSE(line.at("funded").as_bool());
      ASSERT_EQ(line.at("pledges").as_array().size(), 1u);
      EXPECT_EQ(line.at("pledges").at(0).at("party_name"), "居民自筹");
    }
    if (line.at("category") == "disability_service") {
      EXPECT_TRUE(line.at("funded").as_bool());
      EXPECT_EQ(line.at("shortfall").as_int64(), 0);
    }
  }
  auto parties = w().anonymous.get("/api/v1/public/funding/parties?community_id=" +
                                   std::to_string(w().community_id));
  ASSERT_EQ(parties.status, 200);
  auto parties_json = parties.json();
  for (const auto& party : parties_json.at("items").as_array()) {
    if (party.at("id").as_int64() == residents) {
      EXPECT_EQ(party.at("pledged").as_int64(), 200'000);
      EXPECT_EQ(party.at("received").as_int64(), 150'000);
    }
  }

  // Executing with the shortfall named; what the line received may be spent on it.
  age_notice(plan);
  ASSERT_EQ(move(w().staff, plan, "open_vote").status, 200);
  pass_council_and_assessment(w().staff, plan);
  ASSERT_EQ(move(w().street, plan, "approve", "同意执行").status, 200);
  bool named = false;
  auto approved_board = board(plan);
  for (const auto& event : approved_board.at("history").as_array()) {
    if (event.at("action") != "approve") continue;
    std::string note(event.at("note").as_string());
    named = note.find("elderly_care 缺口") != std::string::npos &&
            note.find("disability_service") == std::string::npos;
  }
  EXPECT_TRUE(named);
  auto spend_line = [&](std::int64_t amount) {
    return w().staff.post(path(plan, "/spending"), {{"category", "elderly_care"},
                                                    {"amount", amount},
                                                    {"purpose", "助餐服务"},
                                                    {"payee_category", "service_provider"},
                                                    {"receipt_ref", "FP-2035"}});
  };
  ASSERT_EQ(spend_line(elderly + 100'000).status, 201);
  EXPECT_EQ(spend_line(50'001).error_code(), "line_overspent");

  // The cockpit counts what the other parties gave beside the government's money.
  auto cockpit = w().street.get("/api/v1/cockpit?community_id=" + std::to_string(w().community_id));
  ASSERT_EQ(cockpit.status, 200) << cockpit.body;
  auto cockpit_json = cockpit.json();
  const auto& cofunded = cockpit_json.at("funding");
  EXPECT_EQ(cofunded.at("others_received").as_int64(), 150'000 + disability * 2 / 8);
  EXPECT_EQ(cofunded.at("parties").as_int64(), 3);
  EXPECT_GT(cofunded.at("multiplier_bp").as_int64(), 10000);

  // The pledges and receipts are postings on the one ledger, which still balances; the
  // property fund's page does not show them.
  auto verified = w().street.get("/api/v1/ledger/verify");
  ASSERT_EQ(verified.status, 200);
  EXPECT_TRUE(verified.json().at("ok").as_bool()) << verified.body;
  auto fund =
      w().staff.get("/api/v1/property/fund?community_id=" + std::to_string(w().community_id));
  ASSERT_EQ(fund.status, 200) << fund.body;
  auto fund_json = fund.json();
  for (const auto& posting : fund_json.at("postings").as_array()) {
    EXPECT_NE(posting.at("code"), "pledge");
    EXPECT_NE(posting.at("code"), "pledge_receipt");
  }
}

GZ_ON_BACKENDS(PlanDecisionsTest);

}  // namespace
}  // namespace gz::test