#include "modules/audit/routes.hpp"

#include <boost/json.hpp>

#include "modules/audit/audit_log.hpp"

namespace gz::audit {

boost::json::value verify_result_json(const VerifyResult& result) {
  boost::json::object out{{"ok", result.ok},
                          {"checked", result.checked},
                          {"head", {{"seq", result.head.seq}, {"hash", result.head.hash}}}};
  if (!result.ok) {
    out["first_bad_entry"] = {{"seq", result.finding.seq},
                              {"problem", problem_name(result.finding.problem)},
                              {"message", result.finding.message}};
  }
  return out;
}

namespace {

http::Response head_route(http::RequestContext& context) {
  auto lease = context.pool.lease();
  Head current = head(*lease);
  return http::json_response(200,
                             boost::json::object{{"seq", current.seq}, {"hash", current.hash}});
}

}  // namespace

void register_routes(http::Router& router) {
  router.add({"GET",
              "/api/v1/ledger/head",
              http::Access::open,
              head_route,
              {"The latest sequence number and hash of the audit chain, for anyone to pin",
               "ledger", "public", "", ""}});
}

}  // namespace gz::audit
