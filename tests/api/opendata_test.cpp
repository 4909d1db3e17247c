// Black-box tests of open data on SQLite and PostgreSQL, on a server whose clock stands at
// 2026-11-20 10:00 (Shanghai): anyone reads a community's quarter as JSON and each table as CSV
// with the schema and licence; the requests carry day, category, priority, channel, timing and
// outcome but no code, text, place, phone or household; a rare category is merged into other;
// bad quarters, tables and communities are refused.
#include <gtest/gtest.h>

#include "core/clock.hpp"
#include "harness.hpp"

namespace gz::test {
namespace {

constexpr const char* kPassword = "open-pass-42";
const std::int64_t kNowMs = *parse_iso8601("2026-11-20T10:00:00+08:00");

struct Open {
  explicit Open(Backend backend) : world(backend, frozen_at(kNowMs), kPassword) {
    community_id = world.community("开放社区", "O-1", std::string("北山街道"));
    staff = world.community_user("staff", "staff", {community_id});
    household = world.household(community_id, "1-101");
    for (int i = 0; i < 3; ++i) {
      auto made = staff.post("/api/v1/requests", {{"community_id", community_id},
                                                  {"household_id", household},
                                                  {"category", "public_facility"},
                                                  {"description", "路灯坏了，联系电话13912345678"},
                                                  {"location", "1号楼北侧"},
                                                  {"contact_name", "秘密先生"},
                                                  {"contact_phone", "13912345678"}});
      codes.emplace_back(made.json().at("tracking_code").as_string());
    }
    // One request of a rare category: reported as other.
    staff.post("/api/v1/requests", {{"community_id", community_id},
                                    {"household_id", household},
                                    {"category", "elderly_unreachable"},
                                    {"description", "独居老人联系不上"}});
    world.resolved_request(community_id, household, "public_facility", 5);
  }
  World world;
  std::int64_t community_id = 0, household = 0;
  std::vector<std::string> codes;
  Client staff{0};
};

class OpenDataTest : public BackendTest {
 protected:
  Open& o() { return shared<Open>(GetParam()); }
  std::string query(const std::string& quarter = "2026Q4") {
    return "?community_id=" + std::to_string(o().community_id) + "&quarter=" + quarter;
  }
};

TEST_P(OpenDataTest, AnyoneReadsAQuarterWithoutAnythingThatIdentifiesAHousehold) {
  Client anyone = o().world.anonymous();
  auto dataset = anyone.get("/api/v1/public/open-data" + query());
  ASSERT_EQ(dataset.status, 200) << dataset.body;
  auto body = dataset.json();
  EXPECT_EQ(body.at("licence").as_string(), "CC BY 4.0");
  EXPECT_EQ(body.at("community_name").as_string(), "开放社区");
  EXPECT_TRUE(body.at("partial").as_bool());
  auto requests = body.at("requests").as_array();
  ASSERT_EQ(requests.size(), 5u);
  int facility = 0, other = 0;
  for (const auto& r : requests) {
    EXPECT_EQ(r.at("received_date").as_string(), "2026-11-20");
    if (r.at("category").as_string() == "public_facility") ++facility;
    if (r.at("category").as_string() == "other") ++other;
  }
  EXPECT_EQ(facility, 4);
  EXPECT_EQ(other, 1);
  EXPECT_EQ(body.at("indicators").as_array().empty(), false);
  // Nothing that points at a household or a person.
  for (const std::string& leak :
       {std::string("13912345678"), std::string("秘密先生"), std::string("1号楼北侧"),
        std::string("路灯坏了"), std::string("1-101"), o().codes.at(0), std::string("household_id"),
        std::string("elderly_unreachable")}) {
    EXPECT_EQ(dataset.body.find(leak), std::string::npos) << leak;
  }
  // Each table as CSV, with the schema's header.
  auto csv = anyone.get("/api/v1/public/open-data/requests.csv" + query());
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.body.rfind("\xEF\xBB\xBF"
                           "received_date,category,priority,channel,status",
                           0),
            0u);
  EXPECT_EQ(csv.body.find("13912345678"), std::string::npos);
  EXPECT_NE(csv.body.find("2026-11-20,public_facility"), std::string::npos) << csv.body;
  auto indicators = anyone.get("/api/v1/public/open-data/indicators.csv" + query());
  ASSERT_EQ(indicators.status, 200);
  EXPECT_NE(indicators.body.find("response_rate"), std::string::npos);
  EXPECT_EQ(anyone.get("/api/v1/public/open-data/plan_lines.csv" + query()).status, 200);
  auto schema = anyone.get("/api/v1/public/open-data/schema");
  ASSERT_EQ(schema.status, 200);
  EXPECT_NE(schema.body.find("anonymisation"), std::string::npos);
  EXPECT_NE(schema.body.find("resolved_on_time"), std::string::npos);
}

TEST_P(OpenDataTest, BadQuartersTablesAndCommunitiesAreRefused) {
  Client anyone = o().world.anonymous();
  EXPECT_EQ(anyone.get("/api/v1/public/open-data" + query("2026-11")).error_code(),
            "invalid_quarter");
  EXPECT_EQ(anyone.get("/api/v1/public/open-data" + query("2027Q2")).error_code(),
            "invalid_quarter");
  EXPECT_EQ(anyone.get("/api/v1/public/open-data?quarter=2026Q4").status, 400);
  EXPECT_EQ(anyone.get("/api/v1/public/open-data?community_id=999999&quarter=2026Q4").status, 404);
  EXPECT_EQ(anyone.get("/api/v1/public/open-data/households.csv" + query()).status, 404);
  // An earlier quarter is complete and empty here.
  auto earlier = anyone.get("/api/v1/public/open-data" + query("2026Q3"));
  ASSERT_EQ(earlier.status, 200) << earlier.body;
  EXPECT_FALSE(earlier.json().at("partial").as_bool());
  EXPECT_TRUE(earlier.json().at("requests").as_array().empty());
}

GZ_ON_BACKENDS(OpenDataTest);

}  // namespace
}  // namespace gz::test
