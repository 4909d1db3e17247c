// Black-box tests of GET /api/v1/indicators on SQLite and PostgreSQL: a hand-counted
// fixture of two communities on one street gives the expected numerators and denominators,
// a street query adds the two communities up, a bad period is 400 and a resident is 403.
#include <gtest/gtest.h>

#include <ctime>
#include <map>
#include <memory>

#include "harness.hpp"

namespace gz::test {
namespace {

constexpr const char* kPassword = "indicators-pass-42";
constexpr const char* kStreet = "测试街道";

struct Street {
  std::unique_ptr<ServerProcess> server;
  std::string url;
  std::int64_t east = 0, west = 0;  // communities
  Client admin{0}, staff{0}, street{0}, resident{0};
};

// The current calendar year in Shanghai: awards are stamped with the wall clock.
std::string this_year() {
  std::time_t now = test_now_seconds() + 8 * 3600;
  std::tm parts{};
  gmtime_r(&now, &parts);
  return std::to_string(parts.tm_year + 1900);
}

std::int64_t add_household(Client& staff, std::int64_t community_id, std::int64_t building,
                           boost::json::object fields) {
  fields["community_id"] = community_id;
  fields["building_id"] = building;
  auto response = staff.post("/api/v1/households", fields);
  EXPECT_EQ(response.status, 201) << response.body;
  return response.status == 201 ? response.json().at("id").as_int64() : 0;
}

std::int64_t add_member(Client& staff, std::int64_t household, const std::string& name,
                        const std::string& birth_date) {
  auto response = staff.post("/api/v1/households/" + std::to_string(household) + "/residents",
                             {{"name", name}, {"sex", "female"}, {"birth_date", birth_date}});
  EXPECT_EQ(response.status, 201) << response.body;
  return response.status == 201 ? response.json().at("id").as_int64() : 0;
}

// A meeting of the community running now, with these residents checked in by staff.
void meeting(Client& staff, std::int64_t community, boost::json::array residents) {
  auto at = [](std::int64_t minutes) {
    std::time_t t = test_now_seconds() + minutes * 60 + 8 * 3600;
    std::tm parts{};
    gmtime_r(&t, &parts);
    char text[40];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S+08:00", &parts);
    return std::string(text);
  };
  auto created = staff.post("/api/v1/activities", {{"community_id", community},
                                                   {"kind", "meeting"},
                                                   {"channel", "community"},
                                                   {"title", "居民议事会"},
                                                   {"starts_at", at(-10)},
                                                   {"ends_at", at(50)}});
  ASSERT_EQ(created.status, 201) << created.body;
  auto checked = staff.post(
      "/api/v1/activities/" + std::to_string(created.json().at("id").as_int64()) + "/checkins",
      {{"resident_ids", residents}});
  ASSERT_EQ(checked.status, 200) << checked.body;
}

// A request resolved by staff and, when rating > 0, rated on a phone follow-up.
void resolved_request(Client& staff, std::int64_t community, std::int64_t household,
                      const std::string& category, int rating) {
  auto submitted = staff.post("/api/v1/requests", {{"community_id", community},
                                                   {"household_id", household},
                                                   {"category", category},
                                                   {"description", "测试诉求 " + category}});
  ASSERT_EQ(submitted.status, 201) << submitted.body;
  std::string path = "/api/v1/requests/" + std::to_string(submitted.json().at("id").as_int64());
  auto resolved = staff.post(path + "/transitions", {{"action", "resolve"}, {"note", "已处理"}});
  ASSERT_EQ(resolved.status, 200) << resolved.body;
  if (rating > 0) {
    auto rated = staff.post(path + "/rating", {{"score", rating}});
    ASSERT_EQ(rated.status, 200) << rated.body;
  }
}

// East: 4 households — elderly (at the meeting, noise complaint rated 5), children (at the
// meeting), tenant (sanitation request rated 2, which reopens it), plain. West: 1 household
// (at its meeting, neighbour-dispute complaint, unrated). Staff belong to the east only; the
// street user to both.
Street& street(Backend backend) {
  static std::map<Backend, std::unique_ptr<Street>> made;
  auto& slot = made[backend];
  if (slot) return *slot;
  slot = std::make_unique<Street>();
  Street& s = *slot;
  s.url = fresh_database_url(backend);
  std::string output;
  EXPECT_EQ(run_cli({"migrate", "--db", s.url}, "", &output), 0) << output;
  add_user(s.url, "admin", "admin", {}, kPassword);
  s.server = std::make_unique<ServerProcess>(s.url);
  int port = s.server->port();
  s.admin = Client(port);
  EXPECT_EQ(s.admin.login("admin", kPassword).status, 200);
  auto community = [&](const char* name, const char* code) {
    auto response =
        s.admin.post("/api/v1/communities", {{"name", name}, {"code", code}, {"street", kStreet}});
    EXPECT_EQ(response.status, 201) << response.body;
    return response.json().at("id").as_int64();
  };
  s.east = community("东社区", "IND-E");
  s.west = community("西社区", "IND-W");
  std::string east = std::to_string(s.east), west = std::to_string(s.west);
  add_user(s.url, "staff", "staff", {"--community", east}, kPassword);
  add_user(s.url, "street", "street", {"--community", east, "--community", west}, kPassword);
  s.staff = Client(port);
  EXPECT_EQ(s.staff.login("staff", kPassword).status, 200);
  // The admin writes the fixture: staff belong to one community only.
  Client& writer = s.admin;
  auto building = [&](std::int64_t community_id) {
    return writer
        .post("/api/v1/communities/" + std::to_string(community_id) + "/buildings",
              {{"name", "1号楼"}})
        .json()
        .at("id")
        .as_int64();
  };
  std::int64_t east_building = building(s.east), west_building = building(s.west);
  auto elderly = add_household(
      writer, s.east, east_building,
      {{"code", "E-1"}, {"address", "1号楼101"}, {"tags", boost::json::array{"elderly"}}});
  auto children = add_household(
      writer, s.east, east_building,
      {{"code", "E-2"}, {"address", "1号楼102"}, {"tags", boost::json::array{"minor"}}});
  auto tenant =
      add_household(writer, s.east, east_building,
                    {{"code", "E-3"}, {"address", "1号楼103"}, {"housing_type", "tenant"}});
  auto plain =
      add_household(writer, s.east, east_building, {{"code", "E-4"}, {"address", "1号楼104"}});
  auto far = add_household(writer, s.west, west_building, {{"code", "W-1"}, {"address", "西1"}});
  meeting(writer, s.east,
          {add_member(writer, elderly, "王奶奶", "1945-01-01"),
           add_member(writer, children, "李妈妈", "1990-01-01")});
  meeting(writer, s.west, {add_member(writer, far, "赵先生", "1980-01-01")});
  resolved_request(writer, s.east, elderly, "noise", 5);
  resolved_request(writer, s.east, tenant, "sanitation", 2);
  resolved_request(writer, s.west, far, "neighbour_dispute", 0);
  add_user(s.url, "resident", "resident", {"--household", std::to_string(plain)}, kPassword);
  s.street = Client(port);
  s.resident = Client(port);
  EXPECT_EQ(s.street.login("street", kPassword).status, 200);
  EXPECT_EQ(s.resident.login("resident", kPassword).status, 200);
  return s;
}

std::map<std::string, boost::json::object> by_key(const boost::json::value& body) {
  std::map<std::string, boost::json::object> out;
  for (const auto& item : body.at("indicators").as_array()) {
    out[std::string(item.at("key").as_string())] = item.as_object();
  }
  return out;
}

double number(const boost::json::value& value) {
  return value.to_number<double>();
}

class IndicatorsTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    if (!backend_available(GetParam())) GTEST_SKIP() << "GONGZHI_TEST_PG is not set";
  }
  Street& s() { return street(GetParam()); }
};

TEST_P(IndicatorsTest, ACommunitysFiguresShowTheHandCountedCounts) {
  auto response = s().staff.get("/api/v1/indicators?community_id=" + std::to_string(s().east) +
                                "&period=" + this_year());
  ASSERT_EQ(response.status, 200) << response.body;
  auto body = response.json();
  EXPECT_EQ(body.at("period").as_string(), this_year());
  auto all = by_key(body);
  EXPECT_EQ(all.size(), 12u);
  // 2 of 4 households attended a meeting.
  EXPECT_EQ(number(all["participation_rate"].at("numerator")), 2);
  EXPECT_EQ(number(all["participation_rate"].at("denominator")), 4);
  EXPECT_EQ(all["participation_rate"].at("status").as_string(), "not_met");
  // The noise request is the one complaint.
  EXPECT_EQ(number(all["complaint_rate"].at("numerator")), 1);
  EXPECT_EQ(number(all["complaint_rate"].at("denominator")), 4);
  // Ratings 5 (elderly) and 2 (tenants): 1 of 2 satisfied; CV = 1.5 / 3.5.
  EXPECT_EQ(number(all["satisfaction_rate"].at("numerator")), 1);
  EXPECT_EQ(number(all["satisfaction_rate"].at("denominator")), 2);
  EXPECT_DOUBLE_EQ(number(all["satisfaction_difference_coefficient"].at("numerator")), 1.5);
  EXPECT_DOUBLE_EQ(number(all["satisfaction_difference_coefficient"].at("denominator")), 3.5);
  EXPECT_EQ(all["satisfaction_difference_coefficient"].at("status").as_string(), "not_met");
  // A rating of 2 reopens the tenant's request: it is neither resolved nor late yet, so only
  // the noise request counts towards the resolution rate and the median.
  EXPECT_EQ(number(all["resolution_rate"].at("numerator")), 1);
  EXPECT_EQ(number(all["resolution_rate"].at("denominator")), 1);
  EXPECT_EQ(number(all["median_resolution_working_days"].at("denominator")), 1);
  // No proposal yet: a zero against the target, not a gap.
  EXPECT_EQ(number(all["proposals_per_100_households"].at("value")), 0);
  EXPECT_EQ(all["proposals_per_100_households"].at("status").as_string(), "not_met");
  // No leaders, deliveries, spending or approved plans: nothing to divide by.
  for (const char* key :
       {"leader_growth_rate", "misallocation_rate", "cost_benefit_ratio", "resource_utilization"}) {
    EXPECT_EQ(all[key].at("status").as_string(), "no_data") << key;
    EXPECT_TRUE(all[key].at("value").is_null()) << key;
    EXPECT_FALSE(all[key].at("formula").as_string().empty()) << key;
  }
}

TEST_P(IndicatorsTest, AStreetQueryAddsUpItsCommunities) {
  auto response = s().street.get(
      "/api/v1/indicators?street_id=" + std::string("%E6%B5%8B%E8%AF%95%E8%A1%97%E9%81%93") +
      "&period=" + this_year());
  ASSERT_EQ(response.status, 200) << response.body;
  auto body = response.json();
  EXPECT_EQ(body.at("community_ids").as_array().size(), 2u);
  auto all = by_key(body);
  // 2 of 5 households attended; 2 complaints; ratings unchanged (the west one is unrated).
  EXPECT_EQ(number(all["participation_rate"].at("numerator")), 3);
  EXPECT_EQ(number(all["participation_rate"].at("denominator")), 5);
  EXPECT_DOUBLE_EQ(number(all["participation_rate"].at("value")), 0.6);
  EXPECT_EQ(number(all["complaint_rate"].at("numerator")), 2);
  EXPECT_EQ(number(all["complaint_rate"].at("denominator")), 5);
  EXPECT_EQ(number(all["satisfaction_rate"].at("denominator")), 2);
  EXPECT_EQ(number(all["resolution_rate"].at("numerator")), 2);  // the tenant's was reopened
  EXPECT_EQ(number(all["resolution_rate"].at("denominator")), 2);
}

TEST_P(IndicatorsTest, ACommunitySetsItsOwnTargets) {
  std::string path = "/api/v1/indicators/targets?community_id=" + std::to_string(s().east);
  EXPECT_EQ(s().resident.get(path).status, 403);
  EXPECT_EQ(s().street.put_json(path, {{"targets", {{"complaint_rate", 0.5}}}}).status, 403);
  EXPECT_EQ(s().staff.put_json(path, {{"targets", {{"complaint_rate", 1.5}}}}).error_code(),
            "invalid_target");
  EXPECT_EQ(s().staff.put_json(path, {{"targets", {{"happiness", 1}}}}).error_code(),
            "unknown_target");
  // One complaint of four households: 0.25 misses the default 0.02 but meets a target of 0.3.
  auto set = s().staff.put_json(path, {{"targets", {{"complaint_rate", 0.3}}}});
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_DOUBLE_EQ(number(set.json().at("targets").at("complaint_rate")), 0.3);
  EXPECT_DOUBLE_EQ(number(set.json().at("targets").at("participation_rate")), 0.6);
  auto all = by_key(s().staff
                        .get("/api/v1/indicators?community_id=" + std::to_string(s().east) +
                             "&period=" + this_year())
                        .json());
  EXPECT_DOUBLE_EQ(number(all["complaint_rate"].at("target")), 0.3);
  EXPECT_EQ(all["complaint_rate"].at("status").as_string(), "met");
  // The street is measured against the defaults.
  auto street = by_key(s().street
                           .get("/api/v1/indicators?street_id=" +
                                std::string("%E6%B5%8B%E8%AF%95%E8%A1%97%E9%81%93") +
                                "&period=" + this_year())
                           .json());
  EXPECT_DOUBLE_EQ(number(street["complaint_rate"].at("target")), 0.02);
  ASSERT_EQ(s().staff.put_json(path, {{"targets", {{"complaint_rate", 0.02}}}}).status, 200);
}

TEST_P(IndicatorsTest, AnotherYearHasNoDataRatherThanZero) {
  auto response = s().staff.get("/api/v1/indicators?community_id=" + std::to_string(s().east) +
                                "&period=2020Q1");
  ASSERT_EQ(response.status, 200) << response.body;
  auto all = by_key(response.json());
  EXPECT_EQ(number(all["participation_rate"].at("numerator")), 0);
  EXPECT_EQ(all["satisfaction_rate"].at("status").as_string(), "no_data");
}

TEST_P(IndicatorsTest, ABadPeriodIsRefused) {
  for (const char* period : {"2026Q5", "2026-13", "Q3", ""}) {
    auto response = s().staff.get("/api/v1/indicators?community_id=" + std::to_string(s().east) +
                                  "&period=" + period);
    EXPECT_EQ(response.status, 400) << period << response.body;
  }
  EXPECT_EQ(s().staff.get("/api/v1/indicators?period=2026Q3").status, 400);
}

TEST_P(IndicatorsTest, ResidentsMayNotReadTheIndicators) {
  auto response = s().resident.get("/api/v1/indicators?community_id=" + std::to_string(s().east) +
                                   "&period=2026Q3");
  EXPECT_EQ(response.status, 403) << response.body;
  EXPECT_EQ(s().staff.get("/api/v1/indicators?community_id=999&period=2026Q3").status, 404);
  // The east's staff do not see the west.
  EXPECT_EQ(
      s().staff
          .get("/api/v1/indicators?community_id=" + std::to_string(s().west) + "&period=2026Q3")
          .status,
      404);
}

INSTANTIATE_TEST_SUITE_P(Backends, IndicatorsTest,
                         ::testing::Values(Backend::sqlite, Backend::postgresql),
                         [](const auto& info) { return backend_name(info.param); });

}  // namespace
}  // namespace gz::test
