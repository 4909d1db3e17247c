#include "modules/audit/routes.hpp"

#include <boost/json.hpp>

#include "core/clock.hpp"
#include "modules/audit/checkpoint.hpp"

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

constexpr std::int64_t kDefaultListed = 24;  // a day of hourly checkpoints
constexpr std::int64_t kMostListed = 500;

Result<http::Response> head_route(http::RequestContext& context) {
  auto lease = context.pool.lease();
  Head current = head(*lease);
  return http::json_response(200,
                             boost::json::object{{"seq", current.seq}, {"hash", current.hash}});
}

Result<http::Response> list_checkpoints_route(http::RequestContext& context,
                                              const crypto::SigningKey* key) {
  auto limit = context.int_query("limit");
  if (!limit) return limit.error();
  std::int64_t count = limit->value_or(kDefaultListed);
  if (count < 1 || count > kMostListed) {
    return bad_request("invalid_query", "limit must be 1 to " + std::to_string(kMostListed));
  }
  auto lease = context.pool.lease();
  Head current = head(*lease);
  boost::json::array items;
  for (const auto& checkpoint : list_checkpoints(*lease, count)) {
    items.push_back(checkpoint_json(checkpoint));
  }
  boost::json::object out{{"format", kCheckpointFormat},
                          {"algorithm", "Ed25519"},
                          {"head", {{"seq", current.seq}, {"hash", current.hash}}},
                          {"checkpoints", std::move(items)}};
  out["public_key"] = key ? boost::json::value(key->public_key_hex()) : boost::json::value(nullptr);
  return http::json_response(200, out);
}

Result<http::Response> latest_checkpoint_route(http::RequestContext& context) {
  auto lease = context.pool.lease();
  auto latest = latest_checkpoint(*lease);
  if (!latest) {
    return make_error(ErrorKind::not_found, "no_checkpoint",
                      "the server has not signed a checkpoint yet");
  }
  return http::json_response(200, checkpoint_json(*latest));
}

Result<http::Response> make_checkpoint_route(http::RequestContext& context,
                                             const crypto::SigningKey* key) {
  if (!context.user().is(Role::admin)) {
    return forbidden("only admins sign checkpoints on demand");
  }
  if (!key) {
    return make_error(ErrorKind::unavailable, "no_checkpoint_key",
                      "this server holds no checkpoint key");
  }
  auto lease = context.pool.lease();
  auto made = make_checkpoint(*lease, *key, now_epoch_ms());
  if (!made) return made.error();
  return http::json_response(201, checkpoint_json(*made));
}

}  // namespace

void register_routes(http::Router& router, std::shared_ptr<const crypto::SigningKey> key) {
  router.add({"GET",
              "/api/v1/ledger/head",
              http::Access::open,
              head_route,
              {"The latest sequence number and hash of the audit chain, for anyone to pin",
               "ledger", "public", "", ""}});
  router.add(
      {"GET",
       "/api/v1/ledger/checkpoints",
       http::Access::open,
       [key](http::RequestContext& context) { return list_checkpoints_route(context, key.get()); },
       {"The server's signed checkpoints of the audit chain, newest first, with its "
        "Ed25519 public key: save one, and `gongzhi ledger verify --checkpoint FILE` "
        "fails if the chain is ever rewritten before it",
        "ledger", "public", "", "limit"}});
  router.add({"GET",
              "/api/v1/ledger/checkpoints/latest",
              http::Access::open,
              latest_checkpoint_route,
              {"The newest signed checkpoint, as a file to keep", "ledger", "public", "", ""}});
  router.add(
      {"POST",
       "/api/v1/ledger/checkpoints",
       http::Access::login,
       [key](http::RequestContext& context) { return make_checkpoint_route(context, key.get()); },
       {"Sign a checkpoint of the audit chain's head now (refused with 409 chain_broken "
        "when the chain no longer leads to the last checkpoint)",
        "ledger", "admin", "", ""}});
}

}  // namespace gz::audit
