// Black-box tests of what the December security review found (issue 14), on SQLite and
// PostgreSQL: cookie-authenticated writes from another site are refused (MEDIUM-3); failed
// logins are counted per account and client address and per address, atomically, with the
// client address taken from X-Forwarded-For only behind a trusted proxy (MEDIUM-2); settings
// of a community that does not exist are 404, two members of one household do not bank time
// with each other, and a 405 says which methods the path takes (Low).
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.hpp"
#include "harness.hpp"

namespace gz::test {
namespace {

constexpr const char* kPassword = "hardening-pass-42";

struct Fixture {
  // Loopback plays the reverse proxy: X-Forwarded-For names the client.
  explicit Fixture(Backend backend)
      : world(backend, {"--trusted-proxy", "127.0.0.0/8"}, kPassword) {
    admin_token = world.admin().token();
    community_id = world.community("加固社区", "H-1");
    household_id = world.household(community_id, "1-101");
    member_a = world.resident(household_id, "张大爷", "male", "1948-05-01");
    member_b = world.resident(household_id, "张奶奶", "female", "1950-07-01");
    const std::string cid = std::to_string(community_id);
    staff = world.community_user("staff", "staff", {community_id});
    resident = world.resident_user("resident", household_id);
    add_user(world.url(), "victim", "guide", {"--community", cid}, kPassword);
    add_user(world.url(), "raced", "guide", {"--community", cid}, kPassword);
  }
  World world;
  std::int64_t community_id = 0, household_id = 0, member_a = 0, member_b = 0;
  Client staff{0}, resident{0};
  std::string admin_token;
  const std::string& url() const { return world.url(); }
  int port() const { return world.port(); }
};

class HardeningTest : public BackendTest {
 protected:
  Fixture& w() { return shared<Fixture>(GetParam()); }
  HttpResponse login_from(const std::string& address, const std::string& username,
                          const std::string& password) {
    boost::json::object body{{"username", username}, {"password", password}};
    return send_http(w().port(),
                     {"POST",
                      "/api/v1/auth/login",
                      boost::json::serialize(body),
                      {{"Content-Type", "application/json"}, {"X-Forwarded-For", address}}});
  }
  // A write as a browser sends it: the session cookie, and whatever headers `extra` adds.
  HttpResponse cookie_write(const std::string& body,
                            std::vector<std::pair<std::string, std::string>> headers) {
    headers.emplace_back("Cookie", "gz_session=" + w().admin_token);
    return send_http(w().port(), {"POST", "/api/v1/communities", body, std::move(headers)});
  }
};

TEST_P(HardeningTest, CookieWritesFromAnotherSiteAreRefused) {
  const std::string host = "127.0.0.1";  // the Host the harness sends
  auto body = [](const char* code) {
    return boost::json::serialize(boost::json::object{{"name", "跨站社区"}, {"code", code}});
  };
  // The review's forged form: text/plain, from evil.example.
  auto forged = cookie_write(body("X-1"), {{"Content-Type", "text/plain"},
                                           {"Origin", "https://evil.example"},
                                           {"Sec-Fetch-Site", "cross-site"}});
  EXPECT_EQ(forged.status, 403) << forged.body;
  EXPECT_EQ(forged.error_code(), "cross_site_request");
  // JSON from another origin, or said to be cross-site by the browser: refused too.
  EXPECT_EQ(cookie_write(body("X-2"),
                         {{"Content-Type", "application/json"}, {"Origin", "https://evil.example"}})
                .error_code(),
            "cross_site_request");
  EXPECT_EQ(cookie_write(body("X-3"),
                         {{"Content-Type", "application/json"}, {"Sec-Fetch-Site", "same-site"}})
                .error_code(),
            "cross_site_request");
  // A form's type from this very origin: still not JSON.
  EXPECT_EQ(cookie_write(body("X-4"), {{"Content-Type", "application/x-www-form-urlencoded"},
                                       {"Origin", "http://" + host}})
                .error_code(),
            "cross_site_request");
  // The web app's own request: JSON, same origin.
  auto own = cookie_write(body("X-5"), {{"Content-Type", "application/json; charset=utf-8"},
                                        {"Origin", "http://" + host},
                                        {"Sec-Fetch-Site", "same-origin"}});
  EXPECT_EQ(own.status, 201) << own.body;
  // A bearer token is never attached by a browser on its own: any type, any origin.
  auto bearer = send_http(w().port(), {"POST",
                                       "/api/v1/communities",
                                       body("X-6"),
                                       {{"Content-Type", "text/plain"},
                                        {"Origin", "https://evil.example"},
                                        {"Authorization", "Bearer " + w().admin_token}}});
  EXPECT_EQ(bearer.status, 201) << bearer.body;
  // A write without a body (logout) needs no type.
  Client someone(w().port());
  auto token = std::string(someone.login("staff", kPassword).json().at("token").as_string());
  auto logout = send_http(w().port(),
                          {"POST", "/api/v1/auth/logout", "", {{"Cookie", "gz_session=" + token}}});
  EXPECT_EQ(logout.status, 200) << logout.body;
}

TEST_P(HardeningTest, AGuesserElsewhereCannotLockTheRealUserOut) {
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(login_from("198.51.100.1", "victim", "guess" + std::to_string(i)).status, 401);
  }
  auto locked = login_from("198.51.100.1", "victim", kPassword);
  EXPECT_EQ(locked.status, 429) << locked.body;
  EXPECT_EQ(locked.error_code(), "login_throttled");
  // The real user, at their own address, logs in.
  EXPECT_EQ(login_from("203.0.113.8", "victim", kPassword).status, 200);
}

TEST_P(HardeningTest, ParallelGuessesGetNoMoreThanFiveChecks) {
  std::atomic<int> checked{0}, throttled{0};
  std::vector<std::thread> guessers;
  for (int i = 0; i < 25; ++i) {
    guessers.emplace_back([&, i] {
      auto answer = login_from("198.51.100.2", "raced", "guess" + std::to_string(i));
      if (answer.status == 401) ++checked;
      if (answer.status == 429) ++throttled;
    });
  }
  for (auto& guesser : guessers) guesser.join();
  EXPECT_EQ(checked.load(), 5);
  EXPECT_EQ(throttled.load(), 20);
}

TEST_P(HardeningTest, AnAddressWithThirtyFailuresIsThrottledOnlyItself) {
  for (int i = 0; i < 30; ++i) {
    EXPECT_EQ(login_from("198.51.100.3", "nobody" + std::to_string(i), "x").status, 401);
  }
  EXPECT_EQ(login_from("198.51.100.3", "staff", kPassword).status, 429);
  EXPECT_EQ(login_from("198.51.100.4", "staff", kPassword).status, 200);
  // A client cannot pick its address: the right-most hop the proxy added is the client.
  EXPECT_EQ(login_from("198.51.100.4, 198.51.100.3", "staff", kPassword).status, 429);
}

TEST_P(HardeningTest, SettingsOfACommunityThatDoesNotExistAre404) {
  for (const char* missing : {"999999", "9223372036854775807"}) {
    std::string id = missing;
    struct Put {
      std::string target;
      std::string body;
    };
    for (
        const Put& put : std::vector<Put>{
            {"/api/v1/points/settings", R"({"community_id":)" + id + R"(,"expiry_months":12})"},
            {"/api/v1/needs/weights",
             R"({"community_id":)" + id +
                 R"(,"population_structure":25,"health":20,"economy":20,"willingness":15,"special_needs":20})"},
            {"/api/v1/participation/settings",
             R"({"community_id":)" + id + R"(,"seconds_required":5})"},
            {"/api/v1/transparency/settings?community_id=" + id,
             R"({"notice_days":7,"objection_threshold_bp":500})"},
            {"/api/v1/indicators/targets?community_id=" + id,
             R"({"targets":{"complaint_rate":0.02}})"}}) {
      HttpRequest request{
          "PUT",
          put.target,
          put.body,
          {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + w().admin_token}}};
      auto response = send_http(w().port(), request);
      EXPECT_EQ(response.status, 404) << put.target << " " << response.body;
    }
  }
}

TEST_P(HardeningTest, MembersOfOneHouseholdDoNotBankTimeWithEachOther) {
  std::string today = format_date(test_now_seconds() * 1000LL);
  auto service =
      w().resident.post("/api/v1/timebank/services", {{"provider_resident_id", w().member_a},
                                                      {"recipient_resident_id", w().member_b},
                                                      {"service_date", today},
                                                      {"minutes", 600},
                                                      {"service_type", "companionship"}});
  EXPECT_EQ(service.status, 400) << service.body;
  EXPECT_EQ(service.error_code(), "same_household");
}

TEST_P(HardeningTest, AMethodNotAllowedSaysWhichAre) {
  auto response = send_http(w().port(), {"DELETE", "/api/v1/ledger/head", "", {}});
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(response.headers["allow"], "GET, HEAD");
  auto both = send_http(w().port(), {"DELETE", "/api/v1/communities", "", {}});
  EXPECT_EQ(both.status, 405);
  EXPECT_EQ(both.headers["allow"], "GET, HEAD, POST");
}

TEST_P(HardeningTest, ASessionCookieIsSecureWhenTheTrustedProxySaysHttps) {
  boost::json::object body{{"username", "staff"}, {"password", kPassword}};
  auto over_https = send_http(
      w().port(), {"POST",
                   "/api/v1/auth/login",
                   boost::json::serialize(body),
                   {{"Content-Type", "application/json"}, {"X-Forwarded-Proto", "https"}}});
  ASSERT_EQ(over_https.status, 200);
  EXPECT_NE(over_https.headers["set-cookie"].find("; Secure"), std::string::npos);
  auto plain = send_http(w().port(), {"POST",
                                      "/api/v1/auth/login",
                                      boost::json::serialize(body),
                                      {{"Content-Type", "application/json"}}});
  ASSERT_EQ(plain.status, 200);
  EXPECT_EQ(plain.headers["set-cookie"].find("Secure"), std::string::npos);
}

TEST_P(HardeningTest, AStreetSupervisorFoundsCommunitiesOfTheirOwnStreetOnly) {
  auto first = w().world.admin().post(
      "/api/v1/communities", {{"name", "北山一社区"}, {"code", "BS-1"}, {"street", "北山街道"}});
  ASSERT_EQ(first.status, 201) << first.body;
  add_user(w().url(), "beishan", "street",
           {"--community", std::to_string(first.json().at("id").as_int64())}, kPassword);
  Client street(w().port());
  ASSERT_EQ(street.login("beishan", kPassword).status, 200);
  auto elsewhere = street.post("/api/v1/communities",
                               {{"name", "南山社区"}, {"code", "NS-1"}, {"street", "南山街道"}});
  EXPECT_EQ(elsewhere.status, 403) << elsewhere.body;
  auto own = street.post("/api/v1/communities",
                         {{"name", "北山二社区"}, {"code", "BS-2"}, {"street", "北山街道"}});
  EXPECT_EQ(own.status, 201) << own.body;
}

GZ_ON_BACKENDS(HardeningTest);

}  // namespace
}  // namespace gz::test
