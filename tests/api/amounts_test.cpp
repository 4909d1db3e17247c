// Black-box tests of the one bound on amounts (core/amount.hpp) on SQLite and PostgreSQL:
// every route whose documented example body carries an amount — fen, points, minutes,
// quantities, totals, prices, stocks, weights, shares, votes — refuses the largest 64-bit
// value (and 10^12 + 1) with 400 invalid_amount; and the review's overflow story: a plan line
// of 29 fen with 17 spent takes neither INT64_MAX nor 10^12 more, and the public plan page,
// its print page, the report, the cockpit and the indicators keep answering 200.
#include <gtest/gtest.h>

#include <limits>
#include <set>
#include <string>

#include "core/amount.hpp"
#include "core/clock.hpp"
#include "harness.hpp"

namespace gz::test {
namespace {

constexpr const char* kPassword = "amounts-pass-42";
constexpr std::int64_t kLargest = std::numeric_limits<std::int64_t>::max();

// Body fields that carry an amount, wherever they sit in a body.
const std::set<std::string> kAmountKeys = {
    "amount",          "amount_fen", "total",        "budget",   "cost",
    "max_sum_cost",    "quantity",   "price_points", "stock",    "limit_per_resident",
    "points_per_unit", "minutes",    "base_fee_fen", "capacity", "policy_weight",
    "demand_weight",   "demand",     "share_bp",     "votes",    "budget_fen"};

// Sets every amount field in `value` (recursively) to `to`; returns how many it set.
int set_amounts(boost::json::value& value, std::int64_t to) {
  int set = 0;
  if (auto* object = value.if_object()) {
    for (auto& [key, field] : *object) {
      if (kAmountKeys.contains(std::string(key)) && field.is_number()) {
        field = to;
        ++set;
      } else {
        set += set_amounts(field, to);
      }
    }
  } else if (auto* array = value.if_array()) {
    for (auto& item : *array) set += set_amounts(item, to);
  }
  return set;
}

struct Fixture {
  explicit Fixture(Backend backend) : world(backend, {}, kPassword) {
    community_id = world.community("金额社区", "A-1");
  }
  World world;
  std::int64_t community_id = 0;
};

class AmountsTest : public BackendTest {
 protected:
  Fixture& w() { return shared<Fixture>(GetParam()); }
};

TEST_P(AmountsTest, EveryRouteThatTakesAnAmountRefusesTheLargest64BitValue) {
  auto openapi = w().world.admin().get("/api/v1/openapi.json");
  ASSERT_EQ(openapi.status, 200);
  auto document = openapi.json();
  std::set<std::string> tried;
  for (const auto& [path, operations] : document.at("paths").as_object()) {
    for (const auto& [method, operation] : operations.as_object()) {
      const auto* body = operation.as_object().if_contains("requestBody");
      if (!body) continue;
      const auto* json = body->at("content").as_object().if_contains("application/json");
      if (!json || !json->as_object().contains("example")) continue;
      for (std::int64_t too_big : {kLargest, kAmountMax + 1}) {
        boost::json::value example = json->at("example");
        if (set_amounts(example, too_big) == 0) break;
        // Ids in the path and the community in the query: the body is read first anyway.
        std::string target;
        for (std::size_t i = 0; i < path.size(); ++i) {
          if (path[i] == '{') {
            i = path.find('}', i);
            target += "1";
          } else {
            target += path[i];
          }
        }
        target += "?community_id=" + std::to_string(w().community_id);
        HttpRequest request;
        request.method = std::string(method);
        for (auto& c : request.method) c = static_cast<char>(std::toupper(c));
        request.target = target;
        request.body = boost::json::serialize(example);
        request.headers = {{"Content-Type", "application/json"},
                           {"Authorization", "Bearer " + w().world.admin().token()}};
        auto response = send_http(w().world.port(), request);
        EXPECT_EQ(response.status, 400)
            << request.method << " " << path << " " << request.body << " → " << response.body;
        EXPECT_EQ(response.error_code(), "invalid_amount")
            << request.method << " " << path << " → " << response.body;
        tried.insert(request.method + " " + std::string(path));
      }
    }
  }
  // The routes the review and the issue name are among them (a route without an example body
  // would escape this sweep: these must not).
  for (const char* route :
       {"POST /api/v1/plans/{id}/spending", "POST /api/v1/allocation/plans",
        "POST /api/v1/cofunding/split", "POST /api/v1/pb/elections",
        "POST /api/v1/pb/elections/{id}/projects", "POST /api/v1/points/awards",
        "POST /api/v1/points/catalog", "POST /api/v1/points/redemptions",
        "POST /api/v1/timebank/services", "POST /api/v1/timebank/transfers",
        "PUT /api/v1/property/settings", "POST /api/v1/property/expenses",
        "POST /api/v1/property/revenue/rules", "POST /api/v1/property/revenue/incomes",
        "POST /api/v1/activities", "POST /api/v1/activities/hosting",
        "POST /api/v1/activities/{id}/hosting-decision"}) {
    EXPECT_TRUE(tried.contains(route)) << route << " has no amount in its documented example";
  }
  EXPECT_EQ(w().world.admin().get("/healthz").status, 200);
}

// HIGH-1 of the December review, on a plan taken through its notice to execution by servers
// whose clocks stand at the publication and eight days later.
TEST_P(AmountsTest, APlanLineTakesNoMoreThanIsLeftAndThePublicPagesStayUp) {
  const std::int64_t published_ms = test_now_seconds() * 1000LL;
  World world(GetParam(), frozen_at(published_ms), kPassword);
  const std::int64_t community_id = world.community("溢出社区", "O-1");
  world.community_user("street", "street", {community_id});
  const std::string quarter = Quarter::containing(published_ms).name();
  boost::json::array categories{
      boost::json::object{
          {"category", "elderly_care"}, {"policy_weight", 60}, {"demand_weight", 50}},
      boost::json::object{{"category", "childcare"}, {"policy_weight", 40}, {"demand_weight", 50}}};
  auto plan = world.admin().post("/api/v1/allocation/plans", {{"community_id", community_id},
                                                              {"quarter", quarter},
                                                              {"total", 100},
                                                              {"unit", "fen"},
                                                              {"categories", categories}});
  ASSERT_EQ(plan.status, 201) << plan.body;
  const std::int64_t plan_id = plan.json().at("id").as_int64();
  auto published = world.admin().post("/api/v1/plans/" + std::to_string(plan_id) + "/transitions",
                                      {{"action", "publish"}, {"note", "公示"}});
  ASSERT_EQ(published.status, 200) << published.body;
  world.restart(frozen_at(published_ms + 8 * kDayMs));
  Client& admin = world.admin();
  Client street(world.port()), anonymous(world.port());
  ASSERT_EQ(street.login("street", kPassword).status, 200);
  const std::string plan_path = "/api/v1/plans/" + std::to_string(plan_id);
  auto opened = admin.post(plan_path + "/transitions", {{"action", "open_vote"}, {"note", "推进"}});
  ASSERT_EQ(opened.status, 200) << opened.body;
  pass_council_and_assessment(admin, plan_id);
  auto approved =
      street.post(plan_path + "/transitions", {{"action", "approve"}, {"note", "同意"}});
  ASSERT_EQ(approved.status, 200) << approved.body;

  auto board = anonymous.get("/api/v1/public/plans/" + std::to_string(plan_id)).json();
  std::int64_t line_total = 0;
  for (const auto& line : board.at("progress").as_array()) {
    if (line.at("category").as_string() == "childcare") line_total = line.at("planned").as_int64();
  }
  ASSERT_GT(line_total, 12);
  auto spend = [&](std::int64_t amount) {
    return admin.post(plan_path + "/spending", {{"category", "childcare"},
                                                {"amount", amount},
                                                {"purpose", "托育服务"},
                                                {"payee_category", "service_provider"},
                                                {"receipt_ref", "FP-1"}});
  };
  ASSERT_EQ(spend(line_total - 12).status, 201);
  for (std::int64_t amount : {kLargest, kAmountMax + 1}) {
    auto refused = spend(amount);
    EXPECT_EQ(refused.status, 400) << refused.body;
    EXPECT_EQ(refused.error_code(), "invalid_amount");
  }
  for (std::int64_t amount : {kAmountMax, std::int64_t{13}}) {
    auto refused = spend(amount);
    EXPECT_EQ(refused.status, 409) << refused.body;
    EXPECT_EQ(refused.error_code(), "line_overspent");
  }
  EXPECT_EQ(spend(12).status, 201);
  EXPECT_EQ(spend(1).error_code(), "line_overspent");

  // Nothing that sums the plan's spending breaks.
  const std::string cid = std::to_string(community_id);
  for (const std::string& path : {"/api/v1/public/plans/" + std::to_string(plan_id),
                                  "/api/v1/public/plans/" + std::to_string(plan_id) + "/print",
                                  "/api/community-resources?community_id=" + cid}) {
    EXPECT_EQ(anonymous.get(path).status, 200) << path;
  }
  for (const std::string& path :
       {"/api/v1/reports/" + quarter + "?community_id=" + cid,
        "/api/v1/cockpit?community_id=" + cid,
        "/api/v1/indicators?community_id=" + cid + "&period=" + quarter}) {
    auto response = admin.get(path);
    EXPECT_EQ(response.status, 200) << path << response.body;
  }
  auto spent = anonymous.get("/api/v1/public/plans/" + std::to_string(plan_id)).json();
  for (const auto& line : spent.at("progress").as_array()) {
    if (line.at("category").as_string() == "childcare") {
      EXPECT_EQ(line.at("spent").as_int64(), line_total);
    }
  }
}

GZ_ON_BACKENDS(AmountsTest);

}  // namespace
}  // namespace gz::test
