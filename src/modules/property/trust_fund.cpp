#include "modules/property/trust_fund.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <set>

#include "core/clock.hpp"
#include "core/pii.hpp"
#include "core/text.hpp"
#include "modules/audit/audit.hpp"
#include "modules/registry/permissions.hpp"
#include "modules/registry/registry.hpp"
#include "storage/transact.hpp"

namespace gz::property {
namespace {

bool in_list(const std::string& value, const auto& list) {
  return std::any_of(std::begin(list), std::end(list),
                     [&](const char* item) { return value == item; });
}

// "YYYY-MM-DD" not after today (Asia/Shanghai): 400 invalid_date otherwise.
Result<void> check_past_date(const std::string& date, const char* field, std::int64_t now_ms) {
  auto start = day_start_ms(date);
  if (!start) return bad_request("invalid_date", std::string(field) + " must be YYYY-MM-DD");
  if (*start > *day_start_ms(format_date(now_ms))) {
    return bad_request("invalid_date", std::string(field) + " may not be in the future");
  }
  return {};
}

constexpr const char* kExpenseColumns =
    "SELECT id, community_id, amount_fen, category, payee_category, receipt_ref, purpose, "
    "spent_on, status, decision_note, decided_at, decided_by_user_id, posting_id, created_at, "
    "(SELECT COUNT(*) FROM property_expense_votes v WHERE v.expense_id = property_expenses.id "
    "AND v.vote = 'approve'), "
    "(SELECT COUNT(*) FROM property_expense_votes v WHERE v.expense_id = property_expenses.id "
    "AND v.vote = 'reject'), "
    "(SELECT COUNT(*) FROM property_committee c WHERE c.community_id = "
    "property_expenses.community_id), "
    "(SELECT COALESCE(MAX(committee_quorum_bp), 5001) FROM property_settings s WHERE "
    "s.community_id = property_expenses.community_id) FROM property_expenses";

Expense expense_from(const storage::Row& row) {
  Expense expense;
  expense.id = row.integer(0);
  expense.community_id = row.integer(1);
  expense.amount_fen = row.integer(2);
  expense.category = row.text(3);
  expense.payee_category = row.text(4);
  expense.receipt_ref = row.text(5);
  expense.purpose = row.text(6);
  expense.spent_on = row.text(7);
  expense.status = row.text(8);
  expense.decision_note = row.opt_text(9);
  expense.decided_at = row.opt_text(10);
  expense.decided_by_committee = !row.is_null(11);
  expense.posting_id = row.opt_integer(12);
  expense.created_at = row.text(13);
  expense.approvals = row.integer(14);
  expense.rejections = row.integer(15);
  expense.committee_size = row.integer(16);
  expense.approvals_needed = approvals_needed(expense.committee_size, row.integer(17));
  return expense;
}

std::string placeholders(std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) out += i ? ", ?" : "?";
  return out;
}

void append(storage::Connection& db, audit::Appender* appender, const Actor& actor,
            const audit::Record& record) {
  if (appender) {
    appender->append(actor, record);
  } else {
    audit::append(db, actor, record);
  }
}

}  // namespace

ledger::Account fund_account(storage::Connection& db, std::int64_t community_id,
                             const std::string& name) {
  // Money held for the owners may not run short; sources and spending are unbounded.
  bool holds_money = name == "trust_fund" || name.rfind("fund:", 0) == 0;
  return ledger::named_account(db, community_id, ledger::Kind::fen, name,
                               holds_money ? std::optional<std::int64_t>{0} : ledger::kNoFloor);
}

ledger::PostingInput fund_posting(std::int64_t community_id, const ledger::Account& debit,
                                  const ledger::Account& credit, std::int64_t amount_fen,
                                  const std::string& code, const std::string& reference,
                                  const std::string& memo) {
  return ledger::fen_posting(community_id, debit, credit, amount_fen, code, reference, memo,
                             "fund_insufficient");
}

Settings load_settings(storage::Connection& db, std::int64_t community_id) {
  Settings settings;
  settings.community_id = community_id;
  if (auto row = db.query_one(
          "SELECT base_fee_fen, neutral_score, up_bp_per_point, down_bp_per_point, cap_up_bp, "
          "cap_down_bp, notice_days, committee_quorum_bp, min_response_bp, fee_per_m2_fen FROM "
          "property_settings WHERE community_id = ?",
          {community_id})) {
    settings.base_fee_fen = row->integer(0);
    settings.adjustment = {row->integer(1), row->integer(2), row->integer(3), row->integer(4),
                           row->integer(5)};
    settings.notice_days = row->integer(6);
    settings.committee_quorum_bp = row->integer(7);
    settings.min_response_bp = row->integer(8);
    settings.fee_per_m2_fen = row->opt_integer(9);
  }
  return settings;
}

Result<Settings> get_settings(storage::Connection& db, const Actor& actor,
                              std::int64_t community_id) {
  GZ_TRY(check_member(db, actor, community_id));
  return load_settings(db, community_id);
}

Result<Settings> set_settings(storage::Connection& db, const Actor& actor,
                              const Settings& settings) {
  GZ_TRY(check_member(db, actor, settings.community_id));
  if (!is_manager(actor, settings.community_id)) {
    return forbidden("only community staff set the property fee");
  }
  if (!settings.base_fee_fen || *settings.base_fee_fen < 1 ||
      *settings.base_fee_fen > kMaxBaseFeeFen) {
    return bad_request("invalid_fee", "base_fee_fen must be 1-" + std::to_string(kMaxBaseFeeFen) +
                                          " fen per household per month");
  }
  GZ_TRY(validate(settings.adjustment));
  if (settings.notice_days < kMinNoticeDays || settings.notice_days > kMaxNoticeDays) {
    return bad_request("invalid_notice_days", "a rule change waits 7-90 days after its notice");
  }
  if (settings.committee_quorum_bp < 5001 || settings.committee_quorum_bp > 10000) {
    return bad_request("invalid_quorum",
                       "committee_quorum_bp is 5001-10000: more than half of the members, up to "
                       "all of them");
  }
  if (settings.min_response_bp < 0 || settings.min_response_bp > 10000) {
    return bad_request("invalid_min_response", "min_response_bp is 0-10000");
  }
  if (settings.fee_per_m2_fen &&
      (*settings.fee_per_m2_fen < 1 || *settings.fee_per_m2_fen > 100000)) {
    return bad_request("invalid_fee", "fee_per_m2_fen must be 1-100000 fen per ㎡ per month");
  }
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Settings> {
    const auto& a = settings.adjustment;
    std::vector<storage::Value> values{*settings.base_fee_fen,
                                       a.neutral_score,
                                       a.up_bp_per_point,
                                       a.down_bp_per_point,
                                       a.cap_up_bp,
                                       a.cap_down_bp,
                                       settings.notice_days,
                                       settings.committee_quorum_bp,
                                       settings.min_response_bp,
                                       storage::opt_int(settings.fee_per_m2_fen),
                                       actor.user_id,
                                       now_iso8601(),
                                       settings.community_id};
    if (db.execute("UPDATE property_settings SET base_fee_fen = ?, neutral_score = ?, "
                   "up_bp_per_point = ?, down_bp_per_point = ?, cap_up_bp = ?, cap_down_bp = ?, "
                   "notice_days = ?, committee_quorum_bp = ?, min_response_bp = ?, "
                   "fee_per_m2_fen = ?, updated_by_user_id = ?, updated_at = ? WHERE "
                   "community_id = ?",
                   values) == 0) {
      db.execute(
          "INSERT INTO property_settings (base_fee_fen, neutral_score, up_bp_per_point, "
          "down_bp_per_point, cap_up_bp, cap_down_bp, notice_days, committee_quorum_bp, "
          "min_response_bp, fee_per_m2_fen, updated_by_user_id, updated_at, community_id) VALUES "
          "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
          values);
    }
    audit::append(
        db, actor,
        {settings.community_id, "property.settings", "community",
         std::to_string(settings.community_id),
         boost::json::object{{"base_fee_fen", *settings.base_fee_fen},
                             {"neutral_score", a.neutral_score},
                             {"up_bp_per_point", a.up_bp_per_point},
                             {"down_bp_per_point", a.down_bp_per_point},
                             {"cap_up_bp", a.cap_up_bp},
                             {"cap_down_bp", a.cap_down_bp},
                             {"notice_days", settings.notice_days},
                             {"committee_quorum_bp", settings.committee_quorum_bp},
                             {"min_response_bp", settings.min_response_bp},
                             {"fee_per_m2_fen", settings.fee_per_m2_fen
                                                    ? boost::json::value(*settings.fee_per_m2_fen)
                                                    : boost::json::value(nullptr)}}});
    return load_settings(db, settings.community_id);
  });
}

Result<CommitteeMember> add_committee_member(storage::Connection& db, const Actor& actor,
                                             std::int64_t community_id, std::int64_t user_id,
                                             std::int64_t now_ms) {
  GZ_TRY(check_member(db, actor, community_id));
  if (!is_manager(actor, community_id)) {
    return forbidden("only community staff keep the committee list");
  }
  auto user = db.query_one(
      "SELECT u.role, h.community_id, COALESCE(u.display_name, u.username) FROM users u LEFT "
      "JOIN households h ON h.id = u.household_id WHERE u.id = ? AND u.disabled = 0",
      {user_id});
  if (!user || user->text(0) != "resident" || user->is_null(1) ||
      user->integer(1) != community_id) {
    return not_found("no resident user " + std::to_string(user_id) + " in this community");
  }
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<CommitteeMember> {
    try {
      db.execute(
          "INSERT INTO property_committee (community_id, user_id, added_by_user_id, created_at) "
          "VALUES (?, ?, ?, ?)",
          {community_id, user_id, actor.user_id, format_iso8601(now_ms)});
    } catch (const storage::DbError& error) {
      if (error.kind() == storage::DbErrorKind::unique_violation) {
        return conflict("already_member", "this user is on the committee already");
      }
      throw;
    }
    audit::append(db, actor,
                  {community_id, "property.committee_add", "user", std::to_string(user_id),
                   boost::json::object{{"community_id", community_id}}});
    return CommitteeMember{community_id, user_id, user->text(2)};
  });
}

Result<QuarterFee> issue_bills(storage::Connection& db, const Actor& actor,
                               std::int64_t community_id, const std::string& quarter_text,
                               std::int64_t now_ms) {
  GZ_TRY(check_member(db, actor, community_id));
  if (!is_manager(actor, community_id)) return forbidden("only community staff issue bills");
  auto quarter = parse_quarter(quarter_text);
  if (!quarter) return bad_request("invalid_quarter", "quarter must look like 2026Q3");
  if (compare(*quarter, next_quarter(quarter_of(now_ms))) > 0) {
    return conflict("quarter_too_early", "bills are issued at most one quarter ahead");
  }
  Settings settings = load_settings(db, community_id);
  if (!settings.base_fee_fen) return conflict("fee_not_set", "set the base fee first");
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<QuarterFee> {
    QuarterFee fee;
    fee.quarter = quarter_name(*quarter);
    fee.base_fee_fen = *settings.base_fee_fen;
    fee.evaluated_quarter = quarter_name(previous_quarter(*quarter));
    auto scores = db.query_one(
        "SELECT COUNT(*), COALESCE(SUM(score), 0) FROM property_evaluations WHERE community_id = "
        "? AND quarter = ?",
        {community_id, fee.evaluated_quarter});
    fee.evaluations = scores->integer(0);
    fee.mean_score_centi = mean_centi(scores->integer(1), fee.evaluations);
    // The mean moves the fee only when enough owners scored: ceil(owners × min / 10000).
    std::int64_t owners = db.query_int(
        "SELECT COUNT(*) FROM households WHERE community_id = ? AND housing_type = 'owner'",
        {community_id});
    fee.responses_needed = (owners * settings.min_response_bp + 9999) / 10000;
    fee.adjustment_bp = fee.mean_score_centi && fee.evaluations >= fee.responses_needed
                            ? adjustment_bp(*fee.mean_score_centi, settings.adjustment)
                            : 0;
    fee.monthly_fee_fen = adjusted_fee_fen(fee.base_fee_fen, fee.adjustment_bp);
    try {
      db.execute(
          "INSERT INTO property_quarter_fees (community_id, quarter, base_fee_fen, "
          "evaluated_quarter, evaluations, mean_score_centi, adjustment_bp, monthly_fee_fen, "
          "issued_at, issued_ms, responses_needed, fee_per_m2_fen) VALUES (?, ?, ?, ?, ?, ?, ?, "
          "?, ?, ?, ?, ?)",
          {community_id, fee.quarter, fee.base_fee_fen, fee.evaluated_quarter, fee.evaluations,
           storage::opt_int(fee.mean_score_centi), fee.adjustment_bp, fee.monthly_fee_fen,
           format_iso8601(now_ms), now_ms, fee.responses_needed,
           storage::opt_int(settings.fee_per_m2_fen)});
    } catch (const storage::DbError& error) {
      if (error.kind() == storage::DbErrorKind::unique_violation) {
        return conflict("bills_already_issued", "the bills of " + fee.quarter + " exist already");
      }
      throw;
    }
    fee.fee_per_m2_fen = settings.fee_per_m2_fen;
    if (settings.fee_per_m2_fen) {
      // area (dm²) × rate (fen per ㎡ per month) × 3 months × (10000 + adjustment) / (100 ×
      // 10000), half up: exact integers, the same rounding as the per-household fee.
      fee.bills = db.execute(
          "INSERT INTO property_bills (community_id, household_id, quarter, amount_fen) SELECT ?, "
          "id, ?, CASE WHEN floor_area_dm2 IS NULL THEN ? ELSE (floor_area_dm2 * ? * 3 * ? + "
          "500000) / 1000000 END FROM households WHERE community_id = ?",
          {community_id, fee.quarter, fee.monthly_fee_fen * 3, *settings.fee_per_m2_fen,
           10000 + fee.adjustment_bp, community_id});
      fee.bills_by_area = db.query_int(
          "SELECT COUNT(*) FROM households WHERE community_id = ? AND floor_area_dm2 IS NOT NULL",
          {community_id});
    } else {
      fee.bills = db.execute(
          "INSERT INTO property_bills (community_id, household_id, quarter, amount_fen) SELECT ?, "
          "id, ?, ? FROM households WHERE community_id = ?",
          {community_id, fee.quarter, fee.monthly_fee_fen * 3, community_id});
    }
    fee.billed_fen = db.query_int(
        "SELECT COALESCE(SUM(amount_fen), 0) FROM property_bills WHERE community_id = ? AND "
        "quarter = ?",
        {community_id, fee.quarter});
    audit::append(
        db, actor,
        {community_id, "property.bills_issue", "property_quarter", fee.quarter,
         boost::json::object{
             {"quarter", fee.quarter},
             {"base_fee_fen", fee.base_fee_fen},
             {"evaluations", fee.evaluations},
             {"mean_score_centi", fee.mean_score_centi ? boost::json::value(*fee.mean_score_centi)
                                                       : boost::json::value(nullptr)},
             {"responses_needed", fee.responses_needed},
             {"adjustment_bp", fee.adjustment_bp},
             {"monthly_fee_fen", fee.monthly_fee_fen},
             {"bills", fee.bills}}});
    return fee;
  });
}

Result<std::vector<Bill>> list_bills(storage::Connection& db, const Actor& actor,
                                     std::int64_t community_id,
                                     const std::optional<std::string>& quarter,
                                     std::int64_t limit) {
  GZ_TRY(check_member(db, actor, community_id));
  bool manager = is_manager(actor, community_id);
  if (!manager && !(actor.is(Role::resident) && actor.household_id)) {
    return forbidden("bills are for the household and the staff");
  }
  if (quarter && !parse_quarter(*quarter)) {
    return bad_request("invalid_quarter", "quarter must look like 2026Q3");
  }
  std::string sql =
      "SELECT b.id, b.community_id, b.household_id, h.code, b.quarter, b.amount_fen, b.paid_on, "
      "b.posting_id FROM property_bills b JOIN households h ON h.id = b.household_id WHERE "
      "b.community_id = ?";
  std::vector<storage::Value> params{community_id};
  if (!manager) {
    sql += " AND b.household_id = ?";
    params.emplace_back(*actor.household_id);
  }
  if (quarter) {
    sql += " AND b.quarter = ?";
    params.emplace_back(*quarter);
  }
  sql += " ORDER BY b.quarter DESC, b.id LIMIT ?";
  params.emplace_back(limit);
  std::vector<Bill> out;
  for (const auto& row : db.query(sql, params)) {
    out.push_back(Bill{row.integer(0), row.integer(1), row.integer(2),
                       manager ? row.text(3) : std::string(), row.text(4), row.integer(5),
                       row.opt_text(6), row.opt_integer(7)});
  }
  return out;
}

Result<PaymentResult> record_payments(storage::Connection& db, const Actor& actor,
                                      const std::vector<std::int64_t>& bill_ids,
                                      const std::optional<std::string>& paid_on,
                                      std::int64_t now_ms, audit::Appender* appender) {
  std::set<std::int64_t> distinct(bill_ids.begin(), bill_ids.end());
  if (bill_ids.empty() || bill_ids.size() > 1000 || distinct.size() != bill_ids.size()) {
    return bad_request("invalid_bills", "bill_ids: 1-1000 distinct bill ids");
  }
  std::string date = paid_on.value_or(format_date(now_ms));
  GZ_TRY(check_past_date(date, "paid_on", now_ms));
  auto work = [&]() -> Result<PaymentResult> {
    std::vector<storage::Value> ids(bill_ids.begin(), bill_ids.end());
    std::map<std::int64_t, std::pair<std::int64_t, std::int64_t>> bills;  // id → community, fen
    for (const auto& row : db.query("SELECT id, community_id, amount_fen FROM property_bills "
                                    "WHERE id IN (" +
                                        placeholders(ids.size()) + ")",
                                    ids)) {
      bills[row.integer(0)] = {row.integer(1), row.integer(2)};
    }
    std::int64_t community_id = 0;
    for (std::int64_t id : bill_ids) {
      auto bill = bills.find(id);
      if (bill == bills.end() || !actor.belongs_to(bill->second.first)) {
        return not_found("no bill " + std::to_string(id));
      }
      if (community_id && community_id != bill->second.first) {
        return bad_request("invalid_bills", "record the bills of one community at a time");
      }
      community_id = bill->second.first;
    }
    if (!is_manager(actor, community_id)) return forbidden("only community staff record payments");
    PaymentResult result;
    const std::int64_t paid_ms = *day_start_ms(date);
    // In id order, so concurrent batches lock shared bills in the same order (no deadlock).
    for (std::int64_t id : distinct) {
      // Conditional: a bill is paid once, whoever records it at the same moment.
      if (db.execute("UPDATE property_bills SET paid_on = ?, paid_ms = ? WHERE id = ? AND "
                     "paid_ms IS NULL",
                     {date, paid_ms, id}) == 1) {
        result.paid.push_back(id);
        result.amount_fen += bills[id].second;
      } else {
        result.already_paid.push_back(id);
      }
    }
    if (result.paid.empty()) return result;
    auto income = fund_account(db, community_id, "fee_income");
    auto fund = fund_account(db, community_id, "trust_fund");
    auto posting =
        ledger::post(db, actor,
                     fund_posting(community_id, income, fund, result.amount_fen, "fee_payment",
                                  "bills:" + std::to_string(result.paid.front()),
                                  std::to_string(result.paid.size()) + " 户物业费 " + date),
                     now_ms, appender);
    if (!posting) return posting.take_error();
    result.posting = ledger::NamedPosting{*posting, *income.name, *fund.name};
    std::vector<storage::Value> paid_params{posting->id};
    paid_params.insert(paid_params.end(), result.paid.begin(), result.paid.end());
    db.execute("UPDATE property_bills SET posting_id = ? WHERE id IN (" +
                   placeholders(result.paid.size()) + ")",
               paid_params);
    boost::json::array paid_json(result.paid.begin(), result.paid.end());
    append(db, appender, actor,
           {community_id, "property.payment", "property_posting", std::to_string(posting->id),
            boost::json::object{{"bills", std::move(paid_json)},
                                {"amount_fen", result.amount_fen},
                                {"paid_on", date}}});
    return result;
  };
  // A demo batch runs inside its caller's transaction (it passes an appender).
  if (appender) return work();
  return storage::transact(db, storage::TxMode::write, work);
}

Result<Expense> record_expense(storage::Connection& db, const Actor& actor,
                               const ExpenseInput& input, std::int64_t now_ms) {
  GZ_TRY(check_member(db, actor, input.community_id));
  if (!is_manager(actor, input.community_id)) {
    return forbidden("only community staff record expenses");
  }
  if (input.amount_fen < 1 || input.amount_fen > kMaxAmountFen) {
    return bad_request("invalid_amount", "amount_fen must be a positive number of fen");
  }
  if (!in_list(input.category, kExpenseCategories)) {
    return bad_request("invalid_category", "unknown expense category " + input.category);
  }
  if (!in_list(input.payee_category, kPayeeCategories)) {
    return bad_request("invalid_payee_category", "unknown payee category " + input.payee_category);
  }
  GZ_TRY(text::require_text(input.receipt_ref, "receipt_ref", 80));
  GZ_TRY(text::require_text(input.purpose, "purpose", 1000));
  GZ_TRY(check_past_date(input.spent_on, "spent_on", now_ms));
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Expense> {
    auto id =
        db.query_one(
              "INSERT INTO property_expenses (community_id, amount_fen, category, payee_category, "
              "receipt_ref, purpose, spent_on, status, recorded_by_user_id, created_at, "
              "created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?) RETURNING id",
              {input.community_id, input.amount_fen, input.category, input.payee_category,
               input.receipt_ref, input.purpose, input.spent_on, actor.user_id,
               format_iso8601(now_ms), now_ms})
            ->integer(0);
    audit::append(
        db, actor,
        {input.community_id, "property.expense_record", "property_expense", std::to_string(id),
         boost::json::object{{"amount_fen", input.amount_fen},
                             {"category", input.category},
                             {"payee_category", input.payee_category},
                             {"receipt_ref", input.receipt_ref},
                             {"spent_on", input.spent_on}}});
    return expense_from(*db.query_one(std::string(kExpenseColumns) + " WHERE id = ?", {id}));
  });
}

namespace {

// Staff's words on an expense as `reader` may see them (residents, guides, street: masked).
void mask_for(pii::Reader reader, Expense& expense) {
  expense.purpose = pii::text_for(reader, expense.purpose);
  expense.receipt_ref = pii::text_for(reader, expense.receipt_ref);
  expense.decision_note = pii::text_for(reader, expense.decision_note);
}

}  // namespace

std::int64_t approvals_needed(std::int64_t members, std::int64_t quorum_bp) {
  return std::max<std::int64_t>(1, (members * quorum_bp + 9999) / 10000);
}

Result<Expense> decide_expense(storage::Connection& db, const Actor& actor, std::int64_t expense_id,
                               const std::string& decision, const std::string& note,
                               std::int64_t now_ms, audit::Appender* appender) {
  auto row = db.query_one(std::string(kExpenseColumns) + " WHERE id = ?", {expense_id});
  if (!row || !actor.belongs_to(row->integer(1))) {
    return not_found("no expense " + std::to_string(expense_id));
  }
  Expense expense = expense_from(*row);
  if (!is_committee_member(db, actor, expense.community_id)) {
    return forbidden("only a member of the owners' committee approves an expense");
  }
  if (decision != "approve" && decision != "reject") {
    return bad_request("invalid_decision", "decision is approve or reject");
  }
  if (note.size() > 2000) return bad_request("invalid_field", "note: at most 2000 bytes");
  auto work = [&]() -> Result<Expense> {
    // Votes on one expense take turns, so the one that reaches the majority sees all others.
    if (db.dialect() == storage::Dialect::postgresql) {
      db.query("SELECT id FROM property_expenses WHERE id = ? FOR UPDATE", {expense_id});
    }
    auto current =
        expense_from(*db.query_one(std::string(kExpenseColumns) + " WHERE id = ?", {expense_id}));
    if (current.status != "pending") {
      return conflict("already_decided", "this expense was decided already");
    }
    if (current.committee_size < kCommitteeMin) {
      return conflict("committee_too_small", "the owners' committee needs at least " +
                                                 std::to_string(kCommitteeMin) +
                                                 " members to decide an expense (业委会至少" +
                                                 std::to_string(kCommitteeMin) + "名委员才能表决)");
    }
    if (db.query_one("SELECT vote FROM property_expense_votes WHERE expense_id = ? AND user_id = ?",
                     {expense_id, actor.user_id})) {
      return conflict("already_voted", "you have voted on this expense");
    }
    db.execute(
        "INSERT INTO property_expense_votes (expense_id, community_id, user_id, vote, note, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?)",
        {expense_id, expense.community_id, actor.user_id, decision, note, format_iso8601(now_ms)});
    std::int64_t approvals = current.approvals + (decision == "approve" ? 1 : 0);
    std::int64_t rejections = current.rejections + (decision == "reject" ? 1 : 0);
    std::string status = "pending";
    if (approvals >= current.approvals_needed) {
      status = "approved";
    } else if (current.committee_size - rejections < current.approvals_needed) {
      status = "rejected";  // approval can no longer be reached
    }
    std::optional<std::int64_t> posting_id;
    if (status != "pending") {
      db.execute(
          "UPDATE property_expenses SET status = ?, decided_by_user_id = ?, "
          "decision_note = ?, decided_at = ? WHERE id = ? AND status = 'pending'",
          {status, actor.user_id, note, format_iso8601(now_ms), expense_id});
    }
    if (status == "approved") {
      auto fund = fund_account(db, expense.community_id, "trust_fund");
      auto target = fund_account(db, expense.community_id, "expense:" + expense.category);
      auto posting = ledger::post(
          db, actor,
          fund_posting(expense.community_id, fund, target, expense.amount_fen, "expense",
                       "expense:" + std::to_string(expense_id), expense.purpose),
          now_ms, appender);
      if (!posting) return posting.take_error();
      posting_id = posting->id;
      db.execute("UPDATE property_expenses SET posting_id = ? WHERE id = ?",
                 {posting->id, expense_id});
    }
    append(db, appender, actor,
           {expense.community_id, "property.expense_vote", "property_expense",
            std::to_string(expense_id),
            boost::json::object{{"vote", decision},
                                {"note", note},
                                {"approvals", approvals},
                                {"rejections", rejections},
                                {"status", status},
                                {"posting_id", posting_id ? boost::json::value(*posting_id)
                                                          : boost::json::value(nullptr)}}});
    auto out =
        expense_from(*db.query_one(std::string(kExpenseColumns) + " WHERE id = ?", {expense_id}));
    out.my_vote = decision;
    return out;
  };
  auto decided = appender ? work() : storage::transact(db, storage::TxMode::write, work);
  if (decided) {
    mask_for(registry::permissions::personal_data_reader(actor, expense.community_id), *decided);
  }
  return decided;
}

Result<AssessmentMeeting> record_assessment_meeting(storage::Connection& db, const Actor& actor,
                                                    const AssessmentMeetingInput& input,
                                                    std::int64_t now_ms) {
  GZ_TRY(check_member(db, actor, input.community_id));
  if (!is_manager(actor, input.community_id)) {
    return forbidden("only community staff record the assessment meeting");
  }
  if (!parse_quarter(input.quarter)) {
    return bad_request("invalid_quarter", "quarter must look like 2026Q3");
  }
  if (input.held_ms > now_ms)
    return bad_request("invalid_field", "held_at cannot be in the future");
  if (input.committee_present < 0 || input.committee_present > 1000 || input.attendees < 0 ||
      input.attendees > 100000) {
    return bad_request("invalid_field", "committee_present 0-1000, attendees 0-100000");
  }
  if (input.minutes.empty() || input.minutes.size() > 8000) {
    return bad_request("invalid_field", "minutes must be 1-8000 bytes");
  }
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<AssessmentMeeting> {
    if (db.query_one("SELECT id FROM property_assessment_meetings WHERE community_id = ? AND "
                     "quarter = ?",
                     {input.community_id, input.quarter})) {
      return conflict("meeting_recorded",
                      "the assessment meeting of " + input.quarter + " is on record");
    }
    auto id = db.query_one(
                    "INSERT INTO property_assessment_meetings (community_id, quarter, held_at, "
                    "committee_present, attendees, minutes, recorded_by_user_id, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    {input.community_id, input.quarter, format_iso8601(input.held_ms),
                     input.committee_present, input.attendees, input.minutes, actor.user_id,
                     format_iso8601(now_ms)})
                  ->integer(0);
    audit::append(
        db, actor,
        {input.community_id, "property.assessment_meeting", "property_quarter", input.quarter,
         boost::json::object{{"meeting_id", id},
                             {"committee_present", input.committee_present},
                             {"attendees", input.attendees}}});
    return AssessmentMeeting{id,
                             input.community_id,
                             input.quarter,
                             format_iso8601(input.held_ms),
                             input.committee_present,
                             input.attendees,
                             input.minutes,
                             format_iso8601(now_ms)};
  });
}

std::vector<AssessmentMeeting> assessment_meetings(storage::Connection& db,
                                                   std::int64_t community_id) {
  std::vector<AssessmentMeeting> out;
  for (const auto& row :
       db.query("SELECT id, community_id, quarter, held_at, committee_present, attendees, minutes, "
                "created_at FROM property_assessment_meetings WHERE community_id = ? ORDER BY "
                "quarter DESC",
                {community_id})) {
    out.push_back({row.integer(0), row.integer(1), row.text(2), row.text(3), row.integer(4),
                   row.integer(5), pii::mask_text(row.text(6)), row.text(7)});
  }
  return out;
}

Result<Evaluation> submit_evaluation(storage::Connection& db, const Actor& actor,
                                     const std::string& quarter_text, std::int64_t score,
                                     std::int64_t now_ms, audit::Appender* appender) {
  if (!actor.is(Role::resident) || !actor.household_id) {
    return forbidden("households score the service; staff do not");
  }
  auto household =
      db.query_one("SELECT community_id FROM households WHERE id = ?", {*actor.household_id});
  if (!household) return not_found("no household");
  std::int64_t community_id = household->integer(0);
  auto quarter = parse_quarter(quarter_text);
  if (!quarter) return bad_request("invalid_quarter", "quarter must look like 2026Q3");
  if (score < 0 || score > 100) return bad_request("invalid_score", "score must be 0-100");
  Quarter current = quarter_of(now_ms);
  if (compare(*quarter, current) > 0) {
    return conflict("quarter_not_started", "a quarter is scored during it or just after it");
  }
  if (compare(*quarter, previous_quarter(current)) < 0) {
    return conflict("evaluation_closed", "the scoring of " + quarter_text + " is closed");
  }
  auto work = [&]() -> Result<Evaluation> {
    if (db.query_one("SELECT 1 FROM property_quarter_fees WHERE community_id = ? AND quarter = ?",
                     {community_id, quarter_name(next_quarter(*quarter))})) {
      return conflict("evaluation_closed", "the next quarter's fee is fixed; the scoring of " +
                                               quarter_text + " is closed");
    }
    Evaluation evaluation{0, quarter_name(*quarter), score, format_iso8601(now_ms)};
    try {
      evaluation.id =
          db.query_one(
                "INSERT INTO property_evaluations (community_id, household_id, quarter, score, "
                "created_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
                {community_id, *actor.household_id, evaluation.quarter, score,
                 evaluation.created_at})
              ->integer(0);
    } catch (const storage::DbError& error) {
      if (error.kind() == storage::DbErrorKind::unique_violation) {
        return conflict("already_evaluated", "your household has scored this quarter");
      }
      throw;
    }
    // No household in the chain: scores are anonymous to the community.
    append(
        db, appender, actor,
        {community_id, "property.evaluation", "property_evaluation", std::to_string(evaluation.id),
         boost::json::object{{"quarter", evaluation.quarter}, {"score", score}}});
    return evaluation;
  };
  if (appender) return work();
  return storage::transact(db, storage::TxMode::write, work);
}

Result<std::vector<QuarterReport>> quarter_reports(storage::Connection& db, const Actor& actor,
                                                   std::int64_t community_id) {
  GZ_TRY(check_member(db, actor, community_id));
  Settings settings = load_settings(db, community_id);
  std::map<std::string, QuarterReport> reports;
  auto report = [&](const std::string& quarter) -> QuarterReport& {
    auto& item = reports[quarter];
    item.quarter = quarter;
    return item;
  };
  for (const auto& row :
       db.query("SELECT quarter, base_fee_fen, evaluated_quarter, evaluations, mean_score_centi, "
                "adjustment_bp, monthly_fee_fen, responses_needed, fee_per_m2_fen FROM "
                "property_quarter_fees WHERE community_id = ?",
                {community_id})) {
    QuarterFee fee;
    fee.quarter = row.text(0);
    fee.base_fee_fen = row.integer(1);
    fee.evaluated_quarter = row.text(2);
    fee.evaluations = row.integer(3);
    fee.mean_score_centi = row.opt_integer(4);
    fee.adjustment_bp = row.integer(5);
    fee.monthly_fee_fen = row.integer(6);
    fee.responses_needed = row.integer(7);
    fee.fee_per_m2_fen = row.opt_integer(8);
    report(fee.quarter).fee = fee;
  }
  for (const auto& row : db.query(
           "SELECT quarter, COUNT(*), SUM(amount_fen), SUM(CASE WHEN paid_ms IS NULL THEN 0 ELSE "
           "1 END), SUM(CASE WHEN paid_ms IS NULL THEN 0 ELSE amount_fen END) FROM property_bills "
           "WHERE community_id = ? GROUP BY quarter",
           {community_id})) {
    auto& item = report(row.text(0));
    item.bills_issued = row.integer(1);
    item.billed_fen = row.integer(2);
    item.bills_paid = row.integer(3);
    item.paid_fen = row.integer(4);
    item.collection_rate_bp = ratio_bp(item.bills_paid, item.bills_issued);
    item.collection_rate_fen_bp = ratio_bp(item.paid_fen, item.billed_fen);
    if (item.fee) {
      item.fee->bills = item.bills_issued;
      item.fee->billed_fen = item.billed_fen;
    }
  }
  for (const auto& row : db.query("SELECT quarter, COUNT(*), SUM(score) FROM property_evaluations "
                                  "WHERE community_id = ? GROUP BY quarter",
                                  {community_id})) {
    auto& item = report(row.text(0));
    item.evaluations = row.integer(1);
    item.mean_score_centi = mean_centi(row.integer(2), item.evaluations);
    if (item.mean_score_centi) {
      item.next_adjustment_bp = adjustment_bp(*item.mean_score_centi, settings.adjustment);
    }
  }
  if (actor.is(Role::resident) && actor.household_id) {
    for (const auto& row : db.query("SELECT quarter, score FROM property_evaluations WHERE "
                                    "household_id = ? AND community_id = ?",
                                    {*actor.household_id, community_id})) {
      report(row.text(0)).my_score = row.integer(1);
    }
  }
  std::vector<QuarterReport> out;
  for (auto& [quarter, item] : reports) out.push_back(std::move(item));
  return out;
}

namespace {

// The fund as `reader` may read it; with the postings (members) or without them (anyone).
FundView build_fund(storage::Connection& db, std::int64_t community_id, pii::Reader reader,
                    bool with_postings, std::int64_t limit, std::int64_t before_id) {
  FundView view;
  view.community_id = community_id;
  // The fund's own accounts: the co-funding platform keeps "cofund:" accounts on the same
  // ledger, which are not the owners' money.
  for (auto& account : ledger::named_accounts(db, community_id, ledger::Kind::fen)) {
    if (account.name->rfind("cofund:", 0) != 0) view.accounts.push_back(std::move(account));
  }
  for (const auto& account : view.accounts) {
    const std::string& name = *account.name;
    if (name == "trust_fund") view.trust_fund_fen = account.balance;
    if (name == "fee_income") view.fee_income_fen = -account.balance;
    if (name.rfind("expense:", 0) == 0) view.expenses_fen += account.balance;
  }
  view.pending_expenses_fen = db.query_int(
      "SELECT COALESCE(SUM(amount_fen), 0) FROM property_expenses WHERE community_id = ? AND "
      "status = 'pending'",
      {community_id});
  for (const auto& row : db.query("SELECT quarter, SUM(amount_fen) FROM property_bills WHERE "
                                  "community_id = ? AND paid_ms IS NOT NULL GROUP BY quarter "
                                  "ORDER BY quarter",
                                  {community_id})) {
    view.income_by_quarter.emplace_back(row.text(0), row.integer(1));
  }
  for (const auto& row :
       db.query(std::string(kExpenseColumns) + " WHERE community_id = ? ORDER BY id DESC LIMIT 100",
                {community_id})) {
    view.expenses.push_back(expense_from(row));
  }
  if (with_postings) {
    view.postings = ledger::community_postings(db, community_id, ledger::Kind::fen, limit,
                                               before_id, "cofund:");
  }
  for (auto& expense : view.expenses) mask_for(reader, expense);
  for (auto& line : view.postings) line.posting.memo = pii::text_for(reader, line.posting.memo);
  return view;
}

}  // namespace

Result<FundView> fund_view(storage::Connection& db, const Actor& actor, std::int64_t community_id,
                           std::int64_t limit, std::int64_t before_id) {
  GZ_TRY(check_member(db, actor, community_id));
  auto view =
      build_fund(db, community_id, registry::permissions::personal_data_reader(actor, community_id),
                 true, limit, before_id);
  if (is_committee_member(db, actor, community_id)) {
    for (auto& expense : view.expenses) {
      if (auto vote = db.query_one("SELECT vote FROM property_expense_votes WHERE expense_id = ? "
                                   "AND user_id = ?",
                                   {expense.id, actor.user_id})) {
        expense.my_vote = vote->text(0);
      }
    }
  }
  return view;
}

Result<FundView> public_fund(storage::Connection& db, std::int64_t community_id) {
  if (!registry::community_exists(db, community_id)) {
    return not_found("no community " + std::to_string(community_id));
  }
  return build_fund(db, community_id, pii::Reader::restricted, false, 0, 0);
}

}  // namespace gz::property
