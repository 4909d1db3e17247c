// The street's league table of its communities, month by month, and the requests as open data
// (requests.hpp).
#include <algorithm>
#include <cmath>

#include "core/clock.hpp"
#include "core/text.hpp"
#include "modules/registry/registry.hpp"
#include "modules/requests/requests.hpp"

namespace gz::requests {
namespace {

constexpr double kResponseWeight = 0.2, kResolutionWeight = 0.4, kSatisfactionWeight = 0.4;

}  // namespace

std::optional<double> league_score(const RequestStats& stats) {
  double weighted = 0, weights = 0;
  for (const auto& [rate, weight] : {std::pair{&stats.response, kResponseWeight},
                                     std::pair{&stats.resolution, kResolutionWeight},
                                     std::pair{&stats.satisfaction, kSatisfactionWeight}}) {
    if (auto value = rate->value()) {
      weighted += *value * weight;
      weights += weight;
    }
  }
  if (weights == 0) return std::nullopt;
  // Points 0-100 with one decimal, so equal figures tie exactly.
  return std::round(weighted / weights * 1000.0) / 10.0;
}

Result<League> league_table(storage::Connection& db, const Actor& actor, std::int64_t street_id,
                            const std::string& last_month, int months, std::int64_t now_ms) {
  if (months < 1 || months > 12) return bad_request("invalid_query", "months must be 1-12");
  if (month_after(last_month, 0).empty()) {
    return bad_request("invalid_query", "month must be like 2026-11");
  }
  if (!actor.is(Role::street) && !actor.is(Role::admin)) {
    return forbidden("the league table is the street's");
  }
  auto streets = registry::list_streets(db, actor);
  if (!streets) return streets.take_error();
  auto street = std::find_if(streets->begin(), streets->end(),
                             [&](const registry::Street& s) { return s.id == street_id; });
  if (street == streets->end()) return not_found("no street " + std::to_string(street_id));

  League league;
  league.street_id = street->id;
  league.street_name = street->name;
  for (int back = 0; back < months; ++back) {
    std::string label = month_after(last_month, -back);
    auto period = Period::parse(label);
    if (!period) break;
    LeagueMonth month;
    month.month = label;
    for (const auto& community : street->communities) {
      if (!actor.belongs_to(community.id)) continue;
      LeagueRow row;
      row.community_id = community.id;
      row.community_name = community.name;
      auto stats = request_stats(db, actor, community.id, period->from_ms, period->to_ms, now_ms);
      if (stats) row.stats = *stats;
      row.referred = db.query_int(
          "SELECT COUNT(*) FROM request_referrals WHERE community_id = ? AND referred_ms >= ? AND "
          "referred_ms < ?",
          {community.id, period->from_ms, period->to_ms});
      row.referrals_returned = db.query_int(
          "SELECT COUNT(*) FROM request_referrals WHERE community_id = ? AND referred_ms >= ? AND "
          "referred_ms < ? AND status = 'returned'",
          {community.id, period->from_ms, period->to_ms});
      row.score = league_score(row.stats);
      month.rows.push_back(std::move(row));
    }
    std::sort(month.rows.begin(), month.rows.end(), [](const LeagueRow& a, const LeagueRow& b) {
      if (a.score.has_value() != b.score.has_value()) return a.score.has_value();
      if (a.score && *a.score != *b.score) return *a.score > *b.score;
      return text::natural_less(a.community_name, b.community_name);
    });
    // Equal scores share a rank (1, 2, 2, 4); those without a score rank after everyone.
    for (std::size_t i = 0; i < month.rows.size(); ++i) {
      auto& row = month.rows[i];
      bool ties = i > 0 && month.rows[i - 1].score == row.score;
      row.rank = ties ? month.rows[i - 1].rank : static_cast<int>(i + 1);
    }
    league.months.push_back(std::move(month));
  }
  return league;
}

std::vector<OpenRecord> open_records(storage::Connection& db, std::int64_t community_id,
                                     std::int64_t from_ms, std::int64_t to_ms,
                                     std::int64_t now_ms) {
  auto hours = [](std::int64_t from, std::int64_t to) {
    return std::round(static_cast<double>(to - from) / 360'000.0) / 10.0;
  };
  std::vector<OpenRecord> out;
  for (const auto& row : db.query(
           "SELECT received_ms, category, priority, channel, status, responded_ms, "
           "resolved_ms, response_due_ms, resolution_due_ms, rating, (SELECT COUNT(*) FROM "
           "request_referrals f WHERE f.request_id = requests.id) FROM requests WHERE "
           "community_id = ? AND received_ms >= ? AND received_ms < ? ORDER BY received_ms, id",
           {community_id, from_ms, to_ms})) {
    OpenRecord record;
    std::int64_t received = row.integer(0);
    record.received_date = format_date(received);
    record.category = row.text(1);
    record.priority = row.text(2);
    record.channel = row.text(3);
    record.status = row.text(4);
    auto responded = row.opt_integer(5), resolved = row.opt_integer(6);
    std::int64_t response_due = row.integer(7), resolution_due = row.integer(8);
    if (responded) {
      record.response_hours = hours(received, *responded);
      record.responded_on_time = *responded <= response_due;
    } else if (now_ms > response_due) {
      record.responded_on_time = false;
    }
    if (resolved) {
      record.resolution_hours = hours(received, *resolved);
      record.resolved_on_time = *resolved <= resolution_due;
    } else if (now_ms > resolution_due &&
               is_open(parse_status(record.status).value_or(Status::closed))) {
      record.resolved_on_time = false;
    }
    record.referred = row.integer(10) != 0;
    if (auto rating = row.opt_integer(9)) record.rating = static_cast<int>(*rating);
    out.push_back(std::move(record));
  }
  return out;
}

}  // namespace gz::requests
