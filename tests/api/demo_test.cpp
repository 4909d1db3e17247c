// The demo as a first-run user meets it (SQLite, the default database): `gongzhi demo` builds a
// community with a year of history in every module, and each page's API shows real figures —
// every indicator of the last complete quarter has a value, the board has plans with spending,
// warnings and an improvement task are open, meetings, proposals, surveys, the assistant and the
// property fund all answer with data, and the audit chain verifies.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "core/clock.hpp"
#include "harness.hpp"

namespace gz::test {
namespace {

constexpr const char* kDemoPassword = "gongzhi2026";

class Demo : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    url_ = new std::string(fresh_database_url(Backend::sqlite));
    std::string output;
    ASSERT_EQ(run_cli({"demo", "--db", *url_}, "", &output), 0) << output;
    server_ = new ServerProcess(*url_);
  }
  static void TearDownTestSuite() {
    delete server_;
    delete url_;
  }
  static Client login(const char* username) {
    Client client(server_->port());
    EXPECT_EQ(client.login(username, kDemoPassword).status, 200) << username;
    return client;
  }
  static std::string* url_;
  static ServerProcess* server_;
};
std::string* Demo::url_ = nullptr;
ServerProcess* Demo::server_ = nullptr;

TEST_F(Demo, EveryIndicatorOfTheLastQuarterHasAFigure) {
  auto staff = login("staff");
  // The demo's year ends now (or at GONGZHI_NOW): the quarter before this one is complete.
  const std::string last_quarter = Quarter::containing(now_epoch_ms()).plus(-1).name();
  auto response = staff.get("/api/v1/indicators?community_id=1&period=" + last_quarter);
  ASSERT_EQ(response.status, 200) << response.body;
  auto indicators = response.json().at("indicators").as_array();
  ASSERT_EQ(indicators.size(), 12u);
  for (const auto& indicator : indicators) {
    EXPECT_FALSE(indicator.at("value").is_null()) << indicator.at("key").as_string();
    EXPECT_NE(indicator.at("status").as_string(), "no_data") << indicator.at("key").as_string();
  }
}

TEST_F(Demo, TheBoardWarningsAndTasksShowTheYear) {
  Client anonymous(server_->port());
  auto board = anonymous.get("/api/community-resources?community_id=1");
  ASSERT_EQ(board.status, 200) << board.body;
  auto json = board.json();
  EXPECT_EQ(json.at("plan").at("state").as_string(), "public_notice");
  // Three days into its seven: the server's one rule says 4 days left, objections taken, and
  // the end instant in Shanghai time.
  EXPECT_EQ(json.at("plan").at("days_left").as_int64(), 4);
  EXPECT_TRUE(json.at("plan").at("objections_open").as_bool());
  auto ends = parse_iso8601(json.at("plan").at("notice_ends_at").as_string());
  ASSERT_TRUE(ends.ok());
  EXPECT_EQ(*ends,
            *parse_iso8601(json.at("plan").at("notice_started_at").as_string()) + 7 * kDayMs);
  EXPECT_EQ(std::string(json.at("plan").at("notice_ends_at").as_string()).substr(23), "+08:00");
  EXPECT_GE(json.at("plans").as_array().size(), 11u);
  // A closed plan of the year: spent, covered and rated.
  std::int64_t closed = 0;
  for (const auto& plan : json.at("plans").as_array()) {
    if (plan.at("state").as_string() == "closed") closed = plan.at("plan_id").as_int64();
  }
  ASSERT_GT(closed, 0);
  auto past = anonymous.get("/api/v1/public/plans/" + std::to_string(closed)).json();
  EXPECT_GT(past.at("totals").at("spent").as_int64(), 0);
  EXPECT_GT(past.at("satisfaction").at("responses").as_int64(), 0);

  auto staff = login("staff");
  auto warnings = staff.get("/api/v1/warnings?community_id=1").json();
  EXPECT_GE(warnings.at("items").as_array().size(), 3u);
  auto tasks = staff.get("/api/v1/improvements?community_id=1").json();
  EXPECT_GE(tasks.at("items").as_array().size(), 1u);
}

TEST_F(Demo, ParticipationAssistantAndPropertyAnswerWithData) {
  auto resident = login("resident");
  for (const char* path : {"/api/v1/activities?community_id=1", "/api/v1/proposals?community_id=1",
                           "/api/v1/surveys?community_id=1"}) {
    auto response = resident.get(path);
    ASSERT_EQ(response.status, 200) << path << response.body;
    EXPECT_FALSE(response.json().at("items").as_array().empty()) << path;
  }
  Client anonymous(server_->port());
  auto answer = anonymous.get(
      "/api/v1/assistant/ask?community_id=1&q=%E5%9E%83%E5%9C%BE%E4%BB%80%E4%B9%88%E6%97%B6%E5%80%"
      "99%E6%94%B6");  // 垃圾什么时候收
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_NE(answer.body.find("垃圾"), std::string::npos) << answer.body;
  auto fund = resident.get("/api/v1/property/fund?community_id=1");
  ASSERT_EQ(fund.status, 200) << fund.body;
}

TEST_F(Demo, TheAuditChainVerifies) {
  std::string output;
  EXPECT_EQ(run_cli({"ledger", "verify", "--db", *url_}, "", &output), 0) << output;
}

}  // namespace
}  // namespace gz::test
