// Spending from the emergency reserve and the street's sign-off; see reserve.hpp.
#include "modules/transparency/reserve.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "core/clock.hpp"
#include "core/text.hpp"
#include "modules/audit/audit.hpp"
#include "modules/transparency/permissions.hpp"
#include "modules/transparency/transparency.hpp"
#include "storage/transact.hpp"

namespace gz::transparency {
namespace {

constexpr std::int64_t kHouseholdsServedMax = 100000;

constexpr const char* kSpendColumns =
    "SELECT id, plan_id, kind, reason, households_served, amount, payee_category, receipt_ref, "
    "spent_on, created_at, sign_off_due_ms, signed_off_at, sign_off_note FROM "
    "plan_emergency_spending ";

EmergencySpend spend_from(const storage::Row& row, std::int64_t now_ms) {
  EmergencySpend spend;
  spend.id = row.integer(0);
  spend.plan_id = row.integer(1);
  spend.kind = row.text(2);
  spend.reason = row.text(3);
  spend.households_served = row.integer(4);
  spend.amount = row.integer(5);
  spend.payee_category = row.text(6);
  spend.receipt_ref = row.text(7);
  spend.spent_on = row.text(8);
  spend.created_at = row.text(9);
  spend.sign_off_due_ms = row.integer(10);
  spend.signed_off_at = row.opt_text(11);
  spend.sign_off_note = row.opt_text(12);
  spend.overdue = !spend.signed_off_at && now_ms >= spend.sign_off_due_ms;
  return spend;
}

bool valid_kind(const std::string& kind) {
  return std::find(kEmergencyKinds.begin(), kEmergencyKinds.end(), kind) != kEmergencyKinds.end();
}

std::int64_t reserve_size(storage::Connection& db, std::int64_t plan_id) {
  auto row =
      db.query_one("SELECT emergency + surplus FROM allocation_plans WHERE id = ?", {plan_id});
  return row ? row->integer(0) : 0;
}

std::int64_t reserve_spent(storage::Connection& db, std::int64_t plan_id) {
  return db.query_int(
      "SELECT COALESCE(SUM(amount), 0) FROM plan_emergency_spending WHERE plan_id = ?", {plan_id});
}

}  // namespace

const audit::Tracked& emergency_rows() {
  static const audit::Tracked table{
      "plan_emergency_spending",
      "id",
      "SELECT id, plan_id, community_id, kind, reason, households_served, amount, "
      "payee_category, receipt_ref, spent_on, user_id, signed_off_by_user_id, signed_off_at, "
      "sign_off_note FROM plan_emergency_spending",
      {"plan_id", "community_id", "kind", "reason", "households_served", "amount", "payee_category",
       "receipt_ref", "spent_on", "user_id", "signed_off_by_user_id", "signed_off_at",
       "sign_off_note"},
      {"reason", "receipt_ref", "sign_off_note"},
      {}};
  return table;
}

// Carried to a plan still alive (not superseded or rejected).
constexpr const char* kLiveCarry =
    "FROM allocation_plans n LEFT JOIN plan_lifecycle nl ON nl.plan_id = n.id WHERE "
    "n.carried_from_plan_id = ? AND COALESCE(nl.stage, 'draft') NOT IN ('superseded', "
    "'rejected')";

std::int64_t reserve_left(storage::Connection& db, std::int64_t plan_id) {
  return reserve_size(db, plan_id) - reserve_spent(db, plan_id) -
         db.query_int(std::string("SELECT COALESCE(SUM(n.carried_in), 0) ") + kLiveCarry,
                      {plan_id});
}

allocation::CarryFinder carry_finder() {
  return [](storage::Connection& db, std::int64_t community_id, const std::string& unit,
            const std::string& quarter, std::int64_t now_ms) -> std::optional<allocation::Carry> {
    // Quarters that have ended by now: before the one containing now.
    std::string ended_before = std::min(quarter, Quarter::containing(now_ms).name());
    auto row = db.query_one(
        "SELECT p.id FROM allocation_plans p JOIN plan_lifecycle l ON l.plan_id = p.id WHERE "
        "p.community_id = ? AND p.unit = ? AND p.quarter < ? AND l.stage IN ('executing', "
        "'closed') ORDER BY p.quarter DESC, p.id DESC LIMIT 1",
        {community_id, unit, ended_before});
    if (!row) return std::nullopt;
    std::int64_t from = row->integer(0);
    if (db.query_one(std::string("SELECT n.id ") + kLiveCarry, {from})) return std::nullopt;
    std::int64_t left = reserve_left(db, from);
    if (left <= 0) return std::nullopt;
    return allocation::Carry{from, left};
  };
}

Result<EmergencySpend> spend_reserve(storage::Connection& db, const Actor& actor,
                                     std::int64_t plan_id, const EmergencyInput& input,
                                     std::int64_t now_ms) {
  if (!valid_kind(input.kind)) {
    return bad_request("invalid_field",
                       "kind is one of natural_disaster, accident, public_health, social_safety, "
                       "urgent_relief");
  }
  GZ_TRY(text::require_text(input.reason, "reason", 2000));
  GZ_TRY(text::require_text(input.receipt_ref, "receipt_ref", 200));
  if (input.amount <= 0) return bad_request("invalid_field", "amount must be positive");
  if (input.households_served < 0 || input.households_served > kHouseholdsServedMax) {
    return bad_request("invalid_field", "households_served is 0-100000");
  }
  if (!valid_payee_category(input.payee_category)) {
    return bad_request("invalid_payee_category",
                       "payee_category is one of supplier, service_provider, social_organisation, "
                       "individual, government, resident_group, other");
  }
  std::string today = format_date(now_ms);
  std::string spent_on = input.spent_on.value_or(today);
  int year = 0;
  unsigned month = 0, day = 0;
  if (!parse_date(spent_on, year, month, day) || year < 2000 || spent_on > today) {
    return bad_request("invalid_date", "spent_on is a date YYYY-MM-DD, not after today");
  }
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<EmergencySpend> {
    lock_lifecycle(db, plan_id);
    auto status = visible_plan(db, actor, plan_id, now_ms);
    if (!status) return status.take_error();
    if (!may_manage(actor, status->community_id)) {
      return forbidden("only community staff spend from the emergency reserve");
    }
    if (status->stage != Stage::executing) {
      return conflict("not_executing",
                      "the reserve is spent only while the plan executes (方案执行期间才能动用)");
    }
    std::int64_t left = reserve_left(db, plan_id);
    if (input.amount > left) {
      return conflict("reserve_exceeded", "the reserve has " + format_amount(left, status->unit) +
                                              " left (应急储备金余额不足)");
    }
    std::string created_at = format_iso8601(now_ms);
    std::int64_t due_ms = now_ms + kSignOffDays * kDayMs;
    auto id = db.query_one(
                    "INSERT INTO plan_emergency_spending (plan_id, community_id, kind, reason, "
                    "households_served, amount, payee_category, receipt_ref, spent_on, user_id, "
                    "created_ms, created_at, sign_off_due_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    "?, ?, ?, ?) RETURNING id",
                    {plan_id, status->community_id, input.kind, input.reason,
                     input.households_served, input.amount, input.payee_category, input.receipt_ref,
                     spent_on, actor.user_id, now_ms, created_at, due_ms})
                  ->integer(0);
    audit::append(db, actor,
                  {status->community_id,
                   "plan.emergency_spend",
                   "allocation_plan",
                   std::to_string(plan_id),
                   boost::json::object{{"spend_id", id},
                                       {"kind", input.kind},
                                       {"amount", input.amount},
                                       {"households_served", input.households_served}},
                   {{&emergency_rows(), id}}});
    auto row = db.query_one(std::string(kSpendColumns) + "WHERE id = ?", {id});
    return spend_from(*row, now_ms);
  });
}

Result<EmergencySpend> sign_off_spend(storage::Connection& db, const Actor& actor,
                                      std::int64_t plan_id, std::int64_t spend_id,
                                      const std::string& note, std::int64_t now_ms) {
  GZ_TRY(text::require_text(note, "note", 2000));
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<EmergencySpend> {
    auto status = visible_plan(db, actor, plan_id, now_ms);
    if (!status) return status.take_error();
    if (!may_sign_off(actor, status->community_id)) {
      return forbidden("only the street signs off emergency spending");
    }
    if (!db.query_one(std::string(kSpendColumns) + "WHERE id = ? AND plan_id = ?",
                      {spend_id, plan_id})) {
      return not_found("no emergency spend " + std::to_string(spend_id));
    }
    if (db.execute("UPDATE plan_emergency_spending SET signed_off_by_user_id = ?, "
                   "signed_off_at = ?, sign_off_note = ? WHERE id = ? AND signed_off_at IS NULL",
                   {actor.user_id, format_iso8601(now_ms), note, spend_id}) != 1) {
      return conflict("already_signed_off", "the street has signed this spend off already");
    }
    audit::append(db, actor,
                  {status->community_id,
                   "plan.emergency_sign_off",
                   "allocation_plan",
                   std::to_string(plan_id),
                   boost::json::object{{"spend_id", spend_id}, {"note", note}},
                   {{&emergency_rows(), spend_id}}});
    auto row = db.query_one(std::string(kSpendColumns) + "WHERE id = ?", {spend_id});
    return spend_from(*row, now_ms);
  });
}

Reserve reserve_of(storage::Connection& db, std::int64_t plan_id, std::int64_t now_ms) {
  Reserve out;
  out.reserve = reserve_size(db, plan_id);
  out.spent = reserve_spent(db, plan_id);
  out.left = reserve_left(db, plan_id);
  out.carried_out = out.reserve - out.spent - out.left;
  if (auto row = db.query_one("SELECT carried_in FROM allocation_plans WHERE id = ?", {plan_id})) {
    out.carried_in = row->integer(0);
  }
  for (const auto& row :
       db.query(std::string(kSpendColumns) + "WHERE plan_id = ? ORDER BY id DESC", {plan_id})) {
    out.spends.push_back(spend_from(row, now_ms));
  }
  return out;
}

Result<Reserve> read_reserve(storage::Connection& db, const Actor& actor, std::int64_t plan_id,
                             std::int64_t now_ms) {
  auto status = visible_plan(db, actor, plan_id, now_ms);
  if (!status) return status.take_error();
  if (!may_read_records(actor, status->community_id)) {
    return forbidden("residents read the reserve on the public board");
  }
  return reserve_of(db, plan_id, now_ms);
}

std::vector<OverdueSignOff> overdue_sign_offs(storage::Connection& db, std::int64_t community_id,
                                              std::int64_t now_ms) {
  std::vector<OverdueSignOff> out;
  for (const auto& row :
       db.query("SELECT s.id, s.plan_id, p.quarter, s.kind, s.amount, s.sign_off_due_ms FROM "
                "plan_emergency_spending s JOIN allocation_plans p ON p.id = s.plan_id WHERE "
                "s.community_id = ? AND s.signed_off_at IS NULL AND s.sign_off_due_ms <= ? "
                "ORDER BY s.id",
                {community_id, now_ms})) {
    out.push_back({row.integer(0), row.integer(1), row.text(2), row.text(3), row.integer(4),
                   format_iso8601(row.integer(5))});
  }
  return out;
}

}  // namespace gz::transparency
