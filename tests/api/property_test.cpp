// Black-box tests of the property trust fund (信托制物业) and public-revenue sharing on SQLite
// and PostgreSQL: the households' scores fix the next quarter's fee within the configured cap;
// bills, idempotent payments and the collection rate; expenses move money only when an owners'
// committee member approves them and never below zero; residents see aggregates and their own
// bills only; revenue shares sum exactly to each income; a rule change waits for its notice
// and incomes before its date keep the old rule; concurrent duplicate scores land once.
#include <gtest/gtest.h>

#include <atomic>
#include <ctime>
#include <thread>

#include "harness.hpp"

namespace gz::test {
namespace {

constexpr const char* kPassword = "property-pass-42";

// Today in Asia/Shanghai plus `days`, as YYYY-MM-DD, and the current quarter ("2026Q4").
struct Civil {
  int year;
  unsigned month, day;
};
Civil shanghai_civil(int days) {
  std::time_t now = test_now_seconds() + 8 * 3600 + static_cast<std::time_t>(days) * 86400;
  std::tm parts{};
  gmtime_r(&now, &parts);
  return {parts.tm_year + 1900, static_cast<unsigned>(parts.tm_mon + 1),
          static_cast<unsigned>(parts.tm_mday)};
}
std::string date_in(int days) {
  Civil c = shanghai_civil(days);
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", c.year, c.month, c.day);
  return text;
}
std::string quarter_name(int year, int number) {
  return std::to_string(year) + "Q" + std::to_string(number);
}
std::string current_quarter() {
  Civil c = shanghai_civil(0);
  return quarter_name(c.year, static_cast<int>((c.month - 1) / 3 + 1));
}
std::string previous_quarter(int back = 1) {
  Civil c = shanghai_civil(0);
  int index = c.year * 4 + static_cast<int>((c.month - 1) / 3) - back;
  return quarter_name(index / 4, index % 4 + 1);
}

struct Fixture {
  explicit Fixture(Backend backend) : world(backend, {}, kPassword) {
    community_id = world.community("信托社区", "P-1");
    other_id = world.community("隔壁社区", "P-2");
    staff = world.community_user("staff", "staff", {community_id});
    guide = world.community_user("guide", "guide", {community_id});
    street = world.community_user("street", "street", {community_id});
    owner = world.resident_user("owner", world.household(community_id, "1-101"));
    neighbour = world.resident_user("neighbour", world.household(community_id, "1-102"));
    third = world.resident_user("third", world.household(community_id, "1-103"));
    outsider = world.resident_user("outsider", world.household(other_id, "9-901"));
    staff_user = world.user_id("staff");
    committee_user = world.user_id("owner");
  }
  World world;
  std::int64_t community_id = 0;
  std::int64_t other_id = 0;
  std::int64_t committee_user = 0;
  std::int64_t staff_user = 0;
  Client anonymous{world.anonymous()}, staff{0}, guide{0}, street{0}, owner{0}, neighbour{0},
      third{0}, outsider{0};
};

class PropertyTest : public BackendTest {
 protected:
  Fixture& f() { return shared<Fixture>(GetParam()); }
  std::string cid() { return std::to_string(f().community_id); }
  std::string with_cid(const std::string& path) { return path + "?community_id=" + cid(); }
};

// One story, in order: fee schedule, scores, bills, payments, expenses, the public fund.
TEST_P(PropertyTest, ScoresFixTheFeeAndEveryMovementIsPublicWithoutPersonalData) {
  const std::string settings = "/api/v1/property/settings";
  boost::json::object fee{{"community_id", f().community_id},
                          {"base_fee_fen", 20000},
                          {"neutral_score", 80},
                          {"up_bp_per_point", 25},
                          {"down_bp_per_point", 50},
                          {"cap_up_bp", 300},
                          {"cap_down_bp", 1000}};
  EXPECT_EQ(f().owner.put_json(settings, fee).status, 403);
  EXPECT_EQ(f().outsider.get(with_cid(settings)).status, 404);
  EXPECT_EQ(f().anonymous.get(with_cid(settings)).status, 401);
  auto too_far = fee;
  too_far["cap_up_bp"] = 1500;  // more than +10%
  auto refused = f().staff.put_json(settings, too_far);
  EXPECT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(refused.error_code(), "invalid_adjustment");
  auto set = f().staff.put_json(settings, fee);
  ASSERT_EQ(set.status, 200) << set.body;
  auto read = f().neighbour.get(with_cid(settings));
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.json().at("base_fee_fen").as_int64(), 20000);
  EXPECT_EQ(read.json().at("adjustment").at("cap_up_bp").as_int64(), 300);

  // Last quarter's scores: 100 and 90, mean 95 → +375 bp by the line, capped at +300.
  const std::string evaluations = "/api/v1/property/evaluations";
  const std::string last = previous_quarter();
  ASSERT_EQ(f().owner.post(evaluations, {{"quarter", last}, {"score", 100}}).status, 201);
  ASSERT_EQ(f().neighbour.post(evaluations, {{"quarter", last}, {"score", 90}}).status, 201);
  auto again = f().owner.post(evaluations, {{"quarter", last}, {"score", 10}});
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_EQ(again.error_code(), "already_evaluated");
  EXPECT_EQ(f().staff.post(evaluations, {{"quarter", last}, {"score", 80}}).status, 403);
  EXPECT_EQ(
      f().owner.post(evaluations, {{"quarter", current_quarter()}, {"score", 101}}).error_code(),
      "invalid_score");
  EXPECT_EQ(
      f().owner.post(evaluations, {{"quarter", previous_quarter(2)}, {"score", 50}}).error_code(),
      "evaluation_closed");
  EXPECT_EQ(f().owner.post(evaluations, {{"quarter", "2026-Q1"}, {"score", 50}}).error_code(),
            "invalid_quarter");

  // The current quarter's bills: three households, 20000 × 1.03 = 20600 a month.
  const std::string bills = "/api/v1/property/bills";
  const std::string quarter = current_quarter();
  EXPECT_EQ(
      f().owner.post(bills, {{"community_id", f().community_id}, {"quarter", quarter}}).status,
      403);
  EXPECT_EQ(f().staff.post(bills, {{"community_id", f().community_id}, {"quarter", "2099Q1"}})
                .error_code(),
            "quarter_too_early");
  auto issued = f().staff.post(bills, {{"community_id", f().community_id}, {"quarter", quarter}});
  ASSERT_EQ(issued.status, 201) << issued.body;
  auto fee_json = issued.json().as_object();
  EXPECT_EQ(fee_json.at("evaluated_quarter").as_string(), last);
  EXPECT_EQ(fee_json.at("evaluations").as_int64(), 2);
  EXPECT_EQ(fee_json.at("mean_score_centi").as_int64(), 9500);
  EXPECT_EQ(fee_json.at("adjustment_bp").as_int64(), 300);
  EXPECT_EQ(fee_json.at("monthly_fee_fen").as_int64(), 20600);
  EXPECT_EQ(fee_json.at("bills").as_int64(), 3);
  EXPECT_EQ(fee_json.at("billed_fen").as_int64(), 3 * 61800);
  auto twice = f().staff.post(bills, {{"community_id", f().community_id}, {"quarter", quarter}});
  EXPECT_EQ(twice.error_code(), "bills_already_issued") << twice.body;
  // The fee is fixed: last quarter's scoring is closed.
  EXPECT_EQ(f().owner.post(evaluations, {{"quarter", last}, {"score", 0}}).error_code(),
            "evaluation_closed");

  // Residents see their own bill only, without a household code; staff see all.
  auto own = f().owner.get(with_cid(bills));
  ASSERT_EQ(own.status, 200) << own.body;
  ASSERT_EQ(own.json().at("items").as_array().size(), 1u);
  EXPECT_FALSE(own.json().at("items").as_array()[0].as_object().contains("household_code"));
  EXPECT_EQ(f().guide.get(with_cid(bills)).status, 403);
  auto all = f().staff.get(with_cid(bills) + "&quarter=" + quarter);
  ASSERT_EQ(all.status, 200);
  auto items = all.json().at("items").as_array();
  ASSERT_EQ(items.size(), 3u);
  std::vector<std::int64_t> paying{items[0].at("id").as_int64(), items[1].at("id").as_int64()};

  // Payments: once, whoever retries.
  const std::string payments = "/api/v1/property/payments";
  boost::json::array paying_json{paying[0], paying[1]};
  EXPECT_EQ(f().owner.post(payments, {{"bill_ids", paying_json}}).status, 403);
  EXPECT_EQ(f().outsider.post(payments, {{"bill_ids", paying_json}}).status, 404);
  auto paid = f().staff.post(payments, {{"bill_ids", paying_json}});
  ASSERT_EQ(paid.status, 201) << paid.body;
  EXPECT_EQ(paid.json().at("amount_fen").as_int64(), 2 * 61800);
  EXPECT_EQ(paid.json().at("posting").at("credit").as_string(), "trust_fund");
  auto retried = f().staff.post(payments, {{"bill_ids", paying_json}});
  ASSERT_EQ(retried.status, 200) << retried.body;
  EXPECT_EQ(retried.json().at("already_paid").as_array().size(), 2u);
  EXPECT_TRUE(retried.json().at("posting").is_null());
  EXPECT_EQ(f().staff.post(payments, {{"bill_ids", boost::json::array{}}}).error_code(),
            "invalid_bills");
  EXPECT_EQ(
      f().staff.post(payments, {{"bill_ids", paying_json}, {"paid_on", date_in(3)}}).error_code(),
      "invalid_date");

  // Collection rate: 2 of 3 bills, 2/3 of the fen.
  auto quarters = f().owner.get(with_cid("/api/v1/property/quarters"));
  ASSERT_EQ(quarters.status, 200) << quarters.body;
  bool saw_current = false, saw_last = false;
  auto quarter_items = quarters.json().at("items").as_array();
  for (const auto& item : quarter_items) {
    if (item.at("quarter").as_string() == quarter) {
      saw_current = true;
      EXPECT_EQ(item.at("bills_issued").as_int64(), 3);
      EXPECT_EQ(item.at("bills_paid").as_int64(), 2);
      EXPECT_EQ(item.at("collection_rate_bp").as_int64(), 6667);
      EXPECT_EQ(item.at("collection_rate_fen_bp").as_int64(), 6667);
      EXPECT_EQ(item.at("fee").at("adjustment_bp").as_int64(), 300);
    }
    if (item.at("quarter").as_string() == last) {
      saw_last = true;
      EXPECT_EQ(item.at("evaluations").as_int64(), 2);
      EXPECT_EQ(item.at("mean_score_centi").as_int64(), 9500);
      EXPECT_EQ(item.at("my_score").as_int64(), 100);  // the owner's own score only
    }
  }
  EXPECT_TRUE(saw_current && saw_last) << quarters.body;

  // Expenses: recorded by staff, approved by a committee member, never below zero.
  const std::string expenses = "/api/v1/property/expenses";
  boost::json::object expense{{"community_id", f().community_id},
                              {"amount_fen", 100000},
                              {"category", "cleaning"},
                              {"payee_category", "service_provider"},
                              {"receipt_ref", "FP-001"},
                              {"purpose", "保洁服务"},
                              {"spent_on", date_in(0)}};
  EXPECT_EQ(f().owner.post(expenses, expense).status, 403);
  auto bad_category = expense;
  bad_category["category"] = "yacht";
  EXPECT_EQ(f().staff.post(expenses, bad_category).error_code(), "invalid_category");
  std::int64_t first = created_id(f().staff.post(expenses, expense));
  std::string decide = expenses + "/" + std::to_string(first) + "/decision";
  EXPECT_EQ(f().owner.post(decide, {{"decision", "approve"}}).status, 403);  // not yet a member
  EXPECT_EQ(f().staff.post(decide, {{"decision", "approve"}}).status, 403);
  EXPECT_EQ(f().outsider.post(decide, {{"decision", "approve"}}).status, 404);
  const std::string committee = "/api/v1/property/committee";
  EXPECT_EQ(
      f().owner
          .post(committee, {{"community_id", f().community_id}, {"user_id", f().committee_user}})
          .status,
      403);
  EXPECT_EQ(
      f().staff.post(committee, {{"community_id", f().community_id}, {"user_id", f().staff_user}})
          .status,
      404);  // staff are not owners
  ASSERT_EQ(
      f().staff
          .post(committee, {{"community_id", f().community_id}, {"user_id", f().committee_user}})
          .status,
      201);
  EXPECT_EQ(
      f().staff
          .post(committee, {{"community_id", f().community_id}, {"user_id", f().committee_user}})
          .error_code(),
      "already_member");
  EXPECT_EQ(f().neighbour.post(decide, {{"decision", "approve"}}).status, 403);
  EXPECT_EQ(f().owner.post(decide, {{"decision", "maybe"}}).error_code(), "invalid_decision");
  // One member is no committee: it decides by a majority of at least three.
  auto alone = f().owner.post(decide, {{"decision", "approve"}});
  EXPECT_EQ(alone.status, 409) << alone.body;
  EXPECT_EQ(alone.error_code(), "committee_too_small");
  for (const char* user : {"neighbour", "third"}) {
    ASSERT_EQ(f().staff
                  .post(committee,
                        {{"community_id", f().community_id}, {"user_id", f().world.user_id(user)}})
                  .status,
              201);
  }
  auto first_vote = f().owner.post(decide, {{"decision", "approve"}, {"note", "票据核对无误"}});
  ASSERT_EQ(first_vote.status, 200) << first_vote.body;
  EXPECT_EQ(first_vote.json().at("status").as_string(), "pending");
  EXPECT_EQ(first_vote.json().at("approvals").as_int64(), 1);
  EXPECT_EQ(first_vote.json().at("approvals_needed").as_int64(), 2);
  EXPECT_EQ(first_vote.json().at("committee_size").as_int64(), 3);
  EXPECT_EQ(first_vote.json().at("my_vote").as_string(), "approve");
  EXPECT_EQ(f().owner.post(decide, {{"decision", "approve"}}).error_code(), "already_voted");
  auto approved = f().neighbour.post(decide, {{"decision", "approve"}, {"note", "同意"}});
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(approved.json().at("status").as_string(), "approved");
  EXPECT_TRUE(approved.json().at("approved_by_committee").as_bool());
  EXPECT_EQ(f().third.post(decide, {{"decision", "reject"}}).error_code(), "already_decided");
  auto big = expense;
  big["amount_fen"] = 50000;  // the fund holds 123600 − 100000 = 23600
  big["receipt_ref"] = "FP-002";
  std::int64_t second = created_id(f().staff.post(expenses, big));
  std::string decide_second = expenses + "/" + std::to_string(second) + "/decision";
  ASSERT_EQ(f().owner.post(decide_second, {{"decision", "approve"}}).status, 200);
  auto overdraw = f().third.post(decide_second, {{"decision", "approve"}});
  EXPECT_EQ(overdraw.status, 409) << overdraw.body;
  EXPECT_EQ(overdraw.error_code(), "fund_insufficient");
  // Two of three against: approval can no longer be reached, the expense is rejected.
  auto third_expense = expense;
  third_expense["amount_fen"] = 1000;
  third_expense["receipt_ref"] = "FP-003";
  std::int64_t third = created_id(f().staff.post(expenses, third_expense));
  std::string decide_third = expenses + "/" + std::to_string(third) + "/decision";
  ASSERT_EQ(f().owner.post(decide_third, {{"decision", "reject"}, {"note", "票据不全"}}).status,
            200);
  auto two_against =
      f().neighbour.post(decide_third, {{"decision", "reject"}, {"note", "重复报销"}});
  ASSERT_EQ(two_against.status, 200) << two_against.body;
  EXPECT_EQ(two_against.json().at("status").as_string(), "rejected");
  EXPECT_EQ(two_against.json().at("rejections").as_int64(), 2);

  // The fund in public: balances, aggregate income, expenses, postings; no household, no name.
  auto fund = f().neighbour.get(with_cid("/api/v1/property/fund"));
  ASSERT_EQ(fund.status, 200) << fund.body;
  auto view = fund.json().as_object();
  EXPECT_EQ(view.at("trust_fund_fen").as_int64(), 23600);
  EXPECT_EQ(view.at("fee_income_fen").as_int64(), 123600);
  EXPECT_EQ(view.at("expenses_fen").as_int64(), 100000);
  EXPECT_EQ(view.at("pending_expenses_fen").as_int64(), 50000);  // still pending: rolled back
  EXPECT_EQ(view.at("postings").as_array().size(), 2u);
  EXPECT_EQ(view.at("income_by_quarter").as_array().size(), 1u);
  for (const char* secret : {"1-101", "1-102", "owner", "neighbour", "household"}) {
    EXPECT_EQ(fund.body.find(secret), std::string::npos) << secret << " in " << fund.body;
  }
  EXPECT_EQ(f().outsider.get(with_cid("/api/v1/property/fund")).status, 404);
  EXPECT_EQ(f().anonymous.get(with_cid("/api/v1/property/fund")).status, 401);

  auto verify = f().owner.get(with_cid("/api/v1/property/verify"));
  ASSERT_EQ(verify.status, 200) << verify.body;
  EXPECT_TRUE(verify.json().at("ok").as_bool()) << verify.body;
  auto chain = f().staff.get("/api/v1/ledger/verify");
  ASSERT_EQ(chain.status, 200) << chain.body;
  EXPECT_TRUE(chain.json().at("ok").as_bool()) << chain.body;
}

// Many simultaneous scores from one household for one quarter: exactly one lands; many
// simultaneous payments of the same bills: each bill is posted once.
TEST_P(PropertyTest, ConcurrentDuplicateScoresAndPaymentsLandOnce) {
  Fixture& fixture_ready = f();  // built before the threads share it
  const std::string quarter = current_quarter();
  std::atomic<int> created_count{0}, duplicates{0}, other{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&, i] {
      auto response = fixture_ready.neighbour.post("/api/v1/property/evaluations",
                                                   {{"quarter", quarter}, {"score", 60 + i}});
      if (response.status == 201) {
        ++created_count;
      } else if (response.status == 409 && response.error_code() == "already_evaluated") {
        ++duplicates;
      } else {
        ++other;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(created_count.load(), 1);
  EXPECT_EQ(duplicates.load(), 7);
  EXPECT_EQ(other.load(), 0);

  // Next quarter's bills, paid by several clerks at once in opposite orders: each bill is
  // posted once, and nobody deadlocks or fails.
  // Every owner household must score for the mean to move the fee; one of three did.
  ASSERT_EQ(f().staff
                .put_json("/api/v1/property/settings", {{"community_id", f().community_id},
                                                        {"base_fee_fen", 20000},
                                                        {"min_response_bp", 10000}})
                .status,
            200);
  EXPECT_EQ(f().staff
                .put_json("/api/v1/property/settings", {{"community_id", f().community_id},
                                                        {"base_fee_fen", 20000},
                                                        {"committee_quorum_bp", 5000}})
                .error_code(),
            "invalid_quorum");
  Civil today = shanghai_civil(0);
  int index = today.year * 4 + static_cast<int>((today.month - 1) / 3) + 1;
  std::string next = quarter_name(index / 4, index % 4 + 1);
  auto issued = f().staff.post("/api/v1/property/bills",
                               {{"community_id", f().community_id}, {"quarter", next}});
  ASSERT_EQ(issued.status, 201) << issued.body;
  EXPECT_EQ(issued.json().at("evaluations").as_int64(), 1);
  EXPECT_EQ(issued.json().at("responses_needed").as_int64(), 3);
  EXPECT_FALSE(issued.json().at("responses_sufficient").as_bool());
  EXPECT_EQ(issued.json().at("adjustment_bp").as_int64(), 0);
  EXPECT_EQ(issued.json().at("monthly_fee_fen").as_int64(), 20000);
  auto listed = f().staff.get(with_cid("/api/v1/property/bills") + "&quarter=" + next);
  ASSERT_EQ(listed.status, 200);
  boost::json::array forward, backward;
  std::int64_t billed = 0;
  auto next_bills = listed.json().at("items").as_array();
  for (const auto& bill : next_bills) {
    forward.push_back(bill.at("id"));
    billed += bill.at("amount_fen").as_int64();
  }
  ASSERT_EQ(forward.size(), 3u);
  for (auto it = forward.rbegin(); it != forward.rend(); ++it) backward.push_back(*it);
  std::atomic<std::int64_t> posted_fen{0};
  std::atomic<int> failures{0};
  threads.clear();
  for (int i = 0; i < 6; ++i) {
    threads.emplace_back([&, i] {
      auto response = fixture_ready.staff.post("/api/v1/property/payments",
                                               {{"bill_ids", i % 2 ? forward : backward}});
      if (response.status == 201) {
        posted_fen += response.json().at("posting").at("amount_fen").as_int64();
      } else if (response.status != 200) {
        ++failures;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(posted_fen.load(), billed);
  auto verify = f().staff.get(with_cid("/api/v1/property/verify"));
  EXPECT_TRUE(verify.json().at("ok").as_bool()) << verify.body;
}

TEST_P(PropertyTest, RevenueIsSharedExactlyAndARuleChangeWaitsForItsNotice) {
  const std::string rules = "/api/v1/property/revenue/rules";
  const std::string incomes = "/api/v1/property/revenue/incomes";
  auto shares = [](std::initializer_list<std::pair<const char*, std::int64_t>> list) {
    boost::json::array out;
    for (auto [destination, bp] : list) {
      out.push_back(boost::json::object{{"destination", destination}, {"share_bp", bp}});
    }
    return out;
  };
  boost::json::object rule{
      {"community_id", f().community_id},
      {"source", "advertising"},
      {"shares",
       shares({{"maintenance_fund", 5000}, {"elderly_canteen", 3000}, {"activities", 2000}})},
      {"notice", "电梯广告收益：50%维修基金，30%老年食堂，20%社区活动"}};
  EXPECT_EQ(f().owner.post(rules, rule).status, 403);
  EXPECT_EQ(f().outsider.post(rules, rule).status, 404);
  auto short_rule = rule;
  short_rule["shares"] = shares({{"maintenance_fund", 5000}, {"elderly_canteen", 4999}});
  EXPECT_EQ(f().staff.post(rules, short_rule).error_code(), "invalid_shares");
  auto declared = f().staff.post(rules, rule);
  ASSERT_EQ(declared.status, 201) << declared.body;
  EXPECT_EQ(declared.json().at("version").as_int64(), 1);
  EXPECT_EQ(declared.json().at("status").as_string(), "in_effect");

  // 1,000,001 fen: 500000.5 / 300000.3 / 200000.2 → the leftover fen to the largest remainder.
  boost::json::object income{{"community_id", f().community_id},
                             {"source", "advertising"},
                             {"amount_fen", 1000001},
                             {"received_on", date_in(0)},
                             {"receipt_ref", "AD-001"},
                             {"payer_category", "advertiser"}};
  EXPECT_EQ(f().owner.post(incomes, income).status, 403);
  auto recorded = f().staff.post(incomes, income);
  ASSERT_EQ(recorded.status, 201) << recorded.body;
  auto split = recorded.json().at("shares").as_array();
  ASSERT_EQ(split.size(), 3u);
  EXPECT_EQ(split[0].at("amount_fen").as_int64(), 500001);
  EXPECT_EQ(split[1].at("amount_fen").as_int64(), 300000);
  EXPECT_EQ(split[2].at("amount_fen").as_int64(), 200000);
  auto repeat = f().staff.post(incomes, income);
  ASSERT_EQ(repeat.status, 200) << repeat.body;
  EXPECT_EQ(repeat.json().at("id"), recorded.json().at("id"));
  auto changed_amount = income;
  changed_amount["amount_fen"] = 5;
  EXPECT_EQ(f().staff.post(incomes, changed_amount).error_code(), "duplicate_receipt");
  auto future = income;
  future["receipt_ref"] = "AD-FUTURE";
  future["received_on"] = date_in(2);
  EXPECT_EQ(f().staff.post(incomes, future).error_code(), "invalid_date");
  auto undeclared = income;
  undeclared["source"] = "parking";
  EXPECT_EQ(f().staff.post(incomes, undeclared).error_code(), "no_sharing_rule");

  // Many odd amounts: every split sums exactly to its income.
  std::int64_t total = 1000001;
  for (std::int64_t amount : {1, 2, 3, 7, 99, 10001, 333333, 98765431}) {
    auto odd = income;
    odd["amount_fen"] = amount;
    odd["receipt_ref"] = "AD-ODD-" + std::to_string(amount);
    auto response = f().staff.post(incomes, odd);
    ASSERT_EQ(response.status, 201) << response.body;
    std::int64_t sum = 0;
    auto parts = response.json().at("shares").as_array();
    for (const auto& share : parts) {
      sum += share.at("amount_fen").as_int64();
    }
    EXPECT_EQ(sum, amount);
    total += amount;
  }

  // A change: at least 7 days of notice; then pending, and today's incomes keep the old rule.
  auto change = rule;
  change["shares"] =
      shares({{"maintenance_fund", 4000}, {"elderly_canteen", 4000}, {"greening", 2000}});
  change["notice"] = "自公示7日后起：40%维修基金，40%老年食堂，20%绿化";
  EXPECT_EQ(f().staff.post(rules, change).error_code(), "effective_on_required");
  change["effective_on"] = date_in(3);
  EXPECT_EQ(f().staff.post(rules, change).error_code(), "notice_too_short");
  change["effective_on"] = date_in(7);
  auto pending = f().staff.post(rules, change);
  ASSERT_EQ(pending.status, 201) << pending.body;
  EXPECT_EQ(pending.json().at("version").as_int64(), 2);
  EXPECT_EQ(pending.json().at("status").as_string(), "pending");
  change["effective_on"] = date_in(30);
  EXPECT_EQ(f().staff.post(rules, change).error_code(), "change_pending");
  auto after_notice = income;
  after_notice["receipt_ref"] = "AD-002";
  after_notice["amount_fen"] = 1000;
  auto old_rule = f().staff.post(incomes, after_notice);
  ASSERT_EQ(old_rule.status, 201) << old_rule.body;
  EXPECT_EQ(old_rule.json().at("rule_version").as_int64(), 1);
  EXPECT_EQ(old_rule.json().at("shares").as_array()[0].at("amount_fen").as_int64(), 500);
  total += 1000;

  // Public to the community: every version and every income.
  auto listed = f().neighbour.get(with_cid(rules));
  ASSERT_EQ(listed.status, 200) << listed.body;
  auto versions = listed.json().at("items").as_array();
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0].at("status").as_string(), "pending");
  EXPECT_EQ(versions[1].at("status").as_string(), "in_effect");
  EXPECT_EQ(f().outsider.get(with_cid(rules)).status, 404);
  auto all_incomes = f().guide.get(with_cid(incomes));
  ASSERT_EQ(all_incomes.status, 200);
  EXPECT_EQ(all_incomes.json().at("items").as_array().size(), 10u);

  // The destination funds hold exactly what came in.
  auto fund = f().street.get(with_cid("/api/v1/property/fund"));
  ASSERT_EQ(fund.status, 200) << fund.body;
  std::int64_t destinations = 0, source = 0;
  auto accounts = fund.json().at("accounts").as_array();
  for (const auto& account : accounts) {
    std::string code(account.at("code").as_string());
    if (code.rfind("fund:", 0) == 0) destinations += account.at("balance_fen").as_int64();
    if (code == "revenue:advertising") source = account.at("balance_fen").as_int64();
  }
  EXPECT_EQ(destinations, total);
  EXPECT_EQ(source, -total);
  auto verify = f().staff.get(with_cid("/api/v1/property/verify"));
  EXPECT_TRUE(verify.json().at("ok").as_bool()) << verify.body;
}

// The fund is public without a login; the quarter's assessment meeting is on record.
TEST_P(PropertyTest, TheFundAndTheAssessmentMeetingsArePublic) {
  const std::string meetings = "/api/v1/property/assessment-meetings";
  boost::json::object meeting{{"community_id", f().community_id},
                              {"quarter", previous_quarter()},
                              {"held_at", "2020-01-10T19:00:00+08:00"},
                              {"committee_present", 3},
                              {"attendees", 41},
                              {"minutes", "逐项评议保洁、安保、绿化与维修；电梯维保限期整改"}};
  EXPECT_EQ(f().owner.post(meetings, meeting).status, 403);
  EXPECT_EQ(f().anonymous.post(meetings, meeting).status, 401);
  auto bad = meeting;
  bad["quarter"] = "2026-3";
  EXPECT_EQ(f().staff.post(meetings, bad).error_code(), "invalid_quarter");
  ASSERT_EQ(f().staff.post(meetings, meeting).status, 201);
  EXPECT_EQ(f().staff.post(meetings, meeting).error_code(), "meeting_recorded");
  auto listed = f().neighbour.get(with_cid(meetings));
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(listed.json().at("items").as_array().size(), 1u);

  auto fund = f().anonymous.get(with_cid("/api/v1/public/property/fund"));
  ASSERT_EQ(fund.status, 200) << fund.body;
  auto view = fund.json();
  EXPECT_GT(view.at("fee_income_fen").as_int64(), 0);
  EXPECT_FALSE(view.as_object().contains("postings"));
  EXPECT_EQ(view.at("assessment_meetings").as_array().size(), 1u);
  EXPECT_EQ(view.at("assessment_meetings").at(0).at("attendees").as_int64(), 41);
  ASSERT_FALSE(view.at("expenses").as_array().empty());
  for (const auto& expense : view.at("expenses").as_array()) {
    EXPECT_FALSE(expense.as_object().contains("receipt_ref"));
    EXPECT_TRUE(expense.as_object().contains("approvals"));
  }
  EXPECT_FALSE(view.at("fees").as_array().empty());
  for (const char* secret : {"1-101", "1-102", "owner", "neighbour", "FP-00"}) {
    EXPECT_EQ(fund.body.find(secret), std::string::npos) << secret << " in " << fund.body;
  }
  EXPECT_EQ(f().anonymous.get("/api/v1/public/property/fund?community_id=999999").status, 404);
}

// Fees by floor area (1.2 元/㎡/月): a household with its area on file pays area × rate for the
// quarter, one without pays the base fee; residents cannot change their own area.
TEST_P(PropertyTest, FeesAreBilledPerSquareMetreOfFloorArea) {
  World world(GetParam(), {}, kPassword);
  std::int64_t community = world.community("按面积社区", "A-1");
  Client staff = world.community_user("area-staff", "staff", {community});
  std::int64_t big = world.household(community, "1-101");
  std::int64_t small = world.household(community, "1-102");
  std::int64_t unknown = world.household(community, "1-103");
  Client owner = world.resident_user("area-owner", small);
  std::string cid = std::to_string(community);
  EXPECT_EQ(staff.patch("/api/v1/households/" + std::to_string(big), {{"floor_area_dm2", 99}})
                .error_code(),
            "invalid_floor_area");
  ASSERT_EQ(
      staff.patch("/api/v1/households/" + std::to_string(big), {{"floor_area_dm2", 12050}}).status,
      200);
  ASSERT_EQ(
      staff.patch("/api/v1/households/" + std::to_string(small), {{"floor_area_dm2", 6000}}).status,
      200);
  EXPECT_EQ(
      owner.patch("/api/v1/households/" + std::to_string(small), {{"floor_area_dm2", 100}}).status,
      403);
  auto household = staff.get("/api/v1/households/" + std::to_string(big));
  ASSERT_EQ(household.status, 200);
  EXPECT_EQ(household.json().at("floor_area_dm2").as_int64(), 12050);
  EXPECT_EQ(
      staff
          .put_json("/api/v1/property/settings",
                    {{"community_id", community}, {"base_fee_fen", 15000}, {"fee_per_m2_fen", 0}})
          .error_code(),
      "invalid_fee");
  auto set = staff.put_json(
      "/api/v1/property/settings",
      {{"community_id", community}, {"base_fee_fen", 15000}, {"fee_per_m2_fen", 120}});
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(set.json().at("fee_basis").as_string(), "floor_area_month");
  auto issued = staff.post("/api/v1/property/bills",
                           {{"community_id", community}, {"quarter", current_quarter()}});
  ASSERT_EQ(issued.status, 201) << issued.body;
  EXPECT_EQ(issued.json().at("bills_by_area").as_int64(), 2);
  // Nobody scored: no adjustment. 120.50 ㎡ × 1.2 × 3 = 433.80 元; 60 ㎡ → 216.00 元; the
  // household without an area pays the base fee, 150 × 3 = 450 元.
  EXPECT_EQ(issued.json().at("adjustment_bp").as_int64(), 0);
  EXPECT_EQ(issued.json().at("billed_fen").as_int64(), 43380 + 21600 + 45000);
  auto bills = staff.get("/api/v1/property/bills?community_id=" + cid);
  ASSERT_EQ(bills.status, 200);
  auto bills_json = bills.json();
  for (const auto& bill : bills_json.at("items").as_array()) {
    std::int64_t id = bill.at("household_id").as_int64();
    std::int64_t expected = id == big ? 43380 : id == small ? 21600 : 45000;
    EXPECT_EQ(bill.at("amount_fen").as_int64(), expected) << id;
  }
  (void)unknown;
}

GZ_ON_BACKENDS(PropertyTest);

}  // namespace
}  // namespace gz::test
