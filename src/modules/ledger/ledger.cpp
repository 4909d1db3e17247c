#include "modules/ledger/ledger.hpp"

#include <boost/json.hpp>
#include <map>

#include "core/clock.hpp"
#include "core/json.hpp"
#include "modules/audit/audit.hpp"
#include "modules/ledger/records.hpp"

namespace gz::ledger {
namespace {

constexpr std::int64_t kDefaultTimebankFloorMinutes = -600;

constexpr Kind kKinds[] = {Kind::points, Kind::minutes, Kind::fen};

std::optional<Kind> parse_kind(std::string_view name) {
  for (auto kind : kKinds) {
    if (kind_name(kind) == name) return kind;
  }
  return std::nullopt;
}

std::optional<Owner> parse_owner(std::string_view name) {
  for (auto owner : {Owner::resident, Owner::issuance, Owner::redemption, Owner::expiry,
                     Owner::timebank_pool, Owner::named}) {
    if (owner_name(owner) == name) return owner;
  }
  return std::nullopt;
}

constexpr const char* kAccountColumns =
    "SELECT id, community_id, kind, owner, resident_id, floor, balance, name FROM "
    "ledger_accounts";

Account account_from(const storage::Row& row) {
  Account account;
  account.id = row.integer(0);
  account.community_id = row.integer(1);
  account.kind = parse_kind(row.text(2)).value_or(Kind::points);
  account.owner = parse_owner(row.text(3)).value_or(Owner::resident);
  account.resident_id = row.opt_integer(4);
  account.floor = row.opt_integer(5);
  account.balance = row.integer(6);
  account.name = row.opt_text(7);
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

std::string floor_message(storage::Connection& db, const PostingInput& input) {
  switch (input.kind) {
    case Kind::points:
      return "not enough points for this";
    case Kind::minutes:
      return "this would pass the time-bank debt limit";
    case Kind::fen:
      break;
  }
  auto row =
      db.query_one("SELECT name FROM ledger_accounts WHERE id = ?", {input.debit_account_id});
  std::string name = row ? row->opt_text(0).value_or("") : "";
  return "the account " + name + " holds too little for this";
}

// The account of a resident, of a fixed community owner, or named: found, or opened (and put
// on record) on first use.
Account ensure(storage::Connection& db, std::int64_t community_id, Kind kind, Owner owner,
               std::optional<std::int64_t> resident_id, const std::optional<std::string>& name,
               std::optional<std::int64_t> floor) {
  std::string where;
  std::vector<storage::Value> params;
  if (resident_id) {
    where = " WHERE kind = ? AND resident_id = ?";
    params = {std::string(kind_name(kind)), *resident_id};
  } else if (name) {
    where = " WHERE community_id = ? AND kind = ? AND name = ?";
    params = {community_id, std::string(kind_name(kind)), *name};
  } else {
    where =
        " WHERE community_id = ? AND kind = ? AND owner = ? AND resident_id IS NULL AND name IS "
        "NULL";
    params = {community_id, std::string(kind_name(kind)), std::string(owner_name(owner))};
  }
  if (auto row = db.query_one(std::string(kAccountColumns) + where, params))
    return account_from(*row);
  // Two first uses at once: the loser's insert does nothing and it reads the winner's row.
  bool opened = db.execute(
                    "INSERT INTO ledger_accounts (community_id, kind, owner, resident_id, name, "
                    "floor, balance, created_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?) ON CONFLICT DO "
                    "NOTHING",
                    {community_id, std::string(kind_name(kind)), std::string(owner_name(owner)),
                     storage::opt_int(resident_id), storage::opt_text(name),
                     storage::opt_int(floor), now_iso8601()}) == 1;
  Account account = account_from(*db.query_one(std::string(kAccountColumns) + where, params));
  // Whose account it is goes on record: verify then catches an account handed to another
  // resident in the database. Within a batch this joins the batch's appender.
  if (opened) audit::append(db, audit::system_actor(), account_open_record(account));
  return account;
}

}  // namespace

const audit::Tracked& account_rows() {
  // The name rides in the owner field ("named:trust_fund"; NULL || text is NULL in both
  // engines), so what the chain recorded of the accounts from before names stays as it was.
  static const audit::Tracked table{
      "ledger_accounts",
      "id",
      "SELECT id, community_id, kind, COALESCE(owner || ':' || name, owner), resident_id, floor "
      "FROM ledger_accounts",
      {"community_id", "kind", "owner", "resident_id", "floor"},
      {},
      {}};
  return table;
}

std::string_view kind_name(Kind kind) {
  switch (kind) {
    case Kind::points:
      return "points";
    case Kind::minutes:
      return "minutes";
    case Kind::fen:
      return "fen";
  }
  return "points";
}

std::string_view kind_label(Kind kind) {
  switch (kind) {
    case Kind::points:
      return "points";
    case Kind::minutes:
      return "time-bank";
    case Kind::fen:
      return "fund";
  }
  return "points";
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
    case Owner::named:
      return "named";
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
  return ensure(db, community_id, kind, Owner::resident, resident_id, std::nullopt, floor);
}

Account community_account(storage::Connection& db, std::int64_t community_id, Kind kind,
                          Owner owner) {
  return ensure(db, community_id, kind, owner, std::nullopt, std::nullopt, std::nullopt);
}

Account named_account(storage::Connection& db, std::int64_t community_id, Kind kind,
                      const std::string& name, std::optional<std::int64_t> floor) {
  return ensure(db, community_id, kind, Owner::named, std::nullopt, name, floor);
}

std::vector<Account> named_accounts(storage::Connection& db, std::int64_t community_id, Kind kind) {
  std::vector<Account> out;
  for (const auto& row : db.query(std::string(kAccountColumns) +
                                      " WHERE community_id = ? AND kind = ? AND name IS NOT NULL "
                                      "ORDER BY name",
                                  {community_id, std::string(kind_name(kind))})) {
    out.push_back(account_from(row));
  }
  return out;
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
  if (input.kind == Kind::fen && !input.reference) {
    return bad_request("missing_reference", "a money posting names what it is for");
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
  if (changed != 1) return conflict(input.floor_error_code, floor_message(db, input));
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
  try {
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
               posting.created_at, posting.created_ms,
               storage::opt_int(posting.created_by_user_id)})
            ->integer(0);
  } catch (const storage::DbError& error) {
    // Money is posted once per code and reference (a unique index): the retry that raced
    // past its caller's own check. The caller's transaction rolls back with this error.
    if (input.kind == Kind::fen && error.kind() == storage::DbErrorKind::unique_violation) {
      return conflict("duplicate_posting", "this " + input.code + " was posted already");
    }
    throw;
  }
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

std::vector<NamedPosting> community_postings(storage::Connection& db, std::int64_t community_id,
                                             Kind kind, std::int64_t limit, std::int64_t before_id,
                                             const std::string& skip_prefix) {
  std::vector<NamedPosting> out;
  std::map<std::int64_t, std::string> names;
  std::string skip;
  std::vector<storage::Value> params{community_id, std::string(kind_name(kind)), before_id};
  if (!skip_prefix.empty()) {
    skip =
        " AND debit_account_id NOT IN (SELECT id FROM ledger_accounts WHERE community_id = ? "
        "AND SUBSTR(COALESCE(name, ''), 1, ?) = ?)";
    params.insert(params.end(),
                  {community_id, static_cast<std::int64_t>(skip_prefix.size()), skip_prefix});
  }
  params.push_back(limit);
  for (const auto& row :
       db.query(std::string(kPostingColumns) + " WHERE community_id = ? AND kind = ? AND id < ?" +
                    skip + " ORDER BY id DESC LIMIT ?",
                params)) {
    out.push_back({posting_from(row), "", ""});
  }
  if (out.empty()) return out;
  for (const auto& row :
       db.query("SELECT id, name FROM ledger_accounts WHERE community_id = ? AND kind = ?",
                {community_id, std::string(kind_name(kind))})) {
    names[row.integer(0)] = row.opt_text(1).value_or("");
  }
  for (auto& line : out) {
    line.debit = names[line.posting.debit_account_id];
    line.credit = names[line.posting.credit_account_id];
  }
  return out;
}

namespace {

// Notes the first problem of a kind (and of the whole check).
void fail(BalanceCheck& check, Kind kind, const std::string& message) {
  KindCheck& of_kind = check.kinds[kind];
  if (of_kind.ok) {
    of_kind.ok = false;
    of_kind.message = message;
  }
  if (check.ok) {
    check.ok = false;
    check.message = message;
  }
}

std::string posting_name(Kind kind, std::int64_t id) {
  return std::string(kind_label(kind)) + " posting " + std::to_string(id);
}

}  // namespace

BalanceCheck verify_balances(storage::Connection& db, std::optional<Kind> only) {
  BalanceCheck check;
  for (auto kind : kKinds) {
    if (!only || kind == *only) check.kinds[kind] = {};
  }
  // The chain's copies of the postings, by id. For one kind only, those whose canonical JSON
  // holds that kind (no string inside a record can hold the unescaped quotes of this text).
  std::string kind_filter;
  std::vector<storage::Value> kind_param;
  if (only) {
    std::string pair = canonical_json(boost::json::object{{"kind", kind_name(*only)}});
    kind_filter = " AND change LIKE ?";
    kind_param.emplace_back("%" + pair.substr(1, pair.size() - 2) + "%");
  }
  std::map<std::int64_t, std::string> audit_records;
  for (const auto& row :
       db.query("SELECT object_id, change FROM audit_log WHERE object_type = 'posting' AND action "
                "= 'ledger.post'" +
                    kind_filter,
                kind_param)) {
    audit_records[std::stoll(row.text(0))] = row.text(1);
  }
  std::map<std::int64_t, std::int64_t> derived;
  std::int64_t after = 0;
  for (;;) {
    std::vector<storage::Value> params{after};
    std::string where = " WHERE id > ?";
    if (only) {
      where += " AND kind = ?";
      params.emplace_back(std::string(kind_name(*only)));
    }
    auto rows = db.query(std::string(kPostingColumns) + where + " ORDER BY id LIMIT 5000", params);
    for (const auto& row : rows) {
      Posting posting = posting_from(row);
      after = posting.id;
      ++check.postings;
      ++check.kinds[posting.kind].postings;
      derived[posting.debit_account_id] -= posting.amount;
      derived[posting.credit_account_id] += posting.amount;
      auto record = audit_records.find(posting.id);
      if (record == audit_records.end() ||
          record->second != canonical_json(posting_record(posting))) {
        fail(check, posting.kind,
             posting_name(posting.kind, posting.id) +
                 " differs from its entry in the audit chain (edited or inserted)");
      }
      if (record != audit_records.end()) audit_records.erase(record);
    }
    if (rows.size() < 5000) break;
  }
  for (const auto& [id, text] : audit_records) {
    // Only the leftovers are read: the kind they were posted in.
    Kind kind = only.value_or(Kind::points);
    boost::system::error_code error;
    auto parsed = boost::json::parse(text, error);
    if (!error && parsed.is_object()) {
      if (auto* name = parsed.get_object().if_contains("kind"); name && name->is_string()) {
        kind = parse_kind(name->get_string()).value_or(kind);
      }
    }
    fail(check, kind,
         posting_name(kind, id) + " is in the audit chain but missing from the ledger (deleted)");
  }
  std::string accounts_sql = "SELECT id, kind, balance, floor FROM ledger_accounts";
  std::vector<storage::Value> accounts_params;
  if (only) {
    accounts_sql += " WHERE kind = ?";
    accounts_params.emplace_back(std::string(kind_name(*only)));
  }
  std::map<Kind, std::int64_t> sum_by_kind;
  for (const auto& row : db.query(accounts_sql + " ORDER BY id", accounts_params)) {
    std::int64_t id = row.integer(0);
    Kind kind = parse_kind(row.text(1)).value_or(Kind::points);
    std::int64_t balance = row.integer(2);
    std::string account = std::string(kind_label(kind)) + " account " + std::to_string(id);
    ++check.accounts;
    ++check.kinds[kind].accounts;
    sum_by_kind[kind] += balance;
    if (derived[id] != balance) {
      fail(check, kind,
           account + " holds " + std::to_string(balance) + " but its postings sum to " +
               std::to_string(derived[id]));
    }
    // Money floors never move (a time-bank floor follows its setting, which may rise above a
    // debt already run up).
    auto floor = row.opt_integer(3);
    if (kind == Kind::fen && floor && balance < *floor) {
      fail(check, kind, account + " is below its floor");
    }
  }
  for (const auto& [kind, sum] : sum_by_kind) {
    if (sum != 0) {
      fail(check, kind,
           "the " + std::string(kind_name(kind)) + " balances sum to " + std::to_string(sum) +
               ", not zero");
    }
  }
  return check;
}

PostingInput fen_posting(std::int64_t community_id, const Account& debit, const Account& credit,
                         std::int64_t amount, const std::string& code, const std::string& reference,
                         const std::string& memo, const std::string& floor_error_code) {
  PostingInput input;
  input.community_id = community_id;
  input.kind = Kind::fen;
  input.debit_account_id = debit.id;
  input.credit_account_id = credit.id;
  input.amount = amount;
  input.code = code;
  input.reference = reference;
  input.memo = memo;
  input.floor_error_code = floor_error_code;
  input.accounts_checked = debit.community_id == community_id &&
                           credit.community_id == community_id && debit.kind == Kind::fen &&
                           credit.kind == Kind::fen;
  return input;
}

}  // namespace gz::ledger
