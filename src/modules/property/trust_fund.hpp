// The property-fee trust fund (信托制物业): the owners' committee is the principal, the fee a
// trust fund whose every income and expense is a posting in fen on the ledger (modules/ledger)
// and public to the community. Staff set the fee schedule (a base fee per household per month
// in fen and the adjustment parameters of rules.hpp), flag resident users as committee members,
// issue each quarter's bills and record payments; an expense is recorded by staff and moves
// money only when a majority of the owners' committee approves it (committee.hpp's rule: at
// least kCommitteeMin members, each votes once, the quorum configurable). Households score the
// service each quarter (0-100, once per household); the mean fixes the next quarter's fee,
// within ±10%, only when enough owners scored (min_response_bp of the owner households,
// default 30%); otherwise the fee stays. Each quarter's assessment meeting (质量评估会) is
// recorded with its minutes. The fund's income and spending are public, also without a login.
//
// Who sees what: members of the community (any logged-in role of it, and admins) read the
// settings, the quarterly reports and the fund (balances, aggregate income per quarter,
// expenses, postings) — aggregates only, never a payer's name, household or unit. A resident
// sees their own household's bills; staff and admins see all bills. Outsiders get 404.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/result.hpp"
#include "modules/ledger/ledger.hpp"
#include "modules/property/permissions.hpp"
#include "modules/property/rules.hpp"
#include "storage/database.hpp"

namespace gz::property {

// The fund's accounts on the ledger (kind fen), by name, opened on first use with their floors:
//   fee_income          物业费收入 (unbounded: its balance is minus all fees paid)
//   trust_fund          信托资金 (floor 0)
//   expense:<category>  支出 (unbounded)
//   revenue:<source>    公共收益来源 (unbounded)
//   fund:<destination>  公共收益去向 (floor 0)
// One posting per code and reference: a retried payment, approval or income cannot post twice.
ledger::Account fund_account(storage::Connection& db, std::int64_t community_id,
                             const std::string& name);
// A posting between two of a community's fund accounts (from fund_account, in the caller's
// transaction); a debit past the floor is 409 fund_insufficient.
ledger::PostingInput fund_posting(std::int64_t community_id, const ledger::Account& debit,
                                  const ledger::Account& credit, std::int64_t amount_fen,
                                  const std::string& code, const std::string& reference,
                                  const std::string& memo);

struct Settings {
  std::int64_t community_id = 0;
  std::optional<std::int64_t> base_fee_fen;  // nullopt until staff set it
  AdjustmentParams adjustment;
  // Approvals an expense needs, in basis points of the committee's members (5001: more than
  // half; 10000: all), and the owner households that must score a quarter for its mean to
  // move the fee (basis points of the community's owner households).
  std::int64_t committee_quorum_bp = 5001;
  std::int64_t min_response_bp = 3000;
  // The fee by floor area (fen per ㎡ per month, 120 = 1.2 元): a household with a floor area
  // on file is billed area × rate; one without, the base fee. Unset: the base fee for all.
  std::optional<std::int64_t> fee_per_m2_fen;
  std::int64_t notice_days = kMinNoticeDays;
};
Settings load_settings(storage::Connection& db, std::int64_t community_id);
Result<Settings> get_settings(storage::Connection& db, const Actor& actor,
                              std::int64_t community_id);
// Staff and admins. 400 invalid_fee, invalid_adjustment, invalid_notice_days.
Result<Settings> set_settings(storage::Connection& db, const Actor& actor,
                              const Settings& settings);

struct CommitteeMember {
  std::int64_t community_id = 0;
  std::int64_t user_id = 0;
  std::string display_name;
};
// Staff and admins flag a resident user of the community (404 otherwise); 409 already_member.
Result<CommitteeMember> add_committee_member(storage::Connection& db, const Actor& actor,
                                             std::int64_t community_id, std::int64_t user_id,
                                             std::int64_t now_ms);

struct QuarterFee {
  std::string quarter;
  std::int64_t base_fee_fen = 0;
  std::string evaluated_quarter;
  std::int64_t evaluations = 0;
  std::optional<std::int64_t> mean_score_centi;
  std::int64_t responses_needed = 0;           // scores the mean needed to move the fee
  std::int64_t adjustment_bp = 0;              // 0 when fewer scored than needed
  std::int64_t monthly_fee_fen = 0;            // per household without a floor area
  std::optional<std::int64_t> fee_per_m2_fen;  // the rate before the adjustment, when by area
  std::int64_t bills_by_area = 0;
  std::int64_t bills = 0;
  std::int64_t billed_fen = 0;
};
// Staff and admins: one bill per household of the community, three months of the quarter's
// fee. 400 invalid_quarter; 409 fee_not_set, bills_already_issued, quarter_too_early (more
// than one quarter ahead).
Result<QuarterFee> issue_bills(storage::Connection& db, const Actor& actor,
                               std::int64_t community_id, const std::string& quarter,
                               std::int64_t now_ms);

struct Bill {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::int64_t household_id = 0;
  std::string household_code;  // staff and admins only; "" for residents
  std::string quarter;
  std::int64_t amount_fen = 0;
  std::optional<std::string> paid_on;
  std::optional<std::int64_t> posting_id;
};
// Residents: their own household's bills; staff and admins: all; guides and street 403.
Result<std::vector<Bill>> list_bills(storage::Connection& db, const Actor& actor,
                                     std::int64_t community_id,
                                     const std::optional<std::string>& quarter, std::int64_t limit);

struct PaymentResult {
  std::optional<ledger::NamedPosting> posting;  // nullopt when every bill was paid already
  std::vector<std::int64_t> paid;
  std::vector<std::int64_t> already_paid;
  std::int64_t amount_fen = 0;
};
// Staff and admins record bills of one community as paid: one fee_payment posting (fee_income
// → trust_fund) for the bills not paid before. Idempotent: bills paid already are listed and
// left alone. 404 for an unknown bill or another community's; 400 invalid_bills, invalid_date.
Result<PaymentResult> record_payments(storage::Connection& db, const Actor& actor,
                                      const std::vector<std::int64_t>& bill_ids,
                                      const std::optional<std::string>& paid_on,
                                      std::int64_t now_ms, audit::Appender* appender = nullptr);

inline constexpr const char* kExpenseCategories[] = {
    "cleaning", "security", "greening", "repairs", "utilities", "staff", "insurance", "other"};
inline constexpr const char* kPayeeCategories[] = {
    "property_company", "supplier", "service_provider", "utility", "insurer",
    "individual",       "other"};

struct ExpenseInput {
  std::int64_t community_id = 0;
  std::int64_t amount_fen = 0;
  std::string category;
  std::string payee_category;
  std::string receipt_ref;
  std::string purpose;
  std::string spent_on;  // YYYY-MM-DD, not in the future
};
struct Expense {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::int64_t amount_fen = 0;
  std::string category;
  std::string payee_category;
  std::string receipt_ref;
  std::string purpose;
  std::string spent_on;
  std::string status;  // pending, approved, rejected
  std::optional<std::string> decision_note;
  std::optional<std::string> decided_at;
  bool decided_by_committee = false;
  // The committee's votes so far, and what approval needs.
  std::int64_t approvals = 0;
  std::int64_t rejections = 0;
  std::int64_t committee_size = 0;
  std::int64_t approvals_needed = 0;
  std::optional<std::string> my_vote;  // the reading committee member's
  std::optional<std::int64_t> posting_id;
  std::string created_at;
};
// Staff and admins; pending until a committee member decides. 400 invalid_amount,
// invalid_category, invalid_payee_category, invalid_field, invalid_date.
Result<Expense> record_expense(storage::Connection& db, const Actor& actor,
                               const ExpenseInput& input, std::int64_t now_ms);
// A committee member of the expense's community votes to approve or reject it, once (409
// already_voted). When the approvals reach the committee's majority the expense is approved (an
// expense posting trust_fund → expense:<category>); when approval can no longer be reached it
// is rejected; otherwise it waits for the other members. 409 committee_too_small (fewer than
// kCommitteeMin members), already_decided, fund_insufficient (the fund never goes below zero);
// 403 for anyone else of the community.
Result<Expense> decide_expense(storage::Connection& db, const Actor& actor, std::int64_t expense_id,
                               const std::string& decision, const std::string& note,
                               std::int64_t now_ms, audit::Appender* appender = nullptr);

// Households score the last quarter's service. Residents with a household only (403 else).
// The quarter is the current one or the one before, until the next quarter's fee is fixed
// (409 evaluation_closed); 400 invalid_quarter, invalid_score; 409 already_evaluated.
struct Evaluation {
  std::int64_t id = 0;
  std::string quarter;
  std::int64_t score = 0;
  std::string created_at;
};
Result<Evaluation> submit_evaluation(storage::Connection& db, const Actor& actor,
                                     const std::string& quarter, std::int64_t score,
                                     std::int64_t now_ms, audit::Appender* appender = nullptr);

struct QuarterReport {
  std::string quarter;
  std::optional<QuarterFee> fee;  // once bills are issued
  std::int64_t bills_issued = 0;
  std::int64_t billed_fen = 0;
  std::int64_t bills_paid = 0;
  std::int64_t paid_fen = 0;
  std::int64_t collection_rate_bp = 0;      // paid bills / issued bills
  std::int64_t collection_rate_fen_bp = 0;  // paid fen / billed fen
  std::int64_t evaluations = 0;
  std::optional<std::int64_t> mean_score_centi;
  std::optional<std::int64_t> next_adjustment_bp;  // what this quarter's mean gives
  std::optional<std::int64_t> my_score;            // the caller's household, residents only
};
// Members; oldest quarter first.
Result<std::vector<QuarterReport>> quarter_reports(storage::Connection& db, const Actor& actor,
                                                   std::int64_t community_id);

struct FundView {
  std::int64_t community_id = 0;
  std::int64_t trust_fund_fen = 0;
  std::int64_t fee_income_fen = 0;                                      // all fees paid
  std::int64_t expenses_fen = 0;                                        // all approved expenses
  std::int64_t pending_expenses_fen = 0;                                // awaiting the committee
  std::vector<ledger::Account> accounts;                                // named, by name
  std::vector<std::pair<std::string, std::int64_t>> income_by_quarter;  // paid fen per quarter
  std::vector<Expense> expenses;                                        // newest first
  std::vector<ledger::NamedPosting> postings;                           // newest first
};
// Members: the fund's balances, income (aggregated, no payer) and expenses, and the postings.
Result<FundView> fund_view(storage::Connection& db, const Actor& actor, std::int64_t community_id,
                           std::int64_t limit, std::int64_t before_id);
// No login: the same balances, income by quarter and expenses (texts masked), without the
// postings' memos (404 for an unknown community).
Result<FundView> public_fund(storage::Connection& db, std::int64_t community_id);

inline constexpr std::int64_t kCommitteeMin = 3;
// The approvals an expense needs: ceil(members × quorum_bp / 10000), at least one.
std::int64_t approvals_needed(std::int64_t members, std::int64_t quorum_bp);

// The quarterly assessment meeting of the owners' committee and residents (质量评估会).
struct AssessmentMeetingInput {
  std::int64_t community_id = 0;
  std::string quarter;  // the quarter assessed
  std::int64_t held_ms = 0;
  std::int64_t committee_present = 0;
  std::int64_t attendees = 0;
  std::string minutes;
};
struct AssessmentMeeting {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::string quarter;
  std::string held_at;
  std::int64_t committee_present = 0;
  std::int64_t attendees = 0;
  std::string minutes;
  std::string created_at;
};
// Staff and admins; once per quarter (409 meeting_recorded); 400 invalid_quarter,
// invalid_field (held in the future, counts out of range, minutes 1-8000 bytes).
Result<AssessmentMeeting> record_assessment_meeting(storage::Connection& db, const Actor& actor,
                                                    const AssessmentMeetingInput& input,
                                                    std::int64_t now_ms);
// Anyone (no permission: the fund is public); newest first.
std::vector<AssessmentMeeting> assessment_meetings(storage::Connection& db,
                                                   std::int64_t community_id);

}  // namespace gz::property
