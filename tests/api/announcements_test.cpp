// Black-box tests of the notice board on SQLite and PostgreSQL, on a server whose clock stands
// at 2026-11-20 10:00 (Shanghai): staff publish a cut to one building and its residents (only
// they) see it, hear of it in their inbox and are counted once per household when they read
// it; a whole-community notice is public, a building's is not; pinned notices come first;
// withdrawn ones leave the residents' list and keep their reason; bad input and the wrong
// roles are refused with their codes; one Idempotency-Key publishes once.
#include <gtest/gtest.h>

#include "core/clock.hpp"
#include "harness.hpp"

namespace gz::test {
namespace {

constexpr const char* kPassword = "notices-pass-42";
const std::int64_t kNowMs = *parse_iso8601("2026-11-20T10:00:00+08:00");

struct Board {
  explicit Board(Backend backend) : world(backend, frozen_at(kNowMs), kPassword) {
    community_id = world.community("公告社区", "N-1");
    other_community = world.community("别的社区", "N-2");
    staff = world.community_user("staff", "staff", {community_id});
    guide = world.community_user("guide", "guide", {community_id});
    street = world.community_user("street", "street", {community_id});
    stranger = world.community_user("stranger", "staff", {other_community});
    one = world.building(community_id, "1号楼");
    two = world.building(community_id, "2号楼");
    foreign_building = world.building(other_community, "9号楼");
    std::int64_t first = world.household(community_id, "1-101", {{"building_id", one}});
    world.resident(first, "张阿姨", "female", "1955-02-01");
    in_one = world.resident_user("resident1", first);
    std::int64_t second = world.household(community_id, "1-102", {{"building_id", one}});
    world.resident(second, "李叔叔", "male", "1950-06-01");
    in_one_too = world.resident_user("resident1b", second);
    std::int64_t third = world.household(community_id, "2-201", {{"building_id", two}});
    world.resident(third, "王大哥", "male", "1980-01-01");
    in_two = world.resident_user("resident2", third);
  }
  World world;
  std::int64_t community_id = 0, other_community = 0, one = 0, two = 0, foreign_building = 0;
  Client staff{0}, guide{0}, street{0}, stranger{0}, in_one{0}, in_one_too{0}, in_two{0};
};

class AnnouncementsTest : public BackendTest {
 protected:
  Board& b() { return shared<Board>(GetParam()); }
  boost::json::object cut(std::int64_t building, const std::string& title) {
    return {{"community_id", b().community_id},
            {"kind", "outage"},
            {"title", title},
            {"body", "因管道维修，11月22日8:00-14:00停水，请提前储水。"},
            {"building_ids", boost::json::array{building}},
            {"urgent", true},
            {"valid_until", "2026-11-22"}};
  }
  boost::json::object whole(const std::string& title) {
    return {{"community_id", b().community_id},
            {"kind", "event"},
            {"title", title},
            {"body", "重阳节敬老宴，80岁以上老人由志愿者接送。"}};
  }
  static bool lists(const HttpResponse& answer, std::int64_t id) {
    auto body = answer.json();
    for (const auto& item : body.at("items").as_array()) {
      if (item.at("id").as_int64() == id) return true;
    }
    return false;
  }
  std::string list_path() {
    return "/api/v1/announcements?community_id=" + std::to_string(b().community_id);
  }
};

TEST_P(AnnouncementsTest, ABuildingsCutReachesOnlyItsResidentsAndCountsReadsPerHousehold) {
  auto published = b().staff.post("/api/v1/announcements", cut(b().one, "1号楼停水通知"));
  ASSERT_EQ(published.status, 201) << published.body;
  auto notice = published.json().as_object();
  std::int64_t id = notice.at("id").as_int64();
  EXPECT_EQ(notice.at("kind").as_string(), "outage");
  EXPECT_EQ(notice.at("buildings").as_array().at(0).at("name").as_string(), "1号楼");
  EXPECT_EQ(notice.at("valid_until").as_string(), "2026-11-23T00:00:00.000+08:00");
  EXPECT_EQ(notice.at("reads").as_int64(), 0);

  auto mine = b().in_one.get(list_path());
  ASSERT_EQ(mine.status, 200) << mine.body;
  ASSERT_TRUE(lists(mine, id));
  auto mine_body = mine.json();
  for (const auto& item : mine_body.at("items").as_array()) {
    if (item.at("id").as_int64() == id) {
      EXPECT_FALSE(item.at("read").as_bool());
      EXPECT_FALSE(item.as_object().contains("reads"));
      EXPECT_FALSE(item.as_object().contains("author_name"));
    }
  }
  // Building 2 neither sees it nor may open it by its id.
  EXPECT_FALSE(lists(b().in_two.get(list_path()), id));
  EXPECT_EQ(b().in_two.get("/api/v1/announcements/" + std::to_string(id)).status, 404);
  EXPECT_EQ(
      b().in_two
          .post("/api/v1/announcements/" + std::to_string(id) + "/read", boost::json::object{})
          .status,
      404);
  // Its residents heard of it in their inbox; building 2 did not.
  auto inbox = b().in_one.get("/api/v1/notifications?limit=50");
  ASSERT_EQ(inbox.status, 200) << inbox.body;
  EXPECT_NE(inbox.body.find("1号楼停水通知"), std::string::npos) << inbox.body;
  EXPECT_NE(inbox.body.find("announcement.published"), std::string::npos);
  EXPECT_EQ(b().in_two.get("/api/v1/notifications?limit=50").body.find("1号楼停水通知"),
            std::string::npos);
  // The building 1 public board does not show a building's notice.
  auto open = b().world.anonymous().get("/api/v1/public/announcements?community_id=" +
                                        std::to_string(b().community_id));
  ASSERT_EQ(open.status, 200) << open.body;
  EXPECT_FALSE(lists(open, id));

  // Reads: one resident twice, then another household of the building.
  std::string read = "/api/v1/announcements/" + std::to_string(id) + "/read";
  auto first = b().in_one.post(read, boost::json::object{});
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_TRUE(first.json().at("read").as_bool());
  EXPECT_EQ(b().in_one.post(read, boost::json::object{}).status, 200);
  std::string figures_path = "/api/v1/announcements/" + std::to_string(id) + "/reads";
  auto figures = b().staff.get(figures_path);
  ASSERT_EQ(figures.status, 200) << figures.body;
  EXPECT_EQ(figures.json().at("households").as_int64(), 2);
  EXPECT_EQ(figures.json().at("households_read").as_int64(), 1);
  EXPECT_EQ(figures.json().at("residents_read").as_int64(), 1);
  ASSERT_EQ(figures.json().at("buildings").as_array().size(), 1u);
  EXPECT_EQ(b().in_one_too.post(read, boost::json::object{}).status, 200);
  // Officials reading it do not count.
  EXPECT_EQ(b().staff.post(read, boost::json::object{}).status, 200);
  figures = b().street.get(figures_path);
  ASSERT_EQ(figures.status, 200) << figures.body;
  EXPECT_EQ(figures.json().at("households_read").as_int64(), 2);
  auto line = figures.json().at("buildings").as_array().at(0);
  EXPECT_EQ(line.at("building_name").as_string(), "1号楼");
  EXPECT_EQ(line.at("households").as_int64(), 2);
  EXPECT_EQ(line.at("households_read").as_int64(), 2);
  // The list tells staff how many read it.
  auto staff_list = b().staff.get(list_path()).json();
  for (const auto& item : staff_list.at("items").as_array()) {
    if (item.at("id").as_int64() == id) {
      EXPECT_EQ(item.at("reads").as_int64(), 2);
    }
  }
  // Residents and other communities do not read the figures.
  EXPECT_EQ(b().in_one.get(figures_path).status, 403);
  EXPECT_EQ(b().stranger.get(figures_path).status, 404);
}

TEST_P(AnnouncementsTest, AWholeCommunityNoticeIsPublicAndPinnedNoticesComeFirst) {
  auto older = b().staff.post("/api/v1/announcements", whole("敬老宴"));
  ASSERT_EQ(older.status, 201) << older.body;
  auto pinned_body = whole("社区服务中心办公时间");
  pinned_body["kind"] = "notice";
  pinned_body["pinned"] = true;
  auto pinned = b().staff.post("/api/v1/announcements", pinned_body);
  ASSERT_EQ(pinned.status, 201) << pinned.body;
  auto newer = b().staff.post("/api/v1/announcements", whole("垃圾分类宣传周"));
  ASSERT_EQ(newer.status, 201) << newer.body;
  std::int64_t pinned_id = pinned.json().at("id").as_int64();

  auto open = b().world.anonymous().get("/api/v1/public/announcements?community_id=" +
                                        std::to_string(b().community_id));
  ASSERT_EQ(open.status, 200) << open.body;
  auto items = open.json().at("items").as_array();
  ASSERT_GE(items.size(), 3u);
  EXPECT_EQ(items.at(0).at("id").as_int64(), pinned_id);
  EXPECT_FALSE(items.at(0).as_object().contains("author_name"));
  EXPECT_TRUE(lists(b().in_two.get(list_path()), newer.json().at("id").as_int64()));
  EXPECT_EQ(b().world.anonymous().get("/api/v1/public/announcements").status, 400);
  EXPECT_EQ(b().world.anonymous().get("/api/v1/public/announcements?community_id=999999").status,
            404);

  // Unpinned, it takes its place by date; the newest first.
  auto unpinned = b().staff.patch("/api/v1/announcements/" + std::to_string(pinned_id),
                                  boost::json::object{{"pinned", false}});
  ASSERT_EQ(unpinned.status, 200) << unpinned.body;
  EXPECT_FALSE(unpinned.json().at("pinned").as_bool());
  auto after = b().in_two.get(list_path()).json().at("items").as_array();
  ASSERT_FALSE(after.empty());
  EXPECT_FALSE(after.at(0).at("pinned").as_bool());
}

TEST_P(AnnouncementsTest, AWithdrawnNoticeLeavesTheResidentsListAndKeepsItsReason) {
  auto published = b().staff.post("/api/v1/announcements", cut(b().two, "2号楼停电检修"));
  ASSERT_EQ(published.status, 201) << published.body;
  std::int64_t id = published.json().at("id").as_int64();
  std::string path = "/api/v1/announcements/" + std::to_string(id);
  EXPECT_EQ(b().staff.post(path + "/withdraw", boost::json::object{{"reason", ""}}).status, 400);
  EXPECT_EQ(b().guide.post(path + "/withdraw", boost::json::object{{"reason", "改期"}}).status,
            403);
  auto withdrawn =
      b().staff.post(path + "/withdraw", boost::json::object{{"reason", "检修改期，另行通知"}});
  ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
  EXPECT_EQ(withdrawn.json().at("withdrawn_reason").as_string(), "检修改期，另行通知");
  EXPECT_FALSE(lists(b().in_two.get(list_path()), id));
  // By its link the resident still reads why.
  auto opened = b().in_two.get(path);
  ASSERT_EQ(opened.status, 200) << opened.body;
  EXPECT_EQ(opened.json().at("withdrawn_reason").as_string(), "检修改期，另行通知");
  // Staff see it among past notices; residents may not ask for them.
  EXPECT_FALSE(lists(b().staff.get(list_path()), id));
  EXPECT_TRUE(lists(b().staff.get(list_path() + "&include=past"), id));
  EXPECT_EQ(b().in_two.get(list_path() + "&include=past").status, 403);
  EXPECT_EQ(b().staff.get(list_path() + "&include=old").status, 400);
  // Nothing more is done to it.
  EXPECT_EQ(b().staff.post(path + "/withdraw", boost::json::object{{"reason", "再撤"}}).status,
            409);
  EXPECT_EQ(b().staff.patch(path, boost::json::object{{"pinned", true}}).status, 409);
}

TEST_P(AnnouncementsTest, BadNoticesAndTheWrongRolesAreRefused) {
  auto good = whole("义诊进社区");
  auto with = [&](const char* key, const boost::json::value& value) {
    auto body = good;
    body[key] = value;
    return b().staff.post("/api/v1/announcements", body);
  };
  EXPECT_EQ(with("kind", "gossip").error_code(), "invalid_kind");
  EXPECT_EQ(with("title", boost::json::string(std::string(61, 'x'))).status, 400);
  EXPECT_EQ(with("title", "   ").error_code(), "missing_field");
  EXPECT_EQ(with("valid_until", "2026-11-19").error_code(), "invalid_field");
  EXPECT_EQ(with("valid_until", "2028-01-01").error_code(), "invalid_field");
  EXPECT_EQ(with("valid_until", "tomorrow").error_code(), "invalid_field");
  EXPECT_EQ(with("building_ids", boost::json::array{"1号楼"}).error_code(), "invalid_field");
  EXPECT_EQ(with("building_ids", boost::json::array{0}).error_code(), "invalid_field");
  EXPECT_EQ(with("building_ids", boost::json::array{b().foreign_building}).status, 404);
  EXPECT_EQ(with("colour", "red").status, 400);
  // Today is still valid: until midnight.
  EXPECT_EQ(with("valid_until", "2026-11-20").status, 201);

  EXPECT_EQ(b().guide.post("/api/v1/announcements", good).status, 403);
  EXPECT_EQ(b().street.post("/api/v1/announcements", good).status, 403);
  EXPECT_EQ(b().in_one.post("/api/v1/announcements", good).status, 403);
  EXPECT_EQ(b().stranger.post("/api/v1/announcements", good).status, 404);
  EXPECT_EQ(b().world.anonymous().post("/api/v1/announcements", good).status, 401);
  EXPECT_EQ(b().stranger.get(list_path()).status, 404);
  EXPECT_EQ(b().staff.get("/api/v1/announcements/99999999").status, 404);
  EXPECT_EQ(b().staff.get(list_path() + "&limit=1000").status, 400);
}

TEST_P(AnnouncementsTest, OneIdempotencyKeyPublishesOnce) {
  std::vector<std::pair<std::string, std::string>> key = {{"Idempotency-Key", "notice-twice-1"}};
  auto first = b().staff.post("/api/v1/announcements", whole("消防演练"), key);
  ASSERT_EQ(first.status, 201) << first.body;
  auto again = b().staff.post("/api/v1/announcements", whole("消防演练"), key);
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.json().at("id").as_int64(), first.json().at("id").as_int64());
  int count = 0;
  auto listed = b().staff.get(list_path() + "&limit=200").json();
  for (const auto& item : listed.at("items").as_array()) {
    if (item.at("title").as_string() == "消防演练") ++count;
  }
  EXPECT_EQ(count, 1);
}

GZ_ON_BACKENDS(AnnouncementsTest);

}  // namespace
}  // namespace gz::test
