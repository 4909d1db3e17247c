// Black-box tests of the needs matrix, the allocation plans and co-funding on SQLite and
// PostgreSQL: weights must add up to 100, a guide's assessment changes the overall score
// (latest wins), the hand-made neediest household ranks first and is flagged as silent,
// plans split exactly and show the previous totals, co-funding splits exactly.
#include <gtest/gtest.h>

#include "harness.hpp"

namespace gz::test {
namespace {

constexpr const char* kPassword = "needs-pass-42";

struct Community {
  explicit Community(Backend backend) : world(backend, {}, kPassword) {
    community_id = world.community("需求社区", "N-1");
    staff = world.community_user("staff", "staff", {community_id});
    guide = world.community_user("guide", "guide", {community_id});
    street = world.community_user("street", "street", {community_id});
    std::int64_t one = world.building(community_id, "1号楼");
    std::int64_t two = world.building(community_id, "2号楼");
    // The neediest by hand: two members 85 and 82 → population 40+40 = 80; disability and
    // chronic illness → health 40+25 = 65; low income → 75; willingness unknown → 0; living
    // alone + disability → special 50+40 = 90. Overall = 25·80+20·65+20·75+15·0+20·90 = 66.00.
    needy = world.household(
        community_id, "1-101",
        {{"building_id", one},
         {"address", "1号楼101"},
         {"income_band", "low"},
         {"tags", boost::json::array{"elderly_alone", "disability", "chronic_illness"}}});
    grandma = world.resident(needy, "王奶奶", "female", "1940-03-01");
    world.resident(needy, "王爷爷", "female", "1943-05-01");
    // One member aged 40, middle income: only economy 25 → overall 20·25 = 5.00.
    plain =
        world.household(community_id, "1-102",
                        {{"building_id", one}, {"address", "1号楼102"}, {"income_band", "middle"}});
    world.resident(plain, "李先生", "female", "1985-01-15");
    // A young family in building 2: a parent and a baby (childcare demand).
    young = world.household(community_id, "2-201",
                            {{"building_id", two},
                             {"address", "2号楼201"},
                             {"income_band", "high"},
                             {"housing_type", "tenant"},
                             {"needs", boost::json::array{"childcare"}}});
    world.resident(young, "赵女士", "female", "1995-07-07");
    world.resident(young, "赵宝宝", "female", "2025-10-01");
    resident = world.resident_user("resident", plain);
  }
  World world;
  std::int64_t community_id = 0;
  std::int64_t needy = 0, plain = 0, young = 0;
  std::int64_t grandma = 0;  // a member of the needy household
  Client staff{0}, guide{0}, street{0}, resident{0};
};

class NeedsTest : public BackendTest {
 protected:
  Community& c() { return shared<Community>(GetParam()); }
  std::string cid() { return std::to_string(c().community_id); }
  std::int64_t overall(std::int64_t household) {
    auto response = c().staff.get("/api/v1/households/" + std::to_string(household) + "/needs");
    EXPECT_EQ(response.status, 200) << response.body;
    return response.json().at("overall_hundredths").as_int64();
  }
};

TEST_P(NeedsTest, WeightsThatDoNotAddUpTo100AreRefused) {
  auto response = c().staff.put_json("/api/v1/needs/weights?community_id=" + cid(),
                                     {{"population_structure", 25},
                                      {"health", 20},
                                      {"economy", 20},
                                      {"willingness", 15},
                                      {"special_needs", 19}});
  EXPECT_EQ(response.status, 400) << response.body;
  EXPECT_EQ(response.error_code(), "invalid_weights");
  auto guide = c().guide.put_json("/api/v1/needs/weights?community_id=" + cid(),
                                  {{"population_structure", 20},
                                   {"health", 20},
                                   {"economy", 20},
                                   {"willingness", 20},
                                   {"special_needs", 20}});
  EXPECT_EQ(guide.status, 403) << guide.body;
  auto current = c().guide.get("/api/v1/needs/weights?community_id=" + cid());
  ASSERT_EQ(current.status, 200) << current.body;
  EXPECT_EQ(current.json().at("weights").at("population_structure").as_int64(), 25);
  EXPECT_EQ(current.json().at("weights").at("special_needs").as_int64(), 20);
}

TEST_P(NeedsTest, NewWeightsChangeTheOverallScore) {
  EXPECT_EQ(overall(c().plain), 500);  // economy 25 × 20%
  auto set = c().staff.put_json("/api/v1/needs/weights?community_id=" + cid(),
                                {{"population_structure", 10},
                                 {"health", 10},
                                 {"economy", 60},
                                 {"willingness", 10},
                                 {"special_needs", 10}});
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(overall(c().plain), 1500);  // economy 25 × 60%
  auto back = c().staff.put_json("/api/v1/needs/weights?community_id=" + cid(),
                                 {{"population_structure", 25},
                                  {"health", 20},
                                  {"economy", 20},
                                  {"willingness", 15},
                                  {"special_needs", 20}});
  ASSERT_EQ(back.status, 200) << back.body;
  EXPECT_EQ(overall(c().plain), 500);
}

TEST_P(NeedsTest, TheNeediestHouseholdIsScoredByHand) {
  auto response = c().staff.get("/api/v1/households/" + std::to_string(c().needy) + "/needs");
  ASSERT_EQ(response.status, 200) << response.body;
  auto body = response.json().as_object();
  EXPECT_EQ(body.at("overall_hundredths").as_int64(), 6600) << response.body;
  const auto& scores = body.at("sub_scores").as_object();
  EXPECT_EQ(scores.at("population_structure").as_int64(), 80);
  EXPECT_EQ(scores.at("health").as_int64(), 65);
  EXPECT_EQ(scores.at("economy").as_int64(), 75);
  EXPECT_EQ(scores.at("willingness").as_int64(), 0);
  EXPECT_EQ(scores.at("special_needs").as_int64(), 90);
  EXPECT_EQ(body.at("demand").at("elderly_care").as_int64(), 2);
  EXPECT_EQ(body.at("demand").at("disability_service").as_int64(), 1);
  EXPECT_EQ(body.at("demand").at("low_income_assistance").as_int64(), 1);
}

TEST_P(NeedsTest, AnAssessmentOverridesTheComputedSubScoreAndTheLatestWins) {
  auto first = c().guide.post("/api/v1/needs/assessments", {{"household_id", c().plain},
                                                            {"dimension", "health"},
                                                            {"score", 90},
                                                            {"reason", "上门评估：术后卧床"}});
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(overall(c().plain), 500 + 20 * 90);
  auto second = c().staff.post("/api/v1/needs/assessments", {{"household_id", c().plain},
                                                             {"dimension", "health"},
                                                             {"score", 50},
                                                             {"reason", "复评：已能下床"}});
  ASSERT_EQ(second.status, 201) << second.body;
  auto needs = c().staff.get("/api/v1/households/" + std::to_string(c().plain) + "/needs").json();
  EXPECT_EQ(needs.at("overall_hundredths").as_int64(), 500 + 20 * 50);
  EXPECT_EQ(needs.at("computed_sub_scores").at("health").as_int64(), 0);
  EXPECT_EQ(needs.at("sub_scores").at("health").as_int64(), 50);
  EXPECT_TRUE(needs.at("overridden").at("health").as_bool());
  ASSERT_EQ(needs.at("overrides").as_array().size(), 1u);
  EXPECT_EQ(needs.at("overrides").as_array()[0].at("reason").as_string(), "复评：已能下床");

  auto no_reason = c().guide.post(
      "/api/v1/needs/assessments",
      {{"household_id", c().plain}, {"dimension", "health"}, {"score", 10}, {"reason", ""}});
  EXPECT_EQ(no_reason.status, 400) << no_reason.body;
  auto out_of_range = c().guide.post(
      "/api/v1/needs/assessments",
      {{"household_id", c().plain}, {"dimension", "health"}, {"score", 101}, {"reason", "x"}});
  EXPECT_EQ(out_of_range.status, 400) << out_of_range.body;
  auto by_street = c().street.post(
      "/api/v1/needs/assessments",
      {{"household_id", c().plain}, {"dimension", "health"}, {"score", 10}, {"reason", "x"}});
  EXPECT_EQ(by_street.status, 403) << by_street.body;
  // Put it back: the other tests expect the computed score.
  auto reset = c().guide.post("/api/v1/needs/assessments", {{"household_id", c().plain},
                                                            {"dimension", "health"},
                                                            {"score", 0},
                                                            {"reason", "复评：康复"}});
  ASSERT_EQ(reset.status, 201) << reset.body;
  EXPECT_EQ(overall(c().plain), 500);
}

TEST_P(NeedsTest, TheRankingPutsTheNeediestFirstAndMarksTheSilent) {
  auto response = c().guide.get("/api/v1/needs/ranking?community_id=" + cid());
  ASSERT_EQ(response.status, 200) << response.body;
  auto ranking = response.json();
  const auto& items = ranking.at("items").as_array();
  ASSERT_EQ(items.size(), 3u) << response.body;
  EXPECT_EQ(items[0].at("household_id").as_int64(), c().needy);
  EXPECT_TRUE(items[0].at("silent").as_bool());
  EXPECT_FALSE(items[2].at("silent").as_bool());
  auto childcare =
      c().guide.get("/api/v1/needs/ranking?community_id=" + cid() + "&category=childcare");
  ASSERT_EQ(childcare.status, 200) << childcare.body;
  ASSERT_EQ(childcare.json().at("items").as_array().size(), 1u) << childcare.body;
  EXPECT_EQ(childcare.json().at("items").as_array()[0].at("household_id").as_int64(), c().young);
  EXPECT_EQ(c().guide.get("/api/v1/needs/ranking?community_id=" + cid() + "&category=nope").status,
            400);
}

// The needs desk's list of the silent needy once showed only those among the first page of
// the ranking: silent=true lists every silent household, however far down the ranking.
TEST_P(NeedsTest, TheSilentFilterListsEverySilentHouseholdWhateverItsRank) {
  auto all = c().guide.get("/api/v1/needs/ranking?community_id=" + cid()).json();
  auto silent = c().guide.get("/api/v1/needs/ranking?community_id=" + cid() +
                              "&silent=true&silent_min_overall_hundredths=501&limit=1");
  ASSERT_EQ(silent.status, 200) << silent.body;
  auto body = silent.json();
  // With the bound just above the plain household's 5.00, the needy and the young family
  // (ranked first and second) are silent; the plain household, last, is not.
  EXPECT_EQ(body.at("silent_count").as_int64(), 2);
  const auto& items = body.at("items").as_array();
  ASSERT_EQ(items.size(), 1u) << silent.body;  // limit applies to the silent list
  EXPECT_TRUE(items[0].at("silent").as_bool());
  auto rest = c().guide
                  .get("/api/v1/needs/ranking?community_id=" + cid() +
                       "&silent=true&silent_min_overall_hundredths=501")
                  .json();
  std::vector<std::int64_t> ids;
  for (const auto& item : rest.at("items").as_array()) {
    EXPECT_TRUE(item.at("silent").as_bool());
    ids.push_back(item.at("household_id").as_int64());
  }
  EXPECT_EQ(ids, (std::vector<std::int64_t>{c().needy, c().young}));
  EXPECT_EQ(all.at("items").as_array().size(), 3u);
  EXPECT_EQ(c().guide.get("/api/v1/needs/ranking?community_id=" + cid() + "&silent=yes").status,
            400);
}

TEST_P(NeedsTest, DemandAndHeatMapCountPerCategoryAndBuilding) {
  auto demand = c().street.get("/api/v1/needs/demand?community_id=" + cid());
  ASSERT_EQ(demand.status, 200) << demand.body;
  auto body = demand.json();
  EXPECT_EQ(body.at("demand").at("elderly_care").as_int64(), 2);
  EXPECT_EQ(body.at("demand").at("childcare").as_int64(), 1);
  EXPECT_EQ(body.at("demand").at("culture_sports").as_int64(), 4);  // members aged 6+
  ASSERT_EQ(body.at("buildings").as_array().size(), 2u);
  auto heat = c().staff.get("/api/v1/needs/heatmap?community_id=" + cid());
  ASSERT_EQ(heat.status, 200) << heat.body;
  auto map = heat.json();
  const auto& buildings = map.at("buildings").as_array();
  ASSERT_EQ(buildings.size(), 2u);
  EXPECT_EQ(buildings[0].as_string(), "1号楼");
  // The cells count households (the page says 户数), not people: row 1号楼 has one household
  // with elderly-care demand (two old members) and two households with culture-sports demand
  // (three members aged 6+); row 2号楼: one household with childcare demand.
  EXPECT_EQ(map.at("unit").as_string(), "households");
  const auto& categories = map.at("categories").as_array();
  auto column = [&](std::string_view name) {
    for (std::size_t i = 0; i < categories.size(); ++i) {
      if (categories[i].as_string() == name) return i;
    }
    ADD_FAILURE() << "no category " << name;
    return std::size_t{0};
  };
  const auto& cells = map.at("cells").as_array();
  EXPECT_EQ(cells[0].as_array()[column("elderly_care")].as_int64(), 1);
  EXPECT_EQ(cells[0].as_array()[column("culture_sports")].as_int64(), 2);
  EXPECT_EQ(cells[1].as_array()[column("childcare")].as_int64(), 1);
}

TEST_P(NeedsTest, AResidentSeesOnlyTheirOwnHouseholdsNeeds) {
  EXPECT_EQ(c().resident.get("/api/v1/households/" + std::to_string(c().plain) + "/needs").status,
            200);
  EXPECT_EQ(c().resident.get("/api/v1/households/" + std::to_string(c().needy) + "/needs").status,
            404);
  EXPECT_EQ(c().resident.get("/api/v1/needs/ranking?community_id=" + cid()).status, 403);
  EXPECT_EQ(c().resident
                .post("/api/v1/needs/assessments", {{"household_id", c().plain},
                                                    {"dimension", "health"},
                                                    {"score", 100},
                                                    {"reason", "我自己评"}})
                .status,
            403);
}

// Last in the suite: it ends the needy household's silence for the tests after it.
TEST_P(NeedsTest, AnAwardForAMeetingCountsAsParticipationAndEndsTheSilence) {
  auto award = c().guide.post(
      "/api/v1/points/awards",
      {{"resident_id", c().grandma}, {"rule", "meeting"}, {"reference", "meeting:needs-1"}});
  ASSERT_EQ(award.status, 201) << award.body;
  auto needs = c().staff.get("/api/v1/households/" + std::to_string(c().needy) + "/needs").json();
  EXPECT_EQ(needs.at("facts").at("participation_count").as_int64(), 1);
  // willingness: 10 per activity → 10; overall 6600 + 15·10 = 6750.
  EXPECT_EQ(needs.at("sub_scores").at("willingness").as_int64(), 10);
  EXPECT_EQ(needs.at("overall_hundredths").as_int64(), 6750);
  auto ranking = c().guide.get("/api/v1/needs/ranking?community_id=" + cid()).json();
  const auto& first = ranking.at("items").as_array()[0];
  EXPECT_EQ(first.at("household_id").as_int64(), c().needy);
  EXPECT_FALSE(first.at("silent").as_bool());
  EXPECT_EQ(ranking.at("silent_count").as_int64(), 0);
}

GZ_ON_BACKENDS(NeedsTest);

class AllocationTest : public NeedsTest {};

std::int64_t lines_total(const boost::json::value& plan) {
  std::int64_t sum = 0;
  for (const auto& line : plan.at("lines").as_array()) sum += line.at("total").as_int64();
  return sum;
}

TEST_P(AllocationTest, APlanSplitsExactlyAndARePlanShowsThePreviousTotals) {
  boost::json::array first_categories{
      boost::json::object{
          {"category", "elderly_care"}, {"policy_weight", 50}, {"demand_weight", 20}},
      boost::json::object{{"category", "childcare"}, {"policy_weight", 50}, {"demand_weight", 80}}};
  auto first = c().staff.post("/api/v1/allocation/plans", {{"community_id", c().community_id},
                                                           {"quarter", "2027Q1"},
                                                           {"total", 1000000},
                                                           {"unit", "fen"},
                                                           {"categories", first_categories}});
  ASSERT_EQ(first.status, 201) << first.body;
  auto plan = first.json();
  // 5% reserve = 50,000; 950,000 → base 665,000 / dynamic 285,000; base 50:50 = 332,500
  // each; dynamic 20:80 = 57,000 / 228,000.
  EXPECT_EQ(plan.at("pools").at("emergency").as_int64(), 50000);
  EXPECT_EQ(plan.at("pools").at("base").as_int64(), 665000);
  EXPECT_EQ(plan.at("pools").at("dynamic").as_int64(), 285000);
  const auto& lines = plan.at("lines").as_array();
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].at("total").as_int64(), 389500);
  EXPECT_EQ(lines[1].at("total").as_int64(), 560500);
  EXPECT_EQ(plan.at("pools").at("reserve").as_int64() + lines_total(plan), 1000000);

  // The newborn surge reversed: childcare's demand weight falls from 80 to 35.
  boost::json::array second_categories{
      boost::json::object{
          {"category", "elderly_care"}, {"policy_weight", 50}, {"demand_weight", 65}},
      boost::json::object{{"category", "childcare"}, {"policy_weight", 50}, {"demand_weight", 35}}};
  auto second = c().staff.post("/api/v1/allocation/plans", {{"community_id", c().community_id},
                                                            {"quarter", "2027Q1"},
                                                            {"total", 1000000},
                                                            {"unit", "fen"},
                                                            {"categories", second_categories}});
  ASSERT_EQ(second.status, 201) << second.body;
  auto replan = second.json();
  const auto& new_lines = replan.at("lines").as_array();
  EXPECT_EQ(new_lines[0].at("total").as_int64(), 332500 + 185250);
  EXPECT_EQ(new_lines[1].at("total").as_int64(), 332500 + 99750);
  EXPECT_EQ(new_lines[0].at("previous_total").as_int64(), 389500);
  EXPECT_EQ(new_lines[1].at("previous_total").as_int64(), 560500);
  EXPECT_EQ(new_lines[1].at("change").as_int64(), 432250 - 560500);
  EXPECT_EQ(replan.at("previous_plan_id").as_int64(), plan.at("id").as_int64());

  auto read =
      c().guide.get("/api/v1/allocation/plans/" + std::to_string(replan.at("id").as_int64()));
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.json().at("lines").as_array()[0].at("previous_total").as_int64(), 389500);
}

TEST_P(AllocationTest, PoolPercentagesAreConfigurableButMustAddUp) {
  boost::json::array categories{boost::json::object{
      {"category", "elderly_care"}, {"policy_weight", 1}, {"demand_weight", 1}}};
  auto bad = c().staff.post(
      "/api/v1/allocation/plans",
      {{"community_id", c().community_id},
       {"quarter", "2026Q1"},
       {"total", 1000},
       {"unit", "kit"},
       {"categories", categories},
       {"percents", {{"emergency_percent", 10}, {"base_percent", 60}, {"dynamic_percent", 30}}}});
  EXPECT_EQ(bad.status, 400) << bad.body;
  EXPECT_EQ(bad.error_code(), "invalid_percentages");
  auto good = c().staff.post(
      "/api/v1/allocation/plans",
      {{"community_id", c().community_id},
       {"quarter", "2026Q1"},
       {"total", 1000},
       {"unit", "kit"},
       {"categories", categories},
       {"percents", {{"emergency_percent", 10}, {"base_percent", 60}, {"dynamic_percent", 40}}}});
  ASSERT_EQ(good.status, 201) << good.body;
  auto plan = good.json();
  EXPECT_EQ(plan.at("pools").at("emergency").as_int64(), 100);
  EXPECT_EQ(plan.at("pools").at("base").as_int64(), 540);
  EXPECT_EQ(plan.at("pools").at("dynamic").as_int64(), 360);
}

TEST_P(AllocationTest, DefaultCategoriesComeFromTheNeedsModule) {
  auto response = c().staff.post("/api/v1/allocation/plans", {{"community_id", c().community_id},
                                                              {"quarter", "2026Q4"},
                                                              {"total", 40},
                                                              {"unit", "place"}});
  ASSERT_EQ(response.status, 201) << response.body;
  auto plan = response.json();
  EXPECT_EQ(plan.at("lines").as_array().size(), 5u);
  EXPECT_EQ(plan.at("pools").at("reserve").as_int64() + lines_total(plan), 40);
  // Places are capped at demand: 1 child aged 0–3, and the base pool already gives childcare
  // at least that, so it gets no dynamic places.
  for (const auto& line : plan.at("lines").as_array()) {
    if (line.at("category").as_string() == "childcare") {
      EXPECT_GE(line.at("base").as_int64(), 1) << response.body;
      EXPECT_EQ(line.at("dynamic").as_int64(), 0) << response.body;
    }
  }
  auto fairness = c().street.get("/api/v1/allocation/plans/" +
                                 std::to_string(plan.at("id").as_int64()) + "/fairness");
  ASSERT_EQ(fairness.status, 200) << fairness.body;
  EXPECT_EQ(fairness.json().at("groups").as_array().size(), 6u);
  std::int64_t population_bp = 0;
  auto report = fairness.json();
  for (const auto& group : report.at("groups").as_array()) {
    population_bp += group.at("population_share_bp").as_int64();
  }
  EXPECT_NEAR(population_bp, 10000, 3);
  EXPECT_TRUE(fairness.json().at("gini_bp").is_int64());
}

TEST_P(AllocationTest, OnlyStaffPlanAndResidentsDoNotReadPlans) {
  auto by_guide =
      c().guide.post("/api/v1/allocation/plans",
                     {{"community_id", c().community_id}, {"quarter", "2026Q3"}, {"total", 100}});
  EXPECT_EQ(by_guide.status, 403) << by_guide.body;
  auto bad_quarter =
      c().staff.post("/api/v1/allocation/plans",
                     {{"community_id", c().community_id}, {"quarter", "2026Q5"}, {"total", 100}});
  EXPECT_EQ(bad_quarter.status, 400) << bad_quarter.body;
  auto plan = c().staff.post("/api/v1/allocation/plans", {{"community_id", c().community_id},
                                                          {"quarter", "2026Q2"},
                                                          {"total", 100000},
                                                          {"unit", "fen"}});
  ASSERT_EQ(plan.status, 201) << plan.body;
  auto id = std::to_string(plan.json().at("id").as_int64());
  EXPECT_EQ(c().resident.get("/api/v1/allocation/plans/" + id).status, 403);
  EXPECT_EQ(c().street.get("/api/v1/allocation/plans/" + id).status, 200);
}

TEST_P(AllocationTest, CofundingSplitsExactlyByLargestRemainder) {
  auto basic =
      c().guide.post("/api/v1/cofunding/split", {{"class", "basic"}, {"amount_fen", 100001}});
  ASSERT_EQ(basic.status, 200) << basic.body;
  auto split = basic.json();
  const auto& parts = split.at("parts").as_array();
  ASSERT_EQ(parts.size(), 2u);
  // 70,000.7 and 30,000.3: the spare fen goes to the larger remainder (government).
  EXPECT_EQ(parts[0].at("party").as_string(), "government");
  EXPECT_EQ(parts[0].at("amount_fen").as_int64(), 70001);
  EXPECT_EQ(parts[1].at("amount_fen").as_int64(), 30000);
  auto improvement =
      c().guide.post("/api/v1/cofunding/split", {{"class", "improvement"}, {"amount_fen", 100001}});
  ASSERT_EQ(improvement.status, 200) << improvement.body;
  std::int64_t sum = 0;
  auto improvement_split = improvement.json();
  for (const auto& part : improvement_split.at("parts").as_array()) {
    sum += part.at("amount_fen").as_int64();
  }
  EXPECT_EQ(sum, 100001);
  // 30,000.3 : 30,000.3 : 40,000.4 → the spare fen to residents (remainder .4).
  EXPECT_EQ(improvement.json().at("parts").as_array()[2].at("amount_fen").as_int64(), 40001);
  EXPECT_EQ(
      c().guide.post("/api/v1/cofunding/split", {{"class", "luxury"}, {"amount_fen", 1}}).status,
      400);
}

GZ_ON_BACKENDS(AllocationTest);

}  // namespace
}  // namespace gz::test
