// Black-box tests of the working-day calendar running out (issue 14, "Reliability"), on SQLite
// and PostgreSQL, with servers whose clocks stand in late December 2026, when the bundled
// calendar (2004-2026) covers only days to come: /healthz and /metrics say so, the hourly job
// warns every community's staff, a deadline that reaches into 2027 is provisional in the API
// and on the tracking page, and loading 2027 counts the open requests' deadlines again on the
// official arrangement (New Year's Day off).
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "core/clock.hpp"
#include "harness.hpp"

namespace gz::test {
namespace {

constexpr const char* kPassword = "calendar-pass-42";
// A Tuesday, 10:00: a yellow request is due at the end of the 3rd working day after it.
const std::int64_t kReceivedMs = *parse_iso8601("2026-12-29T10:00:00+08:00");

struct Story {
  explicit Story(Backend backend) : world(backend, frozen_at(kReceivedMs), kPassword) {
    community_id = world.community("跨年社区", "Y-1");
    auto filed = file_request(world.community_user("staff", "staff", {community_id}),
                              {{"community_id", community_id},
                               {"category", "elevator"},
                               {"description", "电梯异响"},
                               {"priority", "yellow"}});
    request_id = filed.id;
    tracking_code = filed.tracking_code;
  }
  World world;
  std::int64_t community_id = 0;
  std::int64_t request_id = 0;
  std::string tracking_code;
};

class CalendarTest : public BackendTest {
 protected:
  Story& s() { return shared<Story>(GetParam()); }
};

TEST_P(CalendarTest, ADeadlineIntoAnUncoveredYearIsProvisionalUntilTheYearIsLoaded) {
  // The job runs when a server starts: this one finds the community and warns its staff.
  s().world.restart(frozen_at(kReceivedMs + kHourMs));
  Client& admin = s().world.admin();
  Client staff(s().world.port()), anonymous(s().world.port());
  ASSERT_EQ(staff.login("staff", kPassword).status, 200);

  auto health = anonymous.get("/healthz").json();
  EXPECT_FALSE(health.at("calendar").at("ok").as_bool());
  EXPECT_EQ(health.at("calendar").at("covered_through").as_string(), "2026-12-31");
  EXPECT_EQ(health.at("calendar").at("days_ahead").as_int64(), 2);
  EXPECT_NE(anonymous.get("/metrics").body.find("gongzhi_calendar_days_ahead 2\n"),
            std::string::npos);

  const std::string path = "/api/v1/requests/" + std::to_string(s().request_id);
  auto before = staff.get(path).json();
  EXPECT_TRUE(before.at("deadline").at("provisional").as_bool());
  // Counted Monday to Friday: 30, 31 December and Friday 1 January 2027.
  EXPECT_EQ(before.at("response_due_at").as_string(), "2027-01-01T23:59:59.000+08:00");
  auto tracked = anonymous.get("/api/v1/track/" + s().tracking_code).json();
  EXPECT_TRUE(tracked.at("deadline").at("provisional").as_bool());

  // The job's warning, once, to the community's staff (the job ran at start, maybe still).
  bool warned = false;
  for (int attempt = 0; attempt < 50 && !warned; ++attempt) {
    auto warnings =
        staff.get("/api/v1/warnings?community_id=" + std::to_string(s().community_id)).json();
    for (const auto& warning : warnings.at("items").as_array()) {
      warned = warned || warning.at("kind").as_string() == "calendar_expiring";
    }
    if (!warned) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_TRUE(warned);

  // The State Council's 2027 arrangement arrives: New Year's Day off.
  HttpRequest load{
      "PUT",
      "/api/v1/calendar",
      R"({"source":"国务院办公厅通知","generated_from":"hand","years":[2027],)"
      R"("holidays":{"2027-01-01":"元旦","2027-01-02":"元旦","2027-01-03":"元旦"},)"
      R"("workdays":{}})",
      {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + admin.token()}}};
  auto loaded = send_http(s().world.port(), load);
  ASSERT_EQ(loaded.status, 200) << loaded.body;
  EXPECT_EQ(loaded.json().at("deadlines_recomputed").as_int64(), 1);

  auto after = staff.get(path).json();
  EXPECT_FALSE(after.at("deadline").at("provisional").as_bool());
  EXPECT_EQ(after.at("response_due_at").as_string(), "2027-01-04T23:59:59.000+08:00");
  auto healthy = anonymous.get("/healthz").json();
  EXPECT_TRUE(healthy.at("calendar").at("ok").as_bool());
  EXPECT_EQ(healthy.at("calendar").at("covered_through").as_string(), "2027-12-31");
  // The moved deadlines went on record with the load: verify finds the request as it is.
  std::string output;
  EXPECT_EQ(run_cli({"ledger", "verify", "--db", s().world.url()}, "", &output), 0) << output;
}

GZ_ON_BACKENDS(CalendarTest);

}  // namespace
}  // namespace gz::test
