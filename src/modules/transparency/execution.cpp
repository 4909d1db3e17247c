// Plan execution, evaluations, accounts and satisfaction; see execution.hpp.
#include "modules/transparency/execution.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <set>
#include <tuple>

#include "core/amount.hpp"
#include "core/clock.hpp"
#include "core/text.hpp"
#include "modules/allocation/allocation.hpp"
#include "modules/audit/audit.hpp"
#include "modules/needs/needs.hpp"
#include "modules/registry/permissions.hpp"
#include "modules/registry/registry.hpp"
#include "modules/transparency/permissions.hpp"
#include "modules/transparency/transparency.hpp"
#include "storage/transact.hpp"

namespace gz::transparency {
namespace {

constexpr std::int64_t kMaxNoticeDays = 60;
constexpr std::size_t kMaxHouseholdsPerRecord = 5000;

constexpr std::array<const char*, 7> kPayeeCategories{
    "supplier",   "service_provider", "social_organisation",
    "individual", "government",       "resident_group",
    "other"};

constexpr const char* kSpendingColumns =
    "SELECT s.id, s.plan_id, l.category, s.amount, s.purpose, s.payee_category, s.receipt_ref, "
    "s.spent_on, s.corrects_id, (SELECT COUNT(*) FROM plan_deliveries d WHERE d.spending_id = "
    "s.id), s.created_at FROM plan_spending s JOIN allocation_plan_lines l ON l.plan_id = "
    "s.plan_id AND l.position = s.position ";

Spending spending_from(const storage::Row& row) {
  Spending out;
  out.id = row.integer(0);
  out.plan_id = row.integer(1);
  out.category = row.text(2);
  out.amount = row.integer(3);
  out.purpose = row.text(4);
  out.payee_category = row.text(5);
  out.receipt_ref = row.text(6);
  out.spent_on = row.text(7);
  out.corrects_id = row.opt_integer(8);
  out.households = row.integer(9);
  out.created_at = row.text(10);
  return out;
}

Evaluation evaluation_from(const storage::Row& row) {
  return {row.integer(0), row.integer(1),     row.text(2),     row.text(3),
          row.text(4),    row.opt_integer(5), row.opt_text(6), row.text(7)};
}

bool valid_day(const std::string& text) {
  int year = 0;
  unsigned month = 0, day = 0;
  return parse_date(text, year, month, day) && year >= 2000 && year <= 2100;
}

const std::vector<std::int64_t>* households_with_demand(const DemandIndex& demand,
                                                        const std::string& category) {
  for (const auto& [name, households] : demand) {
    if (name == category) return &households;
  }
  return nullptr;
}

bool has(const std::vector<std::int64_t>& sorted, std::int64_t id) {
  return std::binary_search(sorted.begin(), sorted.end(), id);
}

}  // namespace

DemandIndex load_demand_index(storage::Connection& db, std::int64_t community_id) {
  auto community = needs::load_community(db, community_id);
  DemandIndex out;
  for (std::size_t c = 0; c < needs::kCategoryCount; ++c) {
    std::vector<std::int64_t> households;
    for (const auto& household : community.households) {
      if (household.demand[c] > 0) households.push_back(household.household_id);
    }
    std::sort(households.begin(), households.end());
    out.emplace_back(std::string(category_name(static_cast<needs::ServiceCategory>(c))),
                     std::move(households));
  }
  return out;
}

// --- settings --------------------------------------------------------------------------------

Settings load_settings(storage::Connection& db, std::int64_t community_id) {
  Settings settings;
  settings.community_id = community_id;
  if (auto row = db.query_one(
          "SELECT notice_days, objection_threshold_bp FROM transparency_settings WHERE "
          "community_id = ?",
          {community_id})) {
    settings.notice_days = row->integer(0);
    settings.objection_threshold_bp = row->integer(1);
  }
  return settings;
}

Result<Settings> get_settings(storage::Connection& db, const Actor& actor,
                              std::int64_t community_id) {
  if (!is_member(actor, community_id))
    return not_found("no community " + std::to_string(community_id));
  if (!may_read_records(actor, community_id)) {
    return forbidden("residents do not read plan settings");
  }
  if (!registry::community_exists(db, community_id)) {
    return not_found("no community " + std::to_string(community_id));
  }
  return load_settings(db, community_id);
}

Result<Settings> set_settings(storage::Connection& db, const Actor& actor, Settings settings) {
  GZ_TRY(registry::require_member(db, actor, settings.community_id));
  if (!may_manage(actor, settings.community_id)) {
    return forbidden("only community staff set the public-notice rules");
  }
  if (settings.notice_days < 7 || settings.notice_days > kMaxNoticeDays) {
    return bad_request("invalid_notice_days",
                       "a public notice lasts 7 to " + std::to_string(kMaxNoticeDays) + " days");
  }
  if (settings.objection_threshold_bp < 1 || settings.objection_threshold_bp > 10000) {
    return bad_request("invalid_threshold",
                       "objection_threshold_bp must be 1-10000 (basis points of households)");
  }
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Settings> {
    if (!registry::community_exists(db, settings.community_id)) {
      return not_found("no community " + std::to_string(settings.community_id));
    }
    if (db.execute("UPDATE transparency_settings SET notice_days = ?, objection_threshold_bp = "
                   "?, updated_by_user_id = ?, updated_at = ? WHERE community_id = ?",
                   {settings.notice_days, settings.objection_threshold_bp, actor.user_id,
                    now_iso8601(), settings.community_id}) == 0) {
      db.execute(
          "INSERT INTO transparency_settings (community_id, notice_days, objection_threshold_bp, "
          "updated_by_user_id, updated_at) VALUES (?, ?, ?, ?, ?)",
          {settings.community_id, settings.notice_days, settings.objection_threshold_bp,
           actor.user_id, now_iso8601()});
    }
    audit::append(
        db, actor,
        {settings.community_id, "plan.settings", "community", std::to_string(settings.community_id),
         boost::json::object{{"notice_days", settings.notice_days},
                             {"objection_threshold_bp", settings.objection_threshold_bp}}});
    return settings;
  });
}

// --- evaluations -----------------------------------------------------------------------------

std::vector<Evaluation> evaluations_of(storage::Connection& db, std::int64_t plan_id) {
  std::vector<Evaluation> out;
  for (const auto& row :
       db.query("SELECT id, plan_id, kind, evaluator, summary, score, report_ref, created_at FROM "
                "plan_evaluations WHERE plan_id = ? ORDER BY id",
                {plan_id})) {
    out.push_back(evaluation_from(row));
  }
  return out;
}

Result<Evaluation> record_evaluation(storage::Connection& db, const Actor& actor,
                                     std::int64_t plan_id, const EvaluationInput& input,
                                     std::int64_t now_ms) {
  if (input.kind != "third_party" && input.kind != "final") {
    return bad_request("invalid_kind", "kind is third_party or final");
  }
  GZ_TRY(text::require_text(input.evaluator, "evaluator", 200));
  GZ_TRY(text::require_text(input.summary, "summary", 8000));
  if (input.score && (*input.score < 0 || *input.score > 100)) {
    return bad_request("invalid_score", "score is 0-100");
  }
  if (input.report_ref && input.report_ref->size() > 200) {
    return bad_request("invalid_field", "report_ref must be at most 200 bytes");
  }
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Evaluation> {
    lock_lifecycle(db, plan_id);
    auto status = visible_plan(db, actor, plan_id, now_ms);
    if (!status) return status.take_error();
    if (!may_manage(actor, status->community_id)) {
      return forbidden("only community staff record evaluations");
    }
    bool third_party = input.kind == "third_party";
    bool in_stage = third_party ? (status->stage == Stage::public_notice ||
                                   status->stage == Stage::council_vote)
                                : status->stage == Stage::executing;
    if (!in_stage) {
      return conflict("wrong_stage",
                      third_party ? "a third-party evaluation belongs to public notice or the "
                                    "council vote"
                                  : "the final evaluation is recorded while the plan executes");
    }
    if (db.query_one("SELECT id FROM plan_evaluations WHERE plan_id = ? AND kind = ?",
                     {plan_id, input.kind})) {
      return conflict("evaluation_exists", "this plan has its " + input.kind + " evaluation");
    }
    Evaluation out{0,
                   plan_id,
                   input.kind,
                   input.evaluator,
                   input.summary,
                   input.score,
                   input.report_ref,
                   format_iso8601(now_ms)};
    out.id = db.query_one(
                   "INSERT INTO plan_evaluations (plan_id, community_id, kind, evaluator, summary, "
                   "score, report_ref, user_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                   "RETURNING id",
                   {plan_id, status->community_id, input.kind, input.evaluator, input.summary,
                    storage::opt_int(input.score), storage::opt_text(input.report_ref),
                    actor.user_id, out.created_at})
                 ->integer(0);
    audit::append(
        db, actor,
        {status->community_id, "plan.evaluation", "allocation_plan", std::to_string(plan_id),
         boost::json::object{
             {"kind", input.kind}, {"evaluator", input.evaluator}, {"summary", input.summary}}});
    return out;
  });
}

// --- spending --------------------------------------------------------------------------------

bool valid_payee_category(const std::string& name) {
  return std::any_of(kPayeeCategories.begin(), kPayeeCategories.end(),
                     [&](const char* known) { return name == known; });
}

std::vector<Spending> spending_of(storage::Connection& db, std::int64_t plan_id, int limit) {
  std::vector<Spending> out;
  for (const auto& row :
       db.query(std::string(kSpendingColumns) + "WHERE s.plan_id = ? ORDER BY s.id DESC LIMIT ?",
                {plan_id, static_cast<std::int64_t>(std::clamp(limit, 1, 500))})) {
    out.push_back(spending_from(row));
  }
  return out;
}

Result<std::vector<Spending>> list_spending(storage::Connection& db, const Actor& actor,
                                            std::int64_t plan_id, int limit) {
  auto status = visible_plan(db, actor, plan_id, now_epoch_ms());
  if (!status) return status.take_error();
  if (!may_read_records(actor, status->community_id)) {
    return forbidden("residents read spending on the public board");
  }
  auto records = spending_of(db, plan_id, limit);
  const pii::Reader reader =
      registry::permissions::personal_data_reader(actor, status->community_id);
  for (auto& record : records) mask_for(reader, record);
  return records;
}

void mask_for(pii::Reader reader, Spending& spending) {
  spending.purpose = pii::text_for(reader, spending.purpose);
  spending.receipt_ref = pii::text_for(reader, spending.receipt_ref);
}

void mask_for(pii::Reader reader, Evaluation& evaluation) {
  evaluation.evaluator = pii::text_for(reader, evaluation.evaluator);
  evaluation.summary = pii::text_for(reader, evaluation.summary);
  evaluation.report_ref = pii::text_for(reader, evaluation.report_ref);
}

Result<Spending> record_spending(storage::Connection& db, const Actor& actor, std::int64_t plan_id,
                                 const SpendingInput& input, std::int64_t now_ms,
                                 const DemandIndex* demand) {
  GZ_TRY(text::require_text(input.purpose, "purpose", 1000));
  if (!input.corrects_id) {
    GZ_TRY(text::require_text(input.category, "category", 100));
    GZ_TRY(text::require_text(input.receipt_ref, "receipt_ref", 200));
    GZ_TRY(check_amount(input.amount, "amount", 1));
    if (!valid_payee_category(input.payee_category)) {
      return bad_request("invalid_payee_category",
                         "payee_category is one of supplier, service_provider, "
                         "social_organisation, individual, government, resident_group, other");
    }
  }
  if (input.spent_on && !valid_day(*input.spent_on)) {
    return bad_request("invalid_date", "spent_on is a date YYYY-MM-DD");
  }
  if (input.household_ids.size() > kMaxHouseholdsPerRecord) {
    return bad_request("too_many_households", "at most 5000 households per record");
  }
  std::set<std::int64_t> unique(input.household_ids.begin(), input.household_ids.end());
  if (unique.size() != input.household_ids.size()) {
    return bad_request("duplicate_household", "a household is named twice");
  }
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Spending> {
    lock_lifecycle(db, plan_id);
    auto status = visible_plan(db, actor, plan_id, now_ms);
    if (!status) return status.take_error();
    if (!may_manage(actor, status->community_id)) {
      return forbidden("only community staff record spending");
    }
    if (status->stage != Stage::executing) {
      return conflict("not_executing", "spending is recorded only while the plan executes");
    }
    std::string spent_on = input.spent_on.value_or(format_date(now_ms));
    std::int64_t position = 0, amount = input.amount;
    std::string purpose = input.purpose, payee = input.payee_category, receipt = input.receipt_ref;
    // (household, units, had_demand)
    std::vector<std::tuple<std::int64_t, std::int64_t, std::int64_t>> deliveries;
    if (input.corrects_id) {
      auto original = db.query_one(
          "SELECT position, amount, payee_category, receipt_ref, corrects_id FROM plan_spending "
          "WHERE id = ? AND plan_id = ?",
          {*input.corrects_id, plan_id});
      if (!original) return not_found("no spending record " + std::to_string(*input.corrects_id));
      if (!original->is_null(4)) {
        return conflict("is_correction", "a correction cannot itself be corrected");
      }
      if (db.query_one("SELECT id FROM plan_spending WHERE corrects_id = ?",
                       {*input.corrects_id})) {
        return conflict("already_corrected", "this record has been corrected already");
      }
      position = original->integer(0);
      amount = -original->integer(1);
      payee = original->text(2);
      receipt = original->text(3);
      for (const auto& row : db.query("SELECT household_id, units, had_demand FROM "
                                      "plan_deliveries WHERE spending_id = ?",
                                      {*input.corrects_id})) {
        deliveries.emplace_back(row.integer(0), -row.integer(1), row.integer(2));
      }
    } else {
      auto line = db.query_one(
          "SELECT position, total FROM allocation_plan_lines WHERE plan_id = ? AND category = ?",
          {plan_id, input.category});
      if (!line) {
        return bad_request("unknown_line", "the plan has no line '" + input.category + "'");
      }
      position = line->integer(0);
      std::int64_t spent = db.query_int(
          "SELECT COALESCE(SUM(amount), 0) FROM plan_spending WHERE plan_id = ? AND position = ?",
          {plan_id, position});
      // The line's ceiling: its planned total and what other parties gave it (funding.hpp).
      std::int64_t ceiling = line->integer(1) + received_for_line(db, plan_id, input.category);
      // Written as what is left, never as a sum that could wrap (core/amount.hpp).
      if (!fits_within(amount, ceiling, spent)) {
        return conflict("line_overspent", "the line has " + std::to_string(ceiling - spent) +
                                              " of " + std::to_string(ceiling) + " left");
      }
      if (!input.household_ids.empty()) {
        for (auto household : input.household_ids) {
          if (!db.query_one("SELECT id FROM households WHERE id = ? AND community_id = ?",
                            {household, status->community_id})) {
            return bad_request("unknown_household", "household " + std::to_string(household) +
                                                        " is not a household of this community");
          }
        }
        DemandIndex loaded;
        if (!demand) {
          loaded = load_demand_index(db, status->community_id);
          demand = &loaded;
        }
        const auto* needing = households_with_demand(*demand, input.category);
        std::vector<std::int64_t> weights(input.household_ids.size(), 1);
        auto units = allocation::apportion(amount, weights);
        if (!units) return units.take_error();
        for (std::size_t i = 0; i < input.household_ids.size(); ++i) {
          auto household = input.household_ids[i];
          // Lines outside the five measured categories have no assessed demand to miss.
          bool had = !needing || has(*needing, household);
          deliveries.emplace_back(household, (*units)[i], had ? 1 : 0);
        }
      }
    }
    std::string created_at = format_iso8601(now_ms);
    std::int64_t id;
    try {
      id = db.query_one(
                 "INSERT INTO plan_spending (plan_id, community_id, position, amount, purpose, "
                 "payee_category, receipt_ref, corrects_id, user_id, spent_on, created_at) VALUES "
                 "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                 {plan_id, status->community_id, position, amount, purpose, payee, receipt,
                  storage::opt_int(input.corrects_id), actor.user_id, spent_on, created_at})
               ->integer(0);
    } catch (const storage::DbError& error) {
      if (error.kind() == storage::DbErrorKind::unique_violation) {
        return conflict("already_corrected", "this record has been corrected already");
      }
      throw;
    }
    for (const auto& [household, units, had] : deliveries) {
      db.execute(
          "INSERT INTO plan_deliveries (spending_id, plan_id, community_id, position, "
          "household_id, units, had_demand) VALUES (?, ?, ?, ?, ?, ?, ?)",
          {id, plan_id, status->community_id, position, household, units, had});
    }
    boost::json::object detail{
        {"plan_id", plan_id},      {"position", position},
        {"amount", amount},        {"purpose", purpose},
        {"payee_category", payee}, {"receipt_ref", receipt},
        {"spent_on", spent_on},    {"households", static_cast<std::int64_t>(deliveries.size())}};
    if (input.corrects_id) detail["corrects_id"] = *input.corrects_id;
    audit::append(db, actor,
                  {status->community_id,
                   "plan.spending",
                   "plan_spending",
                   std::to_string(id),
                   std::move(detail),
                   {{&spending_rows(), id}}});
    return spending_from(*db.query_one(std::string(kSpendingColumns) + "WHERE s.id = ?", {id}));
  });
}

// --- progress, targets, accounts ---------------------------------------------------------------

void freeze_targets(storage::Connection& db, std::int64_t plan_id, std::int64_t community_id) {
  auto demand = load_demand_index(db, community_id);
  for (const auto& line : db.query(
           "SELECT position, category FROM allocation_plan_lines WHERE plan_id = ?", {plan_id})) {
    const auto* needing = households_with_demand(demand, line.text(1));
    if (!needing) continue;  // not a measured category: no target to cover
    db.execute(
        "INSERT INTO plan_targets (plan_id, community_id, position, households_targeted) VALUES "
        "(?, ?, ?, ?)",
        {plan_id, community_id, line.integer(0), static_cast<std::int64_t>(needing->size())});
  }
}

Progress progress_of(storage::Connection& db, std::int64_t plan_id) {
  Progress out;
  auto frozen = db.query(
      "SELECT position, category, planned, spent, households_served, households_covered, "
      "households_targeted FROM plan_accounts WHERE plan_id = ? ORDER BY position",
      {plan_id});
  if (!frozen.empty()) {
    for (const auto& row : frozen) {
      out.lines.push_back({row.integer(0), row.text(1), row.integer(2), row.integer(3),
                           row.integer(4), row.integer(5), row.opt_integer(6)});
    }
  } else {
    for (const auto& row : db.query(
             "SELECT l.position, l.category, l.total, (SELECT COALESCE(SUM(s.amount), 0) FROM "
             "plan_spending s WHERE s.plan_id = l.plan_id AND s.position = l.position), (SELECT "
             "COUNT(*) FROM (SELECT d.household_id FROM plan_deliveries d WHERE d.plan_id = "
             "l.plan_id AND d.position = l.position GROUP BY d.household_id HAVING SUM(d.units) > "
             "0) served), (SELECT COUNT(*) FROM (SELECT d.household_id FROM plan_deliveries d "
             "WHERE d.plan_id = l.plan_id AND d.position = l.position AND d.had_demand = 1 GROUP "
             "BY d.household_id HAVING SUM(d.units) > 0) covered), t.households_targeted FROM "
             "allocation_plan_lines l LEFT JOIN "
             "plan_targets t ON t.plan_id = l.plan_id AND t.position = l.position WHERE l.plan_id "
             "= ? ORDER BY l.position",
             {plan_id})) {
      out.lines.push_back({row.integer(0), row.text(1), row.integer(2), row.integer(3),
                           row.integer(4), row.integer(5), row.opt_integer(6)});
    }
  }
  for (const auto& line : out.lines) {
    out.planned += line.planned;
    out.spent += line.spent;
  }
  out.households_served = db.query_int(
      "SELECT COUNT(*) FROM (SELECT household_id FROM plan_deliveries WHERE plan_id = ? GROUP BY "
      "household_id HAVING SUM(units) > 0) served",
      {plan_id});
  if (auto row = db.query_one(
          "SELECT COALESCE(SUM(units), 0), COALESCE(SUM(CASE WHEN had_demand = 0 THEN units ELSE "
          "0 END), 0) FROM plan_deliveries WHERE plan_id = ?",
          {plan_id})) {
    out.delivered_units = row->integer(0);
    out.misallocated_units = row->integer(1);
  }
  return out;
}

void freeze_accounts(storage::Connection& db, std::int64_t plan_id, std::int64_t community_id,
                     std::int64_t now_ms) {
  auto live = progress_of(db, plan_id);
  std::string closed_at = format_iso8601(now_ms);
  for (const auto& line : live.lines) {
    db.execute(
        "INSERT INTO plan_accounts (plan_id, community_id, position, category, planned, spent, "
        "unspent, households_served, households_covered, households_targeted, closed_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {plan_id, community_id, line.position, line.category, line.planned, line.spent,
         line.planned - line.spent, line.households_served, line.households_covered,
         storage::opt_int(line.households_targeted), closed_at});
  }
}

// --- satisfaction ----------------------------------------------------------------------------

Satisfaction satisfaction_of(storage::Connection& db, std::int64_t plan_id) {
  Satisfaction out;
  out.served_households = db.query_int(
      "SELECT COUNT(*) FROM (SELECT household_id FROM plan_deliveries WHERE plan_id = ? GROUP BY "
      "household_id HAVING SUM(units) > 0) served",
      {plan_id});
  std::int64_t total = 0, satisfied = 0;
  for (const auto& row :
       db.query("SELECT score, COUNT(*) FROM plan_ratings WHERE plan_id = ? GROUP BY score",
                {plan_id})) {
    auto score = row.integer(0);
    auto count = row.integer(1);
    if (score < 1 || score > 5) continue;
    out.distribution[static_cast<std::size_t>(score - 1)] = count;
    out.responses += count;
    total += score * count;
    if (score >= 4) satisfied += count;
  }
  if (out.responses > 0) {
    out.mean_hundredths = (total * 100 + out.responses / 2) / out.responses;
    out.satisfied_bp = (satisfied * 10000 + out.responses / 2) / out.responses;
  }
  return out;
}

Result<Satisfaction> rate_plan(storage::Connection& db, const Actor& actor, std::int64_t plan_id,
                               std::int64_t score, const std::optional<std::string>& comment,
                               std::int64_t now_ms) {
  if (score < 1 || score > 5) return bad_request("invalid_score", "score is 1-5");
  if (comment && comment->size() > 2000) {
    return bad_request("invalid_field", "comment must be at most 2000 bytes");
  }
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Satisfaction> {
    auto status = visible_plan(db, actor, plan_id, now_ms);
    if (!status) return status.take_error();
    if (!may_rate(actor, status->community_id)) {
      return forbidden("only the households served rate a plan");
    }
    if (status->stage != Stage::closed) {
      return conflict("not_closed", "a plan is rated once it has closed");
    }
    if (db.query_int("SELECT COALESCE(SUM(units), 0) FROM plan_deliveries WHERE plan_id = ? AND "
                     "household_id = ?",
                     {plan_id, *actor.household_id}) <= 0) {
      return make_error(ErrorKind::forbidden, "not_served",
                        "this plan did not serve your household");
    }
    try {
      db.execute(
          "INSERT INTO plan_ratings (plan_id, community_id, household_id, user_id, score, "
          "comment, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
          {plan_id, status->community_id, *actor.household_id, actor.user_id, score,
           storage::opt_text(comment), format_iso8601(now_ms)});
    } catch (const storage::DbError& error) {
      if (error.kind() == storage::DbErrorKind::unique_violation) {
        return conflict("already_rated", "your household has rated this plan");
      }
      throw;
    }
    audit::append(db, actor,
                  {status->community_id, "plan.rating", "allocation_plan", std::to_string(plan_id),
                   boost::json::object{{"score", score}}});
    return satisfaction_of(db, plan_id);
  });
}

}  // namespace gz::transparency
