// The property fund moved into the ledger by migration 0019, on SQLite and (under
// scripts/with-postgres.sh, which sets GONGZHI_TEST_PG) on PostgreSQL: a database as version 18
// left it, with a time-bank posting whose service refers to it and the fund's accounts,
// postings, bill and expense written as the fund's own ledger wrote them, chain entries
// included. After the migration the money is on the ledger with the same balances, amounts
// and references, the bill and the expense name the moved postings, the time-bank rows are
// untouched; recording the move vouches for each row that agrees with the chain (once), after
// which verify covers the money and new postings follow the moved ones. A posting changed in
// the database before the move is not vouched for, and verify names it.
#include "modules/ledger/moved_funds.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <boost/json.hpp>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <ostream>

#include "core/clock.hpp"
#include "core/json.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/audit/row_check.hpp"
#include "modules/ledger/ledger.hpp"
#include "modules/ledger/records.hpp"
#include "storage/migrate.hpp"

namespace gz::ledger {
namespace {

enum class Engine { sqlite, postgresql };

void PrintTo(Engine engine, std::ostream* out) {
  *out << (engine == Engine::sqlite ? "SQLite" : "PostgreSQL");
}

std::string engine_name(const testing::TestParamInfo<Engine>& info) {
  return info.param == Engine::sqlite ? "sqlite" : "postgresql";
}

constexpr std::int64_t kMs = 1780000000000;  // 2026-05-28

// property_accounts as the fund's ledger described it to the chain (0009–0018).
const audit::Tracked& old_account_rows() {
  static const audit::Tracked table{"property_accounts",
                                    "id",
                                    "SELECT id, community_id, code, floor FROM property_accounts",
                                    {"community_id", "code", "floor"},
                                    {},
                                    {}};
  return table;
}

class MovedFunds : public testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    std::string suffix = std::to_string(::getpid()) + "_" + std::to_string(++counter);
    if (GetParam() == Engine::sqlite) {
      path_ =
          (std::filesystem::temp_directory_path() / ("gz_moved_funds_" + suffix + ".db")).string();
      remove_files();
      database_ = storage::open_sqlite(path_);
    } else {
      const char* url = std::getenv("GONGZHI_TEST_PG");
      if (url == nullptr || *url == '\0') GTEST_SKIP() << "GONGZHI_TEST_PG is not set";
      server_ = storage::open_postgresql(url);
      schema_ = "gz_moved_funds_" + suffix;
      server_->connect()->execute_script("CREATE SCHEMA " + schema_);
      std::string base(url);
      database_ =
          storage::open_postgresql(base + (base.find('?') == std::string::npos ? "?" : "&") +
                                   "options=-csearch_path%3D" + schema_ + "%2Cpublic");
    }
    db_ = database_->connect();
    storage::migrate(*db_, 18);
    write_version_18_data();
  }

  void TearDown() override {
    db_.reset();
    database_.reset();
    if (!path_.empty()) remove_files();
    if (server_) server_->connect()->execute_script("DROP SCHEMA " + schema_ + " CASCADE");
  }

  void remove_files() {
    for (const char* ending : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + ending);
  }

  storage::Connection& db() { return *db_; }

  std::int64_t insert(const std::string& sql, const std::vector<storage::Value>& params) {
    return db().query_one(sql + " RETURNING id", params)->integer(0);
  }

  std::int64_t old_account(const std::string& code, std::optional<std::int64_t> floor,
                           std::int64_t balance) {
    std::int64_t id = insert(
        "INSERT INTO property_accounts (community_id, code, floor, balance, created_at) VALUES "
        "(?, ?, ?, ?, '2026-05-01T08:00:00.000+08:00')",
        {community_, code, storage::opt_int(floor), balance});
    boost::json::object change{{"code", code}};
    change["floor"] = floor ? boost::json::value(*floor) : nullptr;
    audit::append(db(), audit::system_actor(),
                  {community_,
                   "property.account_open",
                   "property_account",
                   std::to_string(id),
                   change,
                   {{&old_account_rows(), id}}});
    return id;
  }

  std::int64_t old_posting(std::int64_t debit, std::int64_t credit, std::int64_t amount,
                           const std::string& code, const std::string& reference) {
    std::int64_t id = insert(
        "INSERT INTO property_postings (community_id, debit_account_id, credit_account_id, "
        "amount, code, reference, memo, created_at, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, "
        "'2026-05-28T08:00:00.000+08:00', ?)",
        {community_, debit, credit, amount, code, reference, code + " " + reference, kMs});
    audit::append(db(), audit::system_actor(),
                  {community_, "property.post", "property_posting", std::to_string(id),
                   boost::json::object{{"id", id},
                                       {"debit", debit},
                                       {"credit", credit},
                                       {"amount", amount},
                                       {"code", code},
                                       {"reference", reference},
                                       {"created_ms", kMs}}});
    return id;
  }

  // A community with one household of two residents; a confirmed time-bank service (a minutes
  // posting from the recipient to the provider); the fund: fees of 30000 fen paid into the
  // trust fund, an expense of 12000 fen out of it, with its bill and expense rows.
  void write_version_18_data() {
    community_ = insert(
        "INSERT INTO communities (name, code, created_at) VALUES ('幸福里', 'MOVE-1', "
        "'2026-05-01T08:00:00.000+08:00')",
        {});
    household_ = insert(
        "INSERT INTO households (community_id, code, address, housing_type, created_at, "
        "updated_at) VALUES (?, '1-101', '1-101室', 'owner', '2026-05-01', '2026-05-01')",
        {community_});
    std::vector<std::int64_t> residents;
    for (const char* name : {"王阿姨", "李爷爷"}) {
      residents.push_back(insert(
          "INSERT INTO residents (community_id, household_id, name, sex, created_at) VALUES (?, "
          "?, ?, 'female', '2026-05-01')",
          {community_, household_, std::string(name)}));
    }
    std::vector<std::int64_t> minutes_accounts;
    for (std::int64_t resident : residents) {
      minutes_accounts.push_back(insert(
          "INSERT INTO ledger_accounts (community_id, kind, owner, resident_id, floor, balance, "
          "created_at) VALUES (?, 'minutes', 'resident', ?, -600, ?, '2026-05-01')",
          {community_, resident, resident == residents[0] ? std::int64_t{60} : std::int64_t{-60}}));
    }
    Posting service;
    service.community_id = community_;
    service.kind = Kind::minutes;
    service.debit_account_id = minutes_accounts[1];
    service.credit_account_id = minutes_accounts[0];
    service.amount = 60;
    service.code = "timebank_service";
    service.created_at = "2026-05-20T10:00:00.000+08:00";
    service.created_ms = kMs - 8 * kDayMs;
    service.id = insert(
        "INSERT INTO ledger_postings (community_id, kind, debit_account_id, credit_account_id, "
        "amount, code, created_at, created_ms) VALUES (?, 'minutes', ?, ?, 60, "
        "'timebank_service', ?, ?)",
        {community_, service.debit_account_id, service.credit_account_id, service.created_at,
         service.created_ms});
    audit::append(db(), audit::system_actor(),
                  {community_, "ledger.post", "posting", std::to_string(service.id),
                   posting_record(service)});
    service_posting_ = service.id;
    service_ = insert(
        "INSERT INTO timebank_services (community_id, provider_resident_id, "
        "recipient_resident_id, service_date, minutes, service_type, status, posting_id, "
        "created_at, created_ms, expires_ms) VALUES (?, ?, ?, '2026-05-20', 60, 'companionship', "
        "'confirmed', ?, '2026-05-20', ?, ?)",
        {community_, residents[0], residents[1], service.id, service.created_ms,
         service.created_ms + kDayMs});

    std::int64_t income = old_account("fee_income", std::nullopt, -30000);
    std::int64_t fund = old_account("trust_fund", 0, 18000);
    std::int64_t repairs = old_account("expense:repairs", std::nullopt, 12000);
    fee_posting_ = old_posting(income, fund, 30000, "fee_payment", "bills:1");
    expense_posting_ = old_posting(fund, repairs, 12000, "expense", "expense:1");
    bill_ = insert(
        "INSERT INTO property_bills (community_id, household_id, quarter, amount_fen, paid_on, "
        "paid_ms, posting_id) VALUES (?, ?, '2026Q2', 30000, '2026-05-28', ?, ?)",
        {community_, household_, kMs, fee_posting_});
    expense_ = insert(
        "INSERT INTO property_expenses (community_id, amount_fen, category, payee_category, "
        "receipt_ref, purpose, spent_on, status, posting_id, created_at, created_ms) VALUES (?, "
        "12000, 'repairs', 'supplier', 'FP-1', '换灯', '2026-05-28', 'approved', ?, "
        "'2026-05-28', ?)",
        {community_, expense_posting_, kMs});
  }

  // The moved posting of a property posting.
  std::int64_t moved(std::int64_t property_posting_id) {
    return db().query_int(
        "SELECT posting_id FROM ledger_moved_postings WHERE property_posting_id = ?",
        {property_posting_id});
  }

  std::string path_;
  std::string schema_;
  std::unique_ptr<storage::Database> server_;
  std::unique_ptr<storage::Database> database_;
  std::unique_ptr<storage::Connection> db_;
  std::int64_t community_ = 0, household_ = 0, service_ = 0, service_posting_ = 0;
  std::int64_t fee_posting_ = 0, expense_posting_ = 0, bill_ = 0, expense_ = 0;
};

TEST_P(MovedFunds, TheMoneyKeepsItsBalancesAndHistoryAndVerifyCoversItOnceRecorded) {
  EXPECT_EQ(storage::migrate(db(), 19), std::vector<int>{19});
  storage::migrate(db());  // and those after it

  auto accounts = named_accounts(db(), community_, Kind::fen);
  ASSERT_EQ(accounts.size(), 3u);
  EXPECT_EQ(*accounts[0].name, "expense:repairs");
  EXPECT_EQ(accounts[0].balance, 12000);
  EXPECT_EQ(accounts[0].floor, std::nullopt);
  EXPECT_EQ(*accounts[1].name, "fee_income");
  EXPECT_EQ(accounts[1].balance, -30000);
  EXPECT_EQ(*accounts[2].name, "trust_fund");
  EXPECT_EQ(accounts[2].balance, 18000);
  EXPECT_EQ(accounts[2].floor, 0);
  for (const auto& account : accounts) EXPECT_EQ(account.owner, Owner::named);

  auto postings = community_postings(db(), community_, Kind::fen, 10, INT64_MAX);
  ASSERT_EQ(postings.size(), 2u);
  const auto& expense = postings[0];
  const auto& fee = postings[1];
  EXPECT_EQ(fee.posting.id, moved(fee_posting_));
  EXPECT_GT(fee.posting.id, service_posting_);
  EXPECT_EQ(fee.debit, "fee_income");
  EXPECT_EQ(fee.credit, "trust_fund");
  EXPECT_EQ(fee.posting.amount, 30000);
  EXPECT_EQ(fee.posting.code, "fee_payment");
  EXPECT_EQ(*fee.posting.reference, "bills:1");
  EXPECT_EQ(*fee.posting.memo, "fee_payment bills:1");
  EXPECT_EQ(fee.posting.created_ms, kMs);
  EXPECT_EQ(expense.posting.id, moved(expense_posting_));
  EXPECT_EQ(expense.debit, "trust_fund");
  EXPECT_EQ(expense.credit, "expense:repairs");
  EXPECT_EQ(expense.posting.amount, 12000);

  EXPECT_EQ(db().query_int("SELECT posting_id FROM property_bills WHERE id = ?", {bill_}),
            fee.posting.id);
  EXPECT_EQ(db().query_int("SELECT posting_id FROM property_expenses WHERE id = ?", {expense_}),
            expense.posting.id);
  EXPECT_EQ(db().query_int("SELECT posting_id FROM timebank_services WHERE id = ?", {service_}),
            service_posting_);
  auto service = load_posting(db(), service_posting_);
  ASSERT_TRUE(service);
  EXPECT_EQ(service->kind, Kind::minutes);
  EXPECT_EQ(service->amount, 60);
  EXPECT_FALSE(db().query_one(
      GetParam() == Engine::sqlite
          ? "SELECT name FROM sqlite_master WHERE name IN ('property_postings', "
            "'property_accounts', 'ledger_accounts_0019', 'property_bills_0019')"
          : "SELECT tablename FROM pg_tables WHERE tablename IN ('property_postings', "
            "'property_accounts') AND schemaname = current_schema()"));
  if (GetParam() == Engine::sqlite) {
    EXPECT_TRUE(db().query("PRAGMA foreign_key_check").empty());
  }

  // Before the move is on record, verify cannot vouch for the moved rows.
  EXPECT_FALSE(verify_balances(db()).ok);
  auto recorded = record_moved_funds(db());
  EXPECT_TRUE(recorded.recorded_now);
  EXPECT_EQ(recorded.accounts, 3);
  EXPECT_EQ(recorded.postings, 2);
  EXPECT_TRUE(recorded.refused.empty()) << recorded.refused.front();
  EXPECT_FALSE(record_moved_funds(db()).recorded_now);

  auto check = verify_balances(db());
  EXPECT_TRUE(check.ok) << check.message;
  EXPECT_EQ(check.kinds[Kind::fen].accounts, 3);
  EXPECT_EQ(check.kinds[Kind::fen].postings, 2);
  EXPECT_EQ(check.kinds[Kind::minutes].postings, 1);
  auto rows = audit::verify_rows(db(), {&account_rows()});
  EXPECT_TRUE(rows.ok) << (rows.problems.empty() ? "" : rows.problems.front().message);
  EXPECT_EQ(rows.tables.front().checked, 3);  // the minutes accounts predate row records
  EXPECT_TRUE(audit::verify(db()).ok);

  // Money posts on after the moved rows, once per reference, never below a floor.
  auto fund = named_account(db(), community_, Kind::fen, "trust_fund", 0);
  auto canteen = named_account(db(), community_, Kind::fen, "fund:elderly_canteen", 0);
  EXPECT_EQ(fund.id, accounts[2].id);
  PostingInput input;
  input.community_id = community_;
  input.kind = Kind::fen;
  input.debit_account_id = fund.id;
  input.credit_account_id = canteen.id;
  input.amount = 5000;
  input.code = "expense";
  input.reference = "expense:2";
  input.floor_error_code = "fund_insufficient";
  storage::with_transaction(db(), storage::TxMode::write, [&] {
    auto posted = post(db(), audit::system_actor(), input, kMs + 1000);
    ASSERT_TRUE(posted) << posted.error().message;
    EXPECT_GT(posted->id, expense.posting.id);
  });
  EXPECT_GT(canteen.id, accounts[2].id);
  input.amount = 14000;  // 13000 fen left
  input.reference = "expense:3";
  storage::with_transaction(db(), storage::TxMode::write, [&] {
    auto refused = post(db(), audit::system_actor(), input, kMs + 2000);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, "fund_insufficient");
    EXPECT_EQ(refused.error().message, "the account trust_fund holds too little for this");
  });
  EXPECT_TRUE(verify_balances(db()).ok);
}

TEST_P(MovedFunds, APostingChangedBeforeTheMoveIsNotVouchedForAndVerifyNamesIt) {
  db().execute("UPDATE property_postings SET amount = 40000 WHERE id = ?", {fee_posting_});
  db().execute("UPDATE property_accounts SET balance = -40000 WHERE code = 'fee_income'");
  db().execute("UPDATE property_accounts SET balance = 28000 WHERE code = 'trust_fund'");
  storage::migrate(db());
  auto recorded = record_moved_funds(db());
  EXPECT_EQ(recorded.accounts, 3);
  EXPECT_EQ(recorded.postings, 1);
  ASSERT_EQ(recorded.refused.size(), 1u);
  std::string posting = "fund posting " + std::to_string(moved(fee_posting_));
  EXPECT_EQ(recorded.refused.front(), posting + " (property posting " +
                                          std::to_string(fee_posting_) +
                                          ") differs from what the audit chain recorded of it");
  auto check = verify_balances(db());
  EXPECT_FALSE(check.ok);
  EXPECT_TRUE(check.kinds[Kind::minutes].ok);
  EXPECT_EQ(check.kinds[Kind::fen].message,
            posting + " differs from its entry in the audit chain (edited or inserted)");
}

INSTANTIATE_TEST_SUITE_P(Engines, MovedFunds, testing::Values(Engine::sqlite, Engine::postgresql),
                         engine_name);

}  // namespace
}  // namespace gz::ledger
