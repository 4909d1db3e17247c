// Black-box tests of onboarding (issue 17) on SQLite and PostgreSQL, reading the SMS codes from
// the development sink as a resident reads them off their phone: a member registers with the
// household's claim code and logs in by mobile; a second member registers separately; someone
// the registry does not know waits for staff; the household head removes a login; wrong,
// expired, revoked and reused codes, the limits on sending codes and guessing claim codes; a
// forgotten password reset by SMS; one's own sessions; printed slips whose codes work.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <thread>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "harness.hpp"

namespace gz::test {
namespace {

constexpr const char* kPassword = "onboarding-pass-42";
constexpr const char* kHeadMobile = "13811112222";
constexpr const char* kChildMobile = "13833334444";

std::int64_t start_ms() {
  return *parse_iso8601("2026-11-18T10:00:00+08:00");
}

std::vector<std::string> server_args(const std::string& sms, std::int64_t at_ms) {
  auto args = frozen_at(at_ms);
  args.insert(args.end(), {"--sms-gateway", "file:" + sms});
  return args;
}

struct Fixture {
  explicit Fixture(Backend backend)
      : sms((std::filesystem::temp_directory_path() /
             ("gongzhi-onboarding-" + crypto::random_hex(6) + ".jsonl"))
                .string()),
        world(backend, server_args(sms, start_ms()), kPassword) {
    community = world.community("新桥社区", "OB-1");
    building = world.building(community, "5号楼");
    home = world.household(community, "5-1-101", {{"building_id", building}});
    other_home = world.household(community, "5-1-102", {{"building_id", building}});
    head = world.resident_with(home, {{"name", "王秀英"},
                                      {"sex", "female"},
                                      {"birth_date", "1952-03-01"},
                                      {"mobile", kHeadMobile},
                                      {"relation", "self"}});
    child = world.resident_with(home, {{"name", "王小明"},
                                       {"sex", "male"},
                                       {"birth_date", "1980-06-01"},
                                       {"mobile", kChildMobile},
                                       {"relation", "child"}});
    neighbour = world.resident_with(other_home, {{"name", "赵六"},
                                                 {"sex", "male"},
                                                 {"birth_date", "1975-01-01"},
                                                 {"mobile", "13855556666"},
                                                 {"relation", "self"}});
    staff = world.community_user("staff", "staff", {community});
    guide = world.community_user("guide", "guide", {community});
  }
  std::string sms;
  World world;
  std::int64_t community = 0, building = 0, home = 0, other_home = 0;
  std::int64_t head = 0, child = 0, neighbour = 0;
  Client staff{0}, guide{0};
};

class Onboarding : public BackendTest {};

// The newest code the sink holds for the mobile (waiting for the delivery worker).
std::string code_sent_to(const std::string& sms, const std::string& mobile, std::size_t count) {
  for (int i = 0; i < 200; ++i) {
    std::vector<std::string> codes;
    std::ifstream in(sms);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      auto message = boost::json::parse(line).as_object();
      if (message.at("to").as_string() == mobile) {
        codes.emplace_back(message.at("params").at("code").as_string());
      }
    }
    if (codes.size() >= count) return codes.back();
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ADD_FAILURE() << "no code number " << count << " reached " << mobile;
  return "";
}

std::int64_t user_id(const Client& client) {
  return client.get("/api/v1/me").json().at("user").at("id").as_int64();
}

HttpResponse send_code(const Client& client, const std::string& mobile,
                       const std::string& purpose = "register") {
  return client.post("/api/v1/auth/otp", {{"mobile", mobile}, {"purpose", purpose}});
}

HttpResponse register_with(const Client& client, const std::string& claim_code,
                           const std::string& name, const std::string& mobile,
                           const std::string& otp,
                           const std::string& password = "my-own-secret-77") {
  return client.post("/api/v1/auth/register", {{"claim_code", claim_code},
                                               {"name", name},
                                               {"mobile", mobile},
                                               {"otp", otp},
                                               {"password", password}});
}

std::string issue(const Client& client, std::int64_t household) {
  auto issued = client.post("/api/v1/households/" + std::to_string(household) + "/claim-codes",
                            boost::json::object{});
  EXPECT_EQ(issued.status, 201) << issued.body;
  return issued.status == 201 ? std::string(issued.json().at("code").as_string()) : "";
}

TEST_P(Onboarding, MembersRegisterWithTheSlipAndTheirPhoneAndTheHeadManagesTheLogins) {
  Fixture f(GetParam());
  Client phone = f.world.anonymous();
  // Neither a resident nor a guide without the household may issue a code.
  auto household_url = "/api/v1/households/" + std::to_string(f.home) + "/claim-codes";
  EXPECT_EQ(f.guide.post(household_url, boost::json::object{}).status, 403);
  std::string code = issue(f.staff, f.home);
  ASSERT_EQ(code.size(), 9u);

  // The head registers: the code typed in lower case without its dash, the mobile with spaces.
  ASSERT_EQ(send_code(phone, "138 1111 2222").status, 202);
  std::string otp = code_sent_to(f.sms, kHeadMobile, 1);
  ASSERT_EQ(otp.size(), 6u);
  std::string typed = code.substr(0, 4) + code.substr(5);
  for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto registered = register_with(phone, typed, "王秀英", "138 1111 2222", otp);
  ASSERT_EQ(registered.status, 201) << registered.body;
  EXPECT_EQ(registered.json().at("status").as_string(), "active");
  EXPECT_EQ(registered.json().at("resident_id").as_int64(), f.head);
  EXPECT_EQ(registered.json().at("household_id").as_int64(), f.home);

  // She logs in with her mobile and files a request for her household.
  Client head = f.world.anonymous();
  auto login = head.login(kHeadMobile, "my-own-secret-77");
  ASSERT_EQ(login.status, 200) << login.body;
  EXPECT_FALSE(login.json().at("must_change_password").as_bool());
  auto filed = head.post(
      "/api/v1/requests",
      {{"category", "water_leak"}, {"description", "卫生间漏水"}, {"household_id", f.home}});
  EXPECT_EQ(filed.status, 201) << filed.body;

  // Her son registers separately with the same slip and his own phone.
  ASSERT_EQ(send_code(phone, kChildMobile).status, 202);
  auto son = register_with(phone, code, "王小明", kChildMobile,
                           code_sent_to(f.sms, kChildMobile, 1), "sons-secret-2026");
  ASSERT_EQ(son.status, 201) << son.body;
  EXPECT_EQ(son.json().at("resident_id").as_int64(), f.child);
  Client son_client = f.world.anonymous();
  ASSERT_EQ(son_client.login(kChildMobile, "sons-secret-2026").status, 200);

  // A visitor the registry does not know waits for staff, and cannot log in meanwhile.
  const std::string visitor_mobile = "13977778888";
  ASSERT_EQ(send_code(phone, visitor_mobile).status, 202);
  auto visitor = register_with(phone, code, "陈阿姨", visitor_mobile,
                               code_sent_to(f.sms, visitor_mobile, 1), "visitor-secret-31");
  ASSERT_EQ(visitor.status, 201) << visitor.body;
  EXPECT_EQ(visitor.json().at("status").as_string(), "pending");
  std::int64_t visitor_id = visitor.json().at("user_id").as_int64();
  Client visitor_client = f.world.anonymous();
  auto refused_login = visitor_client.login(visitor_mobile, "visitor-secret-31");
  EXPECT_EQ(refused_login.status, 403);
  EXPECT_EQ(refused_login.error_code(), "account_inactive");
  EXPECT_EQ(visitor_client.login(visitor_mobile, "a-wrong-password").status, 401);

  // Staff hear of it, see it in the queue and confirm it; a guide may not.
  auto inbox = f.staff.get("/api/v1/notifications").json();
  bool told = false;
  for (const auto& item : inbox.at("items").as_array()) {
    told = told || item.at("kind").as_string() == "account.registered";
  }
  EXPECT_TRUE(told);
  std::string queue = "/api/v1/communities/" + std::to_string(f.community) + "/account-requests";
  EXPECT_EQ(f.guide.get(queue).status, 403);
  auto waiting = f.staff.get(queue);
  ASSERT_EQ(waiting.status, 200) << waiting.body;
  ASSERT_EQ(waiting.json().at("items").as_array().size(), 1u);
  EXPECT_EQ(waiting.json().at("items").at(0).at("name").as_string(), "陈阿姨");
  // Not around the queue: reactivating the waiting login is refused.
  EXPECT_EQ(f.staff
                .post("/api/v1/users/" + std::to_string(visitor_id) + "/reactivate",
                      boost::json::object{})
                .error_code(),
            "registration_pending");
  std::string decide = "/api/v1/account-requests/" + std::to_string(visitor_id) + "/decision";
  EXPECT_EQ(f.guide.post(decide, {{"decision", "confirm"}}).status, 403);
  // A member of another household cannot be bound to this registration.
  EXPECT_EQ(
      f.staff.post(decide, {{"decision", "confirm"}, {"resident_id", f.neighbour}}).error_code(),
      "invalid_resident");
  auto confirmed = f.staff.post(decide, {{"decision", "confirm"}});
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  EXPECT_EQ(f.staff.post(decide, {{"decision", "refuse"}}).error_code(), "already_decided");
  ASSERT_EQ(visitor_client.login(visitor_mobile, "visitor-secret-31").status, 200);

  // The head sees her household's logins and removes the visitor's; her son may not.
  std::string accounts = "/api/v1/households/" + std::to_string(f.home) + "/accounts";
  auto listed = head.get(accounts);
  ASSERT_EQ(listed.status, 200) << listed.body;
  ASSERT_EQ(listed.json().at("items").as_array().size(), 3u);
  auto listed_body = listed.json();
  for (const auto& item : listed_body.at("items").as_array()) {
    EXPECT_EQ(std::string(item.at("mobile").as_string()).find("****"), 3u) << "mobile unmasked";
    // The head may remove the others' logins, not her own.
    EXPECT_EQ(item.at("removable").as_bool(), item.at("user_id").as_int64() != user_id(head));
  }
  auto sons_view = son_client.get(accounts).json();
  for (const auto& item : sons_view.at("items").as_array()) {
    EXPECT_FALSE(item.at("removable").as_bool()) << "only the head removes logins";
  }
  std::string remove_visitor = accounts + "/" + std::to_string(visitor_id);
  EXPECT_EQ(son_client.del(remove_visitor).status, 403);
  EXPECT_EQ(f.world.anonymous().del(remove_visitor).status, 401);
  auto removed = head.del(remove_visitor);
  ASSERT_EQ(removed.status, 200) << removed.body;
  EXPECT_EQ(visitor_client.get("/api/v1/me").status, 401) << "the removed login's session ends";
  EXPECT_EQ(visitor_client.login(visitor_mobile, "visitor-secret-31").status, 403);
  // Nobody without a login sees any of it.
  EXPECT_EQ(
      f.world.anonymous().get("/api/v1/households/" + std::to_string(f.home) + "/accounts").status,
      401);
}

TEST_P(Onboarding, WrongExpiredRevokedAndReusedCodesAndTheLimitsHold) {
  Fixture f(GetParam());
  Client phone = f.world.anonymous();
  std::string code = issue(f.staff, f.home);

  // Sending codes: one a minute to a mobile.
  ASSERT_EQ(send_code(phone, kHeadMobile).status, 202);
  auto again = send_code(phone, kHeadMobile);
  EXPECT_EQ(again.status, 429);
  EXPECT_EQ(again.error_code(), "otp_throttled");
  EXPECT_EQ(send_code(phone, "12345").error_code(), "invalid_mobile");
  EXPECT_EQ(send_code(phone, kHeadMobile, "steal").error_code(), "invalid_purpose");
  std::string otp = code_sent_to(f.sms, kHeadMobile, 1);
  std::string wrong = otp == "000000" ? "111111" : "000000";

  // A wrong claim code, a weak password, a wrong SMS code: each refused with its reason.
  EXPECT_EQ(register_with(phone, "ZZZZ-ZZZZ", "王秀英", kHeadMobile, otp).error_code(),
            "invalid_claim_code");
  EXPECT_EQ(register_with(phone, code, "王秀英", kHeadMobile, otp, "12345678").error_code(),
            "weak_password");
  EXPECT_EQ(register_with(phone, code, "王秀英", kHeadMobile, otp, "short").error_code(),
            "weak_password");
  // Five tries in all: four wrong ones, then the right one still works … after a fifth wrong
  // one it would not.
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(register_with(phone, code, "王秀英", kHeadMobile, wrong).error_code(), "invalid_otp");
  }
  auto registered = register_with(phone, code, "王秀英", kHeadMobile, otp);
  ASSERT_EQ(registered.status, 201) << registered.body;
  // Her SMS code typed for her son's mobile: it belongs to her number, and is used.
  EXPECT_EQ(register_with(phone, code, "王小明", kChildMobile, otp).error_code(), "invalid_otp");
  // The same mobile again: taken.
  EXPECT_EQ(register_with(phone, code, "王秀英", kHeadMobile, otp).error_code(), "mobile_taken");

  // The son's code: five wrong tries use it up, the right one then fails too.
  ASSERT_EQ(send_code(phone, kChildMobile).status, 202);
  std::string son_otp = code_sent_to(f.sms, kChildMobile, 1);
  std::string son_wrong = son_otp == "000000" ? "111111" : "000000";
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(register_with(phone, code, "王小明", kChildMobile, son_wrong).error_code(),
              "invalid_otp");
  }
  EXPECT_EQ(register_with(phone, code, "王小明", kChildMobile, son_otp).error_code(),
            "otp_exhausted");

  // A revoked code opens nothing.
  auto listed = f.staff.get("/api/v1/households/" + std::to_string(f.home) + "/claim-codes");
  ASSERT_EQ(listed.status, 200) << listed.body;
  std::int64_t code_id = listed.json().at("items").at(0).at("id").as_int64();
  EXPECT_EQ(listed.json().at("items").at(0).at("uses").as_int64(), 1);
  EXPECT_EQ(listed.body.find(code), std::string::npos) << "the code is shown only once";
  std::string revoke = "/api/v1/claim-codes/" + std::to_string(code_id) + "/revoke";
  ASSERT_EQ(f.staff.post(revoke, boost::json::object{}).status, 200);
  EXPECT_EQ(f.staff.post(revoke, boost::json::object{}).error_code(), "already_revoked");

  // Eleven minutes later the son's new code has expired; a month later so has a new slip.
  std::string fresh = issue(f.staff, f.home);
  ASSERT_EQ(send_code(phone, "13900001111").status, 202);
  code_sent_to(f.sms, "13900001111", 1);
  f.world.restart(server_args(f.sms, start_ms() + 11 * 60'000));
  phone = f.world.anonymous();
  EXPECT_EQ(register_with(phone, fresh, "陈阿姨", "13900001111", "123456").error_code(),
            "otp_expired");
  EXPECT_EQ(register_with(phone, code, "王小明", kChildMobile, son_otp).error_code(),
            "invalid_claim_code");
  f.world.restart(server_args(f.sms, start_ms() + 31LL * 86'400'000));
  phone = f.world.anonymous();
  ASSERT_EQ(send_code(phone, kChildMobile).status, 202);
  EXPECT_EQ(
      register_with(phone, fresh, "王小明", kChildMobile, code_sent_to(f.sms, kChildMobile, 2))
          .error_code(),
      "claim_code_expired");

  // Guessing claim codes from one address stops after ten wrong ones.
  int throttled = 0;
  for (int i = 0; i < 12; ++i) {
    auto guess = register_with(phone, "GUES-S" + std::string(1, "ABCDEFGHJKMN"[i]) + "2A", "王小明",
                               kChildMobile, "123456");
    if (guess.status == 429) ++throttled;
  }
  EXPECT_GE(throttled, 1);
  EXPECT_EQ(register_with(phone, fresh, "王小明", kChildMobile, "123456").error_code(),
            "claim_throttled");
}

TEST_P(Onboarding, AResidentWithTheirOwnSlipCannotClaimAnotherHousehold) {
  Fixture f(GetParam());
  Client phone = f.world.anonymous();
  std::string own_slip = issue(f.staff, f.home);
  // The neighbour's name and registered mobile, typed with this household's slip: no member of
  // this household matches, so the login waits in this household for staff (never the
  // neighbour's household, never their record).
  ASSERT_EQ(send_code(phone, "13855556666").status, 202);
  auto attempt =
      register_with(phone, own_slip, "赵六", "13855556666", code_sent_to(f.sms, "13855556666", 1));
  ASSERT_EQ(attempt.status, 201) << attempt.body;
  EXPECT_EQ(attempt.json().at("status").as_string(), "pending");
  EXPECT_EQ(attempt.json().at("household_id").as_int64(), f.home);
  EXPECT_TRUE(attempt.json().at("resident_id").is_null());
  // Three waiting registrations per household at most.
  for (int i = 0; i < 3; ++i) {
    std::string mobile = "1366666000" + std::to_string(i);
    ASSERT_EQ(send_code(phone, mobile).status, 202);
    auto more = register_with(phone, own_slip, "路人" + std::to_string(i), mobile,
                              code_sent_to(f.sms, mobile, 1));
    EXPECT_EQ(more.status, i < 2 ? 201 : 409) << more.body;
    if (i == 2) {
      EXPECT_EQ(more.error_code(), "too_many_pending");
    }
  }
}

TEST_P(Onboarding, AForgottenPasswordIsResetBySmsAndSessionsAreOnesOwn) {
  Fixture f(GetParam());
  Client phone = f.world.anonymous();
  std::string code = issue(f.staff, f.home);
  ASSERT_EQ(send_code(phone, kHeadMobile).status, 202);
  ASSERT_EQ(
      register_with(phone, code, "王秀英", kHeadMobile, code_sent_to(f.sms, kHeadMobile, 1)).status,
      201);
  Client laptop = f.world.anonymous();
  ASSERT_EQ(laptop.login(kHeadMobile, "my-own-secret-77").status, 200);
  Client tablet = f.world.anonymous();
  ASSERT_EQ(tablet.login(kHeadMobile, "my-own-secret-77").status, 200);

  // Her sessions: two, this one marked; she ends the tablet's from the laptop.
  auto sessions = laptop.get("/api/v1/auth/sessions");
  ASSERT_EQ(sessions.status, 200) << sessions.body;
  auto items = sessions.json().at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  std::string other;
  for (const auto& item : items) {
    if (!item.at("current").as_bool()) other = std::string(item.at("id").as_string());
  }
  ASSERT_FALSE(other.empty());
  EXPECT_EQ(f.staff.del("/api/v1/auth/sessions/" + other).status, 404) << "not staff's session";
  EXPECT_EQ(laptop.del("/api/v1/auth/sessions/not-a-session").status, 404);
  ASSERT_EQ(laptop.del("/api/v1/auth/sessions/" + other).status, 200);
  EXPECT_EQ(tablet.get("/api/v1/me").status, 401);
  const std::string sessions_token = laptop.token();

  // Two minutes later (a code a minute per mobile) she forgets the password. A reset code to
  // a mobile without a login is answered alike but never sent.
  f.world.restart(server_args(f.sms, start_ms() + 2 * 60'000));
  phone = f.world.anonymous();
  laptop = Client(f.world.port());
  laptop.set_token(sessions_token);
  ASSERT_EQ(laptop.get("/api/v1/me").status, 200);
  ASSERT_EQ(send_code(phone, "13700000000", "reset").status, 202);
  ASSERT_EQ(send_code(phone, kHeadMobile, "reset").status, 202);
  std::string otp = code_sent_to(f.sms, kHeadMobile, 2);
  auto weak = phone.post("/api/v1/auth/password-reset",
                         {{"mobile", kHeadMobile}, {"otp", otp}, {"new_password", "88888888"}});
  EXPECT_EQ(weak.error_code(), "weak_password");
  auto reset =
      phone.post("/api/v1/auth/password-reset",
                 {{"mobile", kHeadMobile}, {"otp", otp}, {"new_password", "brand-new-secret-5"}});
  ASSERT_EQ(reset.status, 200) << reset.body;
  EXPECT_EQ(laptop.get("/api/v1/me").status, 401) << "a reset ends every session";
  EXPECT_EQ(f.world.anonymous().login(kHeadMobile, "my-own-secret-77").status, 401);
  Client again = f.world.anonymous();
  ASSERT_EQ(again.login(kHeadMobile, "brand-new-secret-5").status, 200);
  auto replay =
      phone.post("/api/v1/auth/password-reset",
                 {{"mobile", kHeadMobile}, {"otp", otp}, {"new_password", "third-secret-666"}});
  EXPECT_EQ(replay.error_code(), "invalid_otp");
  std::ifstream in(f.sms);
  std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(all.find("13700000000"), std::string::npos);

  // Changing it while logged in: the current one is asked for.
  EXPECT_EQ(again
                .post("/api/v1/auth/password",
                      {{"current_password", "wrong-current-1"}, {"new_password", "x-y-z-12345"}})
                .error_code(),
            "wrong_password");
  ASSERT_EQ(again
                .post("/api/v1/auth/password", {{"current_password", "brand-new-secret-5"},
                                                {"new_password", "changed-at-home-8"}})
                .status,
            200);
  EXPECT_EQ(again.get("/api/v1/me").status, 200) << "this session stays";
}

TEST_P(Onboarding, PrintedSlipsCarryWorkingCodesForEveryHouseholdOfTheBuilding) {
  Fixture f(GetParam());
  std::string print = "/api/v1/communities/" + std::to_string(f.community) +
                      "/claim-codes/print?building_id=" + std::to_string(f.building);
  EXPECT_EQ(f.guide.get(print).status, 200);  // a guide prints only their own: none here
  auto slips = f.staff.get(print);
  ASSERT_EQ(slips.status, 200) << slips.body;
  std::regex code_pattern("[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}");
  std::vector<std::string> codes;
  for (std::sregex_iterator it(slips.body.begin(), slips.body.end(), code_pattern), end; it != end;
       ++it) {
    codes.push_back(it->str());
  }
  ASSERT_EQ(codes.size(), 2u) << slips.body.substr(0, 400);
  EXPECT_NE(slips.body.find("5-1-101"), std::string::npos);
  EXPECT_NE(slips.body.find("<svg"), std::string::npos) << "a QR code on each slip";
  EXPECT_NE(slips.body.find("/register"), std::string::npos) << "where to register by hand";
  Client phone = f.world.anonymous();
  ASSERT_EQ(send_code(phone, "13855556666").status, 202);
  auto registered =
      register_with(phone, codes[1], "赵六", "13855556666", code_sent_to(f.sms, "13855556666", 1));
  ASSERT_EQ(registered.status, 201) << registered.body;
  EXPECT_EQ(registered.json().at("resident_id").as_int64(), f.neighbour);
}

GZ_ON_BACKENDS(Onboarding);

}  // namespace
}  // namespace gz::test
