#include "modules/points/points.hpp"

#include <boost/json.hpp>
#include <cstring>
#include <functional>
#include <map>

#include "core/amount.hpp"
#include "core/clock.hpp"
#include "core/codes.hpp"
#include "core/pii.hpp"
#include "modules/accounts/accounts.hpp"
#include "modules/audit/audit.hpp"
#include "modules/notifications/notifications.hpp"
#include "modules/points/permissions.hpp"
#include "modules/registry/registry.hpp"
#include "storage/transact.hpp"

namespace gz::points {
namespace {

constexpr const char* kCatalogColumns =
    "SELECT id, community_id, name, category, price_points, stock_total, stock_remaining, "
    "limit_per_resident, limit_period, available_from, available_until, active FROM points_catalog";

CatalogItem item_from(const storage::Row& row) {
  CatalogItem item;
  item.id = row.integer(0);
  item.community_id = row.integer(1);
  item.name = row.text(2);
  item.category = row.text(3);
  item.price_points = row.integer(4);
  item.stock_total = row.opt_integer(5);
  item.stock_remaining = row.opt_integer(6);
  item.limit_per_resident = row.opt_integer(7);
  item.limit_period = row.opt_text(8);
  item.available_from = row.opt_text(9);
  item.available_until = row.opt_text(10);
  item.active = row.integer(11) != 0;
  return item;
}

bool valid_date(const std::optional<std::string>& text) {
  if (!text) return true;
  int year;
  unsigned month, day;
  return parse_date(*text, year, month, day);
}

}  // namespace

std::vector<Rule> list_rules(storage::Connection& db, std::int64_t community_id) {
  std::vector<Rule> rules;
  for (const auto& row : db.query(
           "SELECT r.rule, r.name_zh, r.unit, r.points_per_unit FROM points_rules r WHERE "
           "r.community_id = ? OR (r.community_id = 0 AND NOT EXISTS (SELECT 1 FROM points_rules "
           "o WHERE o.community_id = ? AND o.rule = r.rule)) ORDER BY r.rule",
           {community_id, community_id})) {
    rules.push_back({row.text(0), row.text(1),
                     row.text(2) == "minute" ? ledger::Unit::minute : ledger::Unit::event,
                     row.integer(3)});
  }
  return rules;
}

Result<Rule> set_rule(storage::Connection& db, const Actor& actor, std::int64_t community_id,
                      const Rule& rule) {
  if (!is_member(actor, community_id))
    return not_found("no community " + std::to_string(community_id));
  if (!may_manage(actor, community_id)) return forbidden("only staff set earning rules");
  if (rule.rule.empty() || rule.rule.size() > 40)
    return bad_request("invalid_rule", "rule id must be 1-40 bytes");
  if (rule.name_zh.empty()) return bad_request("missing_field", "name_zh is required");
  if (rule.points_per_unit < 1 || rule.points_per_unit > 1000) {
    return bad_request("invalid_points", "points_per_unit must be 1 to 1000");
  }
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Rule> {
    db.execute("DELETE FROM points_rules WHERE community_id = ? AND rule = ?",
               {community_id, rule.rule});
    db.execute(
        "INSERT INTO points_rules (community_id, rule, name_zh, unit, points_per_unit) VALUES (?, "
        "?, ?, ?, ?)",
        {community_id, rule.rule, rule.name_zh,
         std::string(rule.unit == ledger::Unit::event ? "event" : "minute"), rule.points_per_unit});
    audit::append(
        db, actor,
        {community_id, "points.rule_set", "points_rule", rule.rule,
         boost::json::object{{"name_zh", rule.name_zh},
                             {"unit", rule.unit == ledger::Unit::event ? "event" : "minute"},
                             {"points_per_unit", rule.points_per_unit}}});
    return rule;
  });
}

Settings settings(storage::Connection& db, std::int64_t community_id) {
  Settings value;
  if (auto row = db.query_one("SELECT expiry_months, timebank_floor_minutes FROM points_settings "
                              "WHERE community_id = ?",
                              {community_id})) {
    value.expiry_months = row->opt_integer(0);
    value.timebank_floor_minutes = row->integer(1);
  }
  return value;
}

Result<Settings> set_settings(storage::Connection& db, const Actor& actor,
                              std::int64_t community_id, const Settings& value) {
  GZ_TRY(registry::require_member(db, actor, community_id));
  if (!may_manage(actor, community_id)) return forbidden("only staff change the points settings");
  if (value.expiry_months && (*value.expiry_months < 1 || *value.expiry_months > 120)) {
    return bad_request("invalid_expiry", "expiry_months must be 1 to 120, or null for never");
  }
  if (value.timebank_floor_minutes > 0 || value.timebank_floor_minutes < -100 * 60) {
    return bad_request("invalid_floor", "timebank_floor_minutes must be between -6000 and 0");
  }
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Settings> {
    db.execute("DELETE FROM points_settings WHERE community_id = ?", {community_id});
    db.execute(
        "INSERT INTO points_settings (community_id, expiry_months, timebank_floor_minutes) VALUES "
        "(?, ?, ?)",
        {community_id, storage::opt_int(value.expiry_months), value.timebank_floor_minutes});
    db.execute(
        "UPDATE ledger_accounts SET floor = ? WHERE community_id = ? AND kind = 'minutes' AND "
        "owner = 'resident'",
        {value.timebank_floor_minutes, community_id});
    boost::json::object change{{"timebank_floor_minutes", value.timebank_floor_minutes}};
    change["expiry_months"] = value.expiry_months ? boost::json::value(*value.expiry_months)
                                                  : boost::json::value(nullptr);
    // Every time-bank account's floor moved with the setting: each goes on record.
    std::vector<audit::RowRef> floors;
    for (const auto& row : db.query("SELECT id FROM ledger_accounts WHERE community_id = ? AND "
                                    "kind = 'minutes' AND owner = 'resident'",
                                    {community_id})) {
      floors.push_back({&ledger::account_rows(), row.integer(0)});
    }
    audit::append(db, actor,
                  {community_id, "points.settings_set", "community", std::to_string(community_id),
                   change, floors});
    return value;
  });
}

namespace {

// Tells the resident's household (its resident accounts) that points moved, in the caller's
// transaction. `users` caches each household's accounts over a batch.
void tell_household(storage::Connection& db, const registry::ResidentRef& resident,
                    const std::string& kind, boost::json::object data, std::int64_t now_ms,
                    std::map<std::int64_t, std::vector<std::int64_t>>& users) {
  auto found = users.find(resident.household_id);
  if (found == users.end()) {
    found =
        users.emplace(resident.household_id, accounts::household_users(db, resident.household_id))
            .first;
  }
  notifications::Event event;
  event.community_id = resident.community_id;
  event.kind = kind;
  event.subject_type = "resident";
  event.subject_id = std::to_string(resident.id);
  data["resident"] = pii::mask_name(resident.name);
  event.data = std::move(data);
  event.recipients = found->second;
  notifications::record(db, event, now_ms);
}

// Who an award is for, and whether it may be given: award's permission check, or only the
// resident's record for post_awards.
using ResolveResident = std::function<Result<registry::ResidentRef>(const AwardInput&)>;

// Checks every award (its resident, reference, rule and quantity) before writing anything,
// then posts them all in one transaction: the work behind award and post_awards.
Result<std::vector<ledger::Posting>> award_batch(storage::Connection& db, const Actor& actor,
                                                 const std::vector<AwardInput>& awards,
                                                 std::int64_t now_ms,
                                                 const ResolveResident& resolve) {
  if (awards.empty()) return bad_request("missing_field", "no awards given");
  if (awards.size() > 10000) return bad_request("too_many", "at most 10,000 awards in one batch");
  struct Planned {
    registry::ResidentRef resident;
    std::int64_t points;
    const AwardInput* input;
    std::string rule_name;
  };
  std::vector<Planned> planned;
  planned.reserve(awards.size());
  std::map<std::int64_t, std::vector<Rule>> rules_by_community;
  for (const auto& input : awards) {
    auto resident = resolve(input);
    if (!resident) return resident.take_error();
    if (input.reference.empty() || input.reference.size() > 100) {
      return bad_request("invalid_reference", "reference (the meeting or activity) is required");
    }
    auto& rules = rules_by_community[resident->community_id];
    if (rules.empty()) rules = list_rules(db, resident->community_id);
    const Rule* rule = nullptr;
    for (const auto& candidate : rules) {
      if (candidate.rule == input.rule) rule = &candidate;
    }
    if (!rule) return bad_request("unknown_rule", "unknown rule '" + input.rule + "'");
    auto points = ledger::award_points(rule->unit, rule->points_per_unit, input.quantity);
    if (!points) return points.take_error();
    planned.push_back({*resident, *points, &input, rule->name_zh});
  }
  return storage::transact(
      db, storage::TxMode::write, [&]() -> Result<std::vector<ledger::Posting>> {
        std::vector<ledger::Posting> postings;
        postings.reserve(planned.size());
        audit::Appender appender(db);  // one head update for the whole batch
        std::map<std::int64_t, std::int64_t> issuance_by_community;
        std::map<std::int64_t, std::int64_t> deferred;            // issuance account → debits
        std::map<std::int64_t, std::vector<std::int64_t>> users;  // household → its accounts
        for (const auto& plan : planned) {
          auto& issuance = issuance_by_community[plan.resident.community_id];
          if (issuance == 0) {
            issuance = ledger::community_account(db, plan.resident.community_id,
                                                 ledger::Kind::points, ledger::Owner::issuance)
                           .id;
          }
          auto account = ledger::resident_account(db, plan.resident.community_id,
                                                  ledger::Kind::points, plan.resident.id);
          ledger::PostingInput input;
          input.community_id = plan.resident.community_id;
          input.kind = ledger::Kind::points;
          input.debit_account_id = issuance;
          input.credit_account_id = account.id;
          input.amount = plan.points;
          input.code = "award";
          input.rule = plan.input->rule;
          input.reference = plan.input->reference;
          input.memo = plan.input->memo;
          input.accounts_checked = true;
          input.defer_debit_update = true;
          deferred[issuance] += plan.points;
          auto posting = ledger::post(db, actor, input, now_ms, &appender);
          if (!posting) return posting.take_error();
          postings.push_back(std::move(*posting));
          tell_household(db, plan.resident, "points.awarded",
                         {{"points", plan.points}, {"reason", plan.rule_name}}, now_ms, users);
        }
        for (const auto& [account_id, amount] : deferred) {
          ledger::apply_deferred_debit(db, account_id, amount);
        }
        appender.finish();
        return postings;
      });
}

}  // namespace

Result<std::vector<ledger::Posting>> award(storage::Connection& db, const Actor& actor,
                                           const std::vector<AwardInput>& awards,
                                           std::int64_t now_ms) {
  return award_batch(db, actor, awards, now_ms,
                     [&](const AwardInput& input) -> Result<registry::ResidentRef> {
                       auto resident = registry::visible_resident(db, actor, input.resident_id);
                       if (!resident) return resident.take_error();
                       if (!may_award(actor, resident->community_id)) {
                         return forbidden("only staff and guides of the community award points");
                       }
                       return resident;
                     });
}

Result<std::vector<ledger::Posting>> post_awards(storage::Connection& db, const Actor& actor,
                                                 const std::vector<AwardInput>& awards,
                                                 std::int64_t now_ms) {
  return award_batch(db, actor, awards, now_ms,
                     [&](const AwardInput& input) -> Result<registry::ResidentRef> {
                       auto resident = registry::find_resident(db, input.resident_id);
                       if (!resident) {
                         return not_found("no resident " + std::to_string(input.resident_id));
                       }
                       return *resident;
                     });
}

Result<CatalogItem> add_catalog_item(storage::Connection& db, const Actor& actor,
                                     CatalogItem item) {
  if (!is_member(actor, item.community_id))
    return not_found("no community " + std::to_string(item.community_id));
  if (!may_manage(actor, item.community_id)) return forbidden("only staff manage the catalogue");
  if (item.name.empty() || item.name.size() > 200)
    return bad_request("invalid_name", "name must be 1-200 bytes");
  bool known_category = false;
  for (const char* category : kCatalogCategories)
    known_category = known_category || item.category == category;
  if (!known_category) {
    return bad_request("invalid_category",
                       "category must be canteen_voucher, parking_discount, childcare_place, "
                       "daily_goods, service_voucher, activity_ticket or other");
  }
  GZ_TRY(check_amount(item.price_points, "price_points", 1));
  if (item.stock_total) GZ_TRY(check_amount(*item.stock_total, "stock"));
  if (item.stock_total && *item.stock_total < 0)
    return bad_request("invalid_stock", "stock must be 0 or more");
  if (item.limit_per_resident && *item.limit_per_resident <= 0) {
    return bad_request("invalid_limit", "limit_per_resident must be positive");
  }
  if (item.limit_period && !ledger::parse_limit_period(*item.limit_period)) {
    return bad_request("invalid_limit",
                       "limit_period must be day, week, month, quarter, year or total");
  }
  if (item.limit_per_resident && !item.limit_period) item.limit_period = "total";
  if (!valid_date(item.available_from) || !valid_date(item.available_until)) {
    return bad_request("invalid_date", "available_from/until must be YYYY-MM-DD");
  }
  if (item.available_from && item.available_until && *item.available_until < *item.available_from) {
    return bad_request("invalid_date", "available_until is before available_from");
  }
  if (!registry::community_exists(db, item.community_id)) {
    return not_found("no community " + std::to_string(item.community_id));
  }
  item.stock_remaining = item.stock_total;
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<CatalogItem> {
    item.id = db.query_one(
                    "INSERT INTO points_catalog (community_id, name, category, price_points, "
                    "stock_total, stock_remaining, limit_per_resident, limit_period, "
                    "available_from, available_until, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                    "?, ?, ?) RETURNING id",
                    {item.community_id, item.name, item.category, item.price_points,
                     storage::opt_int(item.stock_total), storage::opt_int(item.stock_remaining),
                     storage::opt_int(item.limit_per_resident),
                     storage::opt_text(item.limit_period), storage::opt_text(item.available_from),
                     storage::opt_text(item.available_until), now_iso8601()})
                  ->integer(0);
    boost::json::object change{
        {"name", item.name}, {"category", item.category}, {"price_points", item.price_points}};
    change["stock"] =
        item.stock_total ? boost::json::value(*item.stock_total) : boost::json::value(nullptr);
    audit::append(
        db, actor,
        {item.community_id, "points.catalog_add", "catalog_item", std::to_string(item.id), change});
    return item;
  });
}

Result<std::vector<CatalogItem>> list_catalog(storage::Connection& db, const Actor& actor,
                                              std::int64_t community_id) {
  if (!is_member(actor, community_id))
    return not_found("no community " + std::to_string(community_id));
  std::vector<CatalogItem> items;
  for (const auto& row :
       db.query(std::string(kCatalogColumns) +
                    " WHERE community_id = ? AND active = 1 ORDER BY price_points, id",
                {community_id})) {
    items.push_back(item_from(row));
  }
  return items;
}

Result<Redemption> redeem(storage::Connection& db, const Actor& actor, std::int64_t resident_id,
                          std::int64_t item_id, std::int64_t quantity, std::int64_t now_ms) {
  auto resident = registry::visible_resident(db, actor, resident_id);
  if (!resident) return resident.take_error();
  if (!may_redeem_for(actor, resident->community_id)) {
    return forbidden("residents redeem their own points; staff may redeem on their behalf");
  }
  if (quantity <= 0 || quantity > 100)
    return bad_request("invalid_quantity", "quantity must be 1 to 100");
  auto row = db.query_one(std::string(kCatalogColumns) + " WHERE id = ?", {item_id});
  if (!row) return not_found("no catalogue item " + std::to_string(item_id));
  CatalogItem item = item_from(*row);
  if (item.community_id != resident->community_id)
    return not_found("no catalogue item " + std::to_string(item_id));
  std::string today = format_date(now_ms);
  if (!item.active || (item.available_from && today < *item.available_from) ||
      (item.available_until && today > *item.available_until)) {
    return conflict("not_available", "this item is not available now");
  }
  // Fail fast without locking when the stock is visibly gone.
  if (item.stock_remaining && *item.stock_remaining < quantity) {
    return conflict("out_of_stock", "out of stock");
  }
  std::int64_t price = item.price_points * quantity;
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Redemption> {
    auto account =
        ledger::resident_account(db, resident->community_id, ledger::Kind::points, resident->id);
    auto sink = ledger::community_account(db, resident->community_id, ledger::Kind::points,
                                          ledger::Owner::redemption);
    // 1. The debit (locks the resident's account row, serialising their redemptions).
    ledger::PostingInput input;
    input.community_id = resident->community_id;
    input.kind = ledger::Kind::points;
    input.debit_account_id = account.id;
    input.credit_account_id = sink.id;
    input.amount = price;
    input.code = "redemption";
    input.reference = "catalog:" + std::to_string(item.id);
    input.memo = item.name + " × " + std::to_string(quantity);
    auto posting = ledger::post(db, actor, input, now_ms);
    if (!posting) return posting.take_error();
    // 2. The per-resident limit, counted under that lock.
    if (item.limit_per_resident) {
      auto period = ledger::parse_limit_period(item.limit_period.value_or("total"))
                        .value_or(ledger::LimitPeriod::total);
      std::int64_t taken = db.query_int(
          "SELECT COALESCE(SUM(quantity), 0) FROM points_redemptions WHERE resident_id = ? AND "
          "item_id = ? AND created_ms >= ?",
          {resident->id, item.id, ledger::period_start_ms(period, now_ms)});
      if (taken + quantity > *item.limit_per_resident) {
        return conflict("limit_reached",
                        "limit of " + std::to_string(*item.limit_per_resident) + " per " +
                            std::string(ledger::limit_period_name(period)) + " reached");
      }
    }
    // 3. The stock, as a conditional update.
    if (item.stock_remaining) {
      if (db.execute("UPDATE points_catalog SET stock_remaining = stock_remaining - ? WHERE id = ? "
                     "AND stock_remaining >= ?",
                     {quantity, item.id, quantity}) != 1) {
        return conflict("out_of_stock", "out of stock");
      }
    }
    Redemption redemption;
    redemption.item_id = item.id;
    redemption.resident_id = resident->id;
    redemption.quantity = quantity;
    redemption.points = price;
    redemption.posting = *posting;
    std::string voucher = codes::normalize_readable_code(codes::new_readable_code());
    redemption.voucher_code = codes::format_readable_code(voucher);
    redemption.created_at = format_iso8601(now_ms);
    redemption.id = db.query_one(
                          "INSERT INTO points_redemptions (community_id, item_id, resident_id, "
                          "quantity, points, posting_id, created_at, created_ms, voucher_code) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                          {resident->community_id, item.id, resident->id, quantity, price,
                           posting->id, redemption.created_at, now_ms, voucher})
                        ->integer(0);
    redemption.balance_after =
        ledger::find_resident_account(db, ledger::Kind::points, resident->id)->balance;
    if (item.stock_remaining) {
      redemption.stock_remaining =
          db.query_one("SELECT stock_remaining FROM points_catalog WHERE id = ?", {item.id})
              ->integer(0);
    }
    std::map<std::int64_t, std::vector<std::int64_t>> users;
    tell_household(db, *resident, "points.redeemed",
                   {{"points", price}, {"item", item.name + " × " + std::to_string(quantity)}},
                   now_ms, users);
    return redemption;
  });
}

Result<ledger::Posting> correct(storage::Connection& db, const Actor& actor,
                                std::int64_t posting_id, const std::string& reason,
                                std::int64_t now_ms) {
  auto original = ledger::load_posting(db, posting_id);
  if (!original || !is_member(actor, original->community_id)) {
    return not_found("no posting " + std::to_string(posting_id));
  }
  if (!may_manage(actor, original->community_id)) return forbidden("only staff correct postings");
  if (reason.empty()) return bad_request("reason_required", "a correction needs a reason");
  if (original->code == "correction")
    return conflict("cannot_correct_correction", "a correction cannot itself be corrected");
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<ledger::Posting> {
    if (db.query_one("SELECT id FROM ledger_postings WHERE corrects_posting_id = ?",
                     {posting_id})) {
      return conflict("already_corrected",
                      "posting " + std::to_string(posting_id) + " was already corrected");
    }
    ledger::PostingInput input;
    input.community_id = original->community_id;
    input.kind = original->kind;
    input.debit_account_id = original->credit_account_id;
    input.credit_account_id = original->debit_account_id;
    input.amount = original->amount;
    input.code = "correction";
    input.corrects_posting_id = original->id;
    input.memo = reason;
    input.floor_error_code =
        original->kind == ledger::Kind::points ? "insufficient_points" : "debt_cap_reached";
    auto posting = ledger::post(db, actor, input, now_ms);
    if (!posting) return posting.take_error();
    // Undo the redemption's stock too, so the catalogue stays true.
    if (original->code == "redemption") {
      auto redemption = db.query_one(
          "SELECT item_id, quantity FROM points_redemptions WHERE posting_id = ?", {original->id});
      if (redemption) {
        db.execute(
            "UPDATE points_catalog SET stock_remaining = stock_remaining + ? WHERE id = ? AND "
            "stock_remaining IS NOT NULL",
            {redemption->integer(1), redemption->integer(0)});
        // Its voucher no longer buys the item.
        db.execute("UPDATE points_redemptions SET voided_at = ? WHERE posting_id = ?",
                   {format_iso8601(now_ms), original->id});
      }
    }
    return *posting;
  });
}

Result<AccountView> account_view(storage::Connection& db, const Actor& actor,
                                 std::int64_t resident_id) {
  auto resident = registry::visible_resident(db, actor, resident_id);
  if (!resident) return resident.take_error();
  auto summary = ledger::resident_account_summary(db, resident->community_id, ledger::Kind::points,
                                                  resident_id);
  return AccountView{*resident, summary.account, summary.credited, summary.debited};
}

Result<std::vector<LeaderboardRow>> leaderboard(storage::Connection& db, const Actor& actor,
                                                std::int64_t community_id, std::int64_t from_ms,
                                                std::int64_t to_ms, std::int64_t limit) {
  if (!is_member(actor, community_id))
    return not_found("no community " + std::to_string(community_id));
  std::vector<LeaderboardRow> rows;
  std::int64_t rank = 0;
  for (const auto& row : db.query(
           "SELECT a.resident_id, r.name, COALESCE(o.show_name, 0), SUM(p.amount) AS earned FROM "
           "ledger_postings p JOIN ledger_accounts a ON a.id = p.credit_account_id JOIN residents "
           "r ON r.id = a.resident_id LEFT JOIN points_leaderboard_optin o ON o.resident_id = "
           "a.resident_id WHERE p.community_id = ? AND p.kind = 'points' AND p.code = 'award' AND "
           "p.created_ms >= ? AND p.created_ms < ? GROUP BY a.resident_id, r.name, o.show_name "
           "ORDER BY earned DESC, a.resident_id LIMIT ?",
           {community_id, from_ms, to_ms, limit})) {
    LeaderboardRow entry;
    entry.rank = ++rank;
    bool shown = row.integer(2) != 0;
    if (shown) {
      entry.resident_id = row.integer(0);
      entry.name = row.text(1);
    } else {
      entry.name = "匿名居民";
    }
    entry.points = row.integer(3);
    rows.push_back(std::move(entry));
  }
  return rows;
}

Result<void> set_leaderboard_optin(storage::Connection& db, const Actor& actor,
                                   std::int64_t resident_id, bool show_name) {
  auto resident = registry::visible_resident(db, actor, resident_id);
  if (!resident) return resident.take_error();
  if (!may_choose_leaderboard_name(actor)) return forbidden("residents choose for themselves");
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<void> {
    db.execute("DELETE FROM points_leaderboard_optin WHERE resident_id = ?", {resident_id});
    db.execute(
        "INSERT INTO points_leaderboard_optin (community_id, resident_id, show_name) VALUES (?, ?, "
        "?)",
        {resident->community_id, resident_id, std::int64_t{show_name ? 1 : 0}});
    audit::append(db, actor,
                  {resident->community_id, "points.leaderboard_optin", "resident",
                   std::to_string(resident_id), boost::json::object{{"show_name", show_name}}});
    return {};
  });
}

std::int64_t expire_points(storage::Connection& db, std::int64_t now_ms) {
  std::int64_t expired = 0;
  for (const auto& setting : db.query("SELECT community_id, expiry_months FROM points_settings "
                                      "WHERE expiry_months IS NOT NULL")) {
    std::int64_t community_id = setting.integer(0);
    std::int64_t cutoff_ms = ledger::expiry_cutoff_ms(now_ms, setting.integer(1));
    for (const auto& account : db.query("SELECT id, resident_id FROM ledger_accounts WHERE "
                                        "community_id = ? AND kind = 'points' "
                                        "AND owner = 'resident' AND balance > 0",
                                        {community_id})) {
      std::int64_t account_id = account.integer(0);
      auto result = storage::transact(db, storage::TxMode::write, [&]() -> Result<std::int64_t> {
        std::int64_t old_credits = db.query_int(
            "SELECT COALESCE(SUM(amount), 0) FROM ledger_postings WHERE credit_account_id = ? AND "
            "created_ms < ?",
            {account_id, cutoff_ms});
        std::int64_t debits = db.query_int(
            "SELECT COALESCE(SUM(amount), 0) FROM ledger_postings WHERE debit_account_id = ?",
            {account_id});
        std::int64_t amount = ledger::expirable_points(old_credits, debits);
        if (amount == 0) return std::int64_t{0};
        ledger::PostingInput input;
        input.community_id = community_id;
        input.kind = ledger::Kind::points;
        input.debit_account_id = account_id;
        input.credit_account_id =
            ledger::community_account(db, community_id, ledger::Kind::points, ledger::Owner::expiry)
                .id;
        input.amount = amount;
        input.code = "expiry";
        input.memo = "积分过期 / points expired";
        auto posting = ledger::post(db, audit::system_actor(), input, now_ms);
        if (!posting) return posting.take_error();
        return amount;
      });
      if (result) expired += *result;
    }
  }
  return expired;
}

}  // namespace gz::points
