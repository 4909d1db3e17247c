// The points demo's randomness: gz::Rng (core/random.hpp) on streams of the seed, one per
// purpose and community, and a weighted choice. Internal to the points demo.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

#include "core/random.hpp"

namespace gz::points::demo {

// The streams of the seed this module draws from (the registry demo uses streams 0..N), one
// per purpose and community, so communities generated with one seed do not mirror each other.
inline constexpr std::uint64_t kPlanStream = 0x706f696e74730001ULL;      // "points" 1
inline constexpr std::uint64_t kReplayStream = 0x706f696e74730002ULL;    // "points" 2
inline constexpr std::uint64_t kTimebankStream = 0x706f696e74730003ULL;  // "points" 3

inline std::uint64_t stream_of(std::uint64_t purpose, std::int64_t community_id) {
  return purpose ^ (static_cast<std::uint64_t>(community_id) << 20);
}

// Index of the entry chosen with probability proportional to its weight; weights may be 0.
inline std::optional<std::size_t> pick_weighted(Rng& rng, std::span<const int> weights) {
  int total = 0;
  for (int weight : weights) total += weight;
  if (total <= 0) return std::nullopt;
  int roll = rng.between(0, total - 1);
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (roll < weights[i]) return i;
    roll -= weights[i];
  }
  return weights.size() - 1;
}

}  // namespace gz::points::demo
