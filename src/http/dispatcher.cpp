#include "http/dispatcher.hpp"

#include <boost/json.hpp>
#include <chrono>
#include <cstdio>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "http/access_log.hpp"
#include "http/compress.hpp"
#include "http/log.hpp"
#include "http/schema_trace.hpp"
#include "storage/database.hpp"

namespace gz::http {
namespace {

bool is_write(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

void log_line(const Request& request, int status, double seconds, const std::string& route) {
  access_log::add(log::line(status >= 500 ? log::Level::error : log::Level::info, "request",
                            {{"request_id", request.request_id},
                             {"method", request.method},
                             {"path", request.path},
                             {"route", route},
                             {"status", status},
                             {"ms", seconds * 1000.0},
                             {"ip", request.remote_ip}}));
}

bool has_bearer(const Request& request) {
  auto authorization = request.header("authorization");
  return authorization && authorization->starts_with("Bearer ");
}

// "Text/Plain; charset=utf-8" → "text/plain".
std::string media_type(const Request& request) {
  std::string type = request.header("content-type").value_or("");
  type = type.substr(0, type.find(';'));
  while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) type.pop_back();
  for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return type;
}

// Cross-site request forgery. A browser attaches the session cookie to requests that other
// sites make it send, but such a page can only send the "simple" content types of an HTML form
// without asking first (CORS preflight, which this server never grants), and modern browsers
// say where a request comes from (Origin, Sec-Fetch-Site). So a write authenticated by the
// cookie must come from this origin, and carry JSON — or, on an upload route, anything but a
// form's type. A bearer token is never sent by a browser on its own, so it is exempt.
bool cross_site(const Request& request, const Route& route) {
  if (!is_write(request.method) || has_bearer(request) || !request.cookie(kSessionCookie)) {
    return false;
  }
  if (auto site = request.header("sec-fetch-site")) {
    if (*site != "same-origin" && *site != "none") return true;
  }
  if (auto origin = request.header("origin")) {
    auto scheme_end = origin->find("://");
    auto host = request.header("host");
    if (scheme_end == std::string::npos || !host || origin->substr(scheme_end + 3) != *host) {
      return true;
    }
  }
  std::string type = media_type(request);
  if (type.empty()) return !request.body.empty();
  if (route.accepts_any_content_type) {
    return type == "text/plain" || type == "application/x-www-form-urlencoded" ||
           type == "multipart/form-data";
  }
  return type != "application/json";
}

// Idempotency keys: the first response to (user, key) is stored and replayed; the same key
// with another body is a conflict. The key is reserved before the handler runs, so two
// concurrent retries cannot both execute it.
struct IdempotencyOutcome {
  std::optional<Response> replay;  // answer without running the handler
  bool reserved = false;           // we hold the key and must record the response
};

IdempotencyOutcome reserve_key(storage::Connection& connection, std::int64_t user_id,
                               const std::string& key, const Request& request) {
  IdempotencyOutcome outcome;
  std::string body_hash =
      crypto::sha256_hex(request.method + " " + request.path + "\n" + request.body);
  try {
    connection.execute(
        "INSERT INTO idempotency_keys (user_id, idem_key, method, path, body_hash, status, "
        "response, created_at) VALUES (?, ?, ?, ?, ?, 0, NULL, ?)",
        {user_id, key, request.method, request.path, body_hash, now_iso8601()});
    outcome.reserved = true;
    return outcome;
  } catch (const storage::DbError& error) {
    if (error.kind() != storage::DbErrorKind::unique_violation) throw;
  }
  auto row = connection.query_one(
      "SELECT body_hash, status, response FROM idempotency_keys WHERE user_id = ? AND idem_key = ?",
      {user_id, key});
  if (!row) {
    outcome.replay = error_response(ErrorKind::conflict, "idempotency_retry",
                                    "the request with this Idempotency-Key just failed; retry");
  } else if (row->text(0) != body_hash) {
    outcome.replay = error_response(ErrorKind::conflict, "idempotency_key_reused",
                                    "this Idempotency-Key was used with a different request");
  } else if (row->integer(1) == 0) {
    outcome.replay = error_response(ErrorKind::conflict, "idempotency_in_progress",
                                    "a request with this Idempotency-Key is still being processed");
  } else {
    Response response;
    response.status = static_cast<int>(row->integer(1));
    response.body = row->opt_text(2).value_or("");
    response.headers.emplace_back("Idempotent-Replayed", "true");
    outcome.replay = std::move(response);
  }
  return outcome;
}

void finish_key(storage::Connection& connection, std::int64_t user_id, const std::string& key,
                const Response& response) {
  if (response.status >= 500) {
    // Let a retry run again: nothing durable was promised.
    connection.execute("DELETE FROM idempotency_keys WHERE user_id = ? AND idem_key = ?",
                       {user_id, key});
    return;
  }
  connection.execute(
      "UPDATE idempotency_keys SET status = ?, response = ? WHERE user_id = ? AND idem_key = ?",
      {std::int64_t{response.status}, response.body, user_id, key});
}

}  // namespace

std::optional<std::string> request_token(const Request& request) {
  if (auto authorization = request.header("authorization")) {
    constexpr std::string_view kBearer = "Bearer ";
    if (authorization->size() > kBearer.size() &&
        std::string_view(*authorization).substr(0, kBearer.size()) == kBearer) {
      return authorization->substr(kBearer.size());
    }
  }
  return request.cookie(kSessionCookie);
}

Dispatcher::Dispatcher(const Router& router, storage::Pool& pool, Authenticator authenticator)
    : router_(router), pool_(pool), authenticator_(std::move(authenticator)) {
  for (const auto& route : router_.routes()) metrics_.register_route(route->name());
  unmatched_slot_ = metrics_.register_route("unmatched");
  static_slot_ = metrics_.register_route("GET static");
}

Response Dispatcher::handle(const Request& request) {
  Match match = router_.match(request.method, request.path);
  if (replica_may_answer(request, match)) return dispatch(request, match, *replica_pool_, &pool_);
  return dispatch(request, match, pool_);
}

std::optional<Response> Dispatcher::handle_quick(const Request& request, unsigned lane) {
  if (lane >= lanes_.size() || request.method != "GET") return std::nullopt;
  Match match = router_.match(request.method, request.path);
  if (!match.route || !match.route->quick) return std::nullopt;
  if (lane < replica_lanes_.size() && replica_may_answer(request, match)) {
    return dispatch(request, match, *replica_lanes_[lane], lanes_[lane].get());
  }
  return dispatch(request, match, *lanes_[lane]);
}

void Dispatcher::open_lanes(storage::Database& database, unsigned count) {
  lanes_.clear();
  for (unsigned i = 0; i < count; ++i)
    lanes_.push_back(std::make_unique<storage::Pool>(database, 2));
}

void Dispatcher::use_replica(storage::Database& replica, std::size_t pool_size, unsigned lanes,
                             std::function<bool()> usable, std::function<void()> failed,
                             int fresh_seconds) {
  replica_pool_ = std::make_unique<storage::Pool>(replica, pool_size);
  replica_lanes_.clear();
  for (unsigned i = 0; i < lanes; ++i) {
    replica_lanes_.push_back(std::make_unique<storage::Pool>(replica, 2));
  }
  replica_usable_ = std::move(usable);
  replica_failed_ = std::move(failed);
  fresh_seconds_ = fresh_seconds;
}

bool Dispatcher::replica_may_answer(const Request& request, const Match& match) const {
  if (!replica_pool_ || !match.route || !match.route->public_read) return false;
  if (request.method != "GET" && request.method != "HEAD") return false;
  // A signed-in user's reads, and anyone's right after their own write, stay on the primary.
  if (request_token(request) || request.cookie(kFreshCookie)) return false;
  return replica_usable_ && replica_usable_();
}

Response Dispatcher::dispatch(const Request& request, const Match& match, storage::Pool& pool,
                              storage::Pool* fallback) {
  auto started = std::chrono::steady_clock::now();
  Response response;
  std::string route_name = match.route ? match.route->name() : "unmatched";
  std::optional<schema_trace::Scope> trace;
  if (match.route && schema_trace::enabled()) trace.emplace();
  std::optional<Response> static_response;
  if (!match.route && !match.path_known && static_files_) {
    static_response = static_files_->serve(request);
  }
  if (static_response) {
    response = std::move(*static_response);
    route_name = "GET static";
  } else if (!match.route) {
    response =
        match.path_known
            ? error_response(ErrorKind::method_not_allowed, "method_not_allowed",
                             "method " + request.method + " is not allowed on " + request.path)
            : error_response(ErrorKind::not_found, "route_not_found",
                             "no route for " + request.method + " " + request.path);
    if (match.path_known) {
      std::string allow;
      for (const auto& method : match.allowed) allow += (allow.empty() ? "" : ", ") + method;
      response.headers.emplace_back("Allow", allow);
    }
  } else {
    try {
      if (!fallback) {
        response = run(request, match, pool, nullptr);
      } else {
        // A public read on the replica; should the replica fail it, the primary answers.
        try {
          response = run(request, match, pool, fallback);
          replica_reads_.fetch_add(1, std::memory_order_relaxed);
        } catch (const storage::DbError& error) {
          replica_fallbacks_.fetch_add(1, std::memory_order_relaxed);
          if (replica_failed_) replica_failed_();
          log::write(log::Level::warn, "replica_failed",
                     {{"request_id", request.request_id}, {"error", error.what()}});
          response = run(request, match, *fallback, nullptr);
        }
      }
    } catch (const storage::DbError& error) {
      log::write(log::Level::error, "database_error",
                 {{"request_id", request.request_id}, {"error", error.what()}});
      switch (error.kind()) {
        case storage::DbErrorKind::busy:
          response = error_response(ErrorKind::unavailable, "database_busy",
                                    "the database is busy; retry shortly");
          break;
        case storage::DbErrorKind::unique_violation:
          // A race the command's own check could not see (two requests at once).
          response = error_response(ErrorKind::conflict, "conflict",
                                    "the object already exists (concurrent request)");
          break;
        default:
          response = error_response(ErrorKind::internal, "internal_error",
                                    "internal error; request id " + request.request_id);
      }
    } catch (const std::exception& error) {
      log::write(log::Level::error, "unhandled_error",
                 {{"request_id", request.request_id}, {"error", error.what()}});
      response = error_response(ErrorKind::internal, "internal_error",
                                "internal error; request id " + request.request_id);
    }
  }
  if (replica_pool_ && is_write(request.method) && response.status < 400) {
    response.headers.emplace_back(
        "Set-Cookie", std::string(kFreshCookie) + "=1; Max-Age=" + std::to_string(fresh_seconds_) +
                          "; Path=/; HttpOnly; SameSite=Lax" + (request.secure ? "; Secure" : ""));
  }
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::size_t slot = match.route       ? metrics_.slot(route_name)
                     : static_response ? static_slot_
                                       : unmatched_slot_;
  metrics_.record(slot, response.status, seconds);
  if (trace) schema_trace::write(request, route_name, response, *trace);
  log_line(request, response.status, seconds, route_name);
  if (!static_response) compress_answer(request, response);
  return response;
}

Response Dispatcher::run(const Request& request, const Match& match, storage::Pool& pool,
                         storage::Pool* primary) {
  const Route& route = *match.route;
  std::optional<Actor> actor;
  if (auto token = request_token(request)) {
    auto lease = pool.lease();
    actor = authenticator_(*lease, *token);
  }
  if (route.access == Access::login && !actor) {
    return error_response(ErrorKind::unauthorized, "unauthorized",
                          "log in first (POST /api/v1/auth/login)");
  }
  if (cross_site(request, route)) {
    return error_response(ErrorKind::forbidden, "cross_site_request",
                          "a write with the session cookie must come from this site as JSON "
                          "(send the token as Authorization: Bearer from other clients)");
  }
  RequestContext context{request, match.params, actor, pool, primary};

  // The one place where a handler's Error becomes its response.
  auto respond = [&]() -> Response {
    auto result = route.handler(context);
    if (!result) return error_response(result.error());
    return std::move(result).value();
  };
  auto key = request.header("idempotency-key");
  if (!key || !actor || !is_write(request.method)) return respond();
  if (key->empty() || key->size() > 128) {
    return error_response(ErrorKind::bad_request, "invalid_idempotency_key",
                          "Idempotency-Key must be 1 to 128 characters");
  }
  IdempotencyOutcome outcome;
  {
    auto lease = pool.lease();
    outcome = reserve_key(*lease, actor->user_id, *key, request);
  }
  if (outcome.replay) return std::move(*outcome.replay);
  Response response;
  try {
    response = respond();
  } catch (...) {
    auto lease = pool.lease();
    finish_key(*lease, actor->user_id, *key, Response{500, "", "", {}});
    throw;
  }
  auto lease = pool.lease();
  finish_key(*lease, actor->user_id, *key, response);
  return response;
}

}  // namespace gz::http
