// Reading public requests for Open311's GET Service Requests: the GeoReport search, which the
// staff queue's list_requests does not cover (several codes, services and statuses at once,
// a date window, no actor), and each request's last public event. Rows only: what of them is
// published is decided where they are encoded (open311_routes.cpp). Internal to the requests
// module's Open311 adapter.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "modules/requests/requests.hpp"
#include "storage/database.hpp"

namespace gz::requests::open311 {

inline constexpr std::int64_t kDefaultPageSize = 50;
inline constexpr std::int64_t kMaxPageSize = 200;

struct PublicFilter {
  std::optional<std::int64_t> community_id;
  std::optional<std::vector<std::string>> tracking_codes;  // when given, overrides the rest
  std::vector<std::string> categories;
  std::vector<std::string> statuses;  // our status names
  std::int64_t from_ms = 0;           // received_ms in [from_ms, to_ms]
  std::int64_t to_ms = 0;
  std::int64_t page = 1;
  std::int64_t page_size = kDefaultPageSize;
};

struct PublicPage {
  std::vector<Request> items;  // newest first
  std::int64_t total = 0;      // matching rows on all pages
};

// The last public event of a request: when it last changed, and its latest public note.
struct PublicTrail {
  std::optional<std::int64_t> last_ms;
  std::optional<std::string> last_note;
};

PublicPage search_public_requests(storage::Connection& db, const PublicFilter& filter);
// By request id, for the requests of one page (one query).
std::map<std::int64_t, PublicTrail> public_trails(storage::Connection& db,
                                                  const std::vector<Request>& requests);
// From the events of a request already read.
PublicTrail trail_of(const std::vector<Event>& events);

}  // namespace gz::requests::open311
