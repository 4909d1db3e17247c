// Splitting an integer amount (fen, or whole units such as childcare places) into integer
// parts that sum exactly to it. Every split in the allocation module (pools, co-funding)
// goes through here, so they all round the same way.
//
// Largest remainder (Hamilton): part i first gets floor(total * w_i / W); the units left
// over (fewer than the number of parts) go one each to the parts with the largest
// fractional remainder. Ties: the larger weight first, then the earlier position (the order
// the caller lists the parts in — the category order of a plan, the party order of a
// co-funding rule). All arithmetic is in 128-bit integers; nothing is rounded twice.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/result.hpp"

namespace gz::allocation {

// Errors (bad_request): "negative_amount", "negative_weight", "no_weight" (total > 0 but
// every weight is 0).
Result<std::vector<std::int64_t>> apportion(std::int64_t total,
                                            std::span<const std::int64_t> weights);

struct CappedSplit {
  std::vector<std::int64_t> parts;
  std::int64_t unallocated = 0;  // what no part could take (every part reached its cap)
};

// Water-filling: proportional to the weights, but no part above its cap (nullopt = no
// cap). A part whose proportional share would pass its cap gets exactly its cap, and the
// rest is shared again among the others in proportion to their weights, until no share
// passes a cap; then the largest-remainder split above. So no part gets more than it
// needs while another (with weight) is short. Parts with weight 0 get nothing. If every
// part with weight is capped, the remainder is returned as `unallocated`.
Result<CappedSplit> apportion_capped(std::int64_t total, std::span<const std::int64_t> weights,
                                     std::span<const std::optional<std::int64_t>> caps);

// part / whole in basis points (1/100 of a percent), rounded half up; 0 when whole is 0.
std::int64_t basis_points(std::int64_t part, std::int64_t whole);

}  // namespace gz::allocation
