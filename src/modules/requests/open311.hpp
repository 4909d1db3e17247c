// Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) over the requests module, so
// existing 311 clients work unchanged: discovery, services, service definitions, requests
// (GET and POST with an api_key), single requests and tokens, each as .json and .xml.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/actor.hpp"
#include "core/result.hpp"
#include "http/router.hpp"
#include "storage/database.hpp"

namespace gz::requests::open311 {

struct Client {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::string name;
};

// Issues a new api_key for a client of one community; only its SHA-256 is stored.
Result<std::string> add_client_key(storage::Connection& db, const Actor& actor,
                                   std::int64_t community_id, const std::string& name);
std::optional<Client> find_client(storage::Connection& db, const std::string& api_key);

void register_routes(http::Router& router);

}  // namespace gz::requests::open311
