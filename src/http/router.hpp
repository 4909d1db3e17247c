// Routes: method + path pattern ("/api/v1/households/{id}") → handler, with the metadata the
// OpenAPI document and the metrics are built from. Every module registers its routes here.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "core/actor.hpp"
#include "core/result.hpp"
#include "http/message.hpp"

namespace gz::storage {
class Pool;
}

namespace gz::http {

enum class Access {
  open,   // no login needed (public board, tracking lookup, health)
  login,  // any logged-in user; finer checks in the module's permissions unit
};

struct RequestContext {
  const Request& request;
  std::map<std::string, std::string> params;  // from {name} segments
  std::optional<Actor> actor;
  // Where the handler reads: the primary, or a streaming replica for a public read
  // (Route::public_read).
  storage::Pool& pool;
  // The primary, when `pool` is a replica: a public read that also records something (the
  // assistant's unanswered questions) writes here.
  storage::Pool* primary = nullptr;
  storage::Pool& write_pool() const { return primary ? *primary : pool; }

  // The {name} path parameter as a positive integer id; 404 when it is not one.
  Result<std::int64_t> id_param(const std::string& name) const;
  // An optional integer query parameter; 400 when present but not an integer.
  Result<std::optional<std::int64_t>> int_query(const std::string& name) const;
  // The community_id query parameter, or the actor's first community when it is absent
  // (0 when they have none); 400 when present but not an integer.
  Result<std::int64_t> community_param() const;
  // The body as a JSON object (400 invalid_json / body_not_object).
  Result<boost::json::object> json_object() const;
  // The same, with an empty body read as {} (actions whose fields are all optional).
  Result<boost::json::object> json_object_or_empty() const;
  // An optional positive integer query parameter with a default and a ceiling (400 beyond).
  Result<std::int64_t> limit_param(const std::string& name, std::int64_t fallback,
                                   std::int64_t max) const;
  const Actor& user() const { return *actor; }  // only on Access::login routes
};

// A handler decodes, calls its use case and encodes; an Error it returns becomes the error
// response in one place (the dispatcher), so handlers write `return result.error();` or
// GZ_ASSIGN_OR_RETURN instead of building error responses.
using Handler = std::function<Result<Response>(RequestContext&)>;

struct RouteDoc {
  std::string summary;
  std::string tag;
  std::string roles;             // who may call it, in words ("staff, admin")
  std::string request_example;   // JSON example of the body, "" when none
  std::string query_parameters;  // comma-separated names of query parameters
};

struct Route {
  std::string method;
  std::string pattern;
  Access access = Access::login;
  Handler handler;
  RouteDoc doc;
  bool accepts_any_content_type = false;  // e.g. CSV import
  // A GET that answers from a few indexed reads and never waits on a lock (tracking lookup,
  // health): run on the network thread that read it, with that thread's own connections,
  // sparing the two thread hand-offs of the worker pool. It must not write.
  bool quick = false;
  // A read-only public answer a streaming replica may give (serve --db-replica): no login, the
  // same for everyone, a few seconds behind at most. Set by Router::allow_replica.
  bool public_read = false;
  std::string name() const { return method + " " + pattern; }
};

struct Match {
  const Route* route = nullptr;
  std::map<std::string, std::string> params;
  bool path_known = false;           // some route has this path with another method (→ 405)
  std::vector<std::string> allowed;  // the methods this path takes, sorted (HEAD with GET)
};

class Router {
 public:
  void add(Route route);
  Match match(const std::string& method, const std::string& path) const;
  // Marks the named routes ("GET /api/v1/track/{code}") as public reads; throws for a name no
  // route has, so a renamed route cannot silently leave the list.
  void allow_replica(const std::vector<std::string>& names);
  const std::vector<std::unique_ptr<Route>>& routes() const { return routes_; }

 private:
  struct Compiled {
    std::vector<std::string> segments;  // "{x}" marks a parameter
    const Route* route;
  };
  std::vector<std::unique_ptr<Route>> routes_;
  std::vector<Compiled> compiled_;
};

std::vector<std::string> split_path(const std::string& path);

}  // namespace gz::http
