// The contribution-points bank (积分银行): awards by rule (attending a meeting, volunteering,
// sharing a skill), a redemption catalogue with stock and per-resident limits, corrections
// by reversing postings, optional expiry, and an opt-in leaderboard. All movements are
// postings on the ledger (modules/ledger); nothing here edits a balance directly.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/history.hpp"
#include "core/result.hpp"
#include "modules/ledger/ledger.hpp"
#include "modules/registry/registry.hpp"
#include "storage/database.hpp"

namespace gz::points {

struct Rule {
  std::string rule;
  std::string name_zh;
  ledger::Unit unit = ledger::Unit::event;
  std::int64_t points_per_unit = 0;
};
std::vector<Rule> list_rules(storage::Connection& db, std::int64_t community_id);
// A community's own earning rule (overrides the default of the same id). Staff and admins.
Result<Rule> set_rule(storage::Connection& db, const Actor& actor, std::int64_t community_id,
                      const Rule& rule);

struct Settings {
  std::optional<std::int64_t> expiry_months;   // nullopt: points never expire (the default)
  std::int64_t timebank_floor_minutes = -600;  // the time-bank debt cap
};
Settings settings(storage::Connection& db, std::int64_t community_id);
// Changing the debt cap applies to accounts opened afterwards and, for existing accounts,
// from the next confirmation on (their floor column is updated).
Result<Settings> set_settings(storage::Connection& db, const Actor& actor,
                              std::int64_t community_id, const Settings& value);

struct AwardInput {
  std::int64_t resident_id = 0;
  std::string rule;
  std::int64_t quantity = 1;
  std::string reference;  // the meeting or activity id
  std::optional<std::string> memo;
};
// Staff and guides award points (permissions.hpp: may_award), then post_awards' work. A batch
// is all-or-nothing in one transaction.
Result<std::vector<ledger::Posting>> award(storage::Connection& db, const Actor& actor,
                                           const std::vector<AwardInput>& awards,
                                           std::int64_t now_ms);
// The work behind award, without asking who may award: for a use case whose own rules decide
// that points are due (a participation check-in pays its attendee, whoever checks them in)
// and for the demos. Each award is checked as award checks it (the resident exists, else 404;
// 400 invalid_reference, unknown_rule, invalid_quantity, too_little) before anything is
// written; then all are posted in one transaction, a savepoint of the caller's when it has
// one, and recorded as the actor's.
Result<std::vector<ledger::Posting>> post_awards(storage::Connection& db, const Actor& actor,
                                                 const std::vector<AwardInput>& awards,
                                                 std::int64_t now_ms);

struct CatalogItem {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::string name;
  std::string category;
  std::int64_t price_points = 0;
  std::optional<std::int64_t> stock_total;  // nullopt: unlimited
  std::optional<std::int64_t> stock_remaining;
  std::optional<std::int64_t> limit_per_resident;
  std::optional<std::string> limit_period;
  std::optional<std::string> available_from;   // YYYY-MM-DD, inclusive
  std::optional<std::string> available_until;  // YYYY-MM-DD, inclusive
  bool active = true;
};
inline constexpr const char* kCatalogCategories[] = {"canteen_voucher",
                                                     "parking_discount",
                                                     "childcare_place",
                                                     "daily_goods",
                                                     "service_voucher",
                                                     "activity_ticket",
                                                     "other"};
Result<CatalogItem> add_catalog_item(storage::Connection& db, const Actor& actor, CatalogItem item);
Result<std::vector<CatalogItem>> list_catalog(storage::Connection& db, const Actor& actor,
                                              std::int64_t community_id);

struct Redemption {
  std::int64_t id = 0;
  std::int64_t item_id = 0;
  std::int64_t resident_id = 0;
  std::int64_t quantity = 0;
  std::int64_t points = 0;
  ledger::Posting posting;
  std::int64_t balance_after = 0;
  std::optional<std::int64_t> stock_remaining;
  std::string voucher_code;  // "K7QM-4XPD", shown where the item is taken
  std::string created_at;
};
// Atomic: stock, the per-resident limit and the balance are checked and changed together.
// Errors (409): out_of_stock, limit_reached, insufficient_points, not_available.
Result<Redemption> redeem(storage::Connection& db, const Actor& actor, std::int64_t resident_id,
                          std::int64_t item_id, std::int64_t quantity, std::int64_t now_ms);

// A reversing posting naming the one it corrects; a posting is corrected at most once.
Result<ledger::Posting> correct(storage::Connection& db, const Actor& actor,
                                std::int64_t posting_id, const std::string& reason,
                                std::int64_t now_ms);

struct AccountView {
  registry::ResidentRef resident;
  ledger::Account account;
  std::int64_t earned = 0;
  std::int64_t spent = 0;
};
// A resident's points account: 404 unless registry::visible_resident.
Result<AccountView> account_view(storage::Connection& db, const Actor& actor,
                                 std::int64_t resident_id);

struct LeaderboardRow {
  std::int64_t rank = 0;
  std::optional<std::int64_t> resident_id;  // only for residents who opted in
  std::string name;                         // "匿名居民" unless opted in
  std::int64_t points = 0;
};
Result<std::vector<LeaderboardRow>> leaderboard(storage::Connection& db, const Actor& actor,
                                                std::int64_t community_id, std::int64_t from_ms,
                                                std::int64_t to_ms, std::int64_t limit);
Result<void> set_leaderboard_optin(storage::Connection& db, const Actor& actor,
                                   std::int64_t resident_id, bool show_name);

// The expiry job: where a community sets expiry_months, unspent points older than that move
// to the community's expiry account. Returns points expired.
std::int64_t expire_points(storage::Connection& db, std::int64_t now_ms);

// A redemption's voucher as whoever checks it sees it.
struct Voucher {
  std::int64_t redemption_id = 0;
  std::int64_t community_id = 0;
  std::string code;  // "K7QM-4XPD"
  std::int64_t item_id = 0;
  std::string item_name;
  std::int64_t quantity = 0;
  std::int64_t points = 0;
  std::int64_t resident_id = 0;
  std::string resident_name;  // masked (王**) for anyone but the household
  std::string created_at;
  std::optional<std::string> used_at;
  bool void_ = false;  // the redemption was corrected: points back, no item
};
// Guides and staff of the community (who hand the items out), admins, and the household the
// voucher belongs to; 404 for any other and for a code that is not one.
Result<Voucher> check_voucher(storage::Connection& db, const Actor& actor,
                              const std::string& typed_code);
// Guides and staff of the community, admins: once (409 voucher_used, voucher_void).
Result<Voucher> use_voucher(storage::Connection& db, const Actor& actor,
                            const std::string& typed_code, std::int64_t now_ms);
// A resident's redemptions with their vouchers, newest first (registry::visible_resident).
Result<std::vector<Voucher>> resident_vouchers(storage::Connection& db, const Actor& actor,
                                               std::int64_t resident_id);

// Points postings to and from a household's members, newest first (no permission check; the
// household timeline checks). `kind` "points.<code>", `title` the rule or item, `amount`
// signed (+ earned, − spent).
std::vector<HistoryItem> household_history(storage::Connection& db, std::int64_t household_id,
                                           std::int64_t limit);

}  // namespace gz::points
