#include "modules/property/revenue.hpp"

#include <boost/json.hpp>
#include <map>
#include <set>

#include "core/clock.hpp"
#include "core/pii.hpp"
#include "modules/ledger/ledger.hpp"
#include "modules/property/rules.hpp"
#include "modules/property/trust_fund.hpp"
#include "modules/registry/permissions.hpp"
#include "storage/transact.hpp"

namespace gz::property {
namespace {

std::int64_t today_start_ms(std::int64_t now_ms) {
  return *day_start_ms(format_date(now_ms));
}

std::vector<RuleVersion> versions_of(storage::Connection& db, std::int64_t community_id,
                                     const std::string& source) {
  std::vector<RuleVersion> out;
  for (const auto& row : db.query("SELECT id, effective_ms FROM revenue_rules WHERE community_id "
                                  "= ? AND source = ? ORDER BY version",
                                  {community_id, source})) {
    out.push_back({row.integer(0), row.integer(1)});
  }
  return out;
}

std::vector<Share> shares_of(storage::Connection& db, std::int64_t rule_id) {
  std::vector<Share> out;
  for (const auto& row : db.query("SELECT destination, share_bp FROM revenue_rule_shares WHERE "
                                  "rule_id = ? ORDER BY position",
                                  {rule_id})) {
    out.push_back({row.text(0), row.integer(1)});
  }
  return out;
}

constexpr const char* kRuleColumns =
    "SELECT id, community_id, source, version, notice, published_at, effective_on, effective_ms "
    "FROM revenue_rules";

RevenueRule rule_from(storage::Connection& db, const storage::Row& row, std::int64_t now_ms) {
  RevenueRule rule;
  rule.id = row.integer(0);
  rule.community_id = row.integer(1);
  rule.source = row.text(2);
  rule.version = row.integer(3);
  rule.notice = row.text(4);
  rule.published_at = row.text(5);
  rule.effective_on = row.text(6);
  rule.shares = shares_of(db, rule.id);
  auto current = rule_in_effect(versions_of(db, rule.community_id, rule.source), now_ms);
  rule.status = row.integer(7) > now_ms            ? "pending"
                : (current && *current == rule.id) ? "in_effect"
                                                   : "superseded";
  return rule;
}

Income load_income(storage::Connection& db, std::int64_t income_id) {
  auto row = db.query_one(
      "SELECT i.id, i.community_id, i.source, i.amount_fen, i.received_on, i.receipt_ref, "
      "i.payer_category, i.rule_id, r.version, i.created_at FROM revenue_incomes i JOIN "
      "revenue_rules r ON r.id = i.rule_id WHERE i.id = ?",
      {income_id});
  Income income;
  income.id = row->integer(0);
  income.community_id = row->integer(1);
  income.source = row->text(2);
  income.amount_fen = row->integer(3);
  income.received_on = row->text(4);
  income.receipt_ref = row->text(5);
  income.payer_category = row->text(6);
  income.rule_id = row->integer(7);
  income.rule_version = row->integer(8);
  income.created_at = row->text(9);
  for (const auto& share : db.query("SELECT destination, share_bp, amount_fen, posting_id FROM "
                                    "revenue_income_shares WHERE income_id = ? ORDER BY position",
                                    {income_id})) {
    income.shares.push_back(
        {share.text(0), share.integer(1), share.integer(2), share.opt_integer(3)});
  }
  return income;
}

}  // namespace

Result<RevenueRule> declare_rule(storage::Connection& db, const Actor& actor,
                                 const RuleInput& input, std::int64_t now_ms) {
  GZ_TRY(check_member(db, actor, input.community_id));
  if (!is_manager(actor, input.community_id)) {
    return forbidden("only community staff publish sharing rules");
  }
  if (!is_code(input.source)) {
    return bad_request("invalid_source", "source must be snake_case, 1-40 characters");
  }
  if (input.notice.empty() || input.notice.size() > 2000) {
    return bad_request("invalid_field", "notice must be 1-2000 bytes");
  }
  std::vector<std::int64_t> shares_bp;
  std::set<std::string> destinations;
  for (const auto& share : input.shares) {
    if (!is_code(share.destination)) {
      return bad_request("invalid_destination", "destination must be snake_case, 1-40 characters");
    }
    if (!destinations.insert(share.destination).second) {
      return bad_request("invalid_shares", "each destination appears once");
    }
    shares_bp.push_back(share.share_bp);
  }
  GZ_TRY(validate_shares(shares_bp));
  std::optional<std::int64_t> effective_ms;
  if (input.effective_on) {
    effective_ms = day_start_ms(*input.effective_on);
    if (!effective_ms) return bad_request("invalid_date", "effective_on must be YYYY-MM-DD");
    if (*effective_ms < today_start_ms(now_ms)) {
      return bad_request("invalid_date", "effective_on may not be in the past");
    }
  }
  Settings settings = load_settings(db, input.community_id);
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<RevenueRule> {
    auto versions = versions_of(db, input.community_id, input.source);
    std::int64_t effective = effective_ms.value_or(today_start_ms(now_ms));
    if (!versions.empty()) {
      for (const auto& version : versions) {
        if (version.effective_ms > now_ms) {
          return conflict("change_pending", "a change of this rule awaits its effective date");
        }
      }
      if (!effective_ms) {
        return bad_request("effective_on_required",
                           "a rule change needs an effective date after its public notice");
      }
      if ((*effective_ms - today_start_ms(now_ms)) / kDayMs < settings.notice_days) {
        return bad_request("notice_too_short", "a rule change takes effect at least " +
                                                   std::to_string(settings.notice_days) +
                                                   " days after its notice");
      }
    }
    std::int64_t version = static_cast<std::int64_t>(versions.size()) + 1;
    std::string effective_on = format_date(effective);
    std::int64_t id = 0;
    try {
      id = db.query_one(
                 "INSERT INTO revenue_rules (community_id, source, version, notice, published_at, "
                 "published_ms, effective_on, effective_ms, published_by_user_id) VALUES (?, ?, "
                 "?, ?, ?, ?, ?, ?, ?) RETURNING id",
                 {input.community_id, input.source, version, input.notice, format_iso8601(now_ms),
                  now_ms, effective_on, effective,
                  actor.user_id > 0 ? storage::Value{actor.user_id} : storage::Value{}})
               ->integer(0);
    } catch (const storage::DbError& error) {
      if (error.kind() == storage::DbErrorKind::unique_violation) {
        return conflict("change_pending", "another change of this rule was just published");
      }
      throw;
    }
    boost::json::array shares_json;
    for (std::size_t i = 0; i < input.shares.size(); ++i) {
      db.execute(
          "INSERT INTO revenue_rule_shares (community_id, rule_id, position, destination, "
          "share_bp) VALUES (?, ?, ?, ?, ?)",
          {input.community_id, id, static_cast<std::int64_t>(i), input.shares[i].destination,
           input.shares[i].share_bp});
      shares_json.push_back(boost::json::object{{"destination", input.shares[i].destination},
                                                {"share_bp", input.shares[i].share_bp}});
    }
    audit::append(db, actor,
                  {input.community_id, "revenue.rule_publish", "revenue_rule", std::to_string(id),
                   boost::json::object{{"source", input.source},
                                       {"version", version},
                                       {"effective_on", effective_on},
                                       {"shares", std::move(shares_json)},
                                       {"notice", input.notice}}});
    return rule_from(db, *db.query_one(std::string(kRuleColumns) + " WHERE id = ?", {id}), now_ms);
  });
}

Result<std::vector<RevenueRule>> list_rules(storage::Connection& db, const Actor& actor,
                                            std::int64_t community_id, std::int64_t now_ms) {
  GZ_TRY(check_member(db, actor, community_id));
  std::vector<RevenueRule> out;
  for (const auto& row :
       db.query(std::string(kRuleColumns) +
                    " WHERE community_id = ? ORDER BY source, version DESC LIMIT 500",
                {community_id})) {
    out.push_back(rule_from(db, row, now_ms));
  }
  return out;
}

Result<Income> record_income(storage::Connection& db, const Actor& actor, const IncomeInput& input,
                             std::int64_t now_ms, audit::Appender* appender) {
  GZ_TRY(check_member(db, actor, input.community_id));
  if (!is_manager(actor, input.community_id)) {
    return forbidden("only community staff record public revenue");
  }
  if (!is_code(input.source)) {
    return bad_request("invalid_source", "source must be snake_case, 1-40 characters");
  }
  if (input.amount_fen < 1 || input.amount_fen > kMaxAmountFen) {
    return bad_request("invalid_amount", "amount_fen must be a positive number of fen");
  }
  auto received_ms = day_start_ms(input.received_on);
  if (!received_ms) return bad_request("invalid_date", "received_on must be YYYY-MM-DD");
  if (*received_ms > today_start_ms(now_ms)) {
    return bad_request("invalid_date", "received_on may not be in the future");
  }
  if (input.receipt_ref.empty() || input.receipt_ref.size() > 80) {
    return bad_request("invalid_field", "receipt_ref must be 1-80 bytes");
  }
  if (!is_code(input.payer_category)) {
    return bad_request("invalid_payer_category", "payer_category must be snake_case");
  }
  auto work = [&]() -> Result<Income> {
    if (auto existing = db.query_one(
            "SELECT id, amount_fen, received_on FROM revenue_incomes WHERE community_id = ? AND "
            "source = ? AND receipt_ref = ?",
            {input.community_id, input.source, input.receipt_ref})) {
      if (existing->integer(1) != input.amount_fen || existing->text(2) != input.received_on) {
        return conflict("duplicate_receipt", "this receipt was recorded with other figures");
      }
      Income income = load_income(db, existing->integer(0));
      income.repeated = true;
      return income;
    }
    auto rule_id = rule_in_effect(versions_of(db, input.community_id, input.source), *received_ms);
    if (!rule_id) {
      return conflict("no_sharing_rule", "no sharing rule of " + input.source +
                                             " is in effect on " + input.received_on);
    }
    auto shares = shares_of(db, *rule_id);
    std::int64_t income_id = 0;
    try {
      income_id =
          db.query_one(
                "INSERT INTO revenue_incomes (community_id, source, amount_fen, received_on, "
                "receipt_ref, payer_category, rule_id, recorded_by_user_id, created_at, "
                "created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                {input.community_id, input.source, input.amount_fen, input.received_on,
                 input.receipt_ref, input.payer_category, *rule_id,
                 actor.user_id > 0 ? storage::Value{actor.user_id} : storage::Value{},
                 format_iso8601(now_ms), now_ms})
              ->integer(0);
    } catch (const storage::DbError& error) {
      if (error.kind() == storage::DbErrorKind::unique_violation) {
        return conflict("duplicate_receipt", "this receipt is being recorded already");
      }
      throw;
    }
    std::vector<std::int64_t> shares_bp;
    for (const auto& share : shares) shares_bp.push_back(share.share_bp);
    auto parts = split_amount(input.amount_fen, shares_bp);
    auto source_account = fund_account(db, input.community_id, "revenue:" + input.source);
    boost::json::array split_json;
    for (std::size_t i = 0; i < shares.size(); ++i) {
      std::optional<std::int64_t> posting_id;
      if (parts[i] > 0) {
        const auto& destination = shares[i].destination;
        auto target =
            fund_account(db, input.community_id,
                         destination == "trust_fund" ? "trust_fund" : "fund:" + destination);
        auto posting = ledger::post(
            db, actor,
            fund_posting(input.community_id, source_account, target, parts[i], "revenue_share",
                         "income:" + std::to_string(income_id) + ":" + std::to_string(i),
                         input.source + " → " + destination),
            now_ms, appender);
        if (!posting) return posting.take_error();
        posting_id = posting->id;
      }
      db.execute(
          "INSERT INTO revenue_income_shares (community_id, income_id, position, destination, "
          "share_bp, amount_fen, posting_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
          {input.community_id, income_id, static_cast<std::int64_t>(i), shares[i].destination,
           shares[i].share_bp, parts[i], storage::opt_int(posting_id)});
      split_json.push_back(boost::json::object{{"destination", shares[i].destination},
                                               {"share_bp", shares[i].share_bp},
                                               {"amount_fen", parts[i]}});
    }
    audit::Record record{input.community_id, "revenue.income", "revenue_income",
                         std::to_string(income_id),
                         boost::json::object{{"source", input.source},
                                             {"amount_fen", input.amount_fen},
                                             {"received_on", input.received_on},
                                             {"receipt_ref", input.receipt_ref},
                                             {"rule_id", *rule_id},
                                             {"split", std::move(split_json)}}};
    if (appender) {
      appender->append(actor, record);
    } else {
      audit::append(db, actor, record);
    }
    return load_income(db, income_id);
  };
  if (appender) return work();
  return storage::transact(db, storage::TxMode::write, work);
}

Result<std::vector<Income>> list_incomes(storage::Connection& db, const Actor& actor,
                                         std::int64_t community_id,
                                         const std::optional<std::string>& source,
                                         std::int64_t limit) {
  GZ_TRY(check_member(db, actor, community_id));
  std::string sql = "SELECT id FROM revenue_incomes WHERE community_id = ?";
  std::vector<storage::Value> params{community_id};
  if (source) {
    sql += " AND source = ?";
    params.emplace_back(*source);
  }
  sql += " ORDER BY id DESC LIMIT ?";
  params.emplace_back(limit);
  const pii::Reader reader = registry::permissions::personal_data_reader(actor, community_id);
  std::vector<Income> out;
  for (const auto& row : db.query(sql, params)) {
    out.push_back(load_income(db, row.integer(0)));
    out.back().receipt_ref = pii::text_for(reader, out.back().receipt_ref);
  }
  return out;
}

}  // namespace gz::property
