// Black-box tests of requests across levels (派单 / 退单 / 转办) and the street's league table,
// on SQLite and PostgreSQL, on a server whose clock stands at 2026-11-20 10:00 (Shanghai):
// staff refer a case to the street with a reason the resident can read; the street is told,
// signs for it, works and resolves it; or returns it with a reason to the community's staff;
// bad referrals and the wrong people are refused; the street ranks its communities month by
// month on the three rates.
#include <gtest/gtest.h>

#include "core/clock.hpp"
#include "harness.hpp"

namespace gz::test {
namespace {

constexpr const char* kPassword = "referrals-pass-42";
const std::int64_t kNowMs = *parse_iso8601("2026-11-20T10:00:00+08:00");

struct Levels {
  explicit Levels(Backend backend) : world(backend, frozen_at(kNowMs), kPassword) {
    street_id = created_id(world.admin().post(
        "/api/v1/streets", {{"name", "北山街道"}, {"code", "BS-ST"}, {"district", "西湖区"}}));
    first = created_id(
        world.admin().post("/api/v1/communities",
                           {{"name", "松木场社区"}, {"code", "R-1"}, {"street_id", street_id}}));
    second = created_id(
        world.admin().post("/api/v1/communities",
                           {{"name", "保俶塔社区"}, {"code", "R-2"}, {"street_id", street_id}}));
    outside = world.community("别的社区", "R-9", std::string("别的街道"));
    staff = world.community_user("staff", "staff", {first});
    guide = world.community_user("guide", "guide", {first});
    street = world.community_user("street", "street", {first, second});
    other_street = world.community_user("street9", "street", {outside});
    household = world.household(first, "1-101");
    world.resident(household, "赵阿姨", "female", "1956-04-01");
    resident = world.resident_user("resident", household);
    second_household = world.household(second, "2-201");
  }
  World world;
  std::int64_t street_id = 0, first = 0, second = 0, outside = 0, household = 0,
               second_household = 0;
  Client staff{0}, guide{0}, street{0}, other_street{0}, resident{0};
};

class ReferralsTest : public BackendTest {
 protected:
  Levels& l() { return shared<Levels>(GetParam()); }
  std::int64_t submit(const std::string& description) {
    auto created = l().resident.post(
        "/api/v1/requests", {{"category", "public_facility"}, {"description", description}});
    EXPECT_EQ(created.status, 201) << created.body;
    return created.json().at("id").as_int64();
  }
  HttpResponse act(Client& who, std::int64_t id, boost::json::object body) {
    return who.post("/api/v1/requests/" + std::to_string(id) + "/transitions", body);
  }
  boost::json::value detail(Client& who, std::int64_t id) {
    return who.get("/api/v1/requests/" + std::to_string(id)).json();
  }
};

TEST_P(ReferralsTest, TheStreetSignsForAReferredCaseWorksItAndResolvesIt) {
  std::int64_t id = submit("小区门口的路灯坏了一排，社区协调不了市政");
  auto referred = act(l().staff, id,
                      {{"action", "refer"}, {"level", "street"}, {"note", "市政路灯归街道城管科"}});
  ASSERT_EQ(referred.status, 200) << referred.body;
  EXPECT_EQ(referred.json().at("status").as_string(), "assigned");
  auto seen = detail(l().staff, id);
  auto referrals = seen.at("referrals").as_array();
  ASSERT_EQ(referrals.size(), 1u);
  EXPECT_EQ(referrals.at(0).at("receiver").as_string(), "北山街道");
  EXPECT_EQ(referrals.at(0).at("status").as_string(), "pending");
  EXPECT_EQ(referrals.at(0).at("reason").as_string(), "市政路灯归街道城管科");
  // The resident reads where it went and why.
  auto mine = l().resident.get("/api/v1/requests/" + std::to_string(id));
  EXPECT_NE(mine.body.find("市政路灯归街道城管科"), std::string::npos) << mine.body;
  // The street is told.
  auto inbox = l().street.get("/api/v1/notifications?limit=50");
  EXPECT_NE(inbox.body.find("request.referred"), std::string::npos) << inbox.body;
  // Once open, not again; only staff refer.
  EXPECT_EQ(act(l().staff, id, {{"action", "refer"}, {"note", "再转"}}).error_code(),
            "already_referred");
  // While the street holds it, the community does not work it alongside.
  EXPECT_EQ(act(l().staff, id, {{"action", "start"}, {"note", "自己修"}}).error_code(),
            "with_street");
  EXPECT_EQ(act(l().guide, id, {{"action", "resolve"}, {"note", "修好了"}}).error_code(),
            "with_street");
  // Its public answer names where it went.
  auto tracked = l().world.anonymous().get("/api/v1/track/" +
                                           std::string(seen.at("tracking_code").as_string()));
  EXPECT_NE(tracked.body.find("转至北山街道办理"), std::string::npos) << tracked.body;
  std::int64_t another = submit("另一件事");
  EXPECT_EQ(act(l().guide, another, {{"action", "refer"}, {"note", "转街道"}}).status, 403);
  // Pending, the street may not work it yet; another street does not know of it.
  EXPECT_EQ(act(l().street, id, {{"action", "resolve"}, {"note", "已修"}}).status, 403);
  EXPECT_EQ(act(l().other_street, id, {{"action", "accept_referral"}}).status, 404);
  EXPECT_EQ(act(l().staff, id, {{"action", "accept_referral"}}).status, 403);
  // The street's queue of cases waiting to be signed for.
  auto waiting = l().street.get("/api/v1/requests?community_id=" + std::to_string(l().first) +
                                "&referral=pending");
  ASSERT_EQ(waiting.status, 200) << waiting.body;
  bool listed = false;
  auto waiting_body = waiting.json();
  for (const auto& item : waiting_body.at("items").as_array()) {
    listed = listed || item.at("id").as_int64() == id;
  }
  EXPECT_TRUE(listed) << waiting.body;
  EXPECT_EQ(
      l().street
          .get("/api/v1/requests?community_id=" + std::to_string(l().first) + "&referral=maybe")
          .status,
      400);
  auto signed_for = act(l().street, id, {{"action", "accept_referral"}, {"note", "城管科签收"}});
  ASSERT_EQ(signed_for.status, 200) << signed_for.body;
  EXPECT_EQ(detail(l().staff, id).at("referrals").at(0).at("status").as_string(), "accepted");
  auto held = l().street.get("/api/v1/requests?community_id=" + std::to_string(l().first) +
                             "&referral=accepted");
  EXPECT_NE(held.body.find("\"id\":" + std::to_string(id) + ","), std::string::npos);
  EXPECT_EQ(
      l().street
          .get("/api/v1/requests?community_id=" + std::to_string(l().first) + "&referral=pending")
          .body.find("\"id\":" + std::to_string(id) + ","),
      std::string::npos);
  EXPECT_EQ(act(l().street, id, {{"action", "accept_referral"}}).error_code(),
            "no_pending_referral");
  ASSERT_EQ(act(l().street, id, {{"action", "start"}, {"note", "已派维修队"}}).status, 200);
  auto resolved = act(l().street, id, {{"action", "resolve"}, {"note", "路灯已全部更换"}});
  ASSERT_EQ(resolved.status, 200) << resolved.body;
  EXPECT_EQ(resolved.json().at("status").as_string(), "resolved");
  EXPECT_EQ(detail(l().staff, id).at("referrals").at(0).at("status").as_string(), "resolved");
  // The street does not close or rate it: that stays with the community and the resident.
  EXPECT_EQ(act(l().street, id, {{"action", "close"}}).status, 403);
}

TEST_P(ReferralsTest, TheStreetReturnsACaseWithAReasonToTheCommunitysStaff) {
  std::int64_t id = submit("楼道墙皮脱落，要求房管所来修");
  ASSERT_EQ(act(l().staff, id,
                {{"action", "refer"},
                 {"level", "department"},
                 {"department", "housing"},
                 {"note", "公房维修归房管所"}})
                .status,
            200);
  EXPECT_EQ(detail(l().staff, id).at("referrals").at(0).at("receiver").as_string(), "房管所");
  EXPECT_EQ(act(l().street, id, {{"action", "return_referral"}}).error_code(), "note_required");
  auto returned = act(l().street, id,
                      {{"action", "return_referral"}, {"note", "该楼为商品房，由物业负责维修"}});
  ASSERT_EQ(returned.status, 200) << returned.body;
  EXPECT_EQ(returned.json().at("status").as_string(), "accepted");
  EXPECT_TRUE(returned.json().at("assignee_department").is_null());
  auto referral = detail(l().staff, id).at("referrals").at(0);
  EXPECT_EQ(referral.at("status").as_string(), "returned");
  EXPECT_EQ(referral.at("answer_note").as_string(), "该楼为商品房，由物业负责维修");
  auto inbox = l().staff.get("/api/v1/notifications?limit=50");
  EXPECT_NE(inbox.body.find("该楼为商品房"), std::string::npos) << inbox.body;
  // Back with the community, it may be referred again (a second referral).
  ASSERT_EQ(act(l().staff, id, {{"action", "refer"}, {"note", "请街道协调物业"}}).status, 200);
  EXPECT_EQ(detail(l().staff, id).at("referrals").as_array().size(), 2u);
  // The case ending otherwise withdraws the referral.
  ASSERT_EQ(act(l().staff, id, {{"action", "cancel"}, {"note", "居民撤回"}}).status, 200);
  EXPECT_EQ(detail(l().staff, id).at("referrals").at(1).at("status").as_string(), "withdrawn");
}

TEST_P(ReferralsTest, BadReferralsAreRefusedWithTheirCodes) {
  std::int64_t id = submit("需要转办的诉求");
  EXPECT_EQ(act(l().staff, id, {{"action", "refer"}}).error_code(), "note_required");
  EXPECT_EQ(
      act(l().staff, id, {{"action", "refer"}, {"level", "district"}, {"note", "x"}}).error_code(),
      "invalid_level");
  EXPECT_EQ(act(l().staff, id, {{"action", "refer"}, {"level", "department"}, {"note", "x"}})
                .error_code(),
            "invalid_department");
  EXPECT_EQ(
      act(l().staff, id,
          {{"action", "refer"}, {"level", "department"}, {"department", "nasa"}, {"note", "x"}})
          .error_code(),
      "invalid_department");
  EXPECT_EQ(act(l().staff, id, {{"action", "refer"}, {"department", "housing"}, {"note", "x"}})
                .error_code(),
            "invalid_level");
  EXPECT_EQ(act(l().street, id, {{"action", "return_referral"}, {"note", "x"}}).error_code(),
            "no_pending_referral");
  EXPECT_EQ(act(l().resident, id, {{"action", "refer"}, {"note", "x"}}).status, 403);
  // Nothing changed.
  EXPECT_TRUE(detail(l().staff, id).at("referrals").as_array().empty());
}

TEST_P(ReferralsTest, TheStreetRanksItsCommunitiesMonthByMonth) {
  // The second community: one case answered, resolved and rated 5; the first: one rated 2.
  ASSERT_GT(l().world.resolved_request(l().second, l().second_household, "public_facility", 5), 0);
  ASSERT_GT(l().world.resolved_request(l().first, l().household, "public_facility", 2), 0);
  std::string path = "/api/v1/requests/league?street_id=" + std::to_string(l().street_id);
  auto league = l().street.get(path + "&month=2026-11&months=2");
  ASSERT_EQ(league.status, 200) << league.body;
  auto body = league.json();
  EXPECT_EQ(body.at("street_name").as_string(), "北山街道");
  auto months = body.at("months").as_array();
  ASSERT_EQ(months.size(), 2u);
  EXPECT_EQ(months.at(0).at("month").as_string(), "2026-11");
  EXPECT_EQ(months.at(1).at("month").as_string(), "2026-10");
  auto rows = months.at(0).at("rows").as_array();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows.at(0).at("community_name").as_string(), "保俶塔社区");
  EXPECT_EQ(rows.at(0).at("rank").as_int64(), 1);
  EXPECT_DOUBLE_EQ(rows.at(0).at("score").as_double(), 100.0);
  EXPECT_EQ(rows.at(1).at("community_name").as_string(), "松木场社区");
  EXPECT_EQ(rows.at(1).at("rank").as_int64(), 2);
  EXPECT_LT(rows.at(1).at("score").as_double(), 100.0);
  EXPECT_EQ(rows.at(1).at("satisfaction_rate").at("numerator").as_int64(), 0);
  EXPECT_GE(rows.at(1).at("received").as_int64(), 1);
  // October had nothing: no scores, both share the last rank.
  auto october = months.at(1).at("rows").as_array();
  ASSERT_EQ(october.size(), 2u);
  EXPECT_TRUE(october.at(0).at("score").is_null());
  EXPECT_EQ(october.at(0).at("rank").as_int64(), october.at(1).at("rank").as_int64());

  EXPECT_EQ(l().staff.get(path).status, 403);
  EXPECT_EQ(l().other_street.get(path).status, 404);
  EXPECT_EQ(l().street.get(path + "&month=2026-13").status, 400);
  EXPECT_EQ(l().street.get(path + "&months=13").status, 400);
  EXPECT_EQ(l().street.get("/api/v1/requests/league").status, 400);
  EXPECT_EQ(l().world.admin().get(path + "&month=2026-11&months=1").status, 200);
}

GZ_ON_BACKENDS(ReferralsTest);

}  // namespace
}  // namespace gz::test
