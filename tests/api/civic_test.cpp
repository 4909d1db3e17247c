// Black-box tests of surveys, tenant representatives and resident leaders on SQLite and
// PostgreSQL: a survey is created, opened, answered once per resident login (a second answer
// 409, concurrent duplicates: exactly one lands) and read back by group with small groups
// suppressed; residents never see results and outsiders see nothing; a building keeps at most
// two current tenant representatives, all from its tenant households; the leader summary
// counts leaders at the start and end of a period.
#include <gtest/gtest.h>

#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "harness.hpp"

namespace gz::test {
namespace {

constexpr const char* kPassword = "civic-pass-2026";
constexpr int kHomes = 10;  // building 1: 0-4 tenants (young), 5-9 owners (aged 60+)

struct Fixture {
  explicit Fixture(Backend backend) : world(backend, {}, kPassword) {
    community_id = world.community("共治社区", "CV-1");
    other_community_id = world.community("隔壁社区", "CV-2");
    building_1 = world.building(community_id, "1号楼");
    building_2 = world.building(community_id, "2号楼");
    staff = world.community_user("staff", "staff", {community_id});
    guide = world.community_user("guide", "guide", {community_id});
    street = world.community_user("street", "street", {community_id});
    auto person = [&](std::int64_t household, const std::string& name, const char* birth_date) {
      return world.resident_with(household, {{"name", name},
                                             {"sex", "female"},
                                             {"birth_date", birth_date},
                                             {"mobile", "13800138000"},
                                             {"relation", "self"}});
    };
    const char* births[kHomes] = {"1998-03-01", "1996-07-15", "1995-01-20", "1985-05-05",
                                  "1980-10-10", "1950-02-02", "1948-08-08", "1955-05-05",
                                  "1952-12-12", "1946-06-06"};
    for (int i = 0; i < kHomes; ++i) {
      auto household = world.household(
          community_id, "1-" + std::to_string(101 + i),
          {{"building_id", building_1}, {"housing_type", i < 5 ? "tenant" : "owner"}});
      residents.push_back(person(household, "居民" + std::to_string(i), births[i]));
      homes.push_back(world.resident_user("home" + std::to_string(i), household));
    }
    auto tenant_2 = world.household(community_id, "2-201",
                                    {{"building_id", building_2}, {"housing_type", "tenant"}});
    residents.push_back(person(tenant_2, "二号楼租户", "1990-04-04"));
    auto outsider_home = world.household(other_community_id, "9-901", {{"housing_type", "tenant"}});
    outsider_resident = person(outsider_home, "外社区居民", "1970-01-01");
    outsider = world.resident_user("outsider", outsider_home);
  }
  World world;
  std::int64_t community_id = 0;
  std::int64_t other_community_id = 0;
  std::int64_t building_1 = 0;
  std::int64_t building_2 = 0;
  std::vector<std::int64_t> residents;  // one per home in building 1, then building 2's tenant
  std::int64_t outsider_resident = 0;
  Client anonymous{world.anonymous()}, staff{0}, guide{0}, street{0}, outsider{0};
  std::vector<Client> homes;
};

class CivicTest : public BackendTest {
 protected:
  Fixture& f() { return shared<Fixture>(GetParam()); }
  std::string cid() { return std::to_string(f().community_id); }

  // A survey of a scale, a single-choice, a multiple-choice and an optional text question.
  boost::json::object survey_body(const char* title) {
    return {
        {"community_id", f().community_id},
        {"title", title},
        {"questions",
         boost::json::array{
             boost::json::object{{"kind", "scale"}, {"prompt", "您对社区服务的满意度"}},
             boost::json::object{{"kind", "single_choice"},
                                 {"prompt", "最常使用的服务"},
                                 {"options", boost::json::array{"养老", "托育", "文体"}}},
             boost::json::object{{"kind", "multiple_choice"},
                                 {"prompt", "希望加强的服务"},
                                 {"options", boost::json::array{"助餐", "托管", "健身"}}},
             boost::json::object{{"kind", "text"}, {"prompt", "其他建议"}, {"required", false}}}}};
  }
  std::vector<std::int64_t> question_ids(const HttpResponse& survey) {
    std::vector<std::int64_t> ids;
    auto json = survey.json();
    for (const auto& q : json.at("questions").as_array()) {
      ids.push_back(q.at("id").as_int64());
    }
    return ids;
  }
  static boost::json::object answers(const std::vector<std::int64_t>& q, int scale, int choice,
                                     boost::json::array many, const char* text) {
    boost::json::array items{boost::json::object{{"question_id", q[0]}, {"value", scale}},
                             boost::json::object{{"question_id", q[1]}, {"value", choice}},
                             boost::json::object{{"question_id", q[2]}, {"value", many}}};
    if (text) items.push_back(boost::json::object{{"question_id", q[3]}, {"value", text}});
    return {{"answers", items}};
  }
};

const boost::json::value* find_group(const boost::json::value& results, const char* dimension,
                                     const char* key) {
  for (const auto& group : results.at("groups").as_array()) {
    if (group.at("dimension").as_string() == dimension && group.at("key").as_string() == key) {
      return &group;
    }
  }
  return nullptr;
}

TEST_P(CivicTest, SurveyIsCreatedAnsweredOnceAndReadByGroupWithSmallGroupsSuppressed) {
  // Who may create: staff and guides; bad questions and a foreign plan are 400.
  EXPECT_EQ(f().homes[0].post("/api/v1/surveys", survey_body("居民建的")).status, 403);
  EXPECT_EQ(f().outsider.post("/api/v1/surveys", survey_body("外人建的")).status, 404);
  auto one_option = survey_body("坏问卷");
  one_option["questions"].as_array()[1].as_object()["options"] = boost::json::array{"养老"};
  auto bad = f().guide.post("/api/v1/surveys", one_option);
  EXPECT_EQ(bad.status, 400) << bad.body;
  EXPECT_EQ(bad.error_code(), "invalid_questions");
  auto with_plan = survey_body("挂方案");
  with_plan["plan_id"] = 999999;
  EXPECT_EQ(f().staff.post("/api/v1/surveys", with_plan).error_code(), "unknown_plan");
  auto survey = f().staff.post("/api/v1/surveys", survey_body("2026年社区服务满意度调查"));
  ASSERT_EQ(survey.status, 201) << survey.body;
  EXPECT_EQ(survey.json().at("status").as_string(), "draft");
  auto q = question_ids(survey);
  ASSERT_EQ(q.size(), 4u);
  std::string path = "/api/v1/surveys/" + std::to_string(survey.json().at("id").as_int64());

  // A draft is invisible to residents and takes no answers.
  EXPECT_EQ(f().homes[0].get(path).status, 404);
  EXPECT_EQ(f().homes[0].post(path + "/responses", answers(q, 4, 0, {0}, nullptr)).status, 404);
  EXPECT_EQ(f().homes[0].post(path + "/open", boost::json::object{}).status, 404);
  auto opened = f().guide.post(path + "/open", boost::json::object{});
  ASSERT_EQ(opened.status, 200) << opened.body;
  EXPECT_EQ(f().homes[0].post(path + "/close", boost::json::object{}).status, 403);
  EXPECT_EQ(f().street.post(path + "/close", boost::json::object{}).status, 403);
  EXPECT_EQ(opened.json().at("status").as_string(), "open");
  EXPECT_EQ(f().guide.post(path + "/open", boost::json::object{}).error_code(),
            "invalid_transition");
  auto listed = f().homes[0].get("/api/v1/surveys?community_id=" + cid());
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_FALSE(listed.json().at("items").as_array()[0].at("responded").as_bool());

  // Answers are checked against the questions, naming the one that is wrong.
  auto out_of_scale = f().homes[0].post(path + "/responses", answers(q, 7, 0, {0}, nullptr));
  EXPECT_EQ(out_of_scale.status, 400) << out_of_scale.body;
  EXPECT_EQ(out_of_scale.error_code(), "invalid_answer");
  EXPECT_NE(out_of_scale.body.find("您对社区服务的满意度"), std::string::npos) << out_of_scale.body;
  auto missing = f().homes[0].post(
      path + "/responses",
      {{"answers", boost::json::array{boost::json::object{{"question_id", q[0]}, {"value", 3}}}}});
  EXPECT_EQ(missing.error_code(), "missing_answer") << missing.body;
  EXPECT_NE(missing.body.find("最常使用的服务"), std::string::npos) << missing.body;
  EXPECT_EQ(f().homes[0].post(path + "/responses", answers(q, 3, 5, {0}, nullptr)).error_code(),
            "invalid_answer");

  // Tenants (young) answer 3, owners (60+) answer 5.
  for (int i = 0; i < kHomes; ++i) {
    auto response = f().homes[static_cast<std::size_t>(i)].post(
        path + "/responses",
        answers(q, i < 5 ? 3 : 5, i % 3, {0, 2}, i == 0 ? "希望增加托育名额" : nullptr));
    EXPECT_EQ(response.status, 201) << i << " " << response.body;
  }
  auto again = f().homes[0].post(path + "/responses", answers(q, 1, 0, {1}, nullptr));
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_EQ(again.error_code(), "already_responded");
  EXPECT_EQ(f().outsider.post(path + "/responses", answers(q, 1, 0, {1}, nullptr)).status, 404);
  EXPECT_EQ(f().staff.post(path + "/responses", answers(q, 1, 0, {1}, nullptr)).status, 403);
  EXPECT_TRUE(f().homes[0].get(path).json().at("responded").as_bool());

  // Results while open: residents 403, outsiders 404, staff, guides and the street see them.
  EXPECT_EQ(f().homes[0].get(path + "/results").status, 403);
  EXPECT_EQ(f().outsider.get(path + "/results").status, 404);
  EXPECT_EQ(f().anonymous.get(path + "/results").status, 401);
  EXPECT_EQ(f().guide.get(path + "/results").status, 200);
  auto results = f().street.get(path + "/results");
  ASSERT_EQ(results.status, 200) << results.body;
  auto json = results.json();
  EXPECT_EQ(json.at("respondents").as_int64(), 10);
  const auto& questions = json.at("questions").as_array();
  EXPECT_DOUBLE_EQ(questions[0].at("mean").to_number<double>(), 4.0);
  EXPECT_EQ(questions[0].at("distribution").at("3").as_int64(), 5);
  EXPECT_EQ(questions[0].at("distribution").at("5").as_int64(), 5);
  // i % 3 over 0..9: option 0 four times, 1 three times, 2 three times.
  EXPECT_EQ(questions[1].at("options").as_array()[0].at("count").as_int64(), 4);
  EXPECT_EQ(questions[2].at("options").as_array()[2].at("count").as_int64(), 10);
  EXPECT_EQ(questions[3].at("answers").as_array().size(), 1u);
  EXPECT_EQ(questions[3].at("answers").as_array()[0].as_string(), "希望增加托育名额");
  EXPECT_EQ(results.body.find("居民0"), std::string::npos) << "no names in results";
  EXPECT_EQ(results.body.find("13800138000"), std::string::npos);
  // Groups: 60+ (5) shown; 18-34 (3) and 35-59 (2) suppressed; tenants vs owners 5 and 5.
  const auto* elderly = find_group(json, "age_band", "60_plus");
  ASSERT_NE(elderly, nullptr);
  EXPECT_FALSE(elderly->at("suppressed").as_bool());
  EXPECT_EQ(elderly->at("respondents").as_int64(), 5);
  const auto* young = find_group(json, "age_band", "18_34");
  ASSERT_NE(young, nullptr);
  EXPECT_TRUE(young->at("suppressed").as_bool());
  EXPECT_TRUE(young->at("respondents").is_null());
  EXPECT_TRUE(young->at("questions").as_array().empty());
  const auto* tenants = find_group(json, "residence", "migrant_tenant");
  ASSERT_NE(tenants, nullptr);
  EXPECT_FALSE(tenants->at("suppressed").as_bool());
  EXPECT_DOUBLE_EQ(tenants->at("questions").as_array()[0].at("mean").to_number<double>(), 3.0);
  ASSERT_NE(find_group(json, "building", "1号楼"), nullptr);
  bool residence_difference = false;
  for (const auto& difference : json.at("group_differences").as_array()) {
    if (difference.at("dimension").as_string() != "residence") continue;
    residence_difference = true;
    EXPECT_DOUBLE_EQ(difference.at("coefficient").to_number<double>(), 0.25);  // means 3 and 5
  }
  EXPECT_TRUE(residence_difference);

  auto closed = f().staff.post(path + "/close", boost::json::object{});
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.json().at("status").as_string(), "closed");
  // Closed: residents read the results by group too, without the free-text answers.
  auto published = f().homes[0].get(path + "/results");
  ASSERT_EQ(published.status, 200) << published.body;
  EXPECT_EQ(published.json().at("respondents").as_int64(), 10);
  EXPECT_EQ(published.body.find("希望增加托育名额"), std::string::npos);
  EXPECT_EQ(f().outsider.get(path + "/results").status, 404);
}

TEST_P(CivicTest, ConcurrentDuplicateAnswersLandOnce) {
  auto survey = f().staff.post("/api/v1/surveys", survey_body("并发测试问卷"));
  ASSERT_EQ(survey.status, 201) << survey.body;
  auto q = question_ids(survey);
  std::string path = "/api/v1/surveys/" + std::to_string(survey.json().at("id").as_int64());
  ASSERT_EQ(f().staff.post(path + "/open", boost::json::object{}).status, 200);
  std::vector<int> statuses;
  std::mutex mutex;
  std::vector<std::thread> threads;
  const Client& client = f().homes[3];
  auto body = answers(q, 4, 1, {1}, nullptr);
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      auto response = client.post(path + "/responses", body);
      std::lock_guard<std::mutex> lock(mutex);
      statuses.push_back(response.status);
    });
  }
  for (auto& thread : threads) thread.join();
  int landed = 0, refused = 0;
  for (int status : statuses) {
    if (status == 201) ++landed;
    if (status == 409) ++refused;
  }
  EXPECT_EQ(landed, 1);
  EXPECT_EQ(refused, 7);
  auto results = f().staff.get(path + "/results");
  ASSERT_EQ(results.status, 200) << results.body;
  EXPECT_EQ(results.json().at("respondents").as_int64(), 1);
  // Closed: no more answers.
  ASSERT_EQ(f().guide.post(path + "/close", boost::json::object{}).status, 200);
  auto late = f().homes[4].post(path + "/responses", body);
  EXPECT_EQ(late.status, 409) << late.body;
  EXPECT_EQ(late.error_code(), "survey_not_open");
}

boost::json::object election(std::int64_t building, std::vector<std::int64_t> candidates,
                             std::vector<std::int64_t> elected, const char* start,
                             const char* end) {
  boost::json::array candidate_items, elected_items;
  std::int64_t votes = 20;
  for (auto id : candidates) {
    candidate_items.push_back(boost::json::object{{"resident_id", id}, {"votes", votes--}});
  }
  for (auto id : elected) elected_items.push_back(id);
  return {{"building_id", building}, {"election_date", "2019-12-20"}, {"term_start", start},
          {"term_end", end},         {"candidates", candidate_items}, {"elected", elected_items}};
}

TEST_P(CivicTest, BuildingKeepsAtMostTwoCurrentTenantRepresentatives) {
  const auto& r = f().residents;
  const std::int64_t b1 = f().building_1, b2 = f().building_2;
  auto first =
      f().staff.post("/api/v1/representatives/elections",
                     election(b1, {r[0], r[1], r[2]}, {r[0], r[1]}, "2026-01-01", "2028-12-31"));
  ASSERT_EQ(first.status, 201) << first.body;
  auto first_json = first.json();
  const auto& elected = first_json.at("elected").as_array();
  ASSERT_EQ(elected.size(), 2u);
  EXPECT_EQ(elected[0].at("seat").as_int64(), 1);
  EXPECT_EQ(elected[1].at("seat").as_int64(), 2);

  auto third = f().staff.post("/api/v1/representatives/elections",
                              election(b1, {r[2]}, {r[2]}, "2027-01-01", "2029-12-31"));
  EXPECT_EQ(third.status, 409) << third.body;
  EXPECT_EQ(third.error_code(), "seats_full");
  auto owner = f().staff.post("/api/v1/representatives/elections",
                              election(b1, {r[6]}, {r[6]}, "2029-01-01", "2031-12-31"));
  EXPECT_EQ(owner.status, 409) << owner.body;
  EXPECT_EQ(owner.error_code(), "not_tenant_household");
  auto elsewhere = f().staff.post("/api/v1/representatives/elections",
                                  election(b1, {r[10]}, {r[10]}, "2029-01-01", "2031-12-31"));
  EXPECT_EQ(elsewhere.status, 409) << elsewhere.body;
  EXPECT_EQ(elsewhere.error_code(), "not_in_building");
  auto not_candidate = f().staff.post("/api/v1/representatives/elections",
                                      election(b1, {r[2]}, {r[3]}, "2029-01-01", "2031-12-31"));
  EXPECT_EQ(not_candidate.error_code(), "elected_not_candidate");
  auto short_term = f().staff.post("/api/v1/representatives/elections",
                                   election(b1, {r[2]}, {r[2]}, "2029-01-01", "2028-12-31"));
  EXPECT_EQ(short_term.status, 400) << short_term.body;
  EXPECT_EQ(short_term.error_code(), "invalid_term");
  auto outsider = f().staff.post(
      "/api/v1/representatives/elections",
      election(b1, {f().outsider_resident}, {f().outsider_resident}, "2029-01-01", "2031-12-31"));
  EXPECT_EQ(outsider.error_code(), "unknown_resident");
  auto by_guide = f().guide.post("/api/v1/representatives/elections",
                                 election(b1, {r[2]}, {r[2]}, "2029-01-01", "2031-12-31"));
  EXPECT_EQ(by_guide.status, 403);
  auto by_outsider = f().outsider.post("/api/v1/representatives/elections",
                                       election(b1, {r[2]}, {r[2]}, "2029-01-01", "2031-12-31"));
  EXPECT_EQ(by_outsider.status, 404);
  // A term that has ended: building 2's representative of 2020-2022 is not current.
  auto past = f().staff.post("/api/v1/representatives/elections",
                             election(b2, {r[10]}, {r[10]}, "2020-01-01", "2022-12-31"));
  ASSERT_EQ(past.status, 201) << past.body;

  auto listed = f().homes[7].get("/api/v1/representatives?community_id=" + cid());
  ASSERT_EQ(listed.status, 200) << listed.body;
  auto json = listed.json();
  std::map<std::int64_t, std::size_t> current;
  for (const auto& building : json.at("items").as_array()) {
    current[building.at("building_id").as_int64()] =
        building.at("representatives").as_array().size();
  }
  EXPECT_EQ(current[b1], 2u);
  EXPECT_EQ(current[b2], 0u);
  EXPECT_NE(listed.body.find("居民0"), std::string::npos) << "names are shown to residents";
  EXPECT_EQ(listed.body.find("13800138000"), std::string::npos) << "phones never";
  EXPECT_EQ(listed.body.find("mobile"), std::string::npos);
  auto in_2021 =
      f().staff.get("/api/v1/representatives?community_id=" + cid() + "&date=2021-06-01");
  ASSERT_EQ(in_2021.status, 200) << in_2021.body;
  EXPECT_NE(in_2021.body.find("二号楼租户"), std::string::npos) << in_2021.body;
  EXPECT_EQ(f().outsider.get("/api/v1/representatives?community_id=" + cid()).status, 404);
  EXPECT_EQ(f().anonymous.get("/api/v1/representatives?community_id=" + cid()).status, 401);
}

TEST_P(CivicTest, LeaderSummaryCountsGrowthOverThePeriod) {
  const auto& r = f().residents;
  auto module =
      f().staff.post("/api/v1/leaders/modules",
                     {{"community_id", f().community_id}, {"title", "议事规则"}, {"hours", 6}});
  ASSERT_EQ(module.status, 201) << module.body;
  std::int64_t module_id = module.json().at("id").as_int64();
  EXPECT_EQ(f().staff
                .post("/api/v1/leaders/modules",
                      {{"community_id", f().community_id}, {"title", "议事规则"}, {"hours", 4}})
                .error_code(),
            "duplicate_module");
  EXPECT_EQ(f().guide
                .post("/api/v1/leaders/modules",
                      {{"community_id", f().community_id}, {"title", "指导员课"}, {"hours", 4}})
                .status,
            403);
  auto completion = [&](Client& client, std::int64_t resident) {
    return client.post(
        "/api/v1/leaders/completions",
        {{"module_id", module_id}, {"resident_id", resident}, {"completed_on", "2025-05-20"}});
  };
  EXPECT_EQ(completion(f().guide, r[0]).status, 201);
  EXPECT_EQ(completion(f().guide, r[0]).error_code(), "already_completed");
  EXPECT_EQ(completion(f().staff, f().outsider_resident).error_code(), "unknown_resident");
  EXPECT_EQ(completion(f().homes[0], r[0]).status, 403);

  // Four leaders since 2024, two join in 2025, one of the first four steps down in 2025.
  std::vector<std::int64_t> leader_ids;
  const char* since[] = {"2024-06-01", "2024-06-01", "2024-06-01",
                         "2024-06-01", "2025-03-01", "2025-08-01"};
  for (int i = 0; i < 6; ++i) {
    auto added = f().guide.post("/api/v1/leaders", {{"resident_id", r[static_cast<std::size_t>(i)]},
                                                    {"since", since[i]},
                                                    {"area", "楼道自治"}});
    ASSERT_EQ(added.status, 201) << added.body;
    leader_ids.push_back(added.json().at("id").as_int64());
  }
  EXPECT_EQ(f().staff
                .post("/api/v1/leaders",
                      {{"resident_id", r[0]}, {"since", "2025-01-01"}, {"area", "重复"}})
                .error_code(),
            "already_leader");
  EXPECT_EQ(f().outsider
                .post("/api/v1/leaders",
                      {{"resident_id", r[7]}, {"since", "2025-01-01"}, {"area", "外人"}})
                .status,
            404);
  EXPECT_EQ(f().homes[7]
                .post("/api/v1/leaders",
                      {{"resident_id", r[7]}, {"since", "2025-01-01"}, {"area", "自荐"}})
                .status,
            403);
  std::string end_path = "/api/v1/leaders/" + std::to_string(leader_ids[3]) + "/end";
  ASSERT_EQ(f().staff.post(end_path, {{"until", "2025-09-01"}}).status, 200);
  EXPECT_EQ(f().staff.post(end_path, {{"until", "2025-10-01"}}).error_code(), "already_ended");

  std::string summary_path =
      "/api/v1/leaders/summary?community_id=" + cid() + "&from=2025-01-01&to=2026-01-01";
  auto summary = f().street.get(summary_path);
  ASSERT_EQ(summary.status, 200) << summary.body;
  auto json = summary.json();
  EXPECT_EQ(json.at("leaders_at_start").as_int64(), 4);
  EXPECT_EQ(json.at("leaders_at_end").as_int64(), 5);
  EXPECT_EQ(json.at("joined").as_int64(), 2);
  EXPECT_EQ(json.at("left").as_int64(), 1);
  EXPECT_DOUBLE_EQ(json.at("growth_rate").to_number<double>(), 0.25);
  EXPECT_TRUE(json.at("meets_target").as_bool());
  EXPECT_EQ(json.at("trained_residents").as_int64(), 1);
  EXPECT_EQ(json.at("training_hours").as_int64(), 6);
  EXPECT_EQ(f().homes[0].get(summary_path).status, 403);
  EXPECT_EQ(f().outsider.get(summary_path).status, 404);
  auto backwards = f().staff.get("/api/v1/leaders/summary?community_id=" + cid() +
                                 "&from=2026-01-01&to=2025-01-01");
  EXPECT_EQ(backwards.status, 400) << backwards.body;
  // Before the first leaders: no rate, no verdict.
  auto early = f().staff.get("/api/v1/leaders/summary?community_id=" + cid() +
                             "&from=2023-01-01&to=2024-01-01");
  ASSERT_EQ(early.status, 200) << early.body;
  EXPECT_TRUE(early.json().at("growth_rate").is_null());

  auto organisation = f().guide.post("/api/v1/leaders/organisations",
                                     {{"community_id", f().community_id},
                                      {"name", "银龄志愿服务队"},
                                      {"founded_on", "2025-04-01"},
                                      {"leader_resident_ids", boost::json::array{r[0], r[1]}},
                                      {"member_count", 25},
                                      {"status", "active"}});
  ASSERT_EQ(organisation.status, 201) << organisation.body;
  auto organisations = f().homes[5].get("/api/v1/leaders/organisations?community_id=" + cid());
  ASSERT_EQ(organisations.status, 200) << organisations.body;
  EXPECT_NE(organisations.body.find("银龄志愿服务队"), std::string::npos);
  auto leaders = f().staff.get("/api/v1/leaders?community_id=" + cid());
  ASSERT_EQ(leaders.status, 200) << leaders.body;
  EXPECT_EQ(leaders.json().at("items").as_array().size(), 6u);
  EXPECT_EQ(f().homes[0].get("/api/v1/leaders?community_id=" + cid()).status, 403);
}

GZ_ON_BACKENDS(CivicTest);

}  // namespace
}  // namespace gz::test
