#include "modules/allocation/apportion.hpp"

#include <algorithm>
#include <numeric>

namespace gz::allocation {
namespace {

using Wide = __int128;

Result<void> check_inputs(std::int64_t total, std::span<const std::int64_t> weights) {
  if (total < 0) return bad_request("negative_amount", "an amount to split cannot be negative");
  for (std::int64_t w : weights) {
    if (w < 0) return bad_request("negative_weight", "a share or weight cannot be negative");
  }
  return {};
}

// The largest-remainder split of `total` among the parts whose index is in `active`.
void split_among(std::int64_t total, std::span<const std::int64_t> weights,
                 const std::vector<std::size_t>& active, std::vector<std::int64_t>& parts) {
  Wide weight_sum = 0;
  for (std::size_t i : active) weight_sum += weights[i];
  if (weight_sum == 0 || total == 0) return;
  std::vector<Wide> remainder(weights.size(), 0);
  std::int64_t given = 0;
  for (std::size_t i : active) {
    Wide exact = static_cast<Wide>(total) * weights[i];
    parts[i] += static_cast<std::int64_t>(exact / weight_sum);
    given += static_cast<std::int64_t>(exact / weight_sum);
    remainder[i] = exact % weight_sum;
  }
  std::vector<std::size_t> order = active;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (remainder[a] != remainder[b]) return remainder[a] > remainder[b];
    if (weights[a] != weights[b]) return weights[a] > weights[b];
    return a < b;
  });
  for (std::int64_t k = 0; k < total - given; ++k) ++parts[order[static_cast<std::size_t>(k)]];
}

}  // namespace

Result<std::vector<std::int64_t>> apportion(std::int64_t total,
                                            std::span<const std::int64_t> weights) {
  GZ_TRY(check_inputs(total, weights));
  std::vector<std::int64_t> parts(weights.size(), 0);
  bool any_weight =
      std::any_of(weights.begin(), weights.end(), [](std::int64_t w) { return w > 0; });
  if (total > 0 && !any_weight) {
    return bad_request("no_weight", "there is something to split but every share is 0");
  }
  std::vector<std::size_t> all(weights.size());
  std::iota(all.begin(), all.end(), std::size_t{0});
  split_among(total, weights, all, parts);
  return parts;
}

Result<CappedSplit> apportion_capped(std::int64_t total, std::span<const std::int64_t> weights,
                                     std::span<const std::optional<std::int64_t>> caps) {
  GZ_TRY(check_inputs(total, weights));
  if (caps.size() != weights.size()) {
    return bad_request("invalid_caps", "one cap (or none) per part");
  }
  for (const auto& cap : caps) {
    if (cap && *cap < 0) return bad_request("negative_amount", "a cap cannot be negative");
  }
  CappedSplit split;
  split.parts.assign(weights.size(), 0);
  std::vector<std::size_t> active;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (weights[i] > 0 && (!caps[i] || *caps[i] > 0)) active.push_back(i);
  }
  std::int64_t left = total;
  // Fix at their cap every part whose proportional share of what is left reaches it, until
  // none does. Each pass removes at least one part, so this ends.
  while (!active.empty()) {
    Wide weight_sum = 0;
    for (std::size_t i : active) weight_sum += weights[i];
    std::vector<std::size_t> still;
    bool capped_any = false;
    for (std::size_t i : active) {
      // share = left * w / W >= cap  <=>  left * w >= cap * W
      if (caps[i] &&
          static_cast<Wide>(left) * weights[i] >= static_cast<Wide>(*caps[i]) * weight_sum) {
        split.parts[i] = *caps[i];
        capped_any = true;
      } else {
        still.push_back(i);
      }
    }
    if (!capped_any) break;
    for (std::size_t i : active) {
      if (split.parts[i] > 0) left -= split.parts[i];
    }
    active = std::move(still);
  }
  if (active.empty()) {
    split.unallocated = left;
    return split;
  }
  // Every remaining share is below its cap, so rounding it up by one unit stays within it.
  split_among(left, weights, active, split.parts);
  return split;
}

std::int64_t basis_points(std::int64_t part, std::int64_t whole) {
  if (whole == 0) return 0;
  Wide scaled = static_cast<Wide>(part) * 20000 + whole;
  return static_cast<std::int64_t>(scaled / (2 * static_cast<Wide>(whole)));
}

}  // namespace gz::allocation
