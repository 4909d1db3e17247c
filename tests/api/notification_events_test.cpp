// Black-box tests of the events the ledger modules and the warnings record (issue 16): points
// awarded and redeemed reach the resident's household and no other; a time-bank service asks
// the recipient's household to confirm, naming the provider masked; a raised warning reaches
// the street supervisors and the community's staff, not its guides or residents; each in the
// reader's language, and a signed webhook hearing every kind gets them with names masked.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "core/clock.hpp"
#include "harness.hpp"
#include "receiver.hpp"

namespace gz::test {
namespace {

constexpr const char* kPassword = "events-pass-42";

// 10:00 in Shanghai on a weekday, outside quiet hours.
std::int64_t daytime() {
  return *parse_iso8601("2026-11-18T10:00:00+08:00");
}

struct Fixture {
  explicit Fixture(Backend backend)
      : world(
            backend,
            [] {
              auto args = frozen_at(daytime());
              args.emplace_back("--notification-allow-private-hosts");
              return args;
            }(),
            kPassword) {
    community_id = world.community("积分社区", "EV-1");
    std::int64_t other = world.community("别的社区", "EV-2");
    home = world.household(community_id, "1-1-101");
    neighbour_home = world.household(community_id, "1-1-102");
    grandmother = world.resident(home, "王秀英", "female", "1948-05-01");
    neighbour = world.resident(neighbour_home, "李建国", "male", "1956-09-12");
    staff = world.community_user("staff", "staff", {community_id});
    guide = world.community_user("guide", "guide", {community_id});
    street = world.community_user("street", "street", {community_id});
    elsewhere = world.community_user("elsewhere", "street", {other});
    family = world.resident_user("family", home);
    next_door = world.resident_user("nextdoor", neighbour_home);
  }
  World world;
  std::int64_t community_id = 0, home = 0, neighbour_home = 0, grandmother = 0, neighbour = 0;
  Client staff{0}, guide{0}, street{0}, elsewhere{0}, family{0}, next_door{0};
};

class NotificationEvents : public BackendTest {
 protected:
  Fixture& w() { return shared<Fixture>(GetParam()); }
};

// The inbox rows of a kind, newest first.
std::vector<boost::json::object> of_kind(const Client& client, const std::string& kind) {
  std::vector<boost::json::object> out;
  auto inbox = client.get("/api/v1/notifications?limit=500");
  EXPECT_EQ(inbox.status, 200) << inbox.body;
  auto body = inbox.json();
  for (const auto& item : body.at("items").as_array()) {
    if (item.at("kind").as_string() == kind) out.push_back(item.as_object());
  }
  return out;
}

std::string message_of(const boost::json::object& item) {
  return std::string(item.at("message").as_string());
}

TEST_P(NotificationEvents, PointsAwardedAndRedeemedReachTheResidentsHouseholdOnly) {
  std::size_t before = of_kind(w().family, "points.awarded").size();
  auto awarded = w().guide.post("/api/v1/points/awards", {{"resident_id", w().grandmother},
                                                          {"rule", "meeting"},
                                                          {"quantity", 1},
                                                          {"reference", "meeting:events-1"}});
  ASSERT_EQ(awarded.status, 201) << awarded.body;
  auto heard = of_kind(w().family, "points.awarded");
  ASSERT_EQ(heard.size(), before + 1);
  EXPECT_EQ(heard[0].at("title").as_string(), "积分到账");
  EXPECT_EQ(heard[0].at("object_type").as_string(), "resident");
  EXPECT_EQ(heard[0].at("object_id").as_string(), std::to_string(w().grandmother));
  std::string text = message_of(heard[0]);
  EXPECT_NE(text.find("获得 10 积分"), std::string::npos) << text;
  EXPECT_NE(text.find("王**"), std::string::npos) << text;
  EXPECT_EQ(text.find("王秀英"), std::string::npos) << "the name went out unmasked: " << text;
  // The household next door, the guide who awarded and the staff hear nothing of it.
  EXPECT_TRUE(of_kind(w().next_door, "points.awarded").empty());
  EXPECT_TRUE(of_kind(w().guide, "points.awarded").empty());
  EXPECT_TRUE(of_kind(w().staff, "points.awarded").empty());

  auto item = w().staff.post("/api/v1/points/catalog", {{"community_id", w().community_id},
                                                        {"name", "食堂餐券"},
                                                        {"category", "canteen_voucher"},
                                                        {"price_points", 4}});
  ASSERT_EQ(item.status, 201) << item.body;
  auto redeemed = w().family.post(
      "/api/v1/points/redemptions",
      {{"resident_id", w().grandmother}, {"item_id", item.json().at("id")}, {"quantity", 2}});
  ASSERT_EQ(redeemed.status, 201) << redeemed.body;
  auto receipts = of_kind(w().family, "points.redeemed");
  ASSERT_FALSE(receipts.empty());
  text = message_of(receipts[0]);
  EXPECT_NE(text.find("食堂餐券 × 2"), std::string::npos) << text;
  EXPECT_NE(text.find("使用 8 积分"), std::string::npos) << text;
  EXPECT_TRUE(of_kind(w().next_door, "points.redeemed").empty());

  // A refused redemption (too few points) tells nobody anything.
  auto refused = w().family.post(
      "/api/v1/points/redemptions",
      {{"resident_id", w().grandmother}, {"item_id", item.json().at("id")}, {"quantity", 100}});
  EXPECT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(of_kind(w().family, "points.redeemed").size(), receipts.size());
}

TEST_P(NotificationEvents, ATimeBankServiceAsksTheRecipientsHouseholdInItsLanguage) {
  // The recipient's household reads English.
  ASSERT_EQ(w().next_door.put_json("/api/v1/notification-contact", {{"language", "en"}}).status,
            200);
  auto recorded =
      w().family.post("/api/v1/timebank/services", {{"provider_resident_id", w().grandmother},
                                                    {"recipient_resident_id", w().neighbour},
                                                    {"service_date", "2026-11-17"},
                                                    {"minutes", 60},
                                                    {"service_type", "escort_to_hospital"}});
  ASSERT_EQ(recorded.status, 201) << recorded.body;
  std::string id = std::to_string(recorded.json().at("id").as_int64());
  auto asked = of_kind(w().next_door, "timebank.confirmation_requested");
  ASSERT_EQ(asked.size(), 1u);
  EXPECT_EQ(asked[0].at("object_type").as_string(), "timebank_service");
  EXPECT_EQ(asked[0].at("object_id").as_string(), id);
  EXPECT_EQ(asked[0].at("title").as_string(), "Time bank: please confirm");
  std::string text = message_of(asked[0]);
  EXPECT_EQ(text,
            "王** recorded 60 minutes of escort to hospital for 李**; please confirm it under "
            "Time bank.");
  // The provider's own household is not asked; a refused record asks nobody.
  EXPECT_TRUE(of_kind(w().family, "timebank.confirmation_requested").empty());
  auto refused = w().family.post("/api/v1/timebank/services",
                                 {{"provider_resident_id", w().grandmother},
                                  {"recipient_resident_id", w().neighbour},
                                  {"service_date", "2026-12-01"},  // after the frozen today
                                  {"minutes", 60},
                                  {"service_type", "shopping"}});
  EXPECT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(of_kind(w().next_door, "timebank.confirmation_requested").size(), 1u);
  ASSERT_EQ(w().next_door.put_json("/api/v1/notification-contact", {{"language", "zh"}}).status,
            200);
}

TEST_P(NotificationEvents, ARaisedWarningReachesStreetSupervisorsAndStaffOnce) {
  Receiver receiver;
  auto channel =
      w().staff.post("/api/v1/notification-channels", {{"community_id", w().community_id},
                                                       {"kind", "webhook"},
                                                       {"name", "区平台"},
                                                       {"url", receiver.url("/events")},
                                                       {"secret", "integrator-secret-0123"},
                                                       {"events", boost::json::array{"*"}}});
  ASSERT_EQ(channel.status, 201) << channel.body;

  // An allocation plan on notice with one household of two objecting: a dispute.
  std::string base =
      "/api/v1/plans/" + std::to_string(make_plan(w().staff, w().community_id, "2027Q1", 10000));
  ASSERT_EQ(w().staff.post(base + "/transitions", {{"action", "publish"}, {"note", "公示"}}).status,
            200);
  ASSERT_EQ(w().next_door.post(base + "/objections", {{"text", "分配不公"}}).status, 201);
  std::string evaluate =
      "/api/v1/warnings/evaluate?community_id=" + std::to_string(w().community_id);
  auto raised = w().staff.post(evaluate, boost::json::object{});
  ASSERT_EQ(raised.status, 200) << raised.body;
  ASSERT_EQ(raised.json().at("raised").as_int64(), 1);
  ASSERT_EQ(w().staff.post(evaluate, boost::json::object{}).json().at("raised").as_int64(), 0);

  for (Client* reader : {&w().street, &w().staff}) {
    auto heard = of_kind(*reader, "warning.raised");
    ASSERT_EQ(heard.size(), 1u) << "raised once, told once";
    EXPECT_EQ(heard[0].at("title").as_string(), "社区预警");
    EXPECT_EQ(message_of(heard[0]), "预警：分配争议。建议：立即启动第三方评估，公开决策过程。");
  }
  EXPECT_TRUE(of_kind(w().guide, "warning.raised").empty());
  EXPECT_TRUE(of_kind(w().next_door, "warning.raised").empty());
  EXPECT_TRUE(of_kind(w().elsewhere, "warning.raised").empty());

  // The webhook hears it with the warning's kind; a resident's name never goes out whole.
  bool delivered = false;
  for (int i = 0; i < 200 && !delivered; ++i) {
    for (const auto& hit : receiver.received()) {
      auto body = boost::json::parse(hit.body).as_object();
      if (body.at("event").as_string() == "warning.raised") {
        delivered = true;
        EXPECT_EQ(body.at("data").at("warning").as_string(), "allocation_dispute");
      }
      EXPECT_EQ(hit.body.find("王秀英"), std::string::npos) << hit.body;
      EXPECT_EQ(hit.body.find("李建国"), std::string::npos) << hit.body;
    }
    if (!delivered) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_TRUE(delivered);
}

GZ_ON_BACKENDS(NotificationEvents);

}  // namespace
}  // namespace gz::test
