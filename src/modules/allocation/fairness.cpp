#include "modules/allocation/fairness.hpp"

#include <algorithm>
#include <unordered_map>

#include "modules/allocation/apportion.hpp"

namespace gz::allocation {
namespace {

using Wide = __int128;

// numerator / denominator * scale, rounded half up (both non-negative, denominator > 0).
std::int64_t scaled_ratio(Wide numerator, Wide denominator, std::int64_t scale) {
  return static_cast<std::int64_t>((numerator * scale * 2 + denominator) / (2 * denominator));
}

Wide absolute(Wide x) {
  return x < 0 ? -x : x;
}

}  // namespace

Result<FairnessReport> assess_fairness(std::span<const GroupInput> groups,
                                       const FairnessBounds& bounds) {
  if (bounds.min_ratio_percent < 0 || bounds.min_ratio_percent > bounds.max_ratio_percent) {
    return bad_request("invalid_bounds", "the lower bound must be between 0 and the upper bound");
  }
  Wide resources = 0, need = 0, population = 0;
  for (const GroupInput& g : groups) {
    if (g.resources < 0 || g.need < 0 || g.population < 0) {
      return bad_request("negative_amount", "resources, need and population cannot be negative");
    }
    resources += g.resources;
    need += g.need;
    population += g.population;
  }
  FairnessReport report;
  for (const GroupInput& g : groups) {
    GroupFairness out;
    out.group = g.group;
    if (resources > 0) out.resource_share_bp = scaled_ratio(g.resources, resources, 10000);
    if (need > 0) out.need_share_bp = scaled_ratio(g.need, need, 10000);
    if (population > 0) out.population_share_bp = scaled_ratio(g.population, population, 10000);
    // (r/R) / (n/N) = r·N / (n·R)
    if (g.need > 0 && resources > 0) {
      Wide numerator = static_cast<Wide>(g.resources) * need;
      Wide denominator = static_cast<Wide>(g.need) * resources;
      out.ratio_to_need_percent = scaled_ratio(numerator, denominator, 100);
      out.elite_capture = numerator * 100 > denominator * bounds.max_ratio_percent;
      out.left_behind = numerator * 100 < denominator * bounds.min_ratio_percent;
    } else if (g.need == 0 && g.resources > 0) {
      out.elite_capture = true;  // resources to a group with no assessed need
    } else if (g.need > 0 && resources == 0) {
      out.left_behind = bounds.min_ratio_percent > 0;
    }
    if (g.population > 0 && resources > 0) {
      out.ratio_to_population_percent =
          scaled_ratio(static_cast<Wide>(g.resources) * population,
                       static_cast<Wide>(g.population) * resources, 100);
    }
    report.elite_capture = report.elite_capture || out.elite_capture;
    report.groups.push_back(std::move(out));
  }
  // Population-weighted Gini of per-resident resources y_i = r_i / p_i:
  //   G = Σ_i Σ_j p_i p_j |y_i − y_j| / (2 P² ȳ) = Σ_i Σ_j |r_i p_j − r_j p_i| / (2 P R).
  if (resources > 0 && population > 0) {
    Wide sum = 0;
    for (const GroupInput& a : groups) {
      for (const GroupInput& b : groups) {
        sum += absolute(static_cast<Wide>(a.resources) * b.population -
                        static_cast<Wide>(b.resources) * a.population);
      }
    }
    report.gini_bp = scaled_ratio(sum, 2 * population * resources, 10000);
  }
  return report;
}

Result<std::int64_t> gini_bp(std::span<const std::int64_t> values) {
  std::vector<std::int64_t> sorted(values.begin(), values.end());
  for (std::int64_t v : sorted) {
    if (v < 0) return bad_request("negative_amount", "values cannot be negative");
  }
  std::sort(sorted.begin(), sorted.end());
  // Σ_i Σ_j |x_i − x_j| = 2 Σ_i (2i − n − 1) x_(i) with i from 1 in ascending order.
  const auto n = static_cast<Wide>(sorted.size());
  Wide total = 0, weighted = 0;
  for (std::size_t k = 0; k < sorted.size(); ++k) {
    const Wide i = static_cast<Wide>(k) + 1;
    total += sorted[k];
    weighted += (2 * i - n - 1) * sorted[k];
  }
  if (total == 0) return std::int64_t{0};
  // G = 2·weighted / (2 n Σx) = weighted / (n Σx)
  return scaled_ratio(weighted, n * total, 10000);
}

Misallocation misallocation_rate(std::span<const Delivery> deliveries,
                                 std::span<const needs::AssessedHousehold> households) {
  std::unordered_map<std::int64_t, const needs::AssessedHousehold*> by_id;
  for (const needs::AssessedHousehold& h : households) by_id[h.household_id] = &h;
  Misallocation result;
  for (const Delivery& d : deliveries) {
    if (d.units <= 0) continue;
    result.total_units += d.units;
    auto it = by_id.find(d.household_id);
    bool needed = it != by_id.end() && it->second->demand[static_cast<std::size_t>(d.category)] > 0;
    if (!needed) result.misallocated_units += d.units;
  }
  result.rate_bp = basis_points(result.misallocated_units, result.total_units);
  return result;
}

}  // namespace gz::allocation
