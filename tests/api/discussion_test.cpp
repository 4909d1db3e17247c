// Black-box tests of discussion with moderation on SQLite and PostgreSQL, on a server whose
// clock stands at 2026-11-20 10:00 (Shanghai): residents comment on a proposal and staff reply
// in a thread one level deep; other residents see a masked name; a draft's discussion is its
// household's; three households' flags hide a comment until staff look, and staff restore it
// or hide it with a public reason; the moderation queue; a household's pace is limited; a
// withdrawn notice takes no comments; the wrong people are refused.
#include <gtest/gtest.h>

#include "core/clock.hpp"
#include "harness.hpp"

namespace gz::test {
namespace {

constexpr const char* kPassword = "discuss-pass-42";
const std::int64_t kNowMs = *parse_iso8601("2026-11-20T10:00:00+08:00");

struct Forum {
  explicit Forum(Backend backend) : world(backend, frozen_at(kNowMs), kPassword) {
    community_id = world.community("议事社区", "D-1");
    other_community = world.community("别的社区", "D-2");
    staff = world.community_user("staff", "staff", {community_id});
    guide = world.community_user("guide", "guide", {community_id});
    street = world.community_user("street", "street", {community_id});
    stranger = world.community_user("stranger", "staff", {other_community});
    std::int64_t building = world.building(community_id, "3号楼");
    for (int i = 0; i < 5; ++i) {
      std::int64_t home =
          world.household(community_id, "3-30" + std::to_string(i), {{"building_id", building}});
      world.resident(home, std::string("居民") + std::to_string(i), "female", "1960-01-01");
      residents.push_back(world.resident_user("resident" + std::to_string(i), home));
    }
    auto made = residents[0].post(
        "/api/v1/proposals",
        {{"title", "增设健身器材"}, {"body", "楼下空地可以放几件"}, {"submit", true}});
    proposal = created_id(made);
    auto draft =
        residents[1].post("/api/v1/proposals", {{"title", "草稿提案"}, {"body", "还没想好"}});
    draft_proposal = created_id(draft);
  }
  World world;
  std::int64_t community_id = 0, other_community = 0, proposal = 0, draft_proposal = 0;
  Client staff{0}, guide{0}, street{0}, stranger{0};
  std::vector<Client> residents;
};

class DiscussionTest : public BackendTest {
 protected:
  Forum& f() { return shared<Forum>(GetParam()); }
  std::string thread(std::int64_t id, const std::string& type = "proposal") {
    return "/api/v1/comments?subject_type=" + type + "&subject_id=" + std::to_string(id);
  }
  HttpResponse say(Client& who, std::int64_t id, const std::string& body,
                   std::optional<std::int64_t> parent = std::nullopt,
                   const std::string& type = "proposal") {
    boost::json::object input{{"subject_type", type}, {"subject_id", id}, {"body", body}};
    if (parent) input["parent_id"] = *parent;
    return who.post("/api/v1/comments", input);
  }
};

TEST_P(DiscussionTest, ResidentsCommentStaffReplyInAThreadOneLevelDeep) {
  auto first = say(f().residents[2], f().proposal, "支持，老人需要活动的地方");
  ASSERT_EQ(first.status, 201) << first.body;
  std::int64_t top = first.json().at("id").as_int64();
  auto reply = say(f().staff, f().proposal, "已记录，下次议事会讨论", top);
  ASSERT_EQ(reply.status, 201) << reply.body;
  // Not a reply to a reply; not a parent of another subject.
  EXPECT_EQ(
      say(f().residents[2], f().proposal, "再回", reply.json().at("id").as_int64()).error_code(),
      "not_top_level");
  EXPECT_EQ(say(f().residents[3], f().draft_proposal, "x", top).status, 404);
  auto seen = f().residents[3].get(thread(f().proposal));
  ASSERT_EQ(seen.status, 200) << seen.body;
  auto body = seen.json();
  EXPECT_TRUE(body.at("open").as_bool());
  bool found = false;
  for (const auto& comment : body.at("comments").as_array()) {
    if (comment.at("id").as_int64() != top) continue;
    found = true;
    EXPECT_EQ(comment.at("author_building").as_string(), "3号楼");
    EXPECT_FALSE(comment.as_object().contains("flags"));
    EXPECT_TRUE(comment.at("may_flag").as_bool());
    ASSERT_EQ(comment.at("replies").as_array().size(), 1u);
    EXPECT_EQ(comment.at("replies").at(0).at("author_role").as_string(), "staff");
  }
  EXPECT_TRUE(found) << seen.body;
  // The author was told of the reply; the author sees their own name.
  EXPECT_NE(f().residents[2].get("/api/v1/notifications?limit=20").body.find("comment.replied"),
            std::string::npos);
  auto own_view = f().residents[2].get(thread(f().proposal)).json();
  auto other_view = f().residents[3].get(thread(f().proposal)).json();
  for (std::size_t i = 0; i < own_view.at("comments").as_array().size(); ++i) {
    const auto& mine = own_view.at("comments").at(i);
    if (mine.at("id").as_int64() != top) continue;
    EXPECT_TRUE(mine.at("mine").as_bool());
    EXPECT_NE(mine.at("author_name"), other_view.at("comments").at(i).at("author_name"));
  }
  // Street supervisors read but do not write; other communities know nothing.
  EXPECT_EQ(f().street.get(thread(f().proposal)).status, 200);
  EXPECT_EQ(say(f().street, f().proposal, "街道意见").status, 403);
  EXPECT_EQ(f().stranger.get(thread(f().proposal)).status, 404);
  // A draft is its household's own.
  EXPECT_EQ(f().residents[3].get(thread(f().draft_proposal)).status, 404);
  EXPECT_EQ(say(f().residents[1], f().draft_proposal, "我自己的草稿").error_code(), "closed");
  EXPECT_EQ(say(f().residents[3], f().proposal, "   ").status, 400);
  EXPECT_EQ(f().residents[3].get("/api/v1/comments?subject_type=poll&subject_id=1").error_code(),
            "invalid_subject");
}

TEST_P(DiscussionTest, FlagsHideACommentUntilStaffLookAndStaffHideWithAPublicReason) {
  auto rude = say(f().residents[0], f().proposal, "这种提案纯属浪费钱，提的人脑子有问题");
  ASSERT_EQ(rude.status, 201) << rude.body;
  std::int64_t id = rude.json().at("id").as_int64();
  std::string flags = "/api/v1/comments/" + std::to_string(id) + "/flags";
  EXPECT_EQ(f().residents[0].post(flags, {{"reason", "abuse"}}).status, 403);
  EXPECT_EQ(f().staff.post(flags, {{"reason", "abuse"}}).status, 403);
  EXPECT_EQ(f().residents[1].post(flags, {{"reason", "rude"}}).error_code(), "invalid_reason");
  ASSERT_EQ(f().residents[1].post(flags, {{"reason", "abuse"}}).status, 200);
  EXPECT_EQ(f().residents[1].post(flags, {{"reason", "abuse"}}).error_code(), "already_flagged");
  ASSERT_EQ(f().residents[2].post(flags, {{"reason", "abuse"}}).status, 200);
  auto third = f().residents[3].post(flags, {{"reason", "off_topic"}, {"note", "人身攻击"}});
  ASSERT_EQ(third.status, 200) << third.body;
  EXPECT_EQ(third.json().at("status").as_string(), "hidden");
  EXPECT_TRUE(third.json().at("hidden_by_flags").as_bool());
  EXPECT_EQ(third.json().at("body").as_string(), "");
  // The queue shows it, the most flagged first, with the reasons.
  auto queue =
      f().staff.get("/api/v1/comments/moderation?community_id=" + std::to_string(f().community_id));
  ASSERT_EQ(queue.status, 200) << queue.body;
  auto queue_body = queue.json();
  auto first = queue_body.at("items").as_array().at(0);
  EXPECT_EQ(first.at("id").as_int64(), id);
  EXPECT_EQ(first.at("flags").as_int64(), 3);
  EXPECT_EQ(first.at("subject_title").as_string(), "增设健身器材");
  EXPECT_EQ(first.at("flag_reasons").as_array().size(), 3u);
  EXPECT_EQ(
      f().guide.get("/api/v1/comments/moderation?community_id=" + std::to_string(f().community_id))
          .status,
      403);
  // Staff hide it for good with a reason everyone reads; the author is told.
  std::string moderate = "/api/v1/comments/" + std::to_string(id) + "/moderation";
  EXPECT_EQ(f().staff.post(moderate, {{"action", "hide"}}).error_code(), "invalid_field");
  EXPECT_EQ(f().residents[1].post(moderate, {{"action", "hide"}, {"reason", "x"}}).status, 403);
  auto hidden = f().staff.post(moderate, {{"action", "hide"}, {"reason", "含有人身攻击，已隐藏"}});
  ASSERT_EQ(hidden.status, 200) << hidden.body;
  EXPECT_EQ(f().staff.post(moderate, {{"action", "hide"}, {"reason", "再藏"}}).error_code(),
            "already_hidden");
  auto public_view = f().residents[4].get(thread(f().proposal));
  EXPECT_NE(public_view.body.find("含有人身攻击，已隐藏"), std::string::npos);
  EXPECT_EQ(public_view.body.find("脑子有问题"), std::string::npos);
  EXPECT_NE(f().residents[0].get("/api/v1/notifications?limit=20").body.find("comment.hidden"),
            std::string::npos);
  // The notification's comment leads to its subject.
  auto one = f().residents[0].get("/api/v1/comments/" + std::to_string(id));
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_EQ(one.json().at("subject_type").as_string(), "proposal");
  EXPECT_EQ(one.json().at("subject_id").as_int64(), f().proposal);
  EXPECT_EQ(f().stranger.get("/api/v1/comments/" + std::to_string(id)).status, 404);
  // Reviewed: out of the queue. Restored, it reads again.
  EXPECT_EQ(
      f().staff.get("/api/v1/comments/moderation?community_id=" + std::to_string(f().community_id))
          .body.find("\"id\":" + std::to_string(id) + ","),
      std::string::npos);
  auto restored = f().staff.post(moderate, {{"action", "restore"}});
  ASSERT_EQ(restored.status, 200) << restored.body;
  EXPECT_EQ(restored.json().at("status").as_string(), "visible");
  EXPECT_EQ(f().staff.post(moderate, {{"action", "restore"}}).error_code(), "not_hidden");
  EXPECT_NE(f().residents[4].get(thread(f().proposal)).body.find("脑子有问题"), std::string::npos);
  // A flagged comment staff find fine is kept: visible, and out of the queue.
  auto blunt = say(f().residents[1], f().proposal, "我不同意，太占地方");
  ASSERT_EQ(blunt.status, 201) << blunt.body;
  std::int64_t blunt_id = blunt.json().at("id").as_int64();
  ASSERT_EQ(
      f().residents[2]
          .post("/api/v1/comments/" + std::to_string(blunt_id) + "/flags", {{"reason", "other"}})
          .status,
      200);
  std::string queue_path =
      "/api/v1/comments/moderation?community_id=" + std::to_string(f().community_id);
  std::string marker = "\"id\":" + std::to_string(blunt_id) + ",";
  EXPECT_NE(f().staff.get(queue_path).body.find(marker), std::string::npos);
  std::string keep = "/api/v1/comments/" + std::to_string(blunt_id) + "/moderation";
  auto kept = f().staff.post(keep, {{"action", "keep"}});
  ASSERT_EQ(kept.status, 200) << kept.body;
  EXPECT_EQ(kept.json().at("status").as_string(), "visible");
  EXPECT_EQ(f().staff.get(queue_path).body.find(marker), std::string::npos);
  EXPECT_EQ(f().staff.post(keep, {{"action", "delete"}}).error_code(), "invalid_action");
}

TEST_P(DiscussionTest, AHouseholdsPaceIsLimitedAndAWithdrawnNoticeTakesNoComments) {
  // Five in ten minutes, then 429 (the clock stands still).
  int created = 0, throttled = 0;
  for (int i = 0; i < 7; ++i) {
    auto answer = say(f().residents[4], f().proposal, "第" + std::to_string(i) + "条意见");
    if (answer.status == 201) ++created;
    if (answer.status == 429) {
      ++throttled;
      EXPECT_EQ(answer.error_code(), "too_many_comments");
    }
  }
  EXPECT_LE(created, 5);
  EXPECT_GE(throttled, 2);
  // Notices: comments while published, none once withdrawn.
  auto notice = f().staff.post("/api/v1/announcements", {{"community_id", f().community_id},
                                                         {"kind", "outage"},
                                                         {"title", "3号楼停水"},
                                                         {"body", "周六停水"}});
  ASSERT_EQ(notice.status, 201) << notice.body;
  std::int64_t id = notice.json().at("id").as_int64();
  EXPECT_EQ(say(f().residents[3], id, "能改到工作日吗", std::nullopt, "announcement").status, 201);
  ASSERT_EQ(
      f().staff
          .post("/api/v1/announcements/" + std::to_string(id) + "/withdraw", {{"reason", "改期"}})
          .status,
      200);
  EXPECT_EQ(say(f().residents[3], id, "好的", std::nullopt, "announcement").error_code(), "closed");
  auto thread_of_notice = f().residents[3].get(thread(id, "announcement"));
  ASSERT_EQ(thread_of_notice.status, 200) << thread_of_notice.body;
  EXPECT_FALSE(thread_of_notice.json().at("open").as_bool());
}

GZ_ON_BACKENDS(DiscussionTest);

}  // namespace
}  // namespace gz::test
