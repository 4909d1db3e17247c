#include "modules/ledger/records.hpp"

#include <boost/json.hpp>

namespace gz::ledger {

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

audit::Record account_open_record(const Account& account) {
  boost::json::object change{{"kind", kind_name(account.kind)},
                             {"owner", owner_name(account.owner)}};
  change["resident_id"] = account.resident_id ? boost::json::value(*account.resident_id) : nullptr;
  change["floor"] = account.floor ? boost::json::value(*account.floor) : nullptr;
  if (account.name) change["name"] = *account.name;
  return {account.community_id,
          "ledger.account_open",
          "ledger_account",
          std::to_string(account.id),
          change,
          {{&account_rows(), account.id}}};
}

}  // namespace gz::ledger
