// Public-revenue sharing (公共收益分配): the community declares, per revenue source (advertising,
// parking, venue rental …), how each income is shared out — shares in basis points summing to
// exactly 10000, each naming a destination fund — and every recorded income is split into
// fund-ledger postings (revenue:<source> → fund:<destination>, or → trust_fund) whose amounts
// sum exactly to the income (largest remainder, rules.hpp).
//
// A source's first rule applies from its publication (or a later effective_on). A change is
// published as a new version with an effective date at least notice_days (≥ 7, settings) after
// publication, and only one change may be pending; an income applies the version in effect on
// the day it was received, so incomes before the date keep the old rule.
//
// Public: the rules (every version) and every income with its split are readable by all members
// of the community (residents included) and admins — no login-free read, since the amounts and
// payers' categories are the community's business; outsiders get 404.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/result.hpp"
#include "modules/audit/audit.hpp"
#include "storage/database.hpp"

namespace gz::property {

struct Share {
  std::string destination;  // snake_case; "trust_fund" credits the property trust fund
  std::int64_t share_bp = 0;
};

struct RevenueRule {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::string source;
  std::int64_t version = 0;
  std::string notice;
  std::vector<Share> shares;
  std::string published_at;
  std::string effective_on;
  std::string status;  // in_effect, pending, superseded (at the time of reading)
};

struct RuleInput {
  std::int64_t community_id = 0;
  std::string source;
  std::vector<Share> shares;
  std::optional<std::string> effective_on;  // YYYY-MM-DD; required for a change
  std::string notice;                       // the public notice's text
};
// Staff and admins. 400 invalid_source, invalid_shares, invalid_destination, invalid_date,
// effective_on_required, notice_too_short (a change sooner than notice_days after today);
// 409 change_pending (another change awaits its date).
Result<RevenueRule> declare_rule(storage::Connection& db, const Actor& actor,
                                 const RuleInput& input, std::int64_t now_ms);
// Members: every version of every source, newest first.
Result<std::vector<RevenueRule>> list_rules(storage::Connection& db, const Actor& actor,
                                            std::int64_t community_id, std::int64_t now_ms);

struct IncomeShare {
  std::string destination;
  std::int64_t share_bp = 0;
  std::int64_t amount_fen = 0;
  std::optional<std::int64_t> posting_id;
};
struct Income {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::string source;
  std::int64_t amount_fen = 0;
  std::string received_on;
  std::string receipt_ref;
  std::string payer_category;
  std::int64_t rule_id = 0;
  std::int64_t rule_version = 0;
  std::vector<IncomeShare> shares;
  std::string created_at;
  bool repeated = false;  // this receipt was recorded before; the first answer is returned
};
struct IncomeInput {
  std::int64_t community_id = 0;
  std::string source;
  std::int64_t amount_fen = 0;
  std::string received_on;  // YYYY-MM-DD, not in the future; chooses the rule version
  std::string receipt_ref;  // unique per source: a retry returns the first record
  std::string payer_category;
};
// Staff and admins. 400 invalid_source, invalid_amount, invalid_date, invalid_field;
// 409 no_sharing_rule (none in effect on received_on), duplicate_receipt (same receipt, other
// amount or date).
Result<Income> record_income(storage::Connection& db, const Actor& actor, const IncomeInput& input,
                             std::int64_t now_ms, audit::Appender* appender = nullptr);
// Members: incomes newest first with their splits.
Result<std::vector<Income>> list_incomes(storage::Connection& db, const Actor& actor,
                                         std::int64_t community_id,
                                         const std::optional<std::string>& source,
                                         std::int64_t limit);

}  // namespace gz::property
