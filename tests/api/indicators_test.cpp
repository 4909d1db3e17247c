// Black-box tests of GET /api/v1/indicators on SQLite and PostgreSQL: a hand-counted
// fixture of two communities on one street gives the expected numerators and denominators,
// a street query adds the two communities up, a bad period is 400 and a resident is 403.
#include <gtest/gtest.h>

#include <ctime>
#include <map>

#include "harness.hpp"

namespace gz::test {
namespace {

constexpr const char* kPassword = "indicators-pass-42";
constexpr const char* kStreet = "测试街道";

// The current calendar year in Shanghai: awards are stamped with the wall clock.
std::string this_year() {
  std::time_t now = test_now_seconds() + 8 * 3600;
  std::tm parts{};
  gmtime_r(&now, &parts);
  return std::to_string(parts.tm_year + 1900);
}

// East: 4 households — elderly (at the meeting, noise complaint rated 5), children (at the
// meeting), tenant (sanitation request rated 2, which reopens it), plain. West: 1 household
// (at its meeting, neighbour-dispute complaint, unrated). Staff belong to the east only; the
// street user to both. The admin writes the fixture.
struct Street {
  explicit Street(Backend backend) : world(backend, {}, kPassword) {
    east = world.community("东社区", "IND-E", kStreet);
    west = world.community("西社区", "IND-W", kStreet);
    staff = world.community_user("staff", "staff", {east});
    street = world.community_user("street", "street", {east, west});
    std::int64_t east_building = world.building(east, "1号楼");
    std::int64_t west_building = world.building(west, "1号楼");
    auto home = [&](std::int64_t community, std::int64_t building, const char* code,
                    boost::json::object fields) {
      fields["building_id"] = building;
      return world.household(community, code, fields);
    };
    auto elderly = home(east, east_building, "E-1",
                        {{"address", "1号楼101"}, {"tags", boost::json::array{"elderly"}}});
    auto children = home(east, east_building, "E-2",
                         {{"address", "1号楼102"}, {"tags", boost::json::array{"minor"}}});
    auto tenant =
        home(east, east_building, "E-3", {{"address", "1号楼103"}, {"housing_type", "tenant"}});
    auto plain = home(east, east_building, "E-4", {{"address", "1号楼104"}});
    auto far = home(west, west_building, "W-1", {{"address", "西1"}});
    world.meeting_now(east, {world.resident(elderly, "王奶奶", "female", "1945-01-01"),
                             world.resident(children, "李妈妈", "female", "1990-01-01")});
    world.meeting_now(west, {world.resident(far, "赵先生", "female", "1980-01-01")});
    world.resolved_request(east, elderly, "noise", 5);
    world.resolved_request(east, tenant, "sanitation", 2);
    world.resolved_request(west, far, "neighbour_dispute", 0);
    resident = world.resident_user("resident", plain);
  }
  World world;
  std::int64_t east = 0, west = 0;  // communities
  Client staff{0}, street{0}, resident{0};
};

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

class IndicatorsTest : public BackendTest {
 protected:
  Street& s() { return shared<Street>(GetParam()); }
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

// The seed's per-group measure: who took part by resident group, and through which channel.
TEST_P(IndicatorsTest, ParticipationIsMeasuredByResidentGroupAndChannel) {
  auto response =
      s().staff.get("/api/v1/indicators/participation?community_id=" + std::to_string(s().east) +
                    "&period=" + this_year());
  ASSERT_EQ(response.status, 200) << response.body;
  auto body = response.json();
  EXPECT_EQ(body.at("previous_period").as_string(), std::to_string(std::stoi(this_year()) - 1));
  std::map<std::string, boost::json::object> groups;
  for (const auto& item : body.at("groups").as_array()) {
    groups[std::string(item.at("group").as_string())] = item.as_object();
  }
  // E-1 (tagged elderly, a member born 1945) and E-2 (a member born 1990) attended; E-3 is a
  // tenant who did not; nobody is a migrant.
  EXPECT_EQ(groups["elderly"].at("households").as_int64(), 1);
  EXPECT_EQ(groups["elderly"].at("participating").as_int64(), 1);
  EXPECT_EQ(number(groups["elderly"].at("rate")), 1.0);
  EXPECT_EQ(groups["young_workers"].at("households").as_int64(), 1);
  EXPECT_EQ(groups["young_workers"].at("participating").as_int64(), 1);
  EXPECT_EQ(groups["tenants"].at("households").as_int64(), 1);
  EXPECT_EQ(number(groups["tenants"].at("rate")), 0.0);
  EXPECT_TRUE(groups["migrants"].at("rate").is_null());
  // Nobody took part the year before: no gain can be stated.
  EXPECT_TRUE(groups["elderly"].at("gain").is_null());
  std::int64_t reached = 0, elderly_reached = 0;
  for (const auto& channel : body.at("channels").as_array()) {
    reached += channel.at("households").as_int64();
    elderly_reached += channel.at("households_by_group").at("elderly").as_int64();
  }
  EXPECT_EQ(reached, 2);
  EXPECT_EQ(elderly_reached, 1);
  EXPECT_EQ(body.at("channels").as_array().size(), 4u);
  // Residents may not; a bad period is refused.
  EXPECT_EQ(
      s().resident.get("/api/v1/indicators/participation?community_id=" + std::to_string(s().east))
          .status,
      403);
  EXPECT_EQ(s().staff
                .get("/api/v1/indicators/participation?community_id=" + std::to_string(s().east) +
                     "&period=soon")
                .status,
            400);
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

GZ_ON_BACKENDS(IndicatorsTest);

}  // namespace
}  // namespace gz::test
