// Black-box tests of the time bank's marketplace on SQLite and PostgreSQL, on a server whose
// clock stands at 2026-11-20 10:00 (Shanghai): a younger elderly resident offers company, an
// older neighbour answers, the offer's household accepts, records the service from the match
// (nobody types a resident number) and the recipient confirms it, moving the minutes; a
// request closes when an answer is accepted; neighbours see a masked name, the building and an
// age band, never household numbers; one's own post, a second answer, a closed post and the
// wrong household are refused.
#include <gtest/gtest.h>

#include "core/clock.hpp"
#include "harness.hpp"

namespace gz::test {
namespace {

constexpr const char* kPassword = "market-pass-42";
const std::int64_t kNowMs = *parse_iso8601("2026-11-20T10:00:00+08:00");

struct Market {
  explicit Market(Backend backend) : world(backend, frozen_at(kNowMs), kPassword) {
    community_id = world.community("互助社区", "T-1");
    other_community = world.community("别的社区", "T-2");
    staff = world.community_user("staff", "staff", {community_id});
    std::int64_t three = world.building(community_id, "3号楼");
    std::int64_t five = world.building(community_id, "5号楼");
    young_home = world.household(community_id, "3-301", {{"building_id", three}});
    young = world.resident(young_home, "周老师", "female", "1962-05-01");
    helper = world.resident_user("helper", young_home);
    old_home = world.household(community_id, "5-502", {{"building_id", five}});
    old = world.resident(old_home, "吴奶奶", "female", "1938-09-01");
    elder = world.resident_user("elder", old_home);
    third_home = world.household(community_id, "5-503", {{"building_id", five}});
    third = world.resident(third_home, "郑大爷", "male", "1945-02-01");
    neighbour = world.resident_user("neighbour", third_home);
    std::int64_t far = world.household(other_community, "9-901");
    world.resident(far, "外人", "male", "1960-01-01");
    outsider = world.resident_user("outsider", far);
  }
  World world;
  std::int64_t community_id = 0, other_community = 0;
  std::int64_t young_home = 0, young = 0, old_home = 0, old = 0, third_home = 0, third = 0;
  Client staff{0}, helper{0}, elder{0}, neighbour{0}, outsider{0};
};

class MarketTest : public BackendTest {
 protected:
  Market& m() { return shared<Market>(GetParam()); }
  std::string posts() {
    return "/api/v1/timebank/posts?community_id=" + std::to_string(m().community_id);
  }
  static std::int64_t id_in(const HttpResponse& answer) {
    return answer.json().at("id").as_int64();
  }
};

TEST_P(MarketTest, AnOfferIsAnsweredAcceptedAndItsServiceRecordedFromTheMatch) {
  auto offered = m().helper.post("/api/v1/timebank/posts", {{"resident_id", m().young},
                                                            {"kind", "offer"},
                                                            {"service_type", "companionship"},
                                                            {"title", "陪老人聊天、读报"},
                                                            {"availability", "工作日下午"}});
  ASSERT_EQ(offered.status, 201) << offered.body;
  std::int64_t post = id_in(offered);
  EXPECT_EQ(offered.json().at("poster_name").as_string(), "周老师");
  EXPECT_EQ(offered.json().at("age_band").as_string(), "60s");
  // Neighbours find it by kind and building, with a masked name and no resident number.
  auto found = m().elder.get(posts() + "&kind=offer&service_type=companionship");
  ASSERT_EQ(found.status, 200) << found.body;
  auto found_body = found.json();
  auto item = found_body.at("items").as_array().at(0);
  EXPECT_EQ(item.at("id").as_int64(), post);
  EXPECT_NE(item.at("poster_name").as_string(), "周老师");
  EXPECT_EQ(item.at("building").as_string(), "3号楼");
  EXPECT_TRUE(item.at("resident_id").is_null());
  EXPECT_FALSE(item.at("mine").as_bool());
  EXPECT_EQ(found.body.find("3-301"), std::string::npos);
  EXPECT_EQ(m().outsider.get(posts()).status, 404);

  // The older neighbour answers; her household hears back, the poster is told.
  std::string answer_path = "/api/v1/timebank/posts/" + std::to_string(post) + "/responses";
  EXPECT_EQ(m().helper.post(answer_path, {{"resident_id", m().young}}).error_code(), "own_post");
  EXPECT_EQ(m().elder.post(answer_path, {{"resident_id", m().third}}).status, 404);
  auto answered =
      m().elder.post(answer_path, {{"resident_id", m().old}, {"message", "我周三下午在家"}});
  ASSERT_EQ(answered.status, 201) << answered.body;
  std::int64_t match = id_in(answered);
  EXPECT_EQ(m().elder.post(answer_path, {{"resident_id", m().old}}).error_code(),
            "already_answered");
  EXPECT_NE(m().helper.get("/api/v1/notifications?limit=20").body.find("timebank.answered"),
            std::string::npos);
  // The poster's household sees who answered, with the age band; a third household does not
  // see the answers at all.
  auto answers = m().helper.get("/api/v1/timebank/responses?post_id=" + std::to_string(post));
  ASSERT_EQ(answers.status, 200) << answers.body;
  auto answers_body = answers.json();
  auto first = answers_body.at("items").as_array().at(0);
  EXPECT_EQ(first.at("responder_name").as_string(), "吴奶奶");
  EXPECT_EQ(first.at("responder_age_band").as_string(), "80_plus");
  EXPECT_EQ(m().neighbour.get("/api/v1/timebank/responses?post_id=" + std::to_string(post)).status,
            403);

  std::string decision = "/api/v1/timebank/responses/" + std::to_string(match) + "/decision";
  std::string service = "/api/v1/timebank/responses/" + std::to_string(match) + "/service";
  EXPECT_EQ(
      m().helper.post(service, {{"service_date", "2026-11-19"}, {"minutes", 90}}).error_code(),
      "not_accepted");
  EXPECT_EQ(m().elder.post(decision, {{"accept", true}}).status, 403);
  ASSERT_EQ(m().helper.post(decision, {{"accept", true}}).status, 200);
  EXPECT_EQ(m().helper.post(decision, {{"accept", true}}).error_code(), "not_proposed");
  // An offer stays open for others.
  EXPECT_NE(m().neighbour.get(posts()).body.find("陪老人聊天"), std::string::npos);
  // The provider records the service from the match; the recipient is the match's member.
  EXPECT_EQ(m().elder.post(service, {{"service_date", "2026-11-19"}, {"minutes", 90}}).status, 403);
  auto recorded = m().helper.post(service, {{"service_date", "2026-11-19"}, {"minutes", 90}});
  ASSERT_EQ(recorded.status, 201) << recorded.body;
  EXPECT_EQ(recorded.json().at("provider_resident_id").as_int64(), m().young);
  EXPECT_EQ(recorded.json().at("recipient_resident_id").as_int64(), m().old);
  EXPECT_EQ(recorded.json().at("service_type").as_string(), "companionship");
  EXPECT_EQ(recorded.json().at("status").as_string(), "pending");
  // She confirms; the minutes move.
  auto confirmed =
      m().elder.post("/api/v1/timebank/services/" + std::to_string(id_in(recorded)) + "/confirm",
                     boost::json::object{});
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  auto account = m().helper.get("/api/v1/timebank/accounts/" + std::to_string(m().young));
  ASSERT_EQ(account.status, 200) << account.body;
  EXPECT_NE(account.body.find("90"), std::string::npos) << account.body;
  EXPECT_EQ(
      m().helper.post(service, {{"service_date", "2026-11-19"}, {"minutes", 90}}).error_code(),
      "not_accepted");
}

TEST_P(MarketTest, ARequestClosesWhenAnAnswerIsAccepted) {
  auto asked = m().elder.post("/api/v1/timebank/posts", {{"resident_id", m().old},
                                                         {"kind", "request"},
                                                         {"service_type", "shopping"},
                                                         {"title", "腿脚不便，想请人帮忙买菜"}});
  ASSERT_EQ(asked.status, 201) << asked.body;
  std::int64_t post = id_in(asked);
  std::string answer_path = "/api/v1/timebank/posts/" + std::to_string(post) + "/responses";
  auto one = m().helper.post(answer_path, {{"resident_id", m().young}});
  ASSERT_EQ(one.status, 201) << one.body;
  auto two = m().neighbour.post(answer_path, {{"resident_id", m().third}});
  ASSERT_EQ(two.status, 201) << two.body;
  ASSERT_EQ(m().elder
                .post("/api/v1/timebank/responses/" + std::to_string(id_in(one)) + "/decision",
                      {{"accept", true}})
                .status,
            200);
  // Closed: off the board, the other answer declined, no more answers.
  EXPECT_EQ(m().neighbour.get(posts() + "&kind=request").body.find("帮忙买菜"), std::string::npos);
  auto theirs = m().neighbour.get("/api/v1/timebank/responses");
  EXPECT_NE(theirs.body.find("\"declined\""), std::string::npos) << theirs.body;
  EXPECT_EQ(m().staff.post(answer_path, {{"resident_id", m().third}}).error_code(), "closed");
  // Her own list still shows it, closed.
  auto mine = m().elder.get(posts() + "&mine=true&include_closed=true");
  EXPECT_NE(mine.body.find("\"closed\""), std::string::npos) << mine.body;
  // For a request, the one who answered provides.
  auto recorded =
      m().helper.post("/api/v1/timebank/responses/" + std::to_string(id_in(one)) + "/service",
                      {{"service_date", "2026-11-20"}, {"minutes", 45}});
  ASSERT_EQ(recorded.status, 201) << recorded.body;
  EXPECT_EQ(recorded.json().at("provider_resident_id").as_int64(), m().young);
}

TEST_P(MarketTest, BadPostsAndTheWrongHouseholdsAreRefused) {
  auto post = [&](Client& who, boost::json::object body) {
    return who.post("/api/v1/timebank/posts", body);
  };
  boost::json::object good{{"resident_id", m().young},
                           {"kind", "offer"},
                           {"service_type", "tech_help"},
                           {"title", "教用智能手机"}};
  auto with = [&](const char* key, const boost::json::value& value) {
    auto body = good;
    body[key] = value;
    return body;
  };
  EXPECT_EQ(post(m().helper, with("kind", "sale")).error_code(), "invalid_kind");
  EXPECT_EQ(post(m().helper, with("service_type", "massage")).error_code(), "invalid_service_type");
  EXPECT_EQ(post(m().helper, with("title", boost::json::string(std::string(41, 'x')))).status, 400);
  // Another household's member: unknown to the resident.
  EXPECT_EQ(post(m().elder, good).status, 404);
  EXPECT_EQ(post(m().outsider, good).status, 404);
  EXPECT_EQ(m().helper.get(posts() + "&kind=barter").status, 400);
  // Staff may take a post down; a neighbour may not close it.
  auto made = post(m().helper, good);
  ASSERT_EQ(made.status, 201) << made.body;
  std::string close = "/api/v1/timebank/posts/" + std::to_string(id_in(made)) + "/close";
  EXPECT_EQ(m().elder.post(close, boost::json::object{}).status, 403);
  ASSERT_EQ(m().staff.post(close, boost::json::object{}).status, 200);
  EXPECT_EQ(m().helper.post(close, boost::json::object{}).error_code(), "closed");
}

GZ_ON_BACKENDS(MarketTest);

}  // namespace
}  // namespace gz::test
