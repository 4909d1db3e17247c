#include "modules/ledger/ledger.hpp"

#include <boost/json.hpp>

#include "http/json_io.hpp"

namespace gz::ledger {

boost::json::object posting_json(const Posting& posting) {
  return {{"id", posting.id},
          {"kind", kind_name(posting.kind)},
          {"debit_account_id", posting.debit_account_id},
          {"credit_account_id", posting.credit_account_id},
          {"amount", posting.amount},
          {"code", posting.code},
          {"rule", http::json_or_null(posting.rule)},
          {"reference", http::json_or_null(posting.reference)},
          {"corrects_posting_id", http::json_or_null(posting.corrects_posting_id)},
          {"memo", http::json_or_null(posting.memo)},
          {"created_at", posting.created_at}};
}

}  // namespace gz::ledger
