// Black-box tests of resident requests (诉求) on SQLite and PostgreSQL: triage and deadlines
// on the working-day calendar, tracking codes, the workflow by role, rating, escalation by
// the background job, and the three rates against a hand count.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <fstream>
#include <set>
#include <thread>

#include "core/clock.hpp"
#include "harness.hpp"

namespace gz::test {
namespace {

constexpr const char* kPassword = "requests-pass-42";

// A moment `days` ago, as staff would type it (tests must keep passing on later dates).
std::string days_ago(int days) {
  return format_iso8601(now_epoch_ms() - days * 86'400'000LL).substr(0, 19) + "+08:00";
}

struct Town {
  explicit Town(Backend backend) : world(backend, {"--job-interval", "1"}, kPassword) {
    community_id = world.community("幸福里社区", "R-1");
    stats_community_id = world.community("统计社区", "R-2");
    staff = world.community_user("staff", "staff", {community_id});
    guide = world.community_user("guide", "guide", {community_id});
    guide_id = world.user_id("guide");
    street = world.community_user("street", "street", {community_id, stats_community_id});
    stats_staff = world.community_user("stats_staff", "staff", {stats_community_id});
    household_a = world.household(community_id, "A-101");
    household_b = world.household(community_id, "B-202");
    household_s = world.household(stats_community_id, "S-1");
    alice = world.resident_user("alice", household_a);
    bob = world.resident_user("bob", household_b);
    sam = world.resident_user("sam", household_s);
  }
  World world;
  std::int64_t community_id = 0;
  std::int64_t stats_community_id = 0;
  std::int64_t household_a = 0, household_b = 0, household_s = 0;
  std::int64_t guide_id = 0;
  Client staff{0}, guide{0}, street{0}, alice{0}, bob{0}, stats_staff{0}, sam{0};
};

class Requests : public BackendTest {
 protected:
  Town& t() { return shared<Town>(GetParam()); }
  int port() { return t().world.port(); }
  HttpResponse submit(Client& client, boost::json::object body) {
    return client.post("/api/v1/requests", body);
  }
  HttpResponse act(Client& client, std::int64_t id, boost::json::object body) {
    return client.post("/api/v1/requests/" + std::to_string(id) + "/transitions", body);
  }
  std::string status_of(std::int64_t id) {
    return std::string(
        t().staff.get("/api/v1/requests/" + std::to_string(id)).json().at("status").as_string());
  }
};

TEST_P(Requests, AResidentSubmitsAndAnyoneTracksByCodeWithoutPersonalData) {
  auto response = submit(t().alice, {{"category", "water_leak"},
                                     {"description", "楼上漏水到我家厨房，王阿姨 13812345678"},
                                     {"location", "A栋101"}});
  ASSERT_EQ(response.status, 201) << response.body;
  auto created = response.json();
  EXPECT_EQ(created.at("priority").as_string(), "yellow");
  EXPECT_EQ(created.at("status").as_string(), "submitted");
  std::string code(created.at("tracking_code").as_string());
  ASSERT_EQ(code.size(), 10u);
  auto tracked = send_http(port(), {"GET", "/api/v1/track/" + code, "", {}});
  ASSERT_EQ(tracked.status, 200) << tracked.body;
  EXPECT_EQ(tracked.json().at("status").as_string(), "submitted");
  EXPECT_EQ(tracked.json().at("category_name").as_string(), "漏水渗水");
  EXPECT_EQ(tracked.body.find("13812345678"), std::string::npos);
  EXPECT_EQ(tracked.body.find("王阿姨"), std::string::npos);
  EXPECT_EQ(tracked.body.find("household"), std::string::npos);
  // Lower case and without the hyphen still finds it.
  std::string typed = code.substr(0, 4) + code.substr(5);
  for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_EQ(send_http(port(), {"GET", "/api/v1/track/" + typed, "", {}}).status, 200);
  // One mistyped symbol is caught by the check symbol.
  std::string typo = code;
  typo[0] = typo[0] == 'A' ? 'B' : 'A';
  auto mistyped = send_http(port(), {"GET", "/api/v1/track/" + typo, "", {}});
  EXPECT_EQ(mistyped.status, 404);
  EXPECT_EQ(mistyped.error_code(), "invalid_tracking_code");
}

TEST_P(Requests, KeywordRulesMakeGasUrgentWithA24HourDeadline) {
  auto response =
      submit(t().alice, {{"category", "other"}, {"description", "楼道里有很重的燃气味"}});
  ASSERT_EQ(response.status, 201);
  auto created = response.json();
  EXPECT_EQ(created.at("priority").as_string(), "red");
  auto received = std::string(created.at("received_at").as_string());
  auto due = std::string(created.at("response_due_at").as_string());
  // Same clock time the next calendar day.
  EXPECT_EQ(due.substr(11), received.substr(11));
  EXPECT_NE(due.substr(0, 10), received.substr(0, 10));
}

TEST_P(Requests, StaffEnterAPhoneRequestWithItsRealReceivedTime) {
  // National Day 2026 across the calendar the server uses: 1–7 Oct off; 8 Oct #1, 9 Oct #2,
  // Saturday 10 Oct is a make-up workday: #3.
  std::string output;
  ASSERT_EQ(run_cli({"sla", "deadline", "--priority", "yellow", "--received",
                     "2026-09-30T10:00:00+08:00", "--db", t().world.url()},
                    "", &output),
            0);
  EXPECT_NE(output.find("2026-10-10T23:59:59.000+08:00"), std::string::npos) << output;
  ASSERT_EQ(run_cli({"sla", "deadline", "--priority", "blue", "--received",
                     "2026-09-30T10:00:00+08:00", "--db", t().world.url()},
                    "", &output),
            0);
  EXPECT_NE(output.find("2026-10-15T23:59:59.000+08:00"), std::string::npos) << output;
  // A request received by phone five days ago counts from then, not from when it was typed in.
  std::string received = days_ago(5);
  auto yellow = submit(t().staff, {{"category", "water_leak"},
                                   {"description", "电话反映：地下车库漏水"},
                                   {"channel", "phone"},
                                   {"household_id", t().household_b},
                                   {"received_at", received}});
  ASSERT_EQ(yellow.status, 201) << yellow.body;
  EXPECT_EQ(std::string(yellow.json().at("received_at").as_string()).substr(0, 19),
            received.substr(0, 19));
  ASSERT_EQ(run_cli({"sla", "deadline", "--priority", "yellow", "--received", received, "--db",
                     t().world.url()},
                    "", &output),
            0);
  EXPECT_EQ(std::string(yellow.json().at("response_due_at").as_string()) + "\n", output);
  auto blue = submit(t().staff, {{"category", "sanitation"},
                                 {"description", "电话反映：垃圾桶满溢"},
                                 {"channel", "counter"},
                                 {"received_at", received}});
  ASSERT_EQ(blue.status, 201);
  EXPECT_EQ(blue.json().at("priority").as_string(), "blue");
  ASSERT_EQ(run_cli({"sla", "deadline", "--priority", "blue", "--received", received, "--db",
                     t().world.url()},
                    "", &output),
            0);
  EXPECT_EQ(std::string(blue.json().at("response_due_at").as_string()) + "\n", output);
  // Residents may not backdate, and nobody may date into the future or far into the past.
  auto resident = submit(
      t().alice, {{"category", "noise"}, {"description", "x"}, {"received_at", days_ago(1)}});
  EXPECT_EQ(resident.status, 403);
  auto future = submit(
      t().staff,
      {{"category", "noise"}, {"description", "x"}, {"received_at", "2099-01-01T00:00:00+08:00"}});
  EXPECT_EQ(future.error_code(), "invalid_received_at");
  auto ancient = submit(
      t().staff, {{"category", "noise"}, {"description", "x"}, {"received_at", days_ago(200)}});
  EXPECT_EQ(ancient.error_code(), "invalid_received_at");
}

TEST_P(Requests, BadInputGetsClearErrors) {
  EXPECT_EQ(submit(t().alice, {{"category", "nonsense"}, {"description", "x"}}).error_code(),
            "unknown_category");
  EXPECT_EQ(submit(t().alice, {{"category", "noise"}}).error_code(), "missing_field");
  EXPECT_EQ(submit(t().alice, {{"category", "noise"}, {"description", "x"}, {"priority", "purple"}})
                .error_code(),
            "invalid_priority");
  EXPECT_EQ(
      submit(t().alice, {{"category", "noise"}, {"description", "x"}, {"channel", "phone"}}).status,
      403);
  EXPECT_EQ(
      submit(t().staff, {{"category", "noise"}, {"description", "x"}, {"received_at", "yesterday"}})
          .error_code(),
      "invalid_time");
  EXPECT_EQ(t().staff.get("/api/v1/requests?status=flying").status, 400);
  EXPECT_EQ(t().staff.get("/api/v1/requests/999999").status, 404);
}

TEST_P(Requests, AResidentCannotReadRateOrActOnAnotherResidentsRequest) {
  auto mine = submit(t().alice, {{"category", "noise"}, {"description", "晚上装修噪音"}}).json();
  std::int64_t id = mine.at("id").as_int64();
  std::string path = "/api/v1/requests/" + std::to_string(id);
  EXPECT_EQ(t().alice.get(path).status, 200);
  EXPECT_EQ(t().bob.get(path).status, 404);
  EXPECT_EQ(t().bob.post(path + "/rating", {{"score", 1}}).status, 404);
  EXPECT_EQ(act(t().bob, id, {{"action", "cancel"}}).status, 404);
  auto bobs_list = t().bob.get("/api/v1/requests").json();
  for (const auto& item : bobs_list.at("items").as_array()) EXPECT_NE(item.at("id").as_int64(), id);
  // A resident's view hides internal notes.
  ASSERT_EQ(act(t().staff, id, {{"action", "comment"}, {"note", "内部备注：与物业沟通中"}}).status,
            200);
  EXPECT_EQ(t().alice.get(path).body.find("内部备注"), std::string::npos);
  EXPECT_NE(t().staff.get(path).body.find("内部备注"), std::string::npos);
}

TEST_P(Requests, TheWorkflowByRoleWithStaleAndDisallowedTransitionsChangingNothing) {
  auto created =
      submit(t().alice, {{"category", "public_facility"}, {"description", "楼道灯坏了"}}).json();
  std::int64_t id = created.at("id").as_int64();
  auto accepted = act(t().staff, id, {{"action", "accept"}, {"note", "已受理"}});
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_FALSE(accepted.json().at("responded_at").is_null());
  std::int64_t version = accepted.json().at("version").as_int64();
  auto again = act(t().staff, id, {{"action", "accept"}});
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.error_code(), "transition_not_allowed");
  EXPECT_EQ(act(t().guide, id, {{"action", "reject"}, {"note", "x"}}).status, 403);
  EXPECT_EQ(act(t().alice, id, {{"action", "resolve"}}).status, 403);
  EXPECT_EQ(act(t().street, id, {{"action", "resolve"}}).status, 403);
  auto stale = act(t().staff, id,
                   {{"action", "assign"}, {"assignee", t().guide_id}, {"version", version - 1}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(stale.error_code(), "stale_version");
  EXPECT_EQ(status_of(id), "accepted");
  EXPECT_EQ(act(t().staff, id, {{"action", "assign"}, {"department", "nowhere"}}).error_code(),
            "invalid_department");
  auto assigned =
      act(t().staff, id, {{"action", "assign"}, {"assignee", t().guide_id}, {"version", version}});
  ASSERT_EQ(assigned.status, 200) << assigned.body;
  EXPECT_EQ(assigned.json().at("assignee_user_id").as_int64(), t().guide_id);
  ASSERT_EQ(act(t().guide, id, {{"action", "start"}}).status, 200);
  ASSERT_EQ(act(t().guide, id, {{"action", "resolve"}, {"note", "已更换灯泡"}}).status, 200);
  auto tracked = send_http(
      port(),
      {"GET", "/api/v1/track/" + std::string(created.at("tracking_code").as_string()), "", {}});
  EXPECT_NE(tracked.body.find("已更换灯泡"), std::string::npos);
  EXPECT_EQ(
      t().alice.post("/api/v1/requests/" + std::to_string(id) + "/rating", {{"score", 6}}).status,
      400);
  auto rated = t().alice.post("/api/v1/requests/" + std::to_string(id) + "/rating",
                              {{"score", 5}, {"comment", "很及时"}});
  ASSERT_EQ(rated.status, 200) << rated.body;
  EXPECT_EQ(rated.json().at("status").as_string(), "closed");
  auto twice = t().alice.post("/api/v1/requests/" + std::to_string(id) + "/rating", {{"score", 4}});
  EXPECT_EQ(twice.error_code(), "already_rated");
  auto detail = t().staff.get("/api/v1/requests/" + std::to_string(id)).json();
  EXPECT_GE(detail.at("events").as_array().size(), 6u);
}

TEST_P(Requests, AnUnsatisfiedRatingReopensAndAResidentMayReopenWithinSevenDays) {
  auto one = submit(t().alice, {{"category", "sanitation"}, {"description", "垃圾没清运"}})
                 .json()
                 .at("id")
                 .as_int64();
  ASSERT_EQ(act(t().staff, one, {{"action", "resolve"}, {"note", "已清运"}}).status, 200);
  EXPECT_EQ(t().alice.post("/api/v1/requests/" + std::to_string(one) + "/rating", {{"score", 2}})
                .json()
                .at("status")
                .as_string(),
            "reopened");
  auto two = submit(t().alice, {{"category", "sanitation"}, {"description", "又没清运"}})
                 .json()
                 .at("id")
                 .as_int64();
  ASSERT_EQ(act(t().staff, two, {{"action", "resolve"}, {"note", "已清运"}}).status, 200);
  EXPECT_EQ(act(t().alice, two, {{"action", "reopen"}}).error_code(), "note_required");
  auto reopened = act(t().alice, two, {{"action", "reopen"}, {"note", "还是没有清运"}});
  ASSERT_EQ(reopened.status, 200);
  EXPECT_EQ(reopened.json().at("status").as_string(), "reopened");
  EXPECT_TRUE(reopened.json().at("resolved_at").is_null());
}

TEST_P(Requests, ConcurrentSubmissionsNeverShareATrackingCode) {
  constexpr int kThreads = 8, kEach = 10;
  std::vector<std::string> codes(kThreads * kEach);
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      for (int j = 0; j < kEach; ++j) {
        auto response = t().alice.post("/api/v1/requests",
                                       {{"category", "suggestion"}, {"description", "并发测试"}});
        if (response.status != 201) {
          ++failures;
          continue;
        }
        codes[i * kEach + j] = std::string(response.json().at("tracking_code").as_string());
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  std::set<std::string> unique(codes.begin(), codes.end());
  EXPECT_EQ(unique.size(), codes.size());
}

TEST_P(Requests, OverdueRequestsAreEscalatedToTheStreetAndLeadTheQueue) {
  std::string received = days_ago(10);  // well past a red 24-hour deadline
  auto late = submit(t().staff, {{"category", "elderly_unreachable"},
                                 {"description", "独居老人电话无人应答"},
                                 {"channel", "phone"},
                                 {"received_at", received}});
  ASSERT_EQ(late.status, 201) << late.body;
  std::int64_t id = late.json().at("id").as_int64();
  bool escalated = false;
  for (int i = 0; i < 100 && !escalated; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    escalated =
        t().staff.get("/api/v1/requests/" + std::to_string(id)).json().at("escalated").as_bool();
  }
  ASSERT_TRUE(escalated);
  auto notifications = t().street.get("/api/v1/notifications").json().at("items").as_array();
  bool told = false;
  for (const auto& item : notifications)
    told = told || item.at("object_id").as_string() == std::to_string(id);
  EXPECT_TRUE(told);
  // Read it: the unread count falls, and nobody else can mark it.
  auto first = t().street.get("/api/v1/notifications?unread=true").json();
  std::int64_t unread = first.at("unread").as_int64();
  ASSERT_GT(unread, 0);
  std::string note_id = std::to_string(first.at("items").at(0).at("id").as_int64());
  EXPECT_EQ(
      t().staff.post("/api/v1/notifications/" + note_id + "/read", boost::json::object{}).status,
      404);
  EXPECT_EQ(
      t().street.post("/api/v1/notifications/" + note_id + "/read", boost::json::object{}).status,
      200);
  EXPECT_EQ(t().street.get("/api/v1/notifications").json().at("unread").as_int64(), unread - 1);
  auto queue =
      t().staff.get("/api/v1/requests?community_id=" + std::to_string(t().community_id)).json();
  EXPECT_TRUE(queue.at("items").at(0).at("overdue").as_bool());
  auto overdue_only = t().staff.get("/api/v1/requests?overdue=true").json();
  for (const auto& item : overdue_only.at("items").as_array())
    EXPECT_TRUE(item.at("overdue").as_bool());
  // Both deadlines (response and resolution) have passed: one escalation each, however often
  // the job runs.
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  auto detail = t().staff.get("/api/v1/requests/" + std::to_string(id)).json();
  int escalations = 0;
  for (const auto& event : detail.at("events").as_array())
    escalations += event.at("action").as_string() == "escalate";
  EXPECT_EQ(escalations, 2);
}

TEST_P(Requests, TheThreeRatesMatchAHandCount) {
  auto& staff = t().stats_staff;
  auto& sam = t().sam;
  auto id_of = [](const HttpResponse& response) { return response.json().at("id").as_int64(); };
  // A: answered, resolved, rated 5.  B: answered, resolved, rated 2 (reopened).
  // C: fresh, not yet due.  D: red, received 10 days ago, never answered (overdue).
  // E: cancelled by the resident (not counted).
  auto a = id_of(submit(sam, {{"category", "sanitation"}, {"description", "A"}}));
  auto b = id_of(submit(sam, {{"category", "sanitation"}, {"description", "B"}}));
  id_of(submit(sam, {{"category", "suggestion"}, {"description", "C"}}));
  auto d = submit(staff, {{"category", "gas_leak"},
                          {"description", "D"},
                          {"channel", "phone"},
                          {"received_at", days_ago(10)}});
  ASSERT_EQ(d.status, 201);
  auto e = id_of(submit(sam, {{"category", "noise"}, {"description", "E"}}));
  for (auto id : {a, b}) {
    ASSERT_EQ(act(staff, id, {{"action", "accept"}}).status, 200);
    ASSERT_EQ(act(staff, id, {{"action", "resolve"}, {"note", "done"}}).status, 200);
  }
  ASSERT_EQ(sam.post("/api/v1/requests/" + std::to_string(a) + "/rating", {{"score", 5}}).status,
            200);
  ASSERT_EQ(sam.post("/api/v1/requests/" + std::to_string(b) + "/rating", {{"score", 2}}).status,
            200);
  ASSERT_EQ(act(sam, e, {{"action", "cancel"}}).status, 200);
  bool escalated = false;
  for (int i = 0; i < 100 && !escalated; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    escalated =
        staff.get("/api/v1/requests/" + std::to_string(id_of(d))).json().at("escalated").as_bool();
  }
  ASSERT_TRUE(escalated);
  auto stats =
      staff.get("/api/v1/requests/stats?community_id=" + std::to_string(t().stats_community_id) +
                "&from=" + days_ago(30).substr(0, 10) + "&to=" + days_ago(-400).substr(0, 10));
  ASSERT_EQ(stats.status, 200) << stats.body;
  auto s = stats.json();
  EXPECT_EQ(s.at("received").as_int64(), 4);
  EXPECT_EQ(s.at("response_rate").at("numerator").as_int64(), 2);
  EXPECT_EQ(s.at("response_rate").at("denominator").as_int64(), 3);
  EXPECT_EQ(s.at("resolution_rate").at("numerator").as_int64(), 1);
  EXPECT_EQ(s.at("resolution_rate").at("denominator").as_int64(), 2);
  EXPECT_EQ(s.at("satisfaction_rate").at("numerator").as_int64(), 1);
  EXPECT_EQ(s.at("satisfaction_rate").at("denominator").as_int64(), 2);
  EXPECT_EQ(s.at("overdue").as_int64(), 1);
  EXPECT_EQ(s.at("median_working_days_to_resolve").as_double(), 0.0);
  // Another community's staff may not read them.
  EXPECT_EQ(
      t().staff.get("/api/v1/requests/stats?community_id=" + std::to_string(t().stats_community_id))
          .status,
      404);
}

TEST_P(Requests, AnAdministratorLoadsANewYearsCalendarWithoutARebuild) {
  auto shown = send_http(port(), {"GET", "/api/v1/calendar?year=2026", "", {}}).json();
  EXPECT_EQ(shown.at("workdays").at("2026-10-10").as_string(), "国庆节调休");
  std::string before;
  ASSERT_EQ(run_cli({"sla", "deadline", "--priority", "yellow", "--received",
                     "2031-09-30T10:00:00+08:00", "--db", t().world.url()},
                    "", &before),
            0);
  EXPECT_NE(before.find("2031-10-03T23:59:59"), std::string::npos) << before;  // Mon–Fri fallback
  std::string file = "/tmp/gz_calendar_2031_" + std::to_string(::getpid()) + ".json";
  std::ofstream(file)
      << R"({"source":"test","years":[2031],"holidays":{"2031-10-01":"国庆节","2031-10-02":"国庆节","2031-10-03":"国庆节","2031-10-06":"国庆节","2031-10-07":"国庆节"},"workdays":{"2031-10-11":"国庆节调休"}})";
  std::string output;
  ASSERT_EQ(run_cli({"calendar", "load", file, "--db", t().world.url()}, "", &output), 0) << output;
  std::string after;
  ASSERT_EQ(run_cli({"sla", "deadline", "--priority", "yellow", "--received",
                     "2031-09-30T10:00:00+08:00", "--db", t().world.url()},
                    "", &after),
            0);
  // 8 Oct #1, 9 Oct #2, 10 Oct #3.
  EXPECT_NE(after.find("2031-10-10T23:59:59"), std::string::npos) << after;
  // The running server sees it too, and only admins may load one over HTTP.
  auto served = send_http(port(), {"GET", "/api/v1/calendar?year=2031", "", {}}).json();
  EXPECT_EQ(served.at("holidays").as_object().size(), 5u);
  HttpRequest put{
      "PUT", "/api/v1/calendar", "{\"years\":[2032],\"holidays\":{},\"workdays\":{}}", {}};
  put.headers.emplace_back("Authorization", "Bearer " + t().staff.token());
  EXPECT_EQ(send_http(port(), put).status, 403);
  put.headers.back().second = "Bearer " + t().world.admin().token();
  put.body = "{\"years\":[2032],\"holidays\":{\"2032-13-01\":\"x\"},\"workdays\":{}}";
  EXPECT_EQ(send_http(port(), put).error_code(), "invalid_calendar");
  std::remove(file.c_str());
}

TEST_P(Requests, EachCommunityTunesItsCategoriesKeywordsAndDepartments) {
  std::int64_t cid = t().community_id;
  auto denied = t().guide.put_json("/api/v1/requests/categories", {{"community_id", cid},
                                                                   {"code", "elevator"},
                                                                   {"name_zh", "电梯故障"},
                                                                   {"name_en", "Elevator"},
                                                                   {"default_priority", "red"},
                                                                   {"resolution_working_days", 2}});
  EXPECT_EQ(denied.status, 403);
  auto set = t().staff.put_json("/api/v1/requests/categories", {{"community_id", cid},
                                                                {"code", "elevator"},
                                                                {"name_zh", "电梯故障"},
                                                                {"name_en", "Elevator"},
                                                                {"default_priority", "red"},
                                                                {"resolution_working_days", 2}});
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(submit(t().alice, {{"category", "elevator"}, {"description", "电梯停在8楼不动"}})
                .json()
                .at("priority")
                .as_string(),
            "red");
  // Another community keeps the default (yellow).
  EXPECT_EQ(submit(t().sam, {{"category", "elevator"}, {"description", "电梯异响"}})
                .json()
                .at("priority")
                .as_string(),
            "yellow");
  auto rule = t().staff.post("/api/v1/requests/triage-rules", {{"community_id", cid},
                                                               {"keyword", "积水"},
                                                               {"priority", "yellow"},
                                                               {"note", "地下室积水，按重要处理"}});
  ASSERT_EQ(rule.status, 201) << rule.body;
  auto flooded =
      submit(t().alice, {{"category", "public_facility"}, {"description", "地下车库大量积水"}})
          .json();
  EXPECT_EQ(flooded.at("priority").as_string(), "yellow");
  EXPECT_EQ(flooded.at("triage_note").as_string(), "地下室积水，按重要处理");
  auto department = t().staff.post("/api/v1/requests/departments", {{"community_id", cid},
                                                                    {"code", "water_company"},
                                                                    {"name_zh", "自来水公司"},
                                                                    {"name_en", "Water company"}});
  ASSERT_EQ(department.status, 201) << department.body;
  EXPECT_EQ(act(t().staff, flooded.at("id").as_int64(),
                {{"action", "assign"}, {"department", "water_company"}})
                .status,
            200);
  EXPECT_EQ(t().staff
                .post("/api/v1/requests/departments", {{"community_id", cid},
                                                       {"code", "water_company"},
                                                       {"name_zh", "x"},
                                                       {"name_en", "x"}})
                .error_code(),
            "department_exists");
}

// Percent-encoded UTF-8 for a query string.
std::string url_encode(const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c)) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

// Staff find a caller's request by its code as typed on the phone, by the place or by the
// caller's number; guides do not search by number; the case names its handler to a guide; a
// resident's own list is newest first.
TEST_P(Requests, TheQueueFindsACaseByCodePlaceOrCallerAndNamesItsHandler) {
  auto filed = submit(t().staff, {{"category", "public_facility"},
                                  {"description", "电话反映：C栋三楼楼道灯坏了"},
                                  {"channel", "phone"},
                                  {"household_id", t().household_b},
                                  {"location", "C栋303门口"},
                                  {"contact_name", "刘女士"},
                                  {"contact_phone", "13912345670"}});
  ASSERT_EQ(filed.status, 201) << filed.body;
  std::int64_t id = filed.json().at("id").as_int64();
  std::string code(filed.json().at("tracking_code").as_string());
  auto ids = [&](Client& client, const std::string& query) {
    std::set<std::int64_t> found;
    auto listed = client.get("/api/v1/requests?community_id=" + std::to_string(t().community_id) +
                             "&page_size=200&" + query);
    EXPECT_EQ(listed.status, 200) << query << " → " << listed.body;
    auto body = listed.json();
    for (const auto& item : body.at("items").as_array()) found.insert(item.at("id").as_int64());
    return found;
  };
  std::string typed = code;
  typed.erase(std::remove(typed.begin(), typed.end(), '-'), typed.end());
  for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_EQ(ids(t().staff, "q=" + typed), (std::set<std::int64_t>{id}));
  EXPECT_TRUE(ids(t().staff, "q=" + url_encode("C栋303")).count(id));
  EXPECT_TRUE(ids(t().staff, "q=13912345670").count(id));
  EXPECT_TRUE(ids(t().staff, "q=" + url_encode("刘女士")).count(id));
  EXPECT_FALSE(ids(t().guide, "q=13912345670").count(id));
  EXPECT_FALSE(ids(t().staff, "q=%25").count(id));  // a literal %, not a wildcard
  EXPECT_TRUE(ids(t().staff, "household_id=" + std::to_string(t().household_b)).count(id));
  EXPECT_FALSE(ids(t().staff, "household_id=" + std::to_string(t().household_a)).count(id));
  EXPECT_EQ(t().staff.get("/api/v1/requests?q=" + std::string(101, 'x')).status, 400);

  ASSERT_EQ(act(t().staff, id, {{"action", "accept"}}).status, 200);
  ASSERT_EQ(act(t().staff, id, {{"action", "assign"}, {"assignee", t().guide_id}}).status, 200);
  auto as_guide = t().guide.get("/api/v1/requests/" + std::to_string(id));
  ASSERT_EQ(as_guide.status, 200) << as_guide.body;
  EXPECT_EQ(as_guide.json().at("assignee_user_id").as_int64(), t().guide_id);
  EXPECT_FALSE(as_guide.json().at("assignee_name").as_string().empty()) << as_guide.body;

  for (const char* description : {"楼下夜里施工很吵", "楼下夜里又在施工"}) {
    ASSERT_EQ(submit(t().alice, {{"category", "noise"}, {"description", description}}).status, 201);
  }
  auto mine = t().alice.get("/api/v1/requests").json();
  const auto& items = mine.at("items").as_array();
  ASSERT_GE(items.size(), 2u);
  for (std::size_t i = 1; i < items.size(); ++i) {
    EXPECT_GE(parse_iso8601(items[i - 1].at("received_at").as_string()).value(),
              parse_iso8601(items[i].at("received_at").as_string()).value());
  }
}

GZ_ON_BACKENDS(Requests);

}  // namespace
}  // namespace gz::test
