// What happens to every request between the socket and the handler: route lookup (404/405),
// authentication (401), idempotency keys, the handler itself, error mapping (never a 500
// for bad input), metrics and the access log.
#pragma once

#include <atomic>
#include <cstdint>
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
// Set on a write's response when a replica is in use: this client reads from the primary for a
// few seconds.
inline constexpr const char* kFreshCookie = "gz_fresh";

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
  // Sends public reads (Route::public_read) without credentials to a streaming replica, when
  // `usable` says it is reachable and close enough behind, with `pool_size` connections and
  // `lanes` lanes of its own; a read that fails there runs again on the primary (and `failed`
  // is told). After a write, the client's reads stay on the primary for `fresh_seconds` (the
  // gz_fresh cookie), so nobody misses their own change.
  void use_replica(storage::Database& replica, std::size_t pool_size, unsigned lanes,
                   std::function<bool()> usable, std::function<void()> failed, int fresh_seconds);
  // Reads answered by the replica, and those that fell back to the primary.
  std::uint64_t replica_reads() const { return replica_reads_.load(); }
  std::uint64_t replica_fallbacks() const { return replica_fallbacks_.load(); }
  Metrics& metrics() { return metrics_; }
  // Serve the web application's files for paths no route claims.
  void serve_static(std::shared_ptr<const StaticFiles> files) { static_files_ = std::move(files); }

 private:
  Response dispatch(const Request& request, const Match& match, storage::Pool& pool,
                    storage::Pool* fallback = nullptr);
  Response run(const Request& request, const Match& match, storage::Pool& pool,
               storage::Pool* primary);
  bool replica_may_answer(const Request& request, const Match& match) const;
  const Router& router_;
  storage::Pool& pool_;
  std::vector<std::unique_ptr<storage::Pool>> lanes_;
  std::unique_ptr<storage::Pool> replica_pool_;
  std::vector<std::unique_ptr<storage::Pool>> replica_lanes_;
  std::function<bool()> replica_usable_;
  std::function<void()> replica_failed_;
  int fresh_seconds_ = 0;
  std::atomic<std::uint64_t> replica_reads_{0};
  std::atomic<std::uint64_t> replica_fallbacks_{0};
  Authenticator authenticator_;
  Metrics metrics_;
  std::size_t unmatched_slot_;
  std::size_t static_slot_;
  std::shared_ptr<const StaticFiles> static_files_;
};

// The bearer token or session cookie of a request, if any.
std::optional<std::string> request_token(const Request& request);

}  // namespace gz::http
