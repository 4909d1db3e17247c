// The property fund's money on the one ledger, on SQLite and PostgreSQL: a fee payment and an
// approved expense written through the API beside a points award, `gongzhi ledger verify`
// clean; then the expense's posting is edited in the database with the balances moved to
// match, so that only the audit chain's copy can tell, and every verify (the command line,
// GET /api/v1/ledger/verify, GET /api/v1/property/verify) names that posting while the points
// stay sound.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <ctime>
#include <string>

#include "harness.hpp"
#include "storage/database.hpp"

namespace gz::test {
namespace {

// This quarter in Asia/Shanghai ("2026Q4") and today ("2026-12-07").
std::string current_quarter() {
  std::time_t now = test_now_seconds() + 8 * 3600;
  std::tm parts{};
  gmtime_r(&now, &parts);
  return std::to_string(parts.tm_year + 1900) + "Q" + std::to_string(parts.tm_mon / 3 + 1);
}
std::string today() {
  std::time_t now = test_now_seconds() + 8 * 3600;
  std::tm parts{};
  gmtime_r(&now, &parts);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &parts);
  return text;
}

class OneLedger : public BackendTest {};

TEST_P(OneLedger, VerifyNamesAPropertyPostingEditedInTheDatabase) {
  World w(GetParam());
  std::int64_t community = w.community("一本账社区", "ONE-1");
  std::string cid = std::to_string(community);
  std::int64_t household = w.household(community, "1-101");
  std::int64_t resident = w.resident(household, "赵阿姨");
  Client staff = w.community_user("staff", "staff", {community});
  std::int64_t owner_id = add_user(w.url(), "owner", "resident",
                                   {"--household", std::to_string(household)}, w.password());
  Client owner(w.port());
  ASSERT_EQ(owner.login("owner", w.password()).status, 200);

  // Points: one award (the points kind has postings too).
  auto award = staff.post("/api/v1/points/awards", {{"resident_id", resident},
                                                    {"rule", "meeting"},
                                                    {"quantity", 1},
                                                    {"reference", "meeting:1"}});
  ASSERT_EQ(award.status, 201) << award.body;

  // The fund: this quarter's bill paid into the trust fund, an expense approved out of it.
  ASSERT_EQ(staff
                .put_json("/api/v1/property/settings",
                          {{"community_id", community}, {"base_fee_fen", 20000}})
                .status,
            200);
  ASSERT_EQ(staff
                .post("/api/v1/property/bills",
                      {{"community_id", community}, {"quarter", current_quarter()}})
                .status,
            201);
  auto bills = staff.get("/api/v1/property/bills?community_id=" + cid).json();
  boost::json::array paying;
  for (const auto& bill : bills.at("items").as_array()) paying.push_back(bill.at("id"));
  auto paid = staff.post("/api/v1/property/payments", {{"bill_ids", paying}});
  ASSERT_EQ(paid.status, 201) << paid.body;
  // The committee decides by a majority of at least three members.
  std::vector<std::int64_t> members{owner_id};
  for (const char* code : {"1-102", "1-103"}) {
    std::string username = std::string("owner-") + code;
    members.push_back(add_user(w.url(), username, "resident",
                               {"--household", std::to_string(w.household(community, code))},
                               w.password()));
  }
  for (std::int64_t member : members) {
    ASSERT_EQ(
        staff.post("/api/v1/property/committee", {{"community_id", community}, {"user_id", member}})
            .status,
        201);
  }
  Client second_member(w.port());
  ASSERT_EQ(second_member.login("owner-1-102", w.password()).status, 200);
  auto expense = staff.post("/api/v1/property/expenses", {{"community_id", community},
                                                          {"amount_fen", 15000},
                                                          {"category", "repairs"},
                                                          {"payee_category", "supplier"},
                                                          {"receipt_ref", "FP-9"},
                                                          {"purpose", "楼道灯"},
                                                          {"spent_on", today()}});
  ASSERT_EQ(expense.status, 201) << expense.body;
  std::string decision = "/api/v1/property/expenses/" +
                         std::to_string(expense.json().at("id").as_int64()) + "/decision";
  ASSERT_EQ(owner.post(decision, {{"decision", "approve"}}).status, 200);
  auto approved = second_member.post(decision, {{"decision", "approve"}});
  ASSERT_EQ(approved.status, 200) << approved.body;
  ASSERT_EQ(approved.json().at("status").as_string(), "approved");
  std::int64_t posting = approved.json().at("posting_id").as_int64();

  std::string output;
  ASSERT_EQ(run_cli({"ledger", "verify", "--db", w.url()}, "", &output), 0) << output;
  auto clean = staff.get("/api/v1/ledger/verify").json();
  ASSERT_TRUE(clean.at("ok").as_bool()) << boost::json::serialize(clean);
  const auto& kinds = clean.at("balances").at("kinds");
  EXPECT_EQ(kinds.at("fen").at("postings").as_int64(), 2);
  EXPECT_EQ(kinds.at("points").at("postings").as_int64(), 1);

  {
    // 100 fen more spent, the balances moved to match: only the chain's copy can tell.
    auto database = storage::open_database(w.url());
    auto db = database->connect();
    db->execute("UPDATE ledger_postings SET amount = amount + 100 WHERE id = ?", {posting});
    db->execute(
        "UPDATE ledger_accounts SET balance = balance - 100 WHERE id = (SELECT "
        "debit_account_id FROM ledger_postings WHERE id = ?)",
        {posting});
    db->execute(
        "UPDATE ledger_accounts SET balance = balance + 100 WHERE id = (SELECT "
        "credit_account_id FROM ledger_postings WHERE id = ?)",
        {posting});
  }
  const std::string named = "fund posting " + std::to_string(posting) +
                            " differs from its entry in the audit chain (edited or inserted)";
  ASSERT_EQ(run_cli({"ledger", "verify", "--db", w.url()}, "", &output), 1) << output;
  EXPECT_NE(output.find("LEDGER BROKEN: " + named), std::string::npos) << output;
  EXPECT_EQ(output.find("LEDGER BROKEN: points"), std::string::npos) << output;

  auto verdict = staff.get("/api/v1/ledger/verify").json();
  EXPECT_FALSE(verdict.at("ok").as_bool());
  EXPECT_TRUE(verdict.at("chain_ok").as_bool());
  EXPECT_FALSE(verdict.at("balances").at("ok").as_bool());
  EXPECT_EQ(verdict.at("balances").at("kinds").at("fen").at("message").as_string(), named);
  EXPECT_TRUE(verdict.at("balances").at("kinds").at("points").at("ok").as_bool());
  EXPECT_FALSE(verdict.at("fund").at("ok").as_bool());
  EXPECT_EQ(verdict.at("fund").at("message").as_string(), named);

  auto property = owner.get("/api/v1/property/verify?community_id=" + cid);
  ASSERT_EQ(property.status, 200) << property.body;
  EXPECT_FALSE(property.json().at("ok").as_bool());
  EXPECT_EQ(property.json().at("message").as_string(), named);
}

GZ_ON_BACKENDS(OneLedger);

}  // namespace
}  // namespace gz::test
