#include "modules/ledger/moved_funds.hpp"

#include <boost/json.hpp>
#include <map>

#include "core/json.hpp"
#include "modules/audit/audit.hpp"
#include "modules/ledger/ledger.hpp"
#include "modules/ledger/records.hpp"

namespace gz::ledger {
namespace {

// property_accounts as the chain recorded its rows before 0019 (only the names and fields
// matter here: the table is gone).
const audit::Tracked& property_account_rows() {
  static const audit::Tracked table{
      "property_accounts", "id", "", {"community_id", "code", "floor"}, {}, {}};
  return table;
}

constexpr const char* kDoneQuery =
    "SELECT seq FROM audit_log WHERE object_type = 'ledger_move' AND object_id = '0019'";

// The old record of a moved account agrees with the account now. Accounts from before the
// chain recorded rows (property_accounts never tracked) are taken as they are, as the first
// start after 0017 took every such row (audit::adopt).
bool agrees(audit::RecordedRows& recorded, std::int64_t property_account_id,
            const Account& account) {
  auto content = audit::row_content(
      property_account_rows(),
      {std::to_string(account.community_id), account.name,
       account.floor ? std::optional<std::string>(std::to_string(*account.floor)) : std::nullopt},
      {});
  const auto* row = recorded.find("property_accounts", property_account_id);
  if (!row) return !recorded.tracked_since("property_accounts");
  return !row->deleted && row->fingerprint == audit::fingerprint(canonical_json(content));
}

}  // namespace

MovedFunds record_moved_funds(storage::Connection& db) {
  MovedFunds out;
  if (!db.query_one("SELECT 1 FROM ledger_moved_accounts LIMIT 1") || db.query_one(kDoneQuery)) {
    return out;
  }
  storage::with_transaction(db, storage::TxMode::write, [&] {
    out = {};
    audit::Appender appender(db);  // holds the chain's head: servers starting together take turns
    if (db.query_one(kDoneQuery)) return;
    const Actor system = audit::system_actor();

    auto recorded = audit::read_recorded_rows(db);
    std::map<std::int64_t, std::int64_t> property_account_of;  // ledger id → property id
    for (const auto& row :
         db.query("SELECT m.account_id, m.property_account_id, a.community_id, a.name, a.floor, "
                  "a.balance FROM ledger_moved_accounts m JOIN ledger_accounts a ON a.id = "
                  "m.account_id ORDER BY m.account_id")) {
      Account account;
      account.id = row.integer(0);
      account.community_id = row.integer(2);
      account.kind = Kind::fen;
      account.owner = Owner::named;
      account.name = row.opt_text(3);
      account.floor = row.opt_integer(4);
      account.balance = row.integer(5);
      property_account_of[account.id] = row.integer(1);
      if (agrees(recorded, row.integer(1), account)) {
        appender.append(system, account_open_record(account));
        ++out.accounts;
      } else {
        out.refused.push_back("fund account " + std::to_string(account.id) + " (property account " +
                              std::to_string(row.integer(1)) +
                              ") differs from what the audit chain recorded of it");
      }
    }

    // The chain's copies of the old postings: {id, debit, credit, amount, code, reference,
    // created_ms} in the old ids.
    std::map<std::int64_t, std::string> old_records;
    for (const auto& row : db.query("SELECT object_id, change FROM audit_log WHERE object_type = "
                                    "'property_posting' AND action = 'property.post'")) {
      old_records[std::stoll(row.text(0))] = row.text(1);
    }
    for (const auto& row : db.query("SELECT posting_id, property_posting_id FROM "
                                    "ledger_moved_postings ORDER BY posting_id")) {
      std::int64_t old_id = row.integer(1);
      auto posting = load_posting(db, row.integer(0));
      if (!posting) continue;  // verify names a posting missing from the ledger
      boost::json::object old_record{{"id", old_id},
                                     {"debit", property_account_of[posting->debit_account_id]},
                                     {"credit", property_account_of[posting->credit_account_id]},
                                     {"amount", posting->amount},
                                     {"code", posting->code},
                                     {"reference", posting->reference.value_or("")},
                                     {"created_ms", posting->created_ms}};
      auto found = old_records.find(old_id);
      if (found != old_records.end() && found->second == canonical_json(old_record)) {
        appender.append(system, {posting->community_id, "ledger.post", "posting",
                                 std::to_string(posting->id), posting_record(*posting)});
        ++out.postings;
      } else {
        out.refused.push_back("fund posting " + std::to_string(posting->id) +
                              " (property posting " + std::to_string(old_id) + ")" +
                              (found == old_records.end()
                                   ? " is not in the audit chain"
                                   : " differs from what the audit chain recorded of it"));
      }
      if (found != old_records.end()) old_records.erase(found);
    }
    for (const auto& [old_id, text] : old_records) {
      out.refused.push_back("property posting " + std::to_string(old_id) +
                            " is in the audit chain but was not moved (deleted before the move)");
    }

    boost::json::array refused;
    for (const auto& line : out.refused) refused.emplace_back(line);
    appender.append(system, {std::nullopt, "ledger.funds_moved", "ledger_move", "0019",
                             boost::json::object{{"accounts", out.accounts},
                                                 {"postings", out.postings},
                                                 {"refused", std::move(refused)}}});
    appender.finish();
    out.recorded_now = true;
  });
  return out;
}

}  // namespace gz::ledger
