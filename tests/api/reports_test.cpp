// Black-box tests of the quarterly report (GET /api/v1/reports/{period} and `gongzhi report`)
// on SQLite and PostgreSQL: a hand-counted fixture of two communities on one street in the
// current quarter gives the expected indicator counts, request rates by priority, plan lines
// and the open improvement task; HTML, CSV and XLSX come with the right headers and content;
// residents get 403, outsiders 404, a bad period or format 400.
#include <gtest/gtest.h>

#include <cstdio>
#include <ctime>
#include <fstream>
#include <iterator>
#include <map>
#include <set>

#include "harness.hpp"

namespace gz::test {
namespace {

constexpr const char* kPassword = "reports-pass-42";
constexpr const char* kStreetEncoded = "%E5%8C%97%E5%B1%B1%E8%A1%97%E9%81%93";  // 北山街道

// The current quarter in Shanghai ("2026Q4") and the one before: the fixture is written now.
std::string quarter(int back = 0) {
  std::time_t now = test_now_seconds() + 8 * 3600;
  std::tm parts{};
  gmtime_r(&now, &parts);
  int year = parts.tm_year + 1900;
  int q = parts.tm_mon / 3 + 1 - back;
  while (q < 1) {
    q += 4;
    --year;
  }
  return std::to_string(year) + "Q" + std::to_string(q);
}

// East: 4 households (elderly at the meeting, family at the meeting, tenant, plain); a noise
// complaint (blue) rated 5 and a water leak (yellow) rated 2; a plan of the quarter and an
// improvement task. West: 1 household at its meeting, a neighbour dispute (blue), unrated.
// Staff and the guide belong to the east; the street user to both. The admin writes it.
struct Fixture {
  explicit Fixture(Backend backend) : world(backend, {}, kPassword) {
    east = world.community("东<报告>社区", "REP-E", "北山街道");
    west = world.community("西社区", "REP-W", "北山街道");
    staff = world.community_user("staff", "staff", {east});
    guide = world.community_user("guide", "guide", {east});
    street = world.community_user("street", "street", {east, west});
    std::int64_t east_building = world.building(east, "1号楼");
    std::int64_t west_building = world.building(west, "1号楼");
    auto home = [&](std::int64_t community, std::int64_t building, const char* code,
                    boost::json::object fields) {
      fields["building_id"] = building;
      return world.household(community, code, fields);
    };
    auto elderly = home(east, east_building, "E-1",
                        {{"address", "1号楼101"}, {"tags", boost::json::array{"elderly"}}});
    auto family = home(east, east_building, "E-2",
                       {{"address", "1号楼102"}, {"tags", boost::json::array{"minor"}}});
    auto tenant =
        home(east, east_building, "E-3", {{"address", "1号楼103"}, {"housing_type", "tenant"}});
    auto plain = home(east, east_building, "E-4", {{"address", "1号楼104"}});
    auto far = home(west, west_building, "W-1", {{"address", "西1"}});
    world.meeting_now(east, {world.resident(elderly, "王奶奶", "female", "1945-01-01"),
                             world.resident(family, "李妈妈", "female", "1990-01-01")});
    world.resident(family, "李宝宝", "female", "2025-06-01");
    world.meeting_now(west, {world.resident(far, "赵先生", "female", "1980-01-01")});
    world.resolved_request(east, elderly, "noise", 5);
    world.resolved_request(east, tenant, "water_leak", 2);
    world.resolved_request(west, far, "neighbour_dispute", 0);

    auto plan = world.admin().post(
        "/api/v1/allocation/plans",
        {{"community_id", east}, {"quarter", quarter()}, {"total", 100000}, {"unit", "fen"}});
    plan_id = created_id(plan);
    if (plan_id) {
      auto created = plan.json();
      for (const auto& line : created.at("lines").as_array()) {
        plan_planned += line.at("total").as_int64();
      }
    }
    improvement_id =
        created_id(world.admin().post("/api/v1/improvements", {{"community_id", east},
                                                               {"indicator", "complaint_rate"},
                                                               {"period", quarter()},
                                                               {"title", "=减少噪音投诉"},
                                                               {"due_on", "2099-12-31"}}));
    resident = world.resident_user("resident", plain);
  }
  World world;
  std::int64_t east = 0, west = 0;
  std::int64_t plan_id = 0;
  std::int64_t plan_planned = 0;  // the plan's line totals added up
  std::int64_t improvement_id = 0;
  Client staff{0}, guide{0}, street{0}, resident{0}, anonymous{world.anonymous()};
};

std::map<std::string, boost::json::object> by_key(const boost::json::value& body) {
  std::map<std::string, boost::json::object> out;
  for (const auto& item : body.at("indicators").as_array()) {
    out[std::string(item.at("key").as_string())] = item.as_object();
  }
  return out;
}

double number(const boost::json::value& value) {
  return value.to_number<double>();
}

// File names in a ZIP's central directory (signature PK\1\2, name length at +28, name at +46).
std::set<std::string> zip_names(const std::string& zip) {
  std::set<std::string> names;
  const std::string signature("PK\x01\x02", 4);
  for (auto at = zip.find(signature); at != std::string::npos && at + 46 <= zip.size();
       at = zip.find(signature, at + 4)) {
    std::size_t length =
        static_cast<unsigned char>(zip[at + 28]) | static_cast<unsigned char>(zip[at + 29]) << 8;
    if (at + 46 + length <= zip.size()) names.insert(zip.substr(at + 46, length));
  }
  return names;
}

std::string read_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

// xl/workbook.xml of an .xlsx through Debian's unzip; "" when unzip is not installed.
std::string workbook_xml(const std::string& path) {
  FILE* pipe = ::popen(("unzip -p '" + path + "' xl/workbook.xml 2>/dev/null").c_str(), "r");
  if (!pipe) return "";
  std::string out;
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  ::pclose(pipe);
  return out;
}

void expect_sheets(const std::string& xlsx, const std::string& path) {
  ASSERT_GE(xlsx.size(), 4u);
  EXPECT_EQ(xlsx.substr(0, 2), "PK");
  auto names = zip_names(xlsx);
  EXPECT_TRUE(names.contains("xl/workbook.xml"));
  for (int sheet = 1; sheet <= 7; ++sheet) {
    EXPECT_TRUE(names.contains("xl/worksheets/sheet" + std::to_string(sheet) + ".xml")) << sheet;
  }
  EXPECT_FALSE(names.contains("xl/worksheets/sheet8.xml"));
  std::string workbook = workbook_xml(path);
  if (workbook.empty()) return;  // no unzip here: the directory check above stands
  for (const char* sheet :
       {"indicators", "trend", "plans", "fairness", "requests", "warnings", "improvements"}) {
    EXPECT_NE(workbook.find("name=\"" + std::string(sheet) + "\""), std::string::npos) << sheet;
  }
}

class ReportsTest : public BackendTest {
 protected:
  Fixture& f() { return shared<Fixture>(GetParam()); }
  std::string east_report(const std::string& extra = "") {
    return "/api/v1/reports/" + quarter() + "?community_id=" + std::to_string(f().east) + extra;
  }
};

TEST_P(ReportsTest, TheJsonReportShowsTheQuartersHandCountedFigures) {
  auto response = f().guide.get(east_report());
  ASSERT_EQ(response.status, 200) << response.body;
  auto body = response.json();
  EXPECT_EQ(body.at("period").as_string(), quarter());
  EXPECT_EQ(body.at("scope_name").as_string(), "东<报告>社区");
  auto all = by_key(body);
  ASSERT_EQ(all.size(), 12u);
  EXPECT_EQ(number(all["participation_rate"].at("numerator")), 2);
  EXPECT_EQ(number(all["participation_rate"].at("denominator")), 4);
  EXPECT_EQ(all["participation_rate"].at("status").as_string(), "not_met");
  EXPECT_EQ(number(all["complaint_rate"].at("numerator")), 1);
  // The trend: the three quarters before, oldest first, then this one with its value.
  const auto& trend = all["participation_rate"].at("trend").as_array();
  ASSERT_EQ(trend.size(), 4u);
  EXPECT_EQ(trend[0].at("period").as_string(), quarter(3));
  EXPECT_EQ(trend[2].at("period").as_string(), quarter(1));
  EXPECT_EQ(trend[3].at("period").as_string(), quarter());
  EXPECT_DOUBLE_EQ(number(trend[3].at("value")), 0.5);
  EXPECT_DOUBLE_EQ(number(trend[2].at("value")), 0);  // households, but nobody attended then
  EXPECT_TRUE(all["satisfaction_rate"].at("trend").as_array()[0].at("value").is_null());

  // Requests: the noise complaint (blue, rated 5) and the water leak (yellow, rated 2).
  const auto& requests = body.at("requests");
  EXPECT_EQ(requests.at("received").as_int64(), 2);
  EXPECT_EQ(requests.at("satisfaction_rate").at("numerator").as_int64(), 1);
  EXPECT_EQ(requests.at("satisfaction_rate").at("denominator").as_int64(), 2);
  std::map<std::string, boost::json::object> priorities;
  for (const auto& item : requests.at("by_priority").as_array()) {
    priorities[std::string(item.at("priority").as_string())] = item.as_object();
  }
  ASSERT_EQ(priorities.size(), 3u);
  EXPECT_EQ(priorities["red"].at("received").as_int64(), 0);
  EXPECT_EQ(priorities["yellow"].at("received").as_int64(), 1);
  EXPECT_EQ(priorities["blue"].at("received").as_int64(), 1);
  EXPECT_EQ(priorities["blue"].at("satisfaction_rate").at("numerator").as_int64(), 1);
  EXPECT_EQ(priorities["yellow"].at("satisfaction_rate").at("numerator").as_int64(), 0);
  // The rating of 2 reopened the leak: only the noise request is resolved.
  EXPECT_EQ(priorities["blue"].at("resolved").as_int64(), 1);
  EXPECT_EQ(priorities["yellow"].at("resolved").as_int64(), 0);

  // The quarter's plan (still a draft, so it is shown), its lines and the fairness read-out.
  const auto& plans = body.at("plans").as_array();
  ASSERT_EQ(plans.size(), 1u);
  EXPECT_EQ(plans[0].at("plan_id").as_int64(), f().plan_id);
  EXPECT_EQ(plans[0].at("stage").as_string(), "draft");
  EXPECT_EQ(plans[0].at("total").as_int64(), 100000);
  EXPECT_EQ(plans[0].at("planned").as_int64(), f().plan_planned);
  EXPECT_EQ(plans[0].at("spent").as_int64(), 0);
  std::int64_t lines = 0;
  for (const auto& line : plans[0].at("lines").as_array()) lines += line.at("planned").as_int64();
  EXPECT_EQ(lines, f().plan_planned);
  ASSERT_TRUE(plans[0].at("fairness").is_object()) << plans[0];
  std::int64_t resource_bp = 0, need_bp = 0;
  for (const auto& group : plans[0].at("fairness").at("groups").as_array()) {
    resource_bp += group.at("resource_share_bp").as_int64();
    need_bp += group.at("need_share_bp").as_int64();
  }
  EXPECT_NEAR(resource_bp, 10000, 6);
  EXPECT_NEAR(need_bp, 10000, 6);

  // The improvement task opened for the quarter.
  const auto& tasks = body.at("improvements").as_array();
  ASSERT_EQ(tasks.size(), 1u);
  EXPECT_EQ(tasks[0].at("id").as_int64(), f().improvement_id);
  EXPECT_EQ(tasks[0].at("stage").as_string(), "plan");
  EXPECT_TRUE(body.at("warnings").is_array());
}

TEST_P(ReportsTest, AStreetReportAddsUpItsCommunities) {
  auto response = f().street.get("/api/v1/reports/" + quarter() + "?street_id=" + kStreetEncoded);
  ASSERT_EQ(response.status, 200) << response.body;
  auto body = response.json();
  EXPECT_EQ(body.at("community_ids").as_array().size(), 2u);
  EXPECT_EQ(body.at("scope_name").as_string(), "北山街道");
  auto all = by_key(body);
  EXPECT_EQ(number(all["participation_rate"].at("numerator")), 3);
  EXPECT_EQ(number(all["participation_rate"].at("denominator")), 5);
  EXPECT_EQ(body.at("requests").at("received").as_int64(), 3);
  EXPECT_EQ(body.at("plans").as_array().size(), 1u);  // the west has none
}

TEST_P(ReportsTest, TheHtmlIsAPrintablePageWithChartsAndAStrictPolicy) {
  auto response = f().staff.get(east_report("&format=html"));
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response.headers["content-type"], "text/html; charset=utf-8");
  EXPECT_NE(response.headers["content-security-policy"].find("default-src 'none'"),
            std::string::npos);
  EXPECT_EQ(response.headers["content-security-policy"].find("script-src"), std::string::npos);
  const std::string& html = response.body;
  EXPECT_NE(html.find("<html lang=\"zh-CN\">"), std::string::npos);
  EXPECT_NE(html.find("size:A4"), std::string::npos);
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_NE(html.find("class=\"target\""), std::string::npos);  // indicator target lines
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_NE(html.find("东&lt;报告&gt;社区"), std::string::npos);
  EXPECT_EQ(html.find("东<报告>"), std::string::npos);
  EXPECT_NE(html.find("居民参与率"), std::string::npos);
  auto english = f().staff.get(east_report("&format=html&lang=en"));
  ASSERT_EQ(english.status, 200);
  EXPECT_NE(english.body.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(english.body.find("Participation rate"), std::string::npos);
}

TEST_P(ReportsTest, TheCsvIsAnAttachmentWithOneRowPerFigure) {
  auto response = f().staff.get(east_report("&format=csv"));
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response.headers["content-type"], "text/csv; charset=utf-8");
  EXPECT_EQ(response.headers["content-disposition"], "attachment; filename=\"gongzhi-report-c" +
                                                         std::to_string(f().east) + "-" +
                                                         quarter() + ".csv\"");
  const std::string& csv = response.body;
  ASSERT_EQ(csv.rfind("\xEF\xBB\xBF", 0), 0u);
  EXPECT_NE(csv.find("section,key,label,value,target,status,numerator,denominator\r\n"),
            std::string::npos);
  EXPECT_NE(csv.find("\r\nindicators,participation_rate,居民参与率,0.5,0.6,not_met,2,4\r\n"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find("\r\nrequests,yellow.received,"), std::string::npos);
  // The task's title starts with '=': guarded, never a formula.
  EXPECT_NE(csv.find("\"'=减少噪音投诉"), std::string::npos) << csv;
  EXPECT_EQ(csv.find(",=减少"), std::string::npos);
}

TEST_P(ReportsTest, TheXlsxIsAWorkbookWithASheetPerSection) {
  auto response = f().street.get(east_report("&format=xlsx"));
  ASSERT_EQ(response.status, 200) << response.body.substr(0, 200);
  EXPECT_EQ(response.headers["content-type"],
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_NE(response.headers["content-disposition"].find(".xlsx\""), std::string::npos);
  std::string path = "/tmp/gz_report_api_" + backend_name(GetParam()) + ".xlsx";
  std::ofstream(path, std::ios::binary) << response.body;
  expect_sheets(response.body, path);
  std::remove(path.c_str());
}

TEST_P(ReportsTest, CallersAndInputsAreChecked) {
  EXPECT_EQ(f().anonymous.get(east_report()).status, 401);
  auto resident = f().resident.get(east_report());
  EXPECT_EQ(resident.status, 403) << resident.body;
  // The east's staff do not see the west; nobody sees a community that does not exist.
  EXPECT_EQ(
      f().staff.get("/api/v1/reports/" + quarter() + "?community_id=" + std::to_string(f().west))
          .status,
      404);
  EXPECT_EQ(f().world.admin().get("/api/v1/reports/" + quarter() + "?community_id=99999").status,
            404);
  for (const char* period : {"2026Q5", "2026-07", "2026", "Q3", "1999Q1"}) {
    auto response = f().staff.get("/api/v1/reports/" + std::string(period) +
                                  "?community_id=" + std::to_string(f().east));
    EXPECT_EQ(response.status, 400) << period;
    EXPECT_EQ(response.error_code(), "invalid_period") << period;
  }
  auto format = f().staff.get(east_report("&format=pdf"));
  EXPECT_EQ(format.status, 400);
  EXPECT_EQ(format.error_code(), "invalid_format");
  auto neither = f().staff.get("/api/v1/reports/" + quarter());
  EXPECT_EQ(neither.status, 400);
  EXPECT_EQ(neither.error_code(), "missing_query");
  EXPECT_EQ(f().staff.get(east_report("&street_id=" + std::string(kStreetEncoded))).status, 400);
}

TEST_P(ReportsTest, TheCliWritesEachFormat) {
  std::string base = "/tmp/gz_report_cli_" + backend_name(GetParam());
  std::string east = std::to_string(f().east);
  std::string output;
  ASSERT_EQ(run_cli({"report", "--db", f().world.url(), "--community", east, "--period", quarter(),
                     "--format", "html", "--output", base + ".html"},
                    "", &output),
            0)
      << output;
  std::string html = read_file(base + ".html");
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  // CSV to standard output when no --output is given.
  ASSERT_EQ(run_cli({"report", "--db", f().world.url(), "--street", "北山街道", "--period",
                     quarter(), "--format", "csv"},
                    "", &output),
            0)
      << output;
  EXPECT_EQ(output.rfind("\xEF\xBB\xBF", 0), 0u);
  EXPECT_NE(output.find("indicators,participation_rate,居民参与率,0.6,0.6,not_met,3,5"),
            std::string::npos)
      << output;
  // XLSX needs a file.
  EXPECT_EQ(run_cli({"report", "--db", f().world.url(), "--community", east, "--period", quarter(),
                     "--format", "xlsx"},
                    "", &output),
            2);
  ASSERT_EQ(run_cli({"report", "--db", f().world.url(), "--community", east, "--period", quarter(),
                     "--format", "xlsx", "--output", base + ".xlsx"},
                    "", &output),
            0)
      << output;
  expect_sheets(read_file(base + ".xlsx"), base + ".xlsx");
  EXPECT_NE(run_cli({"report", "--db", f().world.url(), "--community", east, "--period", "2026-07",
                     "--format", "csv"},
                    "", &output),
            0);
  std::remove((base + ".html").c_str());
  std::remove((base + ".xlsx").c_str());
}

GZ_ON_BACKENDS(ReportsTest);

}  // namespace
}  // namespace gz::test
