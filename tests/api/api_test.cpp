// Black-box API tests: a real `gongzhi serve` on SQLite and on PostgreSQL, driven over HTTP
// as a user would, checking statuses, error codes, permissions, masking and the audit chain.
#include <gtest/gtest.h>

#include <set>

#include <unistd.h>
#include <sstream>

#include <signal.h>
#include <filesystem>
#include <fstream>

#include <thread>

#include "core/text.hpp"
#include "harness.hpp"
#include "storage/database.hpp"

namespace gz::test {
namespace {

constexpr const char* kPassword = "correct-horse-42";

// One server per backend, shared by the tests of that backend, with a small community.
struct Fixture {
  explicit Fixture(Backend backend) : world(backend, {}, kPassword) {
    community_id = created_id(world.admin().post("/api/v1/communities", {{"name", "幸福里社区"},
                                                                         {"code", "T-001"},
                                                                         {"district", "西湖区"},
                                                                         {"street", "北山街道"}}));
    other_community_id = world.community("和平里社区", "T-002");
    staff = world.community_user("staff1", "staff", {community_id});
    guide = world.community_user("guide1", "guide", {community_id});
    guide_id = world.user_id("guide1");
    street = world.community_user("street1", "street", {community_id, other_community_id});
    building_id = world.building(community_id, "1号楼");
    household_a = world.household(community_id, "01-1-0101",
                                  {{"building_id", building_id},
                                   {"address", "1号楼1单元101室"},
                                   {"tags", boost::json::array{"elderly_alone"}}});
    household_b = world.household(community_id, "01-1-0102",
                                  {{"address", "1号楼1单元102室"}, {"housing_type", "tenant"}});
    world.resident_with(household_a, {{"name", "王秀英"},
                                      {"id_number", "11010519491231002X"},
                                      {"mobile", "13812345678"},
                                      {"relation", "self"}});
    resident = world.resident_user("resident1", household_a);
  }
  World world;
  std::int64_t community_id = 0;
  std::int64_t other_community_id = 0;
  std::int64_t building_id = 0;
  std::int64_t household_a = 0;  // the resident's own
  std::int64_t household_b = 0;  // a neighbour's
  std::int64_t guide_id = 0;
  Client staff{0}, guide{0}, resident{0}, street{0};
};

class Api : public BackendTest {
 protected:
  Fixture& w() { return shared<Fixture>(GetParam()); }
  int port() { return w().world.port(); }
};

TEST_P(Api, HealthzAnswersWithRequestId) {
  auto response = send_http(port(), {"GET", "/healthz", "", {}});
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.json().at("status").as_string(), "ok");
  EXPECT_FALSE(response.headers["x-request-id"].empty());
  auto echoed = send_http(port(), {"GET", "/healthz", "", {{"X-Request-Id", "trace-123"}}});
  EXPECT_EQ(echoed.headers["x-request-id"], "trace-123");
}

TEST_P(Api, UnknownRouteIs404AndWrongMethodIs405) {
  auto missing = send_http(port(), {"GET", "/api/v1/nothing-here", "", {}});
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.error_code(), "route_not_found");
  auto wrong = send_http(port(), {"DELETE", "/api/v1/communities", "", {}});
  EXPECT_EQ(wrong.status, 405);
}

// The public board names its community and lets a visitor switch: names and places only.
TEST_P(Api, EveryoneReadsTheCommunitiesByNameAndNothingMore) {
  auto response = send_http(port(), {"GET", "/api/v1/public/communities", "", {}});
  ASSERT_EQ(response.status, 200) << response.body;
  auto body = response.json();
  std::set<std::string> names;
  for (const auto& item : body.at("items").as_array()) {
    names.insert(std::string(item.at("name").as_string()));
    EXPECT_FALSE(item.as_object().contains("households"));
    EXPECT_FALSE(item.as_object().contains("code"));
  }
  EXPECT_TRUE(names.count("幸福里社区"));
  EXPECT_TRUE(names.count("和平里社区"));
}

TEST_P(Api, NoLoginIs401) {
  auto response = send_http(port(), {"GET", "/api/v1/households", "", {}});
  EXPECT_EQ(response.status, 401);
  EXPECT_EQ(response.error_code(), "unauthorized");
}

TEST_P(Api, LoginSetsStrictHttpOnlyCookieAndMeWorksWithIt) {
  Client client(port());
  auto response = client.login("staff1", kPassword);
  ASSERT_EQ(response.status, 200);
  auto cookie = response.headers["set-cookie"];
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_EQ(response.json().at("user").at("role").as_string(), "staff");
  std::string token = std::string(response.json().at("token").as_string());
  auto me = send_http(port(), {"GET", "/api/v1/me", "", {{"Cookie", "gz_session=" + token}}});
  EXPECT_EQ(me.status, 200);
  EXPECT_EQ(me.json().at("user").at("username").as_string(), "staff1");
  EXPECT_EQ(client.post("/api/v1/auth/logout", boost::json::object{}).status, 200);
  EXPECT_EQ(client.get("/api/v1/me").status, 401);
}

TEST_P(Api, BadCredentialsAre401ThenThrottledWith429) {
  Client client(port());
  for (int i = 0; i < 5; ++i) {
    auto response = client.login("guide1-throttle-target", "wrong-password");
    EXPECT_EQ(response.status, 401);
    EXPECT_EQ(response.error_code(), "invalid_credentials");
  }
  auto throttled = client.login("guide1-throttle-target", "wrong-password");
  EXPECT_EQ(throttled.status, 429);
  EXPECT_EQ(throttled.error_code(), "login_throttled");
  EXPECT_FALSE(throttled.headers["retry-after"].empty());
}

TEST_P(Api, MalformedJsonAndWrongTypesAre400) {
  auto& staff = w().staff;
  HttpRequest broken{"POST", "/api/v1/households", "{\"community_id\": 1,", {}};
  broken.headers.emplace_back("Authorization", "Bearer " + staff.token());
  auto response = send_http(port(), broken);
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(response.error_code(), "invalid_json");
  auto wrong_type =
      staff.post("/api/v1/households", {{"community_id", "one"}, {"code", "x"}, {"address", "y"}});
  EXPECT_EQ(wrong_type.status, 400);
  EXPECT_EQ(wrong_type.error_code(), "invalid_field");
  auto not_object = staff.post("/api/v1/households", boost::json::array{1, 2});
  EXPECT_EQ(not_object.error_code(), "body_not_object");
  auto typo = staff.post("/api/v1/households",
                         {{"community_id", w().community_id}, {"code", "z"}, {"adress", "typo"}});
  EXPECT_EQ(typo.status, 400);
  EXPECT_EQ(typo.error_code(), "unknown_field");
}

TEST_P(Api, FiveMegabyteBodyIs413) {
  std::string big(5 * 1024 * 1024, 'a');
  auto response = send_http(
      port(), {"POST", "/api/v1/auth/login", big, {{"Content-Type", "application/json"}}});
  EXPECT_EQ(response.status, 413);
  EXPECT_EQ(response.error_code(), "payload_too_large");
}

// The header is read under the largest (upload) limit; an ordinary route still holds a
// declared 1.5 MB, and a chunked one of the same size, to its 1 MiB.
TEST_P(Api, JsonBodiesOverOneMebibyteAre413WhateverTheFraming) {
  std::string body = "{\"username\":\"" + std::string(1536 * 1024, 'a') + "\"}";
  auto declared = send_http(
      port(), {"POST", "/api/v1/auth/login", body, {{"Content-Type", "application/json"}}});
  EXPECT_EQ(declared.status, 413);
  EXPECT_EQ(declared.error_code(), "payload_too_large");
  std::string chunked =
      "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: "
      "application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
  std::ostringstream size;
  size << std::hex << body.size();
  chunked += size.str() + "\r\n" + body + "\r\n0\r\n\r\n";
  std::string reply = send_raw(port(), chunked);
  EXPECT_EQ(reply.substr(0, 12), "HTTP/1.1 413") << reply.substr(0, 200);
}

TEST_P(Api, OversizedHeaderIs431) {
  std::string huge(64 * 1024, 'x');
  auto response = send_http(port(), {"GET", "/healthz", "", {{"X-Huge", huge}}});
  EXPECT_EQ(response.status, 431);
}

TEST_P(Api, StaffMayNotCreateCommunities) {
  auto response = w().staff.post("/api/v1/communities", {{"name", "x"}, {"code", "T-X"}});
  EXPECT_EQ(response.status, 403);
  EXPECT_EQ(response.error_code(), "forbidden");
}

TEST_P(Api, ResidentSeesOnlyOwnHousehold) {
  auto& resident = w().resident;
  auto list = resident.get("/api/v1/households");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.json().at("total").as_int64(), 1);
  EXPECT_EQ(list.json().at("items").at(0).at("id").as_int64(), w().household_a);
  EXPECT_EQ(resident.get("/api/v1/households/" + std::to_string(w().household_a)).status, 200);
  auto other = resident.get("/api/v1/households/" + std::to_string(w().household_b));
  EXPECT_EQ(other.status, 404);
  EXPECT_EQ(other.body.find("01-1-0102"), std::string::npos);
}

TEST_P(Api, ResidentMayEditOnlyNeedsSkillsWillingness) {
  auto& resident = w().resident;
  std::string path = "/api/v1/households/" + std::to_string(w().household_a);
  auto ok = resident.patch(
      path, {{"needs", boost::json::array{"elderly_care", "health"}}, {"willingness", "high"}});
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json().at("willingness").as_string(), "high");
  auto denied = resident.patch(path, {{"income_band", "high"}});
  EXPECT_EQ(denied.status, 403);
  auto neighbour = resident.patch("/api/v1/households/" + std::to_string(w().household_b),
                                  {{"needs", boost::json::array{"health"}}});
  EXPECT_EQ(neighbour.status, 404);
}

TEST_P(Api, PersonalDataIsMaskedExceptForStaff) {
  std::string path = "/api/v1/households/" + std::to_string(w().household_a);
  auto guide_view = w().guide.get(path);
  ASSERT_EQ(guide_view.status, 200);
  auto masked = guide_view.json().at("residents").at(0);
  EXPECT_EQ(masked.at("id_number").as_string(), "1101************2X");
  EXPECT_EQ(masked.at("mobile").as_string(), "138****5678");
  auto resident_view = w().resident.get(path).json().at("residents").at(0);
  EXPECT_EQ(resident_view.at("id_number").as_string(), "1101************2X");

  auto head_before = send_http(port(), {"GET", "/api/v1/ledger/head", "", {}}).json();
  auto staff_view = w().staff.get(path);
  auto full = staff_view.json().at("residents").at(0);
  EXPECT_EQ(full.at("id_number").as_string(), "11010519491231002X");
  EXPECT_EQ(full.at("mobile").as_string(), "13812345678");
  auto head_after = send_http(port(), {"GET", "/api/v1/ledger/head", "", {}}).json();
  // The unmasked read was written to the audit chain.
  EXPECT_EQ(head_after.at("seq").as_int64(), head_before.at("seq").as_int64() + 1);
}

TEST_P(Api, InvalidIdNumberIsRejectedAndNothingWritten) {
  std::string path = "/api/v1/households/" + std::to_string(w().household_b) + "/residents";
  auto before = w().staff.get(path).json().at("items").as_array().size();
  auto response = w().staff.post(path, {{"name", "李四"}, {"id_number", "110105194912310021"}});
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(response.error_code(), "invalid_id_number");
  auto bad_mobile = w().staff.post(path, {{"name", "李四"}, {"sex", "male"}, {"mobile", "12345"}});
  EXPECT_EQ(bad_mobile.error_code(), "invalid_mobile");
  EXPECT_EQ(w().staff.get(path).json().at("items").as_array().size(), before);
}

TEST_P(Api, GuideSeesOnlyOwnCommunitiesAndStreetSeesSeveral) {
  auto other =
      w().guide.get("/api/v1/households?community_id=" + std::to_string(w().other_community_id));
  EXPECT_EQ(other.status, 404);
  auto communities = w().street.get("/api/v1/communities").json().at("items").as_array();
  EXPECT_EQ(communities.size(), 2u);
  auto guide_communities = w().guide.get("/api/v1/communities").json().at("items").as_array();
  EXPECT_EQ(guide_communities.size(), 1u);
  auto street_edit = w().street.patch("/api/v1/households/" + std::to_string(w().household_b),
                                      {{"income_band", "low"}});
  EXPECT_EQ(street_edit.status, 403);
}

TEST_P(Api, FiltersAndPaging) {
  std::string base = "/api/v1/households?community_id=" + std::to_string(w().community_id);
  auto by_tag = w().staff.get(base + "&tag=elderly_alone").json();
  EXPECT_GE(by_tag.at("total").as_int64(), 1);
  for (const auto& item : by_tag.at("items").as_array()) {
    bool tagged = false;
    for (const auto& tag : item.at("tags").as_array())
      tagged = tagged || tag.as_string() == "elderly_alone";
    EXPECT_TRUE(tagged);
  }
  auto by_name = w().staff.get(base + "&q=%E7%8E%8B%E7%A7%80").json();  // 王秀
  EXPECT_EQ(by_name.at("total").as_int64(), 1);
  auto paged = w().staff.get(base + "&page_size=1&page=2").json();
  EXPECT_EQ(paged.at("items").as_array().size(), 1u);
  EXPECT_EQ(w().staff.get(base + "&page_size=0").status, 400);
  EXPECT_EQ(w().staff.get(base + "&tag=nonsense").error_code(), "invalid_tag");
  EXPECT_EQ(w().staff.get("/api/v1/households?community_id=abc").status, 400);
}

TEST_P(Api, IdempotencyKeyReplaysAndRejectsADifferentBody) {
  boost::json::object body{
      {"community_id", w().community_id}, {"code", "IDEM-1"}, {"address", "幸福路9号"}};
  std::vector<std::pair<std::string, std::string>> key = {{"Idempotency-Key", "key-create-idem-1"}};
  auto first = w().staff.post("/api/v1/households", body, key);
  ASSERT_EQ(first.status, 201) << first.body;
  auto again = w().staff.post("/api/v1/households", body, key);
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.json().at("id"), first.json().at("id"));
  EXPECT_EQ(again.headers["idempotent-replayed"], "true");
  body["address"] = "另一个地址";
  auto conflict = w().staff.post("/api/v1/households", body, key);
  EXPECT_EQ(conflict.status, 409);
  EXPECT_EQ(conflict.error_code(), "idempotency_key_reused");
  auto list = w().staff.get("/api/v1/households?q=IDEM-1").json();
  EXPECT_EQ(list.at("total").as_int64(), 1);
}

TEST_P(Api, DuplicateHouseholdCodeIs409) {
  auto response = w().staff.post(
      "/api/v1/households",
      {{"community_id", w().community_id}, {"code", "01-1-0101"}, {"address", "dup"}});
  EXPECT_EQ(response.status, 409);
  EXPECT_EQ(response.error_code(), "household_exists");
}

std::string import_csv_utf8() {
  return "户号,楼栋,地址,住房类型,收入档次,标签,服务需求,姓名,性别,出生日期,身份证号,手机号,"
         "与户主关系,户籍类型\r\n"
         "IMP-01,2号楼,2号楼1单元101室,租住,低收入,独居老人,养老服务,赵桂兰,,,11010519491231002X,"
         "13900001111,户主,户籍\r\n"
         "IMP-02,2号楼,2号楼1单元102室,自有,中等收入,,托育服务;文体活动,钱伟,男,1988/3/"
         "5,,13700002222,户主,流动\r\n"
         "IMP-02,2号楼,2号楼1单元102室,自有,中等收入,,,钱小宝,男,2023-06-01,,,子女,流动\r\n";
}

TEST_P(Api, ImportsGbkCsvFromExcelAndExportsIt) {
  auto gbk = text::utf8_to_gbk(import_csv_utf8());
  ASSERT_TRUE(gbk.has_value());
  std::string target =
      "/api/v1/households/import?community_id=" + std::to_string(w().other_community_id);
  // Staff of another community may not import here.
  EXPECT_EQ(w().staff.post_raw(target, *gbk, "text/csv").status, 404);
  auto response = w().world.admin().post_raw(target, *gbk, "text/csv");
  ASSERT_EQ(response.status, 200) << response.body;
  auto report = response.json();
  EXPECT_EQ(report.at("encoding").as_string(), "gbk");
  EXPECT_EQ(report.at("households_created").as_int64(), 2);
  EXPECT_EQ(report.at("residents_created").as_int64(), 3);
  EXPECT_EQ(report.at("buildings_created").as_int64(), 1);
  auto exported = w().world.admin().get("/api/v1/households/export?community_id=" +
                                        std::to_string(w().other_community_id));
  ASSERT_EQ(exported.status, 200);
  EXPECT_NE(exported.headers["content-type"].find("text/csv"), std::string::npos);
  EXPECT_EQ(exported.body.rfind("\xEF\xBB\xBF", 0), 0u);
  EXPECT_NE(exported.body.find("赵桂兰"), std::string::npos);
  EXPECT_NE(exported.body.find("11010519491231002X"), std::string::npos);
  EXPECT_NE(exported.body.find("1988-03-05"), std::string::npos);
  // A street supervisor's export is masked.
  auto masked = w().street.get("/api/v1/households/export?community_id=" +
                               std::to_string(w().other_community_id));
  ASSERT_EQ(masked.status, 200);
  EXPECT_EQ(masked.body.find("11010519491231002X"), std::string::npos);
  EXPECT_NE(masked.body.find("1101************2X"), std::string::npos);
}

TEST_P(Api, ImportWithABadRowWritesNothingUnlessPartial) {
  std::string csv =
      "household_code,building,address,name,sex,id_number,mobile\n"
      "BAD-01,3号楼,3号楼101,孙丽,female,,13600003333\n"
      "BAD-02,3号楼,3号楼102,周强,male,110105194912310021,\n"
      "BAD-03,3号楼,3号楼103,吴敏,female,,1360000\n";
  std::string target = "/api/v1/households/import?community_id=" + std::to_string(w().community_id);
  auto response = w().staff.post_raw(target, csv, "text/csv");
  ASSERT_EQ(response.status, 422) << response.body;
  EXPECT_EQ(response.error_code(), "import_failed");
  auto errors = response.json().at("error").at("details").at("errors").as_array();
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].at("line").as_int64(), 3);
  EXPECT_EQ(errors[0].at("code").as_string(), "invalid_id_number");
  EXPECT_EQ(errors[1].at("line").as_int64(), 4);
  EXPECT_EQ(errors[1].at("column").as_string(), "mobile");
  EXPECT_EQ(w().staff.get("/api/v1/households?q=BAD-0").json().at("total").as_int64(), 0);

  auto partial = w().staff.post_raw(target + "&partial=true", csv, "text/csv");
  ASSERT_EQ(partial.status, 200) << partial.body;
  EXPECT_EQ(partial.json().at("households_created").as_int64(), 1);
  EXPECT_EQ(w().staff.get("/api/v1/households?q=BAD-0").json().at("total").as_int64(), 1);
}

TEST_P(Api, GuideAssignmentNeedsStaffAndAGuideOfTheCommunity) {
  std::string path = "/api/v1/households/" + std::to_string(w().household_b);
  EXPECT_EQ(w().guide.patch(path, {{"guide_user_id", w().guide_id}}).status, 403);
  auto assigned = w().staff.patch(path, {{"guide_user_id", w().guide_id}});
  ASSERT_EQ(assigned.status, 200) << assigned.body;
  EXPECT_EQ(assigned.json().at("guide_user_id").as_int64(), w().guide_id);
  auto not_guide = w().staff.patch(path, {{"guide_user_id", 1}});
  EXPECT_EQ(not_guide.error_code(), "invalid_guide");
}

TEST_P(Api, OpenApiDescribesEveryRouteAndMetricsCountThem) {
  auto document = send_http(port(), {"GET", "/api/v1/openapi.json", "", {}});
  ASSERT_EQ(document.status, 200);
  auto paths = document.json().at("paths").as_object();
  for (const char* path :
       {"/healthz", "/metrics", "/api/v1/auth/login", "/api/v1/households",
        "/api/v1/households/{id}", "/api/v1/households/import", "/api/v1/ledger/verify",
        "/api/v1/ledger/head", "/api/v1/communities/{id}/buildings"}) {
    EXPECT_TRUE(paths.contains(path)) << path;
  }
  EXPECT_TRUE(paths.at("/api/v1/households/{id}").as_object().contains("patch"));
  send_http(port(), {"GET", "/healthz", "", {}});
  auto metrics = send_http(port(), {"GET", "/metrics", "", {}});
  EXPECT_NE(metrics.body.find("gongzhi_http_requests_total{route=\"GET /healthz\",status=\"2xx\"}"),
            std::string::npos);
  EXPECT_NE(metrics.body.find(
                "gongzhi_http_request_duration_seconds_bucket{route=\"GET /healthz\",le=\"+Inf\"}"),
            std::string::npos);
}

TEST_P(Api, LedgerVerifyPassesAndNamesATamperedEntry) {
  auto verdict = w().staff.get("/api/v1/ledger/verify");
  ASSERT_EQ(verdict.status, 200);
  EXPECT_TRUE(verdict.json().at("ok").as_bool()) << verdict.body;
  EXPECT_EQ(w().resident.get("/api/v1/ledger/verify").status, 403);
  std::string output;
  EXPECT_EQ(run_cli({"ledger", "verify", "--db", w().world.url()}, "", &output), 0) << output;
}

// Runs last for each backend: it tampers with the chain of a separate server's database.
TEST_P(Api, TamperingWithOneAuditRowIsNamedByVerify) {
  World world(GetParam(), {}, kPassword);
  const std::string& url = world.url();
  Client& admin = world.admin();
  std::string output;
  for (int i = 0; i < 5; ++i) {
    auto made = admin.post("/api/v1/communities", {{"name", "社区" + std::to_string(i)},
                                                   {"code", "TAMPER-" + std::to_string(i)}});
    ASSERT_EQ(made.status, 201);
  }
  ASSERT_TRUE(admin.get("/api/v1/ledger/verify").json().at("ok").as_bool());
  {
    auto database = storage::open_database(url);
    auto connection = database->connect();
    connection->execute("UPDATE audit_log SET change = ? WHERE seq = 3",
                        {std::string("{\"code\":\"FORGED\"}")});
  }
  auto verdict = admin.get("/api/v1/ledger/verify").json();
  EXPECT_FALSE(verdict.at("ok").as_bool());
  EXPECT_EQ(verdict.at("first_bad_entry").at("seq").as_int64(), 3);
  EXPECT_EQ(verdict.at("first_bad_entry").at("problem").as_string(), "altered");
  EXPECT_EQ(run_cli({"ledger", "verify", "--db", url}, "", &output), 1);
  EXPECT_NE(output.find("entry 3"), std::string::npos) << output;
  {
    auto database = storage::open_database(url);
    auto connection = database->connect();
    connection->execute(
        "UPDATE audit_log SET change = (SELECT change FROM audit_log WHERE seq = 2) WHERE seq = 3");
    connection->execute("DELETE FROM audit_log WHERE seq = 5");
  }
  auto deleted = admin.get("/api/v1/ledger/verify").json();
  EXPECT_FALSE(deleted.at("ok").as_bool());
  EXPECT_EQ(deleted.at("first_bad_entry").at("seq").as_int64(), 3);  // still the first bad one
}

TEST_P(Api, GracefulShutdownFinishesAndExitsZero) {
  std::string url = fresh_database_url(GetParam());
  ServerProcess server(url);
  EXPECT_EQ(send_http(server.port(), {"GET", "/healthz", "", {}}).status, 200);
  EXPECT_EQ(server.stop(), 0);
}

GZ_ON_BACKENDS(Api);

}  // namespace
}  // namespace gz::test

namespace gz::test {
namespace {

TEST(WebRoot, ServesTheAppWithCachingHeadersStrictCspAndSpaFallback) {
  std::string root = "/tmp/gz_web_root_" + std::to_string(::getpid());
  std::filesystem::create_directories(root + "/assets");
  std::ofstream(root + "/index.html") << "<!doctype html><title>共治</title><div id=app></div>";
  std::ofstream(root + "/assets/app-1a2b3c.js") << "console.log('gz')";
  std::ofstream(root + "/robots.txt") << "User-agent: *";
  ServerProcess server(fresh_database_url(Backend::sqlite), {"--web-root", root});
  auto shell = send_http(server.port(), {"GET", "/", "", {}});
  ASSERT_EQ(shell.status, 200);
  EXPECT_NE(shell.body.find("共治"), std::string::npos);
  EXPECT_EQ(shell.headers["cache-control"], "no-cache");
  EXPECT_NE(shell.headers["content-security-policy"].find("script-src 'self'"), std::string::npos);
  EXPECT_EQ(shell.headers["content-security-policy"].find("unsafe-inline"), std::string::npos);
  auto asset = send_http(server.port(), {"GET", "/assets/app-1a2b3c.js", "", {}});
  EXPECT_EQ(asset.status, 200);
  EXPECT_EQ(asset.headers["cache-control"], "public, max-age=31536000, immutable");
  EXPECT_NE(asset.headers["content-type"].find("javascript"), std::string::npos);
  EXPECT_EQ(send_http(server.port(), {"GET", "/robots.txt", "", {}}).status, 200);
  // HEAD answers like GET, without the body.
  auto head = send_http(server.port(), {"HEAD", "/assets/app-1a2b3c.js", "", {}});
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.headers["content-length"],
            std::to_string(std::string("console.log('gz')").size()));
  EXPECT_TRUE(head.body.empty());
  EXPECT_EQ(send_http(server.port(), {"HEAD", "/healthz", "", {}}).status, 200);
  // Client-side routes get the app shell; missing files and API paths do not.
  auto deep = send_http(server.port(), {"GET", "/staff/requests/12", "", {}});
  EXPECT_EQ(deep.status, 200);
  EXPECT_NE(deep.body.find("id=app"), std::string::npos);
  EXPECT_EQ(send_http(server.port(), {"GET", "/assets/missing.js", "", {}}).status, 404);
  EXPECT_EQ(send_http(server.port(), {"GET", "/api/v1/nothing", "", {}}).error_code(),
            "route_not_found");
  EXPECT_EQ(send_http(server.port(), {"GET", "/../../etc/passwd", "", {}}).body.find("root:"),
            std::string::npos);
  EXPECT_EQ(
      send_http(server.port(), {"GET", "/assets/../../etc/passwd", "", {}}).body.find("root:"),
      std::string::npos);
  EXPECT_EQ(send_http(server.port(), {"POST", "/staff", "", {}}).status, 404);
  std::filesystem::remove_all(root);
}

TEST(WebRoot, JsonAnswersAreGzippedForClientsThatTakeIt) {
  ServerProcess server(fresh_database_url(Backend::sqlite));
  auto plain = send_http(server.port(), {"GET", "/api/v1/openapi.json", "", {}});
  ASSERT_EQ(plain.status, 200);
  EXPECT_EQ(plain.headers.count("content-encoding"), 0u);
  EXPECT_EQ(plain.headers["vary"], "Accept-Encoding");
  EXPECT_EQ(plain.body.front(), '{');
  auto packed =
      send_http(server.port(), {"GET", "/api/v1/openapi.json", "", {{"Accept-Encoding", "gzip"}}});
  ASSERT_EQ(packed.status, 200);
  EXPECT_EQ(packed.headers["content-encoding"], "gzip");
  ASSERT_GE(packed.body.size(), 2u);
  EXPECT_EQ(static_cast<unsigned char>(packed.body[0]), 0x1f);  // the gzip magic
  EXPECT_EQ(static_cast<unsigned char>(packed.body[1]), 0x8b);
  EXPECT_LT(packed.body.size() * 5, plain.body.size());
  // Small answers go as they are.
  auto small = send_http(server.port(), {"GET", "/healthz", "", {{"Accept-Encoding", "gzip"}}});
  EXPECT_EQ(small.headers.count("content-encoding"), 0u);
}

TEST(WebRoot, SendsTheCompressedSiblingTheClientTakes) {
  std::string root = "/tmp/gz_web_root_br_" + std::to_string(::getpid());
  std::filesystem::create_directories(root + "/assets");
  std::ofstream(root + "/index.html") << "<!doctype html><div id=app></div>";
  std::ofstream(root + "/assets/app-1a2b3c.js") << "console.log('plain')";
  std::ofstream(root + "/assets/app-1a2b3c.js.br") << "BR-BYTES";
  std::ofstream(root + "/assets/app-1a2b3c.js.gz") << "GZ-BYTES";
  std::ofstream(root + "/assets/only-gz.css") << "a{}";
  std::ofstream(root + "/assets/only-gz.css.gz") << "GZ-CSS";
  ServerProcess server(fresh_database_url(Backend::sqlite), {"--web-root", root});
  auto get = [&](const std::string& path, const std::string& accept) {
    std::vector<std::pair<std::string, std::string>> headers;
    if (!accept.empty()) headers.emplace_back("Accept-Encoding", accept);
    return send_http(server.port(), {"GET", path, "", headers});
  };
  struct Case {
    std::string path, accept, body, encoding;
  };
  for (const auto& c : std::vector<Case>{
           {"/assets/app-1a2b3c.js", "gzip, deflate, br", "BR-BYTES", "br"},
           {"/assets/app-1a2b3c.js", "gzip, deflate", "GZ-BYTES", "gzip"},
           {"/assets/app-1a2b3c.js", "br;q=0, gzip;q=0.8", "GZ-BYTES", "gzip"},
           {"/assets/app-1a2b3c.js", "BR", "BR-BYTES", "br"},
           {"/assets/app-1a2b3c.js", "identity", "console.log('plain')", ""},
           {"/assets/app-1a2b3c.js", "", "console.log('plain')", ""},
           {"/assets/app-1a2b3c.js", "gzip;q=0.0, br;q=0", "console.log('plain')", ""},
           {"/assets/app-1a2b3c.js", "*", "BR-BYTES", "br"},
           {"/assets/only-gz.css", "br, gzip", "GZ-CSS", "gzip"},
       }) {
    auto response = get(c.path, c.accept);
    EXPECT_EQ(response.status, 200) << c.accept;
    EXPECT_EQ(response.body, c.body) << c.accept;
    EXPECT_EQ(response.headers["content-encoding"], c.encoding) << c.accept;
    EXPECT_EQ(response.headers["vary"], "Accept-Encoding") << c.accept;
    EXPECT_NE(response.headers["content-type"].find(c.path.ends_with(".js") ? "javascript" : "css"),
              std::string::npos);
  }
  // A file without siblings says nothing about encodings.
  auto shell = get("/", "br, gzip");
  EXPECT_EQ(shell.headers.count("content-encoding"), 0u);
  EXPECT_EQ(shell.headers.count("vary"), 0u);
  std::filesystem::remove_all(root);
}

}  // namespace
}  // namespace gz::test
