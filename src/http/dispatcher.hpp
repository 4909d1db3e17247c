// What happens to every request between the socket and the handler: route lookup (404/405),
// authentication (401), idempotency keys, the handler itself, error mapping (never a 500
// for bad input), metrics and the access log.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/actor.hpp"
#include "http/message.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"

namespace gz::storage {
class Connection;
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
  Metrics& metrics() { return metrics_; }
  // Serve the web application's files for paths no route claims.
  void serve_static(std::shared_ptr<const StaticFiles> files) { static_files_ = std::move(files); }

 private:
  Response run(const Request& request, const Match& match);
  const Router& router_;
  storage::Pool& pool_;
  Authenticator authenticator_;
  Metrics metrics_;
  std::size_t unmatched_slot_;
  std::size_t static_slot_;
  std::shared_ptr<const StaticFiles> static_files_;
};

// The bearer token or session cookie of a request, if any.
std::optional<std::string> request_token(const Request& request);

}  // namespace gz::http
