// The registry demo's draws on gz::Rng (core/random.hpp): a value from a weighted table (the
// demo's own constant tables, or the data file's weighted names), one of a list, and an age
// from weighted age bands. Internal to the registry demo.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/random.hpp"
#include "modules/registry/demo/texts.hpp"

namespace gz::registry::demo {

struct Weighted {
  std::string_view value;
  int weight;
};

// The value of a {value, weight} entry chosen with probability proportional to its weight.
template <typename Table>
std::string_view pick_weighted(Rng& rng, const Table& table) {
  int total = 0;
  for (const auto& entry : table) total += entry.weight;
  int roll = rng.between(0, total - 1);
  for (const auto& entry : table) {
    if (roll < entry.weight) return entry.value;
    roll -= entry.weight;
  }
  return table.back().value;
}

inline std::string_view pick(Rng& rng, std::span<const Weighted> table) {
  return pick_weighted(rng, table);
}
inline std::string_view pick(Rng& rng, const WeightedTexts& table) {
  return pick_weighted(rng, table);
}
inline std::string_view pick(Rng& rng, const std::vector<std::string>& items) {
  return items[static_cast<std::size_t>(rng.between(0, static_cast<int>(items.size()) - 1))];
}

struct AgeBand {
  int low;
  int high;
  int weight;
};

inline int age_in(Rng& rng, std::span<const AgeBand> bands) {
  int total = 0;
  for (const auto& band : bands) total += band.weight;
  int roll = rng.between(0, total - 1);
  for (const auto& band : bands) {
    if (roll < band.weight) return rng.between(band.low, band.high);
    roll -= band.weight;
  }
  return bands.back().high;
}

}  // namespace gz::registry::demo
