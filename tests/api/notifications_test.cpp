// Black-box tests of notifications against real receivers on loopback: a resident hears every
// status change of their request (inbox, and SMS in the file sink once opted in with a verified
// mobile); WeCom, DingTalk and webhook bodies and signatures are checked byte for byte; a
// receiver failing twice gets three attempts with one delivery id; a server killed mid-send
// delivers after restart; three servers on one database deliver each message once; quiet
// hours and preferences hold.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "harness.hpp"
#include "receiver.hpp"

namespace gz::test {
namespace {

std::int64_t user_id(const Client& client) {
  return client.get("/api/v1/me").json().at("user").at("id").as_int64();
}

std::string temp_path(const std::string& name) {
  auto path = std::filesystem::temp_directory_path() /
              ("gongzhi-" + name + "-" + crypto::random_hex(6) + ".jsonl");
  return path.string();
}

std::vector<boost::json::object> read_lines(const std::string& path) {
  std::vector<boost::json::object> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) out.push_back(boost::json::parse(line).as_object());
  }
  return out;
}

// Polls `done` every 100 ms for up to `seconds`.
template <typename Done>
bool eventually(Done done, int seconds = 20) {
  for (int i = 0; i < seconds * 10; ++i) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return done();
}

// Under make test-clocks every server's clock stands still: retries and lapsing claims need
// time to pass, so those tests run in the ordinary suite only.
bool clock_frozen() {
  const char* freeze = std::getenv("GONGZHI_FREEZE_CLOCK");
  return freeze != nullptr && std::string(freeze) == "1";
}

// The receivers listen on loopback, which channels reach only when the operator allows it.
std::vector<std::string> with_private_hosts(std::vector<std::string> args = {}) {
  args.emplace_back("--notification-allow-private-hosts");
  return args;
}

// A signed webhook to the receiver for resolved requests; returns its id. Not "*": a server's
// jobs raise warnings of their own (the holiday calendar running out, depending on the date
// the test runs), which would reach it at unpredictable moments. Test messages reach it anyway.
std::int64_t webhook_to(const Client& staff, std::int64_t community, const Receiver& receiver) {
  auto response = staff.post("/api/v1/notification-channels",
                             {{"community_id", community},
                              {"kind", "webhook"},
                              {"name", "区平台"},
                              {"url", receiver.url("/events")},
                              {"secret", "integrator-secret-0123"},
                              {"events", boost::json::array{"request.resolved"}}});
  EXPECT_EQ(response.status, 201) << response.body;
  return response.json().at("id").as_int64();
}

HttpResponse send_test(const Client& staff, std::int64_t channel) {
  return staff.post("/api/v1/notification-channels/" + std::to_string(channel) + "/test",
                    boost::json::object{});
}

// 10:00 in Shanghai on a weekday, outside quiet hours.
std::int64_t daytime() {
  return *parse_iso8601("2026-11-18T10:00:00+08:00");
}

struct Community {
  std::int64_t id = 0;
  std::int64_t household = 0;
};

Community community_of(World& world) {
  Community out;
  out.id = world.community("清波社区", "QB");
  out.household = world.household(out.id, "3-2-301");
  return out;
}

std::int64_t submit(const Client& resident, std::int64_t household) {
  auto response = resident.post(
      "/api/v1/requests",
      {{"category", "water_leak"}, {"description", "厨房天花板漏水"}, {"household_id", household}});
  EXPECT_EQ(response.status, 201) << response.body;
  return response.json().at("id").as_int64();
}

HttpResponse act(const Client& client, std::int64_t id, boost::json::object body) {
  return client.post("/api/v1/requests/" + std::to_string(id) + "/transitions", body);
}

std::int64_t add_channel(const Client& staff, boost::json::object body) {
  auto response = staff.post("/api/v1/notification-channels", body);
  EXPECT_EQ(response.status, 201) << response.body;
  return response.json().at("id").as_int64();
}

class Notifications : public BackendTest {};

TEST_P(Notifications, AResidentHearsEveryStatusChangeInTheInboxAndBySms) {
  std::string sms = temp_path("sms");
  World world(GetParam(), [&] {
    auto args = with_private_hosts(frozen_at(daytime()));
    args.insert(args.end(), {"--sms-gateway", "file:" + sms});
    return args;
  }());
  auto c = community_of(world);
  auto staff = world.community_user("staff", "staff", {c.id});
  auto guide = world.community_user("guide", "guide", {c.id});
  auto resident = world.resident_user("alice", c.household);
  auto neighbour = world.resident_user("bob", c.household);
  auto outsider_household = world.household(c.id, "9-9-909");
  auto outsider = world.resident_user("carol", outsider_household);

  // Alice gives her mobile and asks for an SMS when a request is resolved; a guide confirms
  // the mobile at the desk. Bob keeps the defaults (inbox only).
  auto contact = resident.put_json("/api/v1/notification-contact",
                                   {{"mobile", "13812345678"}, {"language", "zh"}});
  ASSERT_EQ(contact.status, 200) << contact.body;
  EXPECT_EQ(contact.json().at("mobile").as_string(), "138****5678");
  EXPECT_FALSE(contact.json().at("mobile_verified").as_bool());
  ASSERT_EQ(resident
                .put_json("/api/v1/notification-preferences",
                          {{"kind", "request.resolved"}, {"in_app", true}, {"sms", true}})
                .status,
            200);
  // A resident may not confirm anyone's mobile, not even their own.
  EXPECT_EQ(
      resident
          .post("/api/v1/notification-contacts/" + std::to_string(user_id(resident)) + "/verify",
                boost::json::object{})
          .status,
      404);
  auto verified =
      guide.post("/api/v1/notification-contacts/" + std::to_string(user_id(resident)) + "/verify",
                 boost::json::object{});
  ASSERT_EQ(verified.status, 200) << verified.body;
  EXPECT_TRUE(verified.json().at("mobile_verified").as_bool());

  std::int64_t id = submit(resident, c.household);
  ASSERT_EQ(act(staff, id, {{"action", "accept"}}).status, 200);
  ASSERT_EQ(
      act(staff, id, {{"action", "assign"}, {"assignee", user_id(guide)}, {"note", "王师傅上门"}})
          .status,
      200);
  ASSERT_EQ(act(guide, id, {{"action", "start"}}).status, 200);
  auto resolved =
      act(guide, id, {{"action", "resolve"}, {"note", "已更换水管，联系电话13900001111"}});
  ASSERT_EQ(resolved.status, 200) << resolved.body;

  auto inbox = resident.get("/api/v1/notifications").json();
  std::vector<std::string> kinds;
  for (const auto& item : inbox.at("items").as_array()) {
    if (item.at("object_id").as_string() == std::to_string(id)) {
      kinds.emplace_back(item.at("kind").as_string());
    }
  }
  EXPECT_EQ(kinds, (std::vector<std::string>{"request.resolved", "request.updated",
                                             "request.assigned", "request.accepted"}));
  EXPECT_EQ(inbox.at("unread").as_int64(), 4);
  const auto& newest = inbox.at("items").as_array().at(0);
  EXPECT_EQ(newest.at("title").as_string(), "诉求已办结");
  std::string message(newest.at("message").as_string());
  EXPECT_NE(message.find("已更换水管"), std::string::npos) << message;
  EXPECT_EQ(message.find("13900001111"), std::string::npos) << "a phone number leaked: " << message;
  // The household's other resident hears too; a resident of another household does not.
  EXPECT_EQ(neighbour.get("/api/v1/notifications").json().at("unread").as_int64(), 4);
  EXPECT_EQ(outsider.get("/api/v1/notifications").json().at("unread").as_int64(), 0);
  // The assignee heard of the assignment.
  bool told = false;
  auto guide_inbox = guide.get("/api/v1/notifications").json();
  for (const auto& item : guide_inbox.at("items").as_array()) {
    told = told || item.at("kind").as_string() == "request.assigned";
  }
  EXPECT_TRUE(told);

  // Another user cannot mark Alice's row; she can, and read-all clears the rest.
  std::string row = std::to_string(newest.at("id").as_int64());
  EXPECT_EQ(neighbour.post("/api/v1/notifications/" + row + "/read", boost::json::object{}).status,
            404);
  EXPECT_EQ(resident.post("/api/v1/notifications/" + row + "/read", boost::json::object{}).status,
            200);
  EXPECT_EQ(resident.get("/api/v1/notifications").json().at("unread").as_int64(), 3);
  EXPECT_EQ(resident.post("/api/v1/notifications/read-all", boost::json::object{}).status, 200);
  EXPECT_EQ(resident.get("/api/v1/notifications").json().at("unread").as_int64(), 0);

  // One SMS, for the resolution only (the kind she chose), to her verified mobile, masked.
  ASSERT_TRUE(eventually([&] { return !read_lines(sms).empty(); })) << "no SMS in " << sms;
  std::this_thread::sleep_for(std::chrono::milliseconds(1200));
  auto lines = read_lines(sms);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].at("to").as_string(), "13812345678");
  EXPECT_EQ(lines[0].at("template").as_string(), "request.resolved");
  std::string text(lines[0].at("text").as_string());
  EXPECT_NE(text.find("已办结"), std::string::npos) << text;
  EXPECT_EQ(text.find("13900001111"), std::string::npos) << text;
  std::filesystem::remove(sms);
}

TEST_P(Notifications, PreferencesAndQuietHoursHold) {
  // 23:00 in Shanghai: robots wait for 07:00, except for a red request.
  std::int64_t late = *parse_iso8601("2026-11-18T23:00:00+08:00");
  Receiver robot;
  World world(GetParam(), with_private_hosts(frozen_at(late)));
  auto c = community_of(world);
  auto staff = world.community_user("staff", "staff", {c.id});
  auto resident = world.resident_user("alice", c.household);
  std::int64_t channel = add_channel(staff, {{"community_id", c.id},
                                             {"kind", "wecom"},
                                             {"name", "3号楼居民群"},
                                             {"url", robot.url("/cgi-bin/webhook/send?key=K")},
                                             {"events", boost::json::array{"request.accepted"}}});
  // Alice turns the acceptance off in her inbox.
  ASSERT_EQ(resident
                .put_json("/api/v1/notification-preferences",
                          {{"kind", "request.accepted"}, {"in_app", false}, {"sms", false}})
                .status,
            200);
  EXPECT_EQ(resident
                .put_json("/api/v1/notification-preferences",
                          {{"kind", "no.such.kind"}, {"in_app", false}, {"sms", false}})
                .error_code(),
            "unknown_kind");
  std::int64_t id = submit(resident, c.household);
  ASSERT_EQ(act(staff, id, {{"action", "accept"}}).status, 200);
  EXPECT_EQ(resident.get("/api/v1/notifications").json().at("unread").as_int64(), 0);

  auto deliveries = [&] {
    return staff.get("/api/v1/notification-channels/" + std::to_string(channel) + "/deliveries")
        .json()
        .at("deliveries")
        .as_array();
  };
  ASSERT_EQ(deliveries().size(), 1u);
  EXPECT_EQ(deliveries().at(0).at("status").as_string(), "pending");
  EXPECT_EQ(deliveries().at(0).at("next_attempt_at").as_string(), "2026-11-19T07:00:00.000+08:00");
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  EXPECT_TRUE(robot.received().empty());

  // A red request is not held back.
  auto red = staff.post("/api/v1/requests", {{"category", "water_leak"},
                                             {"description", "燃气泄漏"},
                                             {"household_id", c.household},
                                             {"priority", "red"},
                                             {"channel", "phone"}});
  ASSERT_EQ(red.status, 201) << red.body;
  ASSERT_EQ(act(staff, red.json().at("id").as_int64(), {{"action", "accept"}}).status, 200);
  auto arrived = robot.wait_for(1);
  ASSERT_EQ(arrived.size(), 1u);
  EXPECT_NE(arrived[0].body.find("诉求已受理"), std::string::npos) << arrived[0].body;
}

TEST_P(Notifications, RobotAndWebhookBodiesAndSignaturesAreExact) {
  Receiver receiver;
  World world(GetParam(), with_private_hosts());
  auto c = community_of(world);
  auto staff = world.community_user("staff", "staff", {c.id});
  auto resident = world.resident_user("alice", c.household);
  // Only staff of the community configure channels; webhooks must have a secret.
  EXPECT_EQ(resident
                .post("/api/v1/notification-channels", {{"community_id", c.id},
                                                        {"kind", "wecom"},
                                                        {"name", "x"},
                                                        {"url", receiver.url()},
                                                        {"events", boost::json::array{"*"}}})
                .status,
            403);
  EXPECT_EQ(staff
                .post("/api/v1/notification-channels", {{"community_id", c.id},
                                                        {"kind", "webhook"},
                                                        {"name", "x"},
                                                        {"url", receiver.url()},
                                                        {"events", boost::json::array{"*"}}})
                .error_code(),
            "secret_required");
  EXPECT_EQ(staff
                .post("/api/v1/notification-channels", {{"community_id", c.id},
                                                        {"kind", "wecom"},
                                                        {"name", "x"},
                                                        {"url", "ftp://example.org/"},
                                                        {"events", boost::json::array{"*"}}})
                .error_code(),
            "invalid_url");

  std::int64_t wecom = add_channel(staff, {{"community_id", c.id},
                                           {"kind", "wecom"},
                                           {"name", "居民群"},
                                           {"url", receiver.url("/wecom?key=K1")},
                                           {"events", boost::json::array{"channel.test"}}});
  ASSERT_EQ(staff
                .post("/api/v1/notification-channels/" + std::to_string(wecom) + "/test",
                      boost::json::object{})
                .status,
            202);
  auto got = receiver.wait_for(1);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].target, "/wecom?key=K1");
  EXPECT_EQ(got[0].headers["content-type"], "application/json");
  EXPECT_EQ(
      got[0].body,
      R"({"msgtype":"markdown","markdown":{"content":"**测试消息**\n测试消息：通知渠道“居民群”工作正常。"}})");

  const std::string ding_secret = "SECd1ngtalk-secret";
  std::int64_t dingtalk = add_channel(staff, {{"community_id", c.id},
                                              {"kind", "dingtalk"},
                                              {"name", "网格群"},
                                              {"url", receiver.url("/robot/send?access_token=T")},
                                              {"secret", ding_secret},
                                              {"events", boost::json::array{"*"}}});
  ASSERT_EQ(staff
                .post("/api/v1/notification-channels/" + std::to_string(dingtalk) + "/test",
                      boost::json::object{})
                .status,
            202);
  got = receiver.wait_for(2);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(
      got[1].body,
      R"({"msgtype":"markdown","markdown":{"title":"测试消息","text":"#### 测试消息\n测试消息：通知渠道“网格群”工作正常。"}})");
  // /robot/send?access_token=T&timestamp=…&sign=…, sign = urlencode(base64(HMAC(secret,
  // timestamp + "\n" + secret))).
  const std::string& target = got[1].target;
  auto timestamp_at = target.find("&timestamp=");
  auto sign_at = target.find("&sign=");
  ASSERT_EQ(target.rfind("/robot/send?access_token=T", 0), 0u) << target;
  ASSERT_NE(timestamp_at, std::string::npos) << target;
  ASSERT_NE(sign_at, std::string::npos) << target;
  std::string timestamp = target.substr(timestamp_at + 11, sign_at - timestamp_at - 11);
  std::string expected_sign =
      crypto::hmac_sha256_base64(ding_secret, timestamp + "\n" + ding_secret);
  std::string encoded;
  for (char ch : expected_sign) {
    if (ch == '+')
      encoded += "%2B";
    else if (ch == '/')
      encoded += "%2F";
    else if (ch == '=')
      encoded += "%3D";
    else
      encoded += ch;
  }
  EXPECT_EQ(target.substr(sign_at + 6), encoded);

  // The webhook: the request's acceptance, signed over the exact body.
  const std::string hook_secret = "integrator-secret-0123";
  add_channel(staff, {{"community_id", c.id},
                      {"kind", "webhook"},
                      {"name", "区平台"},
                      {"url", receiver.url("/events")},
                      {"secret", hook_secret},
                      {"events", boost::json::array{"request.accepted"}}});
  std::int64_t id = submit(resident, c.household);
  ASSERT_EQ(act(staff, id, {{"action", "accept"}}).status, 200);
  got = receiver.wait_for(4);
  const Received* hook = nullptr;
  for (const auto& request : got) {
    if (request.target == "/events") hook = &request;
  }
  ASSERT_NE(hook, nullptr);
  EXPECT_EQ(hook->headers.at("x-gongzhi-event"), "request.accepted");
  EXPECT_EQ(hook->headers.at("x-gongzhi-signature"),
            "sha256=" + crypto::hmac_sha256_hex(hook_secret, hook->body));
  auto body = boost::json::parse(hook->body).as_object();
  EXPECT_EQ(body.at("id").as_string(), hook->headers.at("x-gongzhi-delivery"));
  EXPECT_EQ(body.at("event").as_string(), "request.accepted");
  EXPECT_EQ(body.at("community_id").as_int64(), c.id);
  EXPECT_EQ(body.at("data").at("category").as_string(), "漏水渗水");
  // The keys in the documented order, nothing else.
  std::vector<std::string> keys;
  for (const auto& [key, value] : body) keys.emplace_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"id", "event", "occurred_at", "community_id", "data"}));
  // WeCom heard nothing of the request (it asked only for tests); DingTalk ("*") did.
  int to_wecom = 0;
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  for (const auto& request : receiver.received()) to_wecom += request.target.starts_with("/wecom");
  EXPECT_EQ(to_wecom, 1);
}

TEST_P(Notifications, AFailingReceiverGetsRetriesWithOneDeliveryId) {
  if (clock_frozen()) GTEST_SKIP() << "needs the clock to move";
  Receiver receiver({500, 500, 200});
  World world(GetParam(), with_private_hosts({"--notification-retry-ms", "200"}));
  auto c = community_of(world);
  auto staff = world.community_user("staff", "staff", {c.id});
  std::int64_t channel = webhook_to(staff, c.id, receiver);
  ASSERT_EQ(send_test(staff, channel).status, 202);
  auto got = receiver.wait_for(3);
  ASSERT_EQ(got.size(), 3u);
  for (const auto& request : got) {
    EXPECT_EQ(request.headers.at("x-gongzhi-delivery"), got[0].headers.at("x-gongzhi-delivery"));
    EXPECT_EQ(request.body, got[0].body);
  }
  auto url = "/api/v1/notification-channels/" + std::to_string(channel) + "/deliveries";
  ASSERT_TRUE(eventually([&] {
    return staff.get(url).json().at("deliveries").as_array().at(0).at("status").as_string() ==
           "sent";
  }));
  auto delivery = staff.get(url).json().at("deliveries").as_array().at(0);
  EXPECT_EQ(delivery.at("attempts").as_int64(), 3);
  EXPECT_TRUE(delivery.at("last_error").is_null());
  std::this_thread::sleep_for(std::chrono::milliseconds(1000));
  EXPECT_EQ(receiver.received().size(), 3u);
  // The metrics count this server's sends.
  auto metrics = send_http(world.port(), {"GET", "/metrics", "", {}}).body;
  EXPECT_NE(metrics.find(R"(gongzhi_notifications_total{channel="webhook",outcome="failed"} 2)"),
            std::string::npos);
  EXPECT_NE(metrics.find("gongzhi_notification_queue_depth 0"), std::string::npos);
}

TEST_P(Notifications, AServerKilledMidSendDeliversAfterRestart) {
  if (clock_frozen()) GTEST_SKIP() << "needs the clock to move";
  Receiver receiver({}, /*hang_first=*/true);
  World world(GetParam(), with_private_hosts());
  auto c = community_of(world);
  auto staff = world.community_user("staff", "staff", {c.id});
  std::int64_t channel = webhook_to(staff, c.id, receiver);
  ASSERT_EQ(send_test(staff, channel).status, 202);
  ASSERT_EQ(receiver.wait_for(1).size(), 1u);
  // The send is under way (committed, claimed, unanswered): a power cut now.
  world.server().kill_hard();
  receiver.release();
  world.restart(with_private_hosts());
  auto got = receiver.wait_for(2, 40);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[1].headers.at("x-gongzhi-delivery"), got[0].headers.at("x-gongzhi-delivery"));
  EXPECT_EQ(got[1].body, got[0].body);
}

TEST_P(Notifications, ThreeServersOnOneDatabaseDeliverEachMessageOnce) {
  Receiver receiver;
  World world(GetParam(), with_private_hosts());
  ServerProcess second(world.server().database_url(), with_private_hosts());
  ServerProcess third(world.server().database_url(), with_private_hosts());
  auto c = community_of(world);
  auto staff = world.community_user("staff", "staff", {c.id});
  std::int64_t channel = webhook_to(staff, c.id, receiver);
  constexpr int kMessages = 30;
  for (int i = 0; i < kMessages; ++i) {
    ASSERT_EQ(send_test(staff, channel).status, 202);
  }
  auto got = receiver.wait_for(kMessages, 30);
  std::this_thread::sleep_for(std::chrono::milliseconds(2000));
  got = receiver.received();
  std::map<std::string, int> per_delivery;
  for (const auto& request : got) ++per_delivery[request.headers.at("x-gongzhi-delivery")];
  EXPECT_EQ(per_delivery.size(), static_cast<std::size_t>(kMessages));
  for (const auto& [id, count] : per_delivery) EXPECT_EQ(count, 1) << "delivery " << id;
}

TEST_P(Notifications, ChannelsReachNoPrivateAddressUnlessTheOperatorAllowsIt) {
  Receiver receiver;
  World world(GetParam());  // without --notification-allow-private-hosts
  auto c = community_of(world);
  auto staff = world.community_user("staff", "staff", {c.id});
  std::int64_t channel = webhook_to(staff, c.id, receiver);
  ASSERT_EQ(send_test(staff, channel).status, 202);
  auto url = "/api/v1/notification-channels/" + std::to_string(channel) + "/deliveries";
  ASSERT_TRUE(eventually([&] {
    return staff.get(url).json().at("deliveries").as_array().at(0).at("attempts").as_int64() > 0;
  }));
  auto delivery = staff.get(url).json().at("deliveries").as_array().at(0);
  EXPECT_EQ(delivery.at("status").as_string(), "pending");
  EXPECT_NE(std::string(delivery.at("last_error").as_string()).find("is not a public address"),
            std::string::npos)
      << delivery;
  EXPECT_TRUE(receiver.received().empty());
}

TEST_P(Notifications, AChannelSwitchedOffSendsNothingMore) {
  Receiver receiver;
  World world(GetParam(), with_private_hosts());
  auto c = community_of(world);
  auto staff = world.community_user("staff", "staff", {c.id});
  std::int64_t channel = webhook_to(staff, c.id, receiver);
  auto off = staff.put_json("/api/v1/notification-channels/" + std::to_string(channel),
                            {{"name", "区平台"},
                             {"url", receiver.url("/events")},
                             {"events", boost::json::array{"*"}},
                             {"enabled", false}});
  ASSERT_EQ(off.status, 200) << off.body;
  EXPECT_FALSE(off.json().at("enabled").as_bool());
  // A test message is queued for the channel anyway; the worker drops it, once.
  ASSERT_EQ(send_test(staff, channel).status, 202);
  auto url = "/api/v1/notification-channels/" + std::to_string(channel) + "/deliveries";
  ASSERT_TRUE(eventually([&] {
    return staff.get(url).json().at("deliveries").as_array().at(0).at("status").as_string() ==
           "dead";
  }));
  auto delivery = staff.get(url).json().at("deliveries").as_array().at(0);
  EXPECT_EQ(delivery.at("attempts").as_int64(), 1);
  EXPECT_EQ(delivery.at("last_error").as_string(), "the channel was switched off");
  EXPECT_TRUE(receiver.received().empty());
}

GZ_ON_BACKENDS(Notifications);

}  // namespace
}  // namespace gz::test
