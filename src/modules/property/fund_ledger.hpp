// The money ledger of the trust fund and of public revenue, in fen, with the points ledger's
// rules (modules/ledger): a posting moves a positive amount from one account to another of the
// same community; postings are never updated or deleted; an account with a floor (the trust
// fund, each revenue destination: floor 0) never goes below it; the stored balances equal the
// sums of the postings and add up to zero; each posting is copied into the audit chain
// (action property.post), so verify() catches an edited, inserted or deleted row. One posting
// per (code, reference): a retried payment, approval or income cannot post twice.
//
// Why not ledger::post: ledger_accounts/ledger_postings (0003) restrict kind to points/minutes
// and owner to a fixed list by CHECK constraints, which cannot be widened by one migration
// text that both SQLite and PostgreSQL accept. Accounts here are named by code:
//   fee_income          物业费收入 (source, unbounded: its balance is minus all fees paid)
//   trust_fund          信托资金 (floor 0)
//   expense:<category>  支出 (unbounded)
//   revenue:<source>    公共收益来源 (source, unbounded)
//   fund:<destination>  公共收益去向 (floor 0)
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/result.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/audit/tracked.hpp"
#include "storage/database.hpp"

namespace gz::property {

// Fund accounts as the audit chain records them (modules/audit/tracked.hpp): code and floor;
// the balance is re-derived from the postings by verify_fund.
const audit::Tracked& fund_account_rows();

struct FundAccount {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::string code;
  std::optional<std::int64_t> floor;
  std::int64_t balance = 0;
};

// Created on first use (floor 0 for trust_fund and fund:*; none otherwise).
FundAccount fund_account(storage::Connection& db, std::int64_t community_id,
                         const std::string& code);
std::vector<FundAccount> fund_accounts(storage::Connection& db, std::int64_t community_id);

struct FundPostingInput {
  std::int64_t community_id = 0;
  std::int64_t debit_account_id = 0;
  std::int64_t credit_account_id = 0;
  std::int64_t amount = 0;
  std::string code;       // fee_payment, expense, revenue_share
  std::string reference;  // unique per community and code
  std::optional<std::string> memo;
  std::string floor_error_code = "fund_insufficient";
};

struct FundPosting {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::string debit;  // account codes
  std::string credit;
  std::int64_t debit_account_id = 0;
  std::int64_t credit_account_id = 0;
  std::int64_t amount = 0;
  std::string code;
  std::string reference;
  std::optional<std::string> memo;
  std::string created_at;
  std::int64_t created_ms = 0;
};

// Inside the caller's write transaction. 409 floor_error_code when the debit would cross the
// floor, 409 duplicate_posting for a second posting of one reference.
Result<FundPosting> fund_post(storage::Connection& db, const Actor& actor,
                              const FundPostingInput& input, std::int64_t now_ms,
                              audit::Appender* appender = nullptr);

// A community's postings, newest first (before_id: paging).
std::vector<FundPosting> fund_postings(storage::Connection& db, std::int64_t community_id,
                                       std::int64_t limit, std::int64_t before_id);

struct FundCheck {
  bool ok = true;
  std::int64_t accounts = 0;
  std::int64_t postings = 0;
  std::string message;
};
// Re-derives every balance from the postings, checks the balances sum to zero per community,
// and compares each posting with its copy in the audit chain.
FundCheck verify_fund(storage::Connection& db);

}  // namespace gz::property
