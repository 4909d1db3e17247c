// A deterministic random generator for the demo data: xoshiro256** (Blackman and Vigna)
// seeded through splitmix64, with our own range reduction, so every platform and standard
// library draws the same numbers (std::uniform_int_distribution is implementation-defined).
// Not for secrets: tokens and tracking codes use the OS CSPRNG (core/crypto.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace gz {

inline std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

class Rng {
 public:
  // Each stream of one seed is independent: a community's data does not depend on how many
  // others are generated with it.
  Rng(std::uint64_t seed, std::uint64_t stream) {
    std::uint64_t state = seed ^ (stream * 0xD1B54A32D192ED03ULL);
    for (auto& word : state_) word = splitmix64(state);
  }

  std::uint64_t next() {
    const std::uint64_t result = rotate_left(state_[1] * 5, 7) * 9;
    const std::uint64_t shifted = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= shifted;
    state_[3] = rotate_left(state_[3], 45);
    return result;
  }

  // Uniform in [low, high] (low ≤ high); rejects the few values that would bias the modulo.
  std::int64_t between(std::int64_t low, std::int64_t high) {
    const std::uint64_t span = static_cast<std::uint64_t>(high - low) + 1;
    const std::uint64_t biased_below = (0 - span) % span;
    std::uint64_t value = next();
    while (value < biased_below) value = next();
    return low + static_cast<std::int64_t>(value % span);
  }
  int between(int low, int high) {
    return static_cast<int>(between(std::int64_t{low}, std::int64_t{high}));
  }
  bool percent(int chance) { return between(0, 99) < chance; }
  bool permille(int chance) { return between(0, 999) < chance; }
  // Uniform in [0, 1), from 53 random bits (exact on every IEEE 754 platform).
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  // In [low, high], most draws near `low`: durations are long-tailed.
  std::int64_t skewed(std::int64_t low, std::int64_t high) {
    const double u = unit();
    return low + static_cast<std::int64_t>(static_cast<double>(high - low) * u * u);
  }

  template <typename T>
  const T& pick(const std::vector<T>& items) {
    return items[static_cast<std::size_t>(
        between(std::int64_t{0}, static_cast<std::int64_t>(items.size()) - 1))];
  }
  template <typename T, std::size_t N>
  const T& pick(const T (&items)[N]) {
    return items[static_cast<std::size_t>(between(0, static_cast<int>(N) - 1))];
  }
  template <typename T>
  const T& of(std::span<const T> items) {
    return items[static_cast<std::size_t>(between(0, static_cast<int>(items.size()) - 1))];
  }

  template <typename T>
  void shuffle(std::vector<T>& items) {
    for (std::size_t i = items.size(); i > 1; --i) {
      const auto j = static_cast<std::size_t>(between(std::int64_t{0}, std::int64_t(i - 1)));
      std::swap(items[i - 1], items[j]);
    }
  }

 private:
  static std::uint64_t rotate_left(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t state_[4];
};

}  // namespace gz
