// Black-box tests of the data cockpit on SQLite and PostgreSQL: GET /api/v1/cockpit/stream
// answers text/event-stream with a retry line and one snapshot event whose data is the same
// snapshot as GET /api/v1/cockpit; its indicators are the indicators route's numbers for the
// current quarter; the open allocation-dispute warning, today's requests and the audit head are
// counted; a street adds up its communities; residents get 403 and outsiders 404.
#include <gtest/gtest.h>

#include <cctype>
#include <ctime>
#include <map>

#include "harness.hpp"

namespace gz::test {
namespace {

constexpr const char* kPassword = "cockpit-pass-42";
constexpr const char* kStreet = "驾驶舱街道";

// The quarter today falls in, Asia/Shanghai ("2026Q4").
std::string this_quarter() {
  std::time_t now = test_now_seconds() + 8 * 3600;
  std::tm parts{};
  gmtime_r(&now, &parts);
  return std::to_string(parts.tm_year + 1900) + "Q" + std::to_string(parts.tm_mon / 3 + 1);
}

// East: 10 households, a noise complaint received today, and a plan on notice with one
// objecting household (10% > the 5% threshold), which raises an allocation-dispute warning.
// West (same street): 1 household with a request today. Elsewhere: another street, whose
// staff are the outsiders.
struct Fixture {
  explicit Fixture(Backend backend) : world(backend, {}, kPassword) {
    east = world.community("东社区", "CP-E", kStreet);
    west = world.community("西社区", "CP-W", kStreet);
    std::int64_t elsewhere = world.community("别处社区", "CP-X", "别的街道");
    std::int64_t first = 0;
    for (int i = 0; i < 10; ++i) {
      std::int64_t id = world.household(east, "H-" + std::to_string(i));
      if (i == 0) first = id;
    }
    std::int64_t west_household = world.household(west, "H-100");
    staff = world.community_user("staff", "staff", {east});
    guide = world.community_user("guide", "guide", {east});
    street = world.community_user("street", "street", {east, west});
    resident = world.resident_user("resident", first);
    outsider = world.community_user("elsewhere", "staff", {elsewhere});
    file_request(world.admin(), {{"community_id", east},
                                 {"household_id", first},
                                 {"category", "noise"},
                                 {"description", "驾驶舱测试诉求"}});
    file_request(world.admin(), {{"community_id", west},
                                 {"household_id", west_household},
                                 {"category", "sanitation"},
                                 {"description", "驾驶舱测试诉求"}});
    boost::json::array categories{boost::json::object{
        {"category", "elderly_care"}, {"policy_weight", 1}, {"demand_weight", 1}}};
    std::string base =
        "/api/v1/plans/" + std::to_string(make_plan(staff, east, "2027Q1", 10000, categories));
    EXPECT_EQ(staff.post(base + "/transitions", {{"action", "publish"}, {"note", "公示"}}).status,
              200);
    EXPECT_EQ(resident.post(base + "/objections", {{"text", "分配不公"}}).status, 201);
    auto evaluated = staff.post("/api/v1/warnings/evaluate?community_id=" + std::to_string(east),
                                boost::json::object{});
    EXPECT_EQ(evaluated.status, 200) << evaluated.body;
  }
  World world;
  std::int64_t east = 0, west = 0;
  Client staff{0}, guide{0}, street{0}, resident{0}, outsider{0}, anonymous{world.anonymous()};
};

// The JSON of the one `event: snapshot` in an event stream; fails the test on anything else.
boost::json::value event_data(const std::string& stream, std::string* event_name) {
  std::string data;
  std::size_t start = 0;
  int events = 0;
  while (start < stream.size()) {
    std::size_t end = stream.find('\n', start);
    if (end == std::string::npos) end = stream.size();
    std::string line = stream.substr(start, end - start);
    if (line.rfind("event: ", 0) == 0) {
      *event_name = line.substr(7);
      ++events;
    } else if (line.rfind("data: ", 0) == 0) {
      data += line.substr(6);
    }
    start = end + 1;
  }
  EXPECT_EQ(events, 1) << stream;
  return boost::json::parse(data);
}

// Percent-encodes every byte outside [A-Za-z0-9] (the street names are Chinese).
std::string encode(const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) && c < 0x80) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::map<std::string, boost::json::object> by_key(const boost::json::value& body) {
  std::map<std::string, boost::json::object> out;
  for (const auto& item : body.at("indicators").as_array()) {
    out[std::string(item.at("key").as_string())] = item.as_object();
  }
  return out;
}

class CockpitApiTest : public BackendTest {
 protected:
  Fixture& w() { return shared<Fixture>(GetParam()); }
  std::string east() { return "community_id=" + std::to_string(w().east); }
};

TEST_P(CockpitApiTest, TheStreamIsARetryLineAndOneSnapshotEvent) {
  auto response = w().staff.get("/api/v1/cockpit/stream?" + east());
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response.headers["content-type"].rfind("text/event-stream", 0), 0u)
      << response.headers["content-type"];
  EXPECT_EQ(response.headers["cache-control"], "no-cache");
  EXPECT_EQ(response.body.rfind("retry: 15000\n", 0), 0u) << response.body;
  EXPECT_EQ(response.body.substr(response.body.size() - 2), "\n\n");
  std::string name;
  auto data = event_data(response.body, &name);
  EXPECT_EQ(name, "snapshot");
  EXPECT_EQ(data.at("community_id").as_int64(), w().east);
  EXPECT_EQ(data.at("period").as_string(), this_quarter());

  // The JSON twin carries the same snapshot.
  auto twin = w().staff.get("/api/v1/cockpit?" + east());
  ASSERT_EQ(twin.status, 200) << twin.body;
  EXPECT_EQ(twin.headers["content-type"].rfind("application/json", 0), 0u);
  auto body = twin.json();
  for (const char* field :
       {"community_ids", "period", "indicators", "warnings", "requests_today"}) {
    EXPECT_EQ(body.at(field), data.at(field)) << field;
  }
}

TEST_P(CockpitApiTest, ItsIndicatorsAreTheIndicatorsRoutesNumbersForThisQuarter) {
  auto snapshot = w().guide.get("/api/v1/cockpit?" + east());
  ASSERT_EQ(snapshot.status, 200) << snapshot.body;
  auto indicators = w().guide.get("/api/v1/indicators?" + east() + "&period=" + this_quarter());
  ASSERT_EQ(indicators.status, 200) << indicators.body;
  auto mine = by_key(snapshot.json());
  auto theirs = by_key(indicators.json());
  ASSERT_EQ(mine.size(), 12u);
  ASSERT_EQ(mine.size(), theirs.size());
  for (const auto& [key, item] : theirs) {
    ASSERT_TRUE(mine.count(key)) << key;
    for (const char* field : {"value", "target", "status", "numerator", "denominator", "formula"}) {
      EXPECT_EQ(mine[key].at(field), item.at(field)) << key << "." << field;
    }
  }
  // The noise complaint of today over the ten households.
  EXPECT_EQ(mine["complaint_rate"].at("numerator").to_number<double>(), 1);
  EXPECT_EQ(mine["complaint_rate"].at("denominator").to_number<double>(), 10);
}

TEST_P(CockpitApiTest, CountsOpenWarningsTodaysRequestsAndShowsTheLedgerHead) {
  auto body = w().staff.get("/api/v1/cockpit?" + east()).json();
  const auto& warnings = body.at("warnings");
  EXPECT_EQ(warnings.at("open").as_int64(), 1);
  const auto& newest = warnings.at("newest").as_array();
  ASSERT_EQ(newest.size(), 1u);
  EXPECT_EQ(newest[0].at("kind").as_string(), "allocation_dispute");
  EXPECT_NE(std::string(newest[0].at("suggestion").as_string()).find("第三方评估"),
            std::string::npos);
  EXPECT_EQ(body.at("requests_today").at("received").as_int64(), 1);
  EXPECT_EQ(body.at("requests_today").at("overdue_open").as_int64(), 0);
  auto head = w().anonymous.get("/api/v1/ledger/head").json();
  EXPECT_EQ(body.at("ledger").at("hash"), head.at("hash"));
  EXPECT_EQ(body.at("ledger").at("seq"), head.at("seq"));
  EXPECT_EQ(std::string(head.at("hash").as_string()).size(), 64u);
}

TEST_P(CockpitApiTest, AStreetAddsUpTheCommunitiesTheUserBelongsTo) {
  std::string street = "street_id=" + encode(kStreet);
  auto response = w().street.get("/api/v1/cockpit/stream?" + street);
  ASSERT_EQ(response.status, 200) << response.body;
  std::string name;
  auto data = event_data(response.body, &name);
  EXPECT_EQ(data.at("street_id").as_string(), kStreet);
  EXPECT_EQ(data.at("community_ids").as_array().size(), 2u);
  EXPECT_EQ(data.at("requests_today").at("received").as_int64(), 2);
  EXPECT_EQ(data.at("warnings").at("open").as_int64(), 1);
  // Staff of the east community see only their own community of the street.
  auto staff = w().staff.get("/api/v1/cockpit?" + street).json();
  EXPECT_EQ(staff.at("community_ids").as_array().size(), 1u);
  EXPECT_EQ(staff.at("requests_today").at("received").as_int64(), 1);
  EXPECT_EQ(by_key(data)["complaint_rate"].at("denominator").to_number<double>(), 11);
}

TEST_P(CockpitApiTest, ResidentsAreRefusedAndOutsidersSeeNothing) {
  for (const char* path : {"/api/v1/cockpit?", "/api/v1/cockpit/stream?"}) {
    std::string target = path + east();
    EXPECT_EQ(w().anonymous.get(target).status, 401) << target;
    EXPECT_EQ(w().resident.get(target).status, 403) << target;
    auto outsider = w().outsider.get(target);
    EXPECT_EQ(outsider.status, 404) << target;
    EXPECT_EQ(outsider.headers["content-type"].rfind("application/json", 0), 0u);
    EXPECT_EQ(w().outsider.get(std::string(path) + "street_id=" + encode(kStreet)).status, 404);
    EXPECT_EQ(w().staff.get(std::string(path) + "community_id=abc").status, 400);
    EXPECT_EQ(w().staff.get(std::string(path) + "street_id=" + encode("没有这个街道")).status, 404);
    EXPECT_EQ(w().street.get(target).status, 200);
    EXPECT_EQ(w().guide.get(target).status, 200);
  }
}

GZ_ON_BACKENDS(CockpitApiTest);

}  // namespace
}  // namespace gz::test
