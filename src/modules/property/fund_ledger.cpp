#include "modules/property/fund_ledger.hpp"

#include <boost/json.hpp>
#include <map>

#include "core/clock.hpp"
#include "core/json.hpp"

namespace gz::property {
namespace {

constexpr const char* kAccountColumns =
    "SELECT id, community_id, code, floor, balance FROM property_accounts";

FundAccount account_from(const storage::Row& row) {
  return FundAccount{row.integer(0), row.integer(1), row.text(2), row.opt_integer(3),
                     row.integer(4)};
}

constexpr const char* kPostingColumns =
    "SELECT p.id, p.community_id, d.code, c.code, p.debit_account_id, p.credit_account_id, "
    "p.amount, p.code, p.reference, p.memo, p.created_at, p.created_ms FROM property_postings p "
    "JOIN property_accounts d ON d.id = p.debit_account_id JOIN property_accounts c ON c.id = "
    "p.credit_account_id";

FundPosting posting_from(const storage::Row& row) {
  FundPosting posting;
  posting.id = row.integer(0);
  posting.community_id = row.integer(1);
  posting.debit = row.text(2);
  posting.credit = row.text(3);
  posting.debit_account_id = row.integer(4);
  posting.credit_account_id = row.integer(5);
  posting.amount = row.integer(6);
  posting.code = row.text(7);
  posting.reference = row.text(8);
  posting.memo = row.opt_text(9);
  posting.created_at = row.text(10);
  posting.created_ms = row.integer(11);
  return posting;
}

// The fields the audit chain keeps; verify compares them with the row.
boost::json::object posting_record(const FundPosting& posting) {
  return {{"id", posting.id},
          {"debit", posting.debit_account_id},
          {"credit", posting.credit_account_id},
          {"amount", posting.amount},
          {"code", posting.code},
          {"reference", posting.reference},
          {"created_ms", posting.created_ms}};
}

bool has_floor(const std::string& code) {
  return code == "trust_fund" || code.rfind("fund:", 0) == 0;
}

}  // namespace

const audit::Tracked& fund_account_rows() {
  static const audit::Tracked table{"property_accounts",
                                    "id",
                                    "SELECT id, community_id, code, floor FROM property_accounts",
                                    {"community_id", "code", "floor"},
                                    {},
                                    {}};
  return table;
}

FundAccount fund_account(storage::Connection& db, std::int64_t community_id,
                         const std::string& code) {
  const std::string where = " WHERE community_id = ? AND code = ?";
  if (auto row = db.query_one(std::string(kAccountColumns) + where, {community_id, code})) {
    return account_from(*row);
  }
  // Two first uses at once: the loser's insert does nothing and it reads the winner's row.
  bool opened =
      db.execute(
          "INSERT INTO property_accounts (community_id, code, floor, balance, created_at) VALUES "
          "(?, ?, ?, 0, ?) ON CONFLICT DO NOTHING",
          {community_id, code, has_floor(code) ? storage::Value{std::int64_t{0}} : storage::Value{},
           now_iso8601()}) == 1;
  FundAccount account =
      account_from(*db.query_one(std::string(kAccountColumns) + where, {community_id, code}));
  if (opened) {
    // On record, so verify catches an account's floor or code changed in the database. Within
    // a batch this joins the batch's appender.
    boost::json::object change{{"code", code}};
    change["floor"] = account.floor ? boost::json::value(*account.floor) : nullptr;
    audit::append(db, audit::system_actor(),
                  {community_id,
                   "property.account_open",
                   "property_account",
                   std::to_string(account.id),
                   change,
                   {{&fund_account_rows(), account.id}}});
  }
  return account;
}

std::vector<FundAccount> fund_accounts(storage::Connection& db, std::int64_t community_id) {
  std::vector<FundAccount> out;
  for (const auto& row :
       db.query(std::string(kAccountColumns) + " WHERE community_id = ? ORDER BY code",
                {community_id})) {
    out.push_back(account_from(row));
  }
  return out;
}

Result<FundPosting> fund_post(storage::Connection& db, const Actor& actor,
                              const FundPostingInput& input, std::int64_t now_ms,
                              audit::Appender* appender) {
  if (input.amount <= 0) return bad_request("invalid_amount", "a posting moves a positive amount");
  if (input.debit_account_id == input.credit_account_id) {
    return bad_request("same_account", "a posting needs two different accounts");
  }
  std::map<std::int64_t, std::string> codes;
  for (std::int64_t id : {input.debit_account_id, input.credit_account_id}) {
    auto row = db.query_one("SELECT community_id, code FROM property_accounts WHERE id = ?", {id});
    if (!row || row->integer(0) != input.community_id) {
      return bad_request("invalid_account", "both accounts must belong to the community");
    }
    codes[id] = row->text(1);
  }
  // The debit first, conditionally: the floor holds under any concurrency (the row lock orders
  // concurrent debits; each sees the balance the previous one left).
  if (db.execute("UPDATE property_accounts SET balance = balance - ? WHERE id = ? AND (floor IS "
                 "NULL OR balance - ? >= floor)",
                 {input.amount, input.debit_account_id, input.amount}) != 1) {
    return conflict(input.floor_error_code,
                    "the account " + codes[input.debit_account_id] + " holds too little for this");
  }
  db.execute("UPDATE property_accounts SET balance = balance + ? WHERE id = ?",
             {input.amount, input.credit_account_id});
  FundPosting posting;
  posting.community_id = input.community_id;
  posting.debit = codes[input.debit_account_id];
  posting.credit = codes[input.credit_account_id];
  posting.debit_account_id = input.debit_account_id;
  posting.credit_account_id = input.credit_account_id;
  posting.amount = input.amount;
  posting.code = input.code;
  posting.reference = input.reference;
  posting.memo = input.memo;
  posting.created_at = format_iso8601(now_ms);
  posting.created_ms = now_ms;
  try {
    posting.id =
        db.query_one(
              "INSERT INTO property_postings (community_id, debit_account_id, credit_account_id, "
              "amount, code, reference, memo, created_at, created_ms, created_by_user_id) VALUES "
              "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
              {posting.community_id, posting.debit_account_id, posting.credit_account_id,
               posting.amount, posting.code, posting.reference, storage::opt_text(posting.memo),
               posting.created_at, posting.created_ms,
               actor.user_id > 0 ? storage::Value{actor.user_id} : storage::Value{}})
            ->integer(0);
  } catch (const storage::DbError& error) {
    if (error.kind() == storage::DbErrorKind::unique_violation) {
      return conflict("duplicate_posting", "this " + input.code + " was posted already");
    }
    throw;
  }
  audit::Record record{posting.community_id, "property.post", "property_posting",
                       std::to_string(posting.id), posting_record(posting)};
  if (appender) {
    appender->append(actor, record);
  } else {
    audit::append(db, actor, record);
  }
  return posting;
}

std::vector<FundPosting> fund_postings(storage::Connection& db, std::int64_t community_id,
                                       std::int64_t limit, std::int64_t before_id) {
  std::vector<FundPosting> out;
  for (const auto& row : db.query(std::string(kPostingColumns) +
                                      " WHERE p.community_id = ? AND p.id < ? ORDER BY p.id DESC "
                                      "LIMIT ?",
                                  {community_id, before_id, limit})) {
    out.push_back(posting_from(row));
  }
  return out;
}

FundCheck verify_fund(storage::Connection& db) {
  FundCheck check;
  std::map<std::int64_t, std::string> audit_records;
  for (const auto& row : db.query("SELECT object_id, change FROM audit_log WHERE object_type = "
                                  "'property_posting' AND action = 'property.post'")) {
    audit_records[std::stoll(row.text(0))] = row.text(1);
  }
  std::map<std::int64_t, std::int64_t> derived;
  std::int64_t after = 0;
  for (;;) {
    auto rows = db.query(std::string(kPostingColumns) + " WHERE p.id > ? ORDER BY p.id LIMIT 5000",
                         {after});
    for (const auto& row : rows) {
      FundPosting posting = posting_from(row);
      after = posting.id;
      ++check.postings;
      derived[posting.debit_account_id] -= posting.amount;
      derived[posting.credit_account_id] += posting.amount;
      auto record = audit_records.find(posting.id);
      if (check.ok && (record == audit_records.end() ||
                       record->second != canonical_json(posting_record(posting)))) {
        check.ok = false;
        check.message = "fund posting " + std::to_string(posting.id) +
                        " differs from its entry in the audit chain (edited or inserted)";
      }
      if (record != audit_records.end()) audit_records.erase(record);
    }
    if (rows.size() < 5000) break;
  }
  if (check.ok && !audit_records.empty()) {
    check.ok = false;
    check.message = "fund posting " + std::to_string(audit_records.begin()->first) +
                    " is in the audit chain but missing (deleted)";
  }
  std::map<std::int64_t, std::int64_t> sum_by_community;
  for (const auto& row :
       db.query("SELECT id, community_id, balance, floor FROM property_accounts ORDER BY id")) {
    ++check.accounts;
    std::int64_t id = row.integer(0);
    sum_by_community[row.integer(1)] += row.integer(2);
    if (check.ok && derived[id] != row.integer(2)) {
      check.ok = false;
      check.message = "fund account " + std::to_string(id) + " holds " +
                      std::to_string(row.integer(2)) + " but its postings sum to " +
                      std::to_string(derived[id]);
    }
    if (check.ok && row.opt_integer(3) && row.integer(2) < *row.opt_integer(3)) {
      check.ok = false;
      check.message = "fund account " + std::to_string(id) + " is below its floor";
    }
  }
  for (const auto& [community, sum] : sum_by_community) {
    if (check.ok && sum != 0) {
      check.ok = false;
      check.message = "the fund balances of community " + std::to_string(community) + " sum to " +
                      std::to_string(sum) + ", not zero";
    }
  }
  return check;
}

}  // namespace gz::property
