// The street's per-community input cache; see input_cache.hpp.
#include "modules/indicators/input_cache.hpp"

namespace gz::indicators {

void add_input(IndicatorInput& total, const IndicatorInput& part) {
  total.months = part.months;
  total.households += part.households;
  total.participating_households += part.participating_households;
  total.proposals += part.proposals;
  // Leader growth is measured against the leaders at the start: none anywhere means no data.
  std::int64_t start = total.leaders_at_start.value_or(0) + part.leaders_at_start.value_or(0);
  if (start > 0) total.leaders_at_start = start;
  total.leaders_at_end += part.leaders_at_end;
  total.delivered_units += part.delivered_units;
  total.misallocated_units += part.misallocated_units;
  total.complaint_requests += part.complaint_requests;
  total.requests.insert(total.requests.end(), part.requests.begin(), part.requests.end());
  total.ratings.insert(total.ratings.end(), part.ratings.begin(), part.ratings.end());
  total.planned_fen += part.planned_fen;
  total.spent_fen += part.spent_fen;
  total.contribution_minutes += part.contribution_minutes;
  total.spending_fen += part.spending_fen;
}

InputCache::InputCache(Gather gather, std::chrono::seconds max_age)
    : gather_(std::move(gather)), kept_(max_age) {}

IndicatorInput InputCache::sum(storage::Connection& db,
                               const std::vector<std::int64_t>& community_ids,
                               const Period& period) {
  std::string key =
      period.label + "|" + std::to_string(period.from_ms) + "|" + std::to_string(period.to_ms);
  IndicatorInput total;
  total.months = period.months;
  auto stamps = audit::stamps(db, community_ids);
  for (std::size_t i = 0; i < community_ids.size(); ++i) {
    auto input = kept_.get(community_ids[i], key, stamps[i],
                           [&] { return gather_(db, community_ids[i], period); });
    add_input(total, *input);
  }
  return total;
}

}  // namespace gz::indicators
