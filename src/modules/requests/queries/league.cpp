// The street's league table of its communities, month by month (requests.hpp).
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

}  // namespace gz::requests
