#include "modules/requests/open311_search.hpp"

#include "core/clock.hpp"
#include "modules/requests/store.hpp"

namespace gz::requests::open311 {
namespace {

void add_in(std::string& where, std::vector<storage::Value>& params, const char* column,
            const std::vector<std::string>& values) {
  where += std::string(" AND ") + column + " IN (";
  for (std::size_t i = 0; i < values.size(); ++i) {
    where += i ? ",?" : "?";
    params.emplace_back(values[i]);
  }
  where += ")";
}

}  // namespace

PublicPage search_public_requests(storage::Connection& db, const PublicFilter& filter) {
  std::string where = " WHERE 1 = 1";
  std::vector<storage::Value> params;
  if (filter.community_id) {
    where += " AND r.community_id = ?";
    params.emplace_back(*filter.community_id);
  }
  if (filter.tracking_codes) {
    if (filter.tracking_codes->empty()) return {};
    add_in(where, params, "r.tracking_code", *filter.tracking_codes);
  } else {
    if (!filter.categories.empty()) add_in(where, params, "r.category", filter.categories);
    if (!filter.statuses.empty()) add_in(where, params, "r.status", filter.statuses);
    where += " AND r.received_ms >= ? AND r.received_ms <= ?";
    params.emplace_back(filter.from_ms);
    params.emplace_back(filter.to_ms);
  }
  PublicPage page;
  page.total = db.query_int("SELECT COUNT(*) FROM requests r" + where, params);
  params.emplace_back(filter.page_size);
  params.emplace_back((filter.page - 1) * filter.page_size);
  for (const auto& row : db.query(std::string(store::kRequestColumns) + where +
                                      " ORDER BY r.received_ms DESC, r.id DESC LIMIT ? OFFSET ?",
                                  params)) {
    page.items.push_back(store::request_from(row));
  }
  return page;
}

std::map<std::int64_t, PublicTrail> public_trails(storage::Connection& db,
                                                  const std::vector<Request>& requests) {
  std::map<std::int64_t, PublicTrail> trails;
  if (requests.empty()) return trails;
  std::string sql =
      "SELECT request_id, at_ms, note FROM request_events WHERE is_public = 1 AND request_id IN (";
  std::vector<storage::Value> params;
  for (std::size_t i = 0; i < requests.size(); ++i) {
    sql += i ? ",?" : "?";
    params.emplace_back(requests[i].id);
  }
  sql += ") ORDER BY request_id, id";
  for (const auto& row : db.query(sql, params)) {
    auto& trail = trails[row.integer(0)];
    trail.last_ms = row.integer(1);
    if (auto note = row.opt_text(2); note && !note->empty()) trail.last_note = note;
  }
  return trails;
}

PublicTrail trail_of(const std::vector<Event>& events) {
  PublicTrail trail;
  for (const auto& event : events) {
    if (!event.is_public) continue;
    if (auto at = parse_iso8601(event.at)) trail.last_ms = *at;
    if (event.note && !event.note->empty()) trail.last_note = event.note;
  }
  return trail;
}

}  // namespace gz::requests::open311
