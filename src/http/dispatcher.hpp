// What happens to every request between the socket and the handler: route lookup (404/405),
// authentication (401), idempotency keys, the handler itself, error mapping (never a 500
// for bad input), metrics and the access log.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "http/message.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"

namespace gz::storage {
class Connection;
class Database;
class Pool;
}  // namespace gz::storage

namespace gz::http {

using Authenticator =
    std::function<std::optional<Actor>(storage::Connection&, const std::string& token)>;

inline constexpr const char* kSessionCookie = "gz_session";

class Dispatcher {
 public:
  Dispatcher(const Router& router, storage::Pool& pool, Authenticator authenticator);
  Response handle(const Request& request);
  // A request for a quick route (Route::quick), answered here on network thread `lane` with
  // that lane's own connections; nothing when the route is not quick (send it to handle() on
  // the worker pool) or when no lanes are open.
  std::optional<Response> handle_quick(const Request& request, unsigned lane);
  // Opens `count` lanes of two connections each (one network thread uses one lane; the second
  // connection is a margin should a handler ever lease twice).
  void open_lanes(storage::Database& database, unsigned count);
  Metrics& metrics() { return metrics_; }
  // Serve the web application's files for paths no route claims.
  void serve_static(std::shared_ptr<const StaticFiles> files) { static_files_ = std::move(files); }

 private:
  Response dispatch(const Request& request, const Match& match, storage::Pool& pool);
  Response run(const Request& request, const Match& match, storage::Pool& pool);
  const Router& router_;
  storage::Pool& pool_;
  std::vector<std::unique_ptr<storage::Pool>> lanes_;
  Authenticator authenticator_;
  Metrics metrics_;
  std::size_t unmatched_slot_;
  std::size_t static_slot_;
  std::shared_ptr<const StaticFiles> static_files_;
};

// The bearer token or session cookie of a request, if any.
std::optional<std::string> request_token(const Request& request);

}  // namespace gz::http
