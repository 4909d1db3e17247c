// The HTTP server: Boost.Beast on one io_context per core for sockets, a separate worker
// pool for handlers (which touch the database), per-connection deadlines, header and body
// limits, and a graceful stop on SIGTERM/SIGINT that lets in-flight requests finish.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "http/forwarded.hpp"
#include "http/message.hpp"

namespace gz::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;
  unsigned io_threads = 0;  // 0: one per core
  // 0: 8 per core, at least 16. Handlers mostly wait on the database (a write waits for its
  // group commit), so more of them than cores keeps batches full; each holds a pool connection.
  unsigned worker_threads = 0;
  std::size_t body_limit_bytes = 1024 * 1024;
  std::size_t upload_limit_bytes = 32 * 1024 * 1024;  // bodies of paths ending in /import
  std::size_t photo_limit_bytes = 6 * 1024 * 1024;    // paths ending in /photos (5 MB + slack)
  std::size_t header_limit_bytes = 16 * 1024;
  std::chrono::seconds read_timeout{15};  // to receive one whole request
  std::chrono::seconds idle_timeout{60};  // between requests on a kept-alive connection
  std::chrono::seconds write_timeout{30};
  std::chrono::seconds drain_timeout{20};  // on shutdown, for in-flight requests
  // Peers whose X-Forwarded-For names the client (http/forwarded.hpp); none by default.
  std::vector<Network> trusted_proxies;
};

using RequestHandler = std::function<Response(const Request&)>;
// Answers a request on the network thread `lane` (0 .. io_thread_count - 1) that read it, or
// returns nothing to send it to the worker pool and the RequestHandler. For requests that need
// no waiting; anything that may block belongs on the pool.
using QuickHandler = std::function<std::optional<Response>(const Request&, unsigned lane)>;

// Runs until SIGTERM or SIGINT, then stops accepting, finishes in-flight requests and
// returns. `on_listening` is called with the bound port once the socket accepts.
void run_server(const ServerOptions& options, RequestHandler handler,
                const std::function<void(std::uint16_t)>& on_listening, QuickHandler quick = {});

unsigned default_worker_threads(const ServerOptions& options);
unsigned io_thread_count(const ServerOptions& options);

}  // namespace gz::http
