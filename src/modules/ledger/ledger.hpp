// The double-entry ledger under the points bank, the time bank and the property fund
// (TigerBeetle's rules): a posting moves a positive integer amount (points, minutes or fen)
// from one account to another of the same kind and community; postings are never updated or
// deleted (a correction is a new, reversing posting naming the one it corrects); an account
// with a floor never goes below it; the stored balance of every account equals the sum of its
// postings, and the balances of each kind sum to zero. Every posting is also an entry in the
// audit chain, whose copy of the posting lets `ledger verify` catch an edited row.
//
// Residents' accounts and the points bank's community accounts have fixed owners; a module
// that keeps accounts of its own names them (the property fund's trust_fund,
// expense:<category>, …) and gives each its floor when it opens it.
//
// This header is the module's contract: other modules include it (it brings the pure rules,
// rules.hpp), never the files behind it.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/actor.hpp"
#include "core/result.hpp"
#include "modules/audit/audit.hpp"
#include "modules/ledger/rules.hpp"
#include "storage/database.hpp"

namespace gz::ledger {

// Accounts as the audit chain records them (modules/audit/tracked.hpp): whose they are (a
// named account's name rides in its owner field, "named:trust_fund"), their kind and floor.
// Not the balance: verify_balances re-derives it from the postings.
const audit::Tracked& account_rows();

enum class Kind { points, minutes, fen };
enum class Owner { resident, issuance, redemption, expiry, timebank_pool, named };

std::string_view kind_name(Kind kind);
std::string_view owner_name(Owner owner);
// How messages call a kind's rows: "points", "time-bank", "fund".
std::string_view kind_label(Kind kind);

struct Account {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  Kind kind = Kind::points;
  Owner owner = Owner::resident;
  std::optional<std::int64_t> resident_id;
  std::optional<std::string> name;  // named accounts only
  std::optional<std::int64_t> floor;
  std::int64_t balance = 0;
};

// The account of a resident (floor 0 for points, the community's debt cap for minutes) or
// of the community (no floor), created on first use.
Account resident_account(storage::Connection& db, std::int64_t community_id, Kind kind,
                         std::int64_t resident_id);
Account community_account(storage::Connection& db, std::int64_t community_id, Kind kind,
                          Owner owner);
std::optional<Account> find_resident_account(storage::Connection& db, Kind kind,
                                             std::int64_t resident_id);

// For named accounts: no floor.
inline constexpr std::optional<std::int64_t> kNoFloor = std::nullopt;
// A community's account named by the module that keeps it, created on first use with this
// floor (kNoFloor: unbounded). The floor belongs to the account: a later call does not change it.
Account named_account(storage::Connection& db, std::int64_t community_id, Kind kind,
                      const std::string& name, std::optional<std::int64_t> floor);
// A community's named accounts of one kind, by name.
std::vector<Account> named_accounts(storage::Connection& db, std::int64_t community_id, Kind kind);

struct PostingInput {
  std::int64_t community_id = 0;
  Kind kind = Kind::points;
  std::int64_t debit_account_id = 0;
  std::int64_t credit_account_id = 0;
  std::int64_t amount = 0;
  // award, redemption, correction, expiry, timebank_service, timebank_transfer (points and
  // minutes); fee_payment, expense, revenue_share (fen)
  std::string code;
  std::optional<std::string> rule;
  // Money: required, and one posting per community, code and reference.
  std::optional<std::string> reference;
  std::optional<std::int64_t> corrects_posting_id;
  std::optional<std::string> memo;
  // The error when the debit would cross the account's floor.
  std::string floor_error_code = "insufficient_points";
  // Stricter than the floor: the debit may not go below zero (a time-bank transfer may give
  // away only banked time, never debt).
  bool keep_debit_nonnegative = false;
  // The caller took both accounts from resident_account()/community_account() for this
  // community and kind in this transaction, so they need not be looked up again.
  bool accounts_checked = false;
  // For an account without a floor (issuance): the caller adds up the debits of a batch and
  // applies them once with apply_deferred_debit(), instead of rewriting one hot row per posting.
  bool defer_debit_update = false;
};

// A posting in fen between two of a community's accounts (taken in the caller's transaction):
// the money modules (the property fund, the co-funding platform) build theirs here; a debit
// past the debit account's floor answers 409 with `floor_error_code`.
PostingInput fen_posting(std::int64_t community_id, const Account& debit, const Account& credit,
                         std::int64_t amount, const std::string& code, const std::string& reference,
                         const std::string& memo, const std::string& floor_error_code);

// Applies a batch's deferred debits to an account that has no floor.
void apply_deferred_debit(storage::Connection& db, std::int64_t account_id, std::int64_t amount);

struct Posting {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  Kind kind = Kind::points;
  std::int64_t debit_account_id = 0;
  std::int64_t credit_account_id = 0;
  std::int64_t amount = 0;
  std::string code;
  std::optional<std::string> rule;
  std::optional<std::string> reference;
  std::optional<std::int64_t> corrects_posting_id;
  std::optional<std::string> memo;
  std::string created_at;
  std::int64_t created_ms = 0;
  std::optional<std::int64_t> created_by_user_id;
};

// Must run inside the caller's write transaction (storage::transact), which it relies on to
// roll back when a later step fails. Errors: conflict with floor_error_code when the debit
// would cross the floor; conflict "duplicate_award" for a second award of one reference;
// conflict "duplicate_posting" for a second money posting of one code and reference.
// A batch passes one audit::Appender for all its postings (and calls finish() once).
Result<Posting> post(storage::Connection& db, const Actor& actor, const PostingInput& input,
                     std::int64_t now_ms, audit::Appender* appender = nullptr);

std::optional<Posting> load_posting(storage::Connection& db, std::int64_t posting_id);
// An account's postings, newest first, with the signed amount for that account.
struct Statement {
  std::vector<std::pair<Posting, std::int64_t>> lines;  // posting, signed amount
  std::int64_t total = 0;
};
Statement statement(storage::Connection& db, std::int64_t account_id, std::int64_t limit,
                    std::int64_t before_id);
// A resident's account of a kind with what it has received (its credits) and given (its
// debits) over its life, their "earned" and "spent"; before the account is opened, an empty
// one (id 0, balance 0, no floor). No permission check: the module showing it asks first.
struct AccountSummary {
  Account account;
  std::int64_t credited = 0;
  std::int64_t debited = 0;
};
AccountSummary resident_account_summary(storage::Connection& db, std::int64_t community_id,
                                        Kind kind, std::int64_t resident_id);

// A posting with the names of its accounts ("" for an account without one).
struct NamedPosting {
  Posting posting;
  std::string debit;
  std::string credit;
};
// A community's postings of one kind, newest first, those before before_id; with
// `skip_prefix`, not those whose debit account's name starts with it (another module's
// accounts: the fund's page leaves out the co-funding platform's "cofund:" postings).
std::vector<NamedPosting> community_postings(storage::Connection& db, std::int64_t community_id,
                                             Kind kind, std::int64_t limit, std::int64_t before_id,
                                             const std::string& skip_prefix = "");

struct KindCheck {
  bool ok = true;
  std::int64_t accounts = 0;
  std::int64_t postings = 0;
  std::string message;  // the first problem found
};
struct BalanceCheck {
  bool ok = true;  // every kind checked
  std::int64_t accounts = 0;
  std::int64_t postings = 0;
  std::string message;  // the first problem found
  std::map<Kind, KindCheck> kinds;
};
// Re-derives every balance from the postings alone, checks each kind sums to zero and no
// money account is below its floor, and compares each posting with its copy in the audit
// chain. Every kind, or only `only`.
BalanceCheck verify_balances(storage::Connection& db, std::optional<Kind> only = std::nullopt);

// The JSON form of a posting, as every route that shows ledger lines answers it (points,
// time bank): id, kind, both accounts, amount, code, rule, reference, the posting it
// corrects, memo and time.
boost::json::object posting_json(const Posting& posting);

}  // namespace gz::ledger
