// The requests demo's randomness: gz::Rng (core/random.hpp) plus two draws of its own that
// accept ranges the plan may leave empty. They have their own names because they draw
// differently from gz::Rng's: between_or_low(low, high) gives `low` without drawing when
// high <= low (gz::Rng::between draws once even for low == high), and one_of draws nothing
// when there is only one item. The demo's rows depend on every draw, so the two must not be
// mixed up. Internal to the requests demo.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "core/random.hpp"

namespace gz::requests::demo {

// The stream of the seed this demo draws from; the registry demo uses streams 0..N.
inline constexpr std::uint64_t kRequestsStream = 0x7265717565737473ULL;  // "requests"

class Rng : public gz::Rng {
 public:
  using gz::Rng::Rng;
  std::int64_t between_or_low(std::int64_t low, std::int64_t high) {
    return high <= low ? low : gz::Rng::between(low, high);
  }
  int between_or_low(int low, int high) {
    return static_cast<int>(between_or_low(std::int64_t{low}, std::int64_t{high}));
  }
  template <typename T>
  const T& one_of(std::span<const T> items) {
    return items[static_cast<std::size_t>(between_or_low(0, static_cast<int>(items.size()) - 1))];
  }
};

struct Weighted {
  std::string_view value;
  int weight;
};

// A value with probability proportional to its weight.
inline std::string_view pick(Rng& rng, std::span<const Weighted> table) {
  int total = 0;
  for (const auto& entry : table) total += entry.weight;
  int roll = rng.between_or_low(0, total - 1);
  for (const auto& entry : table) {
    if (roll < entry.weight) return entry.value;
    roll -= entry.weight;
  }
  return table.back().value;
}

inline const std::string& pick(Rng& rng, std::span<const std::string> items) {
  return rng.one_of(items);
}

}  // namespace gz::requests::demo
