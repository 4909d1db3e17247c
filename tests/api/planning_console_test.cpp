// Black-box tests of what the staff console's planning pages read, on SQLite and PostgreSQL:
// a community's plans newest first with their lifecycle stage (draft until published), the
// guides and staff of a community with each guide's caseload and no password data, and a
// household CSV dry run that reports every row and writes nothing.
#include <gtest/gtest.h>

#include <map>
#include <memory>

#include "harness.hpp"

namespace gz::test {
namespace {

constexpr const char* kPassword = "planning-pass-42";

struct Fixture {
  std::unique_ptr<ServerProcess> server;
  std::int64_t community_id = 0, other_id = 0;
  std::int64_t guide_id = 0;
  std::int64_t first_plan = 0, second_plan = 0;
  Client admin{0}, staff{0}, guide{0}, street{0}, resident{0}, outsider_staff{0};
};

std::int64_t created(const HttpResponse& response) {
  EXPECT_EQ(response.status / 100, 2) << response.body;
  return response.status / 100 == 2 ? response.json().at("id").as_int64() : 0;
}

Fixture& fixture(Backend backend) {
  static std::map<Backend, std::unique_ptr<Fixture>> made;
  auto& slot = made[backend];
  if (slot) return *slot;
  slot = std::make_unique<Fixture>();
  Fixture& f = *slot;
  std::string url = fresh_database_url(backend);
  std::string output;
  EXPECT_EQ(run_cli({"migrate", "--db", url}, "", &output), 0) << output;
  add_user(url, "admin", "admin", {}, kPassword);
  f.server = std::make_unique<ServerProcess>(url);
  int port = f.server->port();
  f.admin = Client(port);
  EXPECT_EQ(f.admin.login("admin", kPassword).status, 200);
  f.community_id =
      created(f.admin.post("/api/v1/communities", {{"name", "规划社区"}, {"code", "P-1"}}));
  f.other_id =
      created(f.admin.post("/api/v1/communities", {{"name", "别的社区"}, {"code", "P-2"}}));
  std::string cid = std::to_string(f.community_id);
  add_user(url, "staff", "staff", {"--community", cid}, kPassword);
  f.guide_id = add_user(url, "guide", "guide", {"--community", cid}, kPassword);
  add_user(url, "guide2", "guide", {"--community", cid}, kPassword);
  add_user(url, "street", "street", {"--community", cid}, kPassword);
  add_user(url, "otherstaff", "staff", {"--community", std::to_string(f.other_id)}, kPassword);
  f.staff = Client(port);
  EXPECT_EQ(f.staff.login("staff", kPassword).status, 200);
  auto household = created(f.staff.post("/api/v1/households", {{"community_id", f.community_id},
                                                               {"code", "1-101"},
                                                               {"address", "1号楼101"},
                                                               {"housing_type", "owner"}}));
  created(f.staff.post("/api/v1/households", {{"community_id", f.community_id},
                                              {"code", "1-102"},
                                              {"address", "1号楼102"},
                                              {"housing_type", "owner"},
                                              {"guide_user_id", f.guide_id}}));
  auto assigned = f.staff.patch("/api/v1/households/" + std::to_string(household),
                                {{"guide_user_id", f.guide_id}});
  EXPECT_EQ(assigned.status, 200) << assigned.body;
  add_user(url, "resident", "resident", {"--household", std::to_string(household)}, kPassword);
  auto plan = [&](const char* quarter) {
    boost::json::array categories{
        boost::json::object{
            {"category", "elderly_care"}, {"policy_weight", 60}, {"demand_weight", 50}},
        boost::json::object{
            {"category", "childcare"}, {"policy_weight", 40}, {"demand_weight", 50}}};
    return created(f.staff.post("/api/v1/allocation/plans", {{"community_id", f.community_id},
                                                             {"quarter", quarter},
                                                             {"total", 1000000},
                                                             {"unit", "fen"},
                                                             {"categories", categories}}));
  };
  f.first_plan = plan("2026Q3");
  f.second_plan = plan("2026Q4");
  auto published = f.staff.post("/api/v1/plans/" + std::to_string(f.first_plan) + "/transitions",
                                {{"action", "publish"}, {"note", "张贴于公告栏"}});
  EXPECT_EQ(published.status, 200) << published.body;
  f.guide = Client(port);
  EXPECT_EQ(f.guide.login("guide", kPassword).status, 200);
  f.street = Client(port);
  EXPECT_EQ(f.street.login("street", kPassword).status, 200);
  f.resident = Client(port);
  EXPECT_EQ(f.resident.login("resident", kPassword).status, 200);
  f.outsider_staff = Client(port);
  EXPECT_EQ(f.outsider_staff.login("otherstaff", kPassword).status, 200);
  return f;
}

class PlanningConsoleTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    if (!backend_available(GetParam())) GTEST_SKIP() << "GONGZHI_TEST_PG is not set";
  }
  Fixture& f() { return fixture(GetParam()); }
  std::string cid() { return std::to_string(f().community_id); }
};

TEST_P(PlanningConsoleTest, PlansAreListedNewestFirstWithTheirStage) {
  auto listed = f().guide.get("/api/v1/allocation/plans?community_id=" + cid());
  ASSERT_EQ(listed.status, 200) << listed.body;
  auto body = listed.json();
  const auto& items = body.at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].at("id").as_int64(), f().second_plan);
  EXPECT_EQ(items[0].at("stage").as_string(), "draft");
  EXPECT_EQ(items[0].at("quarter").as_string(), "2026Q4");
  EXPECT_EQ(items[0].at("total").as_int64(), 1000000);
  EXPECT_EQ(items[0].at("unit").as_string(), "fen");
  EXPECT_FALSE(items[0].at("created_at").as_string().empty());
  EXPECT_EQ(items[1].at("id").as_int64(), f().first_plan);
  EXPECT_EQ(items[1].at("stage").as_string(), "public_notice");
  EXPECT_EQ(f().street.get("/api/v1/allocation/plans?community_id=" + cid()).status, 200);
}

TEST_P(PlanningConsoleTest, PlansAreHiddenFromResidentsAndOutsiders) {
  auto resident = f().resident.get("/api/v1/allocation/plans?community_id=" + cid());
  EXPECT_EQ(resident.status, 403) << resident.body;
  auto outsider = f().outsider_staff.get("/api/v1/allocation/plans?community_id=" + cid());
  EXPECT_EQ(outsider.status, 404) << outsider.body;
  auto bad = f().staff.get("/api/v1/allocation/plans?community_id=abc");
  EXPECT_EQ(bad.status, 400) << bad.body;
}

TEST_P(PlanningConsoleTest, GuidesAreListedWithTheirCaseloadAndNoPasswordData) {
  auto listed = f().staff.get("/api/v1/users?community_id=" + cid() + "&role=guide");
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_EQ(listed.body.find("password"), std::string::npos);
  auto body = listed.json();
  const auto& items = body.at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].at("id").as_int64(), f().guide_id);
  EXPECT_EQ(items[0].at("username").as_string(), "guide");
  EXPECT_TRUE(items[0].at("display_name").is_string());
  EXPECT_EQ(items[0].at("role").as_string(), "guide");
  EXPECT_EQ(items[0].at("caseload").as_int64(), 2);
  EXPECT_EQ(items[1].at("caseload").as_int64(), 0);
  auto staff = f().street.get("/api/v1/users?community_id=" + cid() + "&role=staff");
  ASSERT_EQ(staff.status, 200) << staff.body;
  ASSERT_EQ(staff.json().at("items").as_array().size(), 1u);
  EXPECT_TRUE(staff.json().at("items").as_array()[0].at("caseload").is_null());
  auto both = f().admin.get("/api/v1/users?community_id=" + cid());
  ASSERT_EQ(both.status, 200) << both.body;
  EXPECT_EQ(both.json().at("items").as_array().size(), 3u);
}

TEST_P(PlanningConsoleTest, UsersAreNotListedForResidentsGuidesOrOutsiders) {
  EXPECT_EQ(f().resident.get("/api/v1/users?community_id=" + cid()).status, 403);
  EXPECT_EQ(f().guide.get("/api/v1/users?community_id=" + cid()).status, 403);
  EXPECT_EQ(f().outsider_staff.get("/api/v1/users?community_id=" + cid()).status, 404);
  auto residents = f().staff.get("/api/v1/users?community_id=" + cid() + "&role=resident");
  EXPECT_EQ(residents.status, 400) << residents.body;
  EXPECT_EQ(residents.error_code(), "invalid_role");
}

TEST_P(PlanningConsoleTest, ADryRunReportsEveryRowAndWritesNothing) {
  std::string csv =
      "household_code,building,address,name,sex,id_number,mobile\n"
      "DRY-01,5号楼,5号楼101,孙丽,female,,13600003333\n"
      "DRY-02,5号楼,5号楼102,周强,male,110105194912310021,\n";
  std::string target = "/api/v1/households/import?community_id=" + cid();
  auto dry = f().staff.post_raw(target + "&dry_run=true", csv, "text/csv");
  ASSERT_EQ(dry.status, 200) << dry.body;
  auto report = dry.json();
  EXPECT_TRUE(report.at("dry_run").as_bool());
  EXPECT_FALSE(report.at("written").as_bool());
  EXPECT_EQ(report.at("rows").as_int64(), 2);
  ASSERT_EQ(report.at("errors").as_array().size(), 1u);
  EXPECT_EQ(report.at("errors").as_array()[0].at("line").as_int64(), 3);
  auto found = f().staff.get("/api/v1/households?community_id=" + cid() + "&q=DRY-01");
  ASSERT_EQ(found.status, 200) << found.body;
  EXPECT_EQ(found.json().at("total").as_int64(), 0);
  // Residents may not even dry-run.
  EXPECT_EQ(f().resident.post_raw(target + "&dry_run=true", csv, "text/csv").status, 403);
}

INSTANTIATE_TEST_SUITE_P(Backends, PlanningConsoleTest,
                         ::testing::Values(Backend::sqlite, Backend::postgresql),
                         [](const auto& info) { return backend_name(info.param); });

}  // namespace
}  // namespace gz::test
