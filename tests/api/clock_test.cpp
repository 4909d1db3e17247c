// Black-box tests of every countdown the server states, at its boundaries, on SQLite and
// PostgreSQL: one database served again and again by a server whose clock is set (frozen) to
// the instants just before and at each end — a plan's public notice (days left, end instant,
// whether objections are taken, and the lifecycle's own hold), an activity's sign-up and
// check-in windows, a budgeting election's voting window and a request's SLA deadline. Each
// page shows these fields; here the server's answers must agree with what it then accepts.
#include <gtest/gtest.h>

#include "core/clock.hpp"
#include "harness.hpp"

namespace gz::test {
namespace {

constexpr const char* kPassword = "clock-pass-42";

// The start of the story: the suite's now (GONGZHI_NOW when it runs at a fixed instant),
// to the whole second so that "T0 + 7 days" is an instant the server can be set to exactly.
std::int64_t start_ms() {
  static const std::int64_t start = test_now_seconds() * 1000LL;
  return start;
}

struct Story {
  explicit Story(Backend backend);
  std::string url;
  std::int64_t community_id = 0;
  std::int64_t plan_id = 0;
  std::int64_t activity_id = 0;
  std::int64_t election_id = 0;
  std::int64_t project_id = 0;
  std::int64_t request_id = 0;
  std::int64_t resident_id = 0;
};

// A server on the story's database whose clock stands still at `at_ms`, with its logins.
struct At {
  explicit At(const std::string& url, std::int64_t at_ms)
      : server(url, frozen_at(at_ms)),
        anonymous(server.port()),
        staff(server.port()),
        resident(server.port()) {
    EXPECT_EQ(staff.login("staff", kPassword).status, 200);
    EXPECT_EQ(resident.login("resident", kPassword).status, 200);
  }
  ServerProcess server;
  Client anonymous, staff, resident;
};

// Written once per backend at T0: a plan published, an activity an hour ahead, an election
// voting from T0 + 1 day to T0 + 8 days, a red request just received. The World's server stops
// once the story is written: each test starts servers of its own at its instants.
Story::Story(Backend backend) {
  World world(backend, frozen_at(start_ms()), kPassword);
  url = world.url();
  community_id = world.community("时钟社区", "C-1");
  std::int64_t household = world.household(community_id, "1-101");
  resident_id = world.resident(household, "王阿姨");
  Client staff = world.community_user("staff", "staff", {community_id});
  Client resident = world.resident_user("resident", household);

  plan_id = make_plan(staff, community_id, Quarter::containing(start_ms()).plus(1).name(), 1000000);
  auto published =
      staff.post("/api/v1/allocation/plans/" + std::to_string(plan_id) + "/transitions",
                 {{"action", "publish"}, {"note", "张贴于公告栏"}});
  EXPECT_EQ(published.status, 200) << published.body;

  activity_id = created_id(
      staff.post("/api/v1/activities", {{"community_id", community_id},
                                        {"kind", "meeting"},
                                        {"channel", "community"},
                                        {"title", "居民议事会"},
                                        {"starts_at", format_iso8601(start_ms() + kHourMs)},
                                        {"ends_at", format_iso8601(start_ms() + 3 * kHourMs)}}));

  election_id = created_id(staff.post(
      "/api/v1/pb/elections", {{"community_id", community_id},
                               {"name", "微更新"},
                               {"budget", 100},
                               {"rule", "greedy"},
                               {"voting_opens_at", format_iso8601(start_ms() + kDayMs)},
                               {"voting_closes_at", format_iso8601(start_ms() + 8 * kDayMs)}}));
  project_id =
      created_id(staff.post("/api/v1/pb/elections/" + std::to_string(election_id) + "/projects",
                            {{"name", "楼道照明"}, {"cost", 60}}));

  request_id = file_request(resident, {{"category", "elevator"},
                                       {"description", "电梯困人，门打不开"},
                                       {"priority", "red"}})
                   .id;
}

class ClockTest : public BackendTest {
 protected:
  Story& s() { return shared<Story>(GetParam()); }
  std::string plan(const std::string& rest = "") {
    return "/api/v1/allocation/plans/" + std::to_string(s().plan_id) + rest;
  }
  boost::json::value board_plan(At& at) {
    auto board = at.anonymous.get("/api/community-resources?community_id=" +
                                  std::to_string(s().community_id));
    EXPECT_EQ(board.status, 200) << board.body;
    return board.json().at("plan");
  }
};

TEST_P(ClockTest, ObjectionsAreTakenUntilTheNoticeEndsAndTheBoardSaysSo) {
  const std::int64_t ends = start_ms() + 7 * kDayMs;
  std::int64_t objection_id = 0;
  {
    At at(s().url, ends - kMinuteMs);  // the notice's last minute
    auto shown = board_plan(at);
    EXPECT_EQ(shown.at("state").as_string(), "public_notice");
    EXPECT_EQ(shown.at("days_left").as_int64(), 1);
    EXPECT_TRUE(shown.at("objections_open").as_bool());
    EXPECT_EQ(*parse_iso8601(shown.at("notice_ends_at").as_string()), ends);
    auto objection = at.resident.post(plan("/objections"), {{"text", "最后一分钟的异议"}});
    objection_id = created_id(objection);
    auto early = at.staff.post(plan("/transitions"), {{"action", "open_vote"}, {"note", "提交"}});
    EXPECT_EQ(early.status, 409) << early.body;
    EXPECT_EQ(early.error_code(), "notice_period_running");
  }
  {
    At at(s().url, ends);  // the instant it ends
    auto shown = board_plan(at);
    EXPECT_EQ(shown.at("state").as_string(), "public_notice");  // until staff move it on
    EXPECT_EQ(shown.at("days_left").as_int64(), 0);
    EXPECT_FALSE(shown.at("objections_open").as_bool());
    auto late = at.resident.post(plan("/objections"), {{"text", "晚了一步的异议"}});
    EXPECT_EQ(late.status, 409) << late.body;
    EXPECT_EQ(late.error_code(), "notice_ended");
    // The one objection still needs its answer; and as the only household it is over the
    // threshold, so a third-party evaluation too. Then the plan may leave notice.
    auto blocked = at.staff.post(plan("/transitions"), {{"action", "open_vote"}, {"note", "提交"}});
    EXPECT_EQ(blocked.error_code(), "objections_unanswered") << blocked.body;
    auto answered = at.staff.post(plan("/objections/" + std::to_string(objection_id) + "/answer"),
                                  {{"answer", "已复核，维持原方案"}});
    EXPECT_EQ(answered.status, 200) << answered.body;
    auto evaluated = at.staff.post("/api/v1/plans/" + std::to_string(s().plan_id) + "/evaluations",
                                   {{"kind", "third_party"},
                                    {"evaluator", "市社会工作评估中心"},
                                    {"summary", "测算准确"},
                                    {"score", 85}});
    EXPECT_EQ(evaluated.status, 201) << evaluated.body;
    auto moved = at.staff.post(plan("/transitions"), {{"action", "open_vote"}, {"note", "提交"}});
    EXPECT_EQ(moved.status, 200) << moved.body;
    EXPECT_TRUE(moved.json().at("days_left").is_null());
    EXPECT_FALSE(moved.json().at("objections_open").as_bool());
  }
}

TEST_P(ClockTest, AnActivityOpensCheckInHalfAnHourBeforeAndClosesAnHourAfter) {
  const std::string path = "/api/v1/activities/" + std::to_string(s().activity_id);
  const std::int64_t starts = start_ms() + kHourMs;
  const std::int64_t ends = start_ms() + 3 * kHourMs;
  struct Moment {
    std::int64_t at_ms;
    bool self_checkin_open;
    bool signup_open;
  };
  for (const Moment& moment :
       {Moment{starts - 30 * kMinuteMs - 1000, false, true},
        Moment{starts - 30 * kMinuteMs, true, true}, Moment{ends - 1000, true, true},
        Moment{ends, true, false}, Moment{ends + kHourMs, true, false},
        Moment{ends + kHourMs + 1000, false, false}}) {
    At at(s().url, moment.at_ms);
    auto activity = at.resident.get(path);
    ASSERT_EQ(activity.status, 200) << activity.body;
    auto json = activity.json();
    const std::string when = format_iso8601(moment.at_ms);
    EXPECT_EQ(json.at("self_checkin_open").as_bool(), moment.self_checkin_open) << when;
    EXPECT_EQ(json.at("signup_open").as_bool(), moment.signup_open) << when;
    EXPECT_EQ(*parse_iso8601(json.at("checkin_opens_at").as_string()), starts - 30 * kMinuteMs);
    EXPECT_EQ(*parse_iso8601(json.at("checkin_closes_at").as_string()), ends + kHourMs);
    // What the fields say is what the sign-up desk does.
    auto signup = at.resident.post(path + "/signups", {{"resident_id", s().resident_id}});
    if (moment.signup_open) {
      EXPECT_TRUE(signup.status == 201 || signup.error_code() == "already_signed_up")
          << when << signup.body;
    } else {
      EXPECT_EQ(signup.error_code(), "activity_ended") << when << signup.body;
    }
  }
}

TEST_P(ClockTest, BallotsAreTakenFromTheOpeningInstantUpToTheClosingOne) {
  const std::string path = "/api/v1/pb/elections/" + std::to_string(s().election_id);
  struct Moment {
    std::int64_t at_ms;
    const char* voting;
    const char* refusal;  // "" when a ballot is taken
  };
  for (const Moment& moment : {Moment{start_ms() + kDayMs - 1000, "not_open", "voting_not_open"},
                               Moment{start_ms() + 8 * kDayMs - 1000, "open", ""},
                               Moment{start_ms() + 8 * kDayMs, "closed", "voting_closed"}}) {
    At at(s().url, moment.at_ms);
    auto election = at.resident.get(path);
    ASSERT_EQ(election.status, 200) << election.body;
    EXPECT_EQ(election.json().at("voting").as_string(), moment.voting);
    boost::json::array chosen{s().project_id};
    auto ballot = at.resident.post(path + "/ballots", {{"projects", chosen}});
    if (*moment.refusal) {
      EXPECT_EQ(ballot.error_code(), moment.refusal) << ballot.body;
    } else {
      EXPECT_EQ(ballot.status, 201) << ballot.body;
    }
  }
}

TEST_P(ClockTest, ARedRequestIsOverdueOnlyAfterItsTwentyFourHours) {
  const std::string path = "/api/v1/requests/" + std::to_string(s().request_id);
  {
    At at(s().url, start_ms());
    auto request = at.staff.get(path);
    ASSERT_EQ(request.status, 200) << request.body;
    auto deadline = request.json().at("deadline");
    EXPECT_EQ(deadline.at("kind").as_string(), "response");
    EXPECT_FALSE(deadline.at("overdue").as_bool());
  }
  auto due = [&] {
    At at(s().url, start_ms());
    return *parse_iso8601(at.staff.get(path).json().at("deadline").at("due_at").as_string());
  }();
  EXPECT_GE(due, start_ms() + 24 * kHourMs);
  EXPECT_LT(due, start_ms() + 24 * kHourMs + 1000);
  for (auto [at_ms, overdue] : {std::pair{due, false}, std::pair{due + 1000, true}}) {
    At at(s().url, at_ms);
    auto request = at.staff.get(path).json();
    EXPECT_EQ(request.at("deadline").at("overdue").as_bool(), overdue) << format_iso8601(at_ms);
    EXPECT_EQ(request.at("overdue").as_bool(), overdue);
    // The public tracking page says the same.
    auto tracked =
        at.anonymous.get("/api/v1/track/" + std::string(request.at("tracking_code").as_string()));
    ASSERT_EQ(tracked.status, 200) << tracked.body;
    EXPECT_EQ(tracked.json().at("deadline").at("overdue").as_bool(), overdue);
  }
}

GZ_ON_BACKENDS(ClockTest);

}  // namespace
}  // namespace gz::test
