#include "modules/ledger/ledger.hpp"

#include <boost/json.hpp>
#include <map>

#include "core/clock.hpp"
#include "core/json.hpp"
#include "modules/audit/audit_log.hpp"

namespace gz::ledger {
namespace {

constexpr std::int64_t kDefaultTimebankFloorMinutes = -600;

std::optional<Kind> parse_kind(std::string_view name) {
  if (name == "points") return Kind::points;
  if (name == "minutes") return Kind::minutes;
  return std::nullopt;
}

std::optional<Owner> parse_owner(std::string_view name) {
  for (auto owner :
       {Owner::resident, Owner::issuance, Owner::redemption, Owner::expiry, Owner::timebank_pool}) {
    if (owner_name(owner) == name) return owner;
  }
  return std::nullopt;
}

constexpr const char* kAccountColumns =
    "SELECT id, community_id, kind, owner, resident_id, floor, balance FROM ledger_accounts";

Account account_from(const storage::Row& row) {
  Account account;
  account.id = row.integer(0);
  account.community_id = row.integer(1);
  account.kind = parse_kind(row.text(2)).value_or(Kind::points);
  account.owner = parse_owner(row.text(3)).value_or(Owner::resident);
  account.resident_id = row.opt_integer(4);
  account.floor = row.opt_integer(5);
  account.balance = row.integer(6);
  return account;
}

constexpr const char* kPostingColumns =
    "SELECT id, community_id, kind, debit_account_id, credit_account_id, amount, code, rule, "
    "reference, corrects_posting_id, memo, created_at, created_ms, created_by_user_id FROM "
    "ledger_postings";

Posting posting_from(const storage::Row& row) {
  Posting posting;
  posting.id = row.integer(0);
  posting.community_id = row.integer(1);
  posting.kind = parse_kind(row.text(2)).value_or(Kind::points);
  posting.debit_account_id = row.integer(3);
  posting.credit_account_id = row.integer(4);
  posting.amount = row.integer(5);
  posting.code = row.text(6);
  posting.rule = row.opt_text(7);
  posting.reference = row.opt_text(8);
  posting.corrects_posting_id = row.opt_integer(9);
  posting.memo = row.opt_text(10);
  posting.created_at = row.text(11);
  posting.created_ms = row.integer(12);
  posting.created_by_user_id = row.opt_integer(13);
  return posting;
}

// The fields of a posting the audit chain keeps; verify compares them with the row.
boost::json::object posting_record(const Posting& posting) {
  boost::json::object record{{"id", posting.id},
                             {"kind", kind_name(posting.kind)},
                             {"debit", posting.debit_account_id},
                             {"credit", posting.credit_account_id},
                             {"amount", posting.amount},
                             {"code", posting.code},
                             {"created_ms", posting.created_ms}};
  record["rule"] = posting.rule ? boost::json::value(*posting.rule) : boost::json::value(nullptr);
  record["reference"] =
      posting.reference ? boost::json::value(*posting.reference) : boost::json::value(nullptr);
  record["corrects"] = posting.corrects_posting_id
                           ? boost::json::value(*posting.corrects_posting_id)
                           : boost::json::value(nullptr);
  return record;
}

Account ensure(storage::Connection& db, std::int64_t community_id, Kind kind, Owner owner,
               std::optional<std::int64_t> resident_id, std::optional<std::int64_t> floor) {
  std::string where = resident_id ? " WHERE kind = ? AND resident_id = ?"
                                  : " WHERE community_id = ? AND kind = ? AND owner = ? AND "
                                    "resident_id IS NULL";
  std::vector<storage::Value> params =
      resident_id ? std::vector<storage::Value>{std::string(kind_name(kind)), *resident_id}
                  : std::vector<storage::Value>{community_id, std::string(kind_name(kind)),
                                                std::string(owner_name(owner))};
  if (auto row = db.query_one(std::string(kAccountColumns) + where, params))
    return account_from(*row);
  // Two first uses at once: the loser's insert does nothing and it reads the winner's row.
  bool opened = db.execute(
                    "INSERT INTO ledger_accounts (community_id, kind, owner, resident_id, floor, "
                    "balance, created_at) VALUES (?, ?, ?, ?, ?, 0, ?) ON CONFLICT DO NOTHING",
                    {community_id, std::string(kind_name(kind)), std::string(owner_name(owner)),
                     storage::opt_int(resident_id), storage::opt_int(floor), now_iso8601()}) == 1;
  Account account = account_from(*db.query_one(std::string(kAccountColumns) + where, params));
  if (opened) {
    // Whose account it is goes on record: verify then catches an account handed to another
    // resident in the database. Within a batch this joins the batch's appender.
    boost::json::object change{{"kind", kind_name(kind)}, {"owner", owner_name(owner)}};
    change["resident_id"] = resident_id ? boost::json::value(*resident_id) : nullptr;
    change["floor"] = floor ? boost::json::value(*floor) : nullptr;
    audit::append(db, audit::system_actor(),
                  {community_id,
                   "ledger.account_open",
                   "ledger_account",
                   std::to_string(account.id),
                   change,
                   {{&account_rows(), account.id}}});
  }
  return account;
}

}  // namespace

const audit::Tracked& account_rows() {
  static const audit::Tracked table{
      "ledger_accounts",
      "id",
      "SELECT id, community_id, kind, owner, resident_id, floor FROM ledger_accounts",
      {"community_id", "kind", "owner", "resident_id", "floor"},
      {},
      {}};
  return table;
}

std::string_view kind_name(Kind kind) {
  return kind == Kind::points ? "points" : "minutes";
}

std::string_view owner_name(Owner owner) {
  switch (owner) {
    case Owner::resident:
      return "resident";
    case Owner::issuance:
      return "issuance";
    case Owner::redemption:
      return "redemption";
    case Owner::expiry:
      return "expiry";
    case Owner::timebank_pool:
      return "timebank_pool";
  }
  return "resident";
}

Account resident_account(storage::Connection& db, std::int64_t community_id, Kind kind,
                         std::int64_t resident_id) {
  std::int64_t floor = 0;
  if (kind == Kind::minutes) {
    auto setting =
        db.query_one("SELECT timebank_floor_minutes FROM points_settings WHERE community_id = ?",
                     {community_id});
    floor = setting ? setting->integer(0) : kDefaultTimebankFloorMinutes;
  }
  return ensure(db, community_id, kind, Owner::resident, resident_id, floor);
}

Account community_account(storage::Connection& db, std::int64_t community_id, Kind kind,
                          Owner owner) {
  return ensure(db, community_id, kind, owner, std::nullopt, std::nullopt);
}

std::optional<Account> find_resident_account(storage::Connection& db, Kind kind,
                                             std::int64_t resident_id) {
  auto row = db.query_one(std::string(kAccountColumns) + " WHERE kind = ? AND resident_id = ?",
                          {std::string(kind_name(kind)), resident_id});
  if (!row) return std::nullopt;
  return account_from(*row);
}

Result<Posting> post(storage::Connection& db, const Actor& actor, const PostingInput& input,
                     std::int64_t now_ms, audit::Appender* appender) {
  if (input.amount <= 0) return bad_request("invalid_amount", "a posting moves a positive amount");
  if (input.debit_account_id == input.credit_account_id) {
    return bad_request("same_account", "a posting needs two different accounts");
  }
  for (std::int64_t id : {input.debit_account_id, input.credit_account_id}) {
    if (input.accounts_checked) break;
    auto row = db.query_one("SELECT community_id, kind FROM ledger_accounts WHERE id = ?", {id});
    if (!row || row->integer(0) != input.community_id || row->text(1) != kind_name(input.kind)) {
      return bad_request("invalid_account", "both accounts must be of the same kind and community");
    }
  }
  // Awards always name their rule; the lookup matches the partial unique index.
  if (input.code == "award" && input.reference && input.rule &&
      db.query_one("SELECT id FROM ledger_postings WHERE credit_account_id = ? AND rule = ? AND "
                   "reference = ? AND code = 'award'",
                   {input.credit_account_id, *input.rule, *input.reference})) {
    return conflict("duplicate_award", "this resident was already awarded for this reference");
  }
  // The debit first: a conditional update, so the floor holds under any concurrency (the row
  // lock orders concurrent debits; each sees the balance the previous one left).
  std::int64_t changed =
      input.defer_debit_update ? 1
      : input.keep_debit_nonnegative
          ? db.execute(
                "UPDATE ledger_accounts SET balance = balance - ? WHERE id = ? AND "
                "balance - ? >= 0",
                {input.amount, input.debit_account_id, input.amount})
          : db.execute(
                "UPDATE ledger_accounts SET balance = balance - ? WHERE id = ? AND (floor "
                "IS NULL OR balance - ? >= floor)",
                {input.amount, input.debit_account_id, input.amount});
  if (changed != 1) {
    return conflict(input.floor_error_code, input.kind == Kind::points
                                                ? "not enough points for this"
                                                : "this would pass the time-bank debt limit");
  }
  db.execute("UPDATE ledger_accounts SET balance = balance + ? WHERE id = ?",
             {input.amount, input.credit_account_id});
  Posting posting;
  posting.community_id = input.community_id;
  posting.kind = input.kind;
  posting.debit_account_id = input.debit_account_id;
  posting.credit_account_id = input.credit_account_id;
  posting.amount = input.amount;
  posting.code = input.code;
  posting.rule = input.rule;
  posting.reference = input.reference;
  posting.corrects_posting_id = input.corrects_posting_id;
  posting.memo = input.memo;
  posting.created_at = format_iso8601(now_ms);
  posting.created_ms = now_ms;
  if (actor.user_id > 0) posting.created_by_user_id = actor.user_id;
  posting.id =
      db.query_one(
            "INSERT INTO ledger_postings (community_id, kind, debit_account_id, "
            "credit_account_id, amount, code, rule, reference, corrects_posting_id, memo, "
            "created_at, created_ms, created_by_user_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?, ?, ?, ?) RETURNING id",
            {posting.community_id, std::string(kind_name(posting.kind)), posting.debit_account_id,
             posting.credit_account_id, posting.amount, posting.code,
             storage::opt_text(posting.rule), storage::opt_text(posting.reference),
             storage::opt_int(posting.corrects_posting_id), storage::opt_text(posting.memo),
             posting.created_at, posting.created_ms, storage::opt_int(posting.created_by_user_id)})
          ->integer(0);
  audit::Record record{posting.community_id, "ledger.post", "posting", std::to_string(posting.id),
                       posting_record(posting)};
  if (appender) {
    appender->append(actor, record);
  } else {
    audit::append(db, actor, record);
  }
  return posting;
}

void apply_deferred_debit(storage::Connection& db, std::int64_t account_id, std::int64_t amount) {
  if (amount == 0) return;
  // Only floorless accounts may defer; anything else fails the whole transaction.
  if (db.execute("UPDATE ledger_accounts SET balance = balance - ? WHERE id = ? AND floor IS NULL",
                 {amount, account_id}) != 1) {
    throw storage::DbError(storage::DbErrorKind::other,
                           "deferred debits applied to an account with a floor");
  }
}

std::optional<Posting> load_posting(storage::Connection& db, std::int64_t posting_id) {
  auto row = db.query_one(std::string(kPostingColumns) + " WHERE id = ?", {posting_id});
  if (!row) return std::nullopt;
  return posting_from(*row);
}

Statement statement(storage::Connection& db, std::int64_t account_id, std::int64_t limit,
                    std::int64_t before_id) {
  Statement out;
  for (const auto& row : db.query(std::string(kPostingColumns) +
                                      " WHERE (debit_account_id = ? OR credit_account_id = ?) AND "
                                      "id < ? ORDER BY id DESC LIMIT ?",
                                  {account_id, account_id, before_id, limit})) {
    Posting posting = posting_from(row);
    std::int64_t signed_amount =
        posting.credit_account_id == account_id ? posting.amount : -posting.amount;
    out.lines.emplace_back(std::move(posting), signed_amount);
  }
  out.total = static_cast<std::int64_t>(out.lines.size());
  return out;
}

AccountSummary resident_account_summary(storage::Connection& db, std::int64_t community_id,
                                        Kind kind, std::int64_t resident_id) {
  AccountSummary summary;
  auto account = find_resident_account(db, kind, resident_id);
  if (!account) {
    summary.account.community_id = community_id;
    summary.account.kind = kind;
    summary.account.resident_id = resident_id;
    return summary;
  }
  summary.account = *account;
  summary.credited = db.query_int(
      "SELECT COALESCE(SUM(amount), 0) FROM ledger_postings WHERE credit_account_id = ?",
      {account->id});
  summary.debited = db.query_int(
      "SELECT COALESCE(SUM(amount), 0) FROM ledger_postings WHERE debit_account_id = ?",
      {account->id});
  return summary;
}

BalanceCheck verify_balances(storage::Connection& db) {
  BalanceCheck check;
  std::map<std::int64_t, std::int64_t> derived;
  std::map<std::int64_t, std::string> audit_records;
  for (const auto& row : db.query(
           "SELECT object_id, change FROM audit_log WHERE object_type = 'posting' AND action = "
           "'ledger.post'")) {
    audit_records[std::stoll(row.text(0))] = row.text(1);
  }
  std::int64_t after = 0;
  for (;;) {
    auto rows =
        db.query(std::string(kPostingColumns) + " WHERE id > ? ORDER BY id LIMIT 5000", {after});
    for (const auto& row : rows) {
      Posting posting = posting_from(row);
      after = posting.id;
      ++check.postings;
      derived[posting.debit_account_id] -= posting.amount;
      derived[posting.credit_account_id] += posting.amount;
      auto record = audit_records.find(posting.id);
      if (check.ok && (record == audit_records.end() ||
                       record->second != canonical_json(posting_record(posting)))) {
        check.ok = false;
        check.message = "posting " + std::to_string(posting.id) +
                        " differs from its entry in the audit chain (edited or inserted)";
      }
      if (record != audit_records.end()) audit_records.erase(record);
    }
    if (rows.size() < 5000) break;
  }
  if (check.ok && !audit_records.empty()) {
    check.ok = false;
    check.message = "posting " + std::to_string(audit_records.begin()->first) +
                    " is in the audit chain but missing from the ledger (deleted)";
  }
  std::map<std::string, std::int64_t> sum_by_kind;
  for (const auto& row : db.query("SELECT id, kind, balance FROM ledger_accounts ORDER BY id")) {
    ++check.accounts;
    std::int64_t id = row.integer(0);
    sum_by_kind[row.text(1)] += row.integer(2);
    if (check.ok && derived[id] != row.integer(2)) {
      check.ok = false;
      check.message = "account " + std::to_string(id) + " holds " + row.text(2) +
                      " but its postings sum to " + std::to_string(derived[id]);
    }
  }
  for (const auto& [kind, sum] : sum_by_kind) {
    if (check.ok && sum != 0) {
      check.ok = false;
      check.message = "the " + kind + " balances sum to " + std::to_string(sum) + ", not zero";
    }
  }
  return check;
}

}  // namespace gz::ledger
