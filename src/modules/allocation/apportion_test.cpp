#include "modules/allocation/apportion.hpp"

#include <gtest/gtest.h>

#include <numeric>
#include <random>

namespace gz::allocation {
namespace {

std::vector<std::int64_t> split(std::int64_t total, std::vector<std::int64_t> weights) {
  auto parts = apportion(total, weights);
  EXPECT_TRUE(parts.ok()) << (parts.ok() ? "" : parts.error().message);
  return parts.ok() ? parts.value() : std::vector<std::int64_t>{};
}

TEST(Apportion, gives_leftover_units_to_the_largest_remainders) {
  // 10 by 1:1:1 -> 3.33 each; the one unit left goes to the first (equal remainders and
  // weights: position decides).
  EXPECT_EQ(split(10, {1, 1, 1}), (std::vector<std::int64_t>{4, 3, 3}));
  // 100 by 2:3:5 is exact.
  EXPECT_EQ(split(100, {2, 3, 5}), (std::vector<std::int64_t>{20, 30, 50}));
  // 7 by 70:30 -> 4.9 / 2.1: the larger remainder (0.9) gets the unit.
  EXPECT_EQ(split(7, {70, 30}), (std::vector<std::int64_t>{5, 2}));
  // 95 by 70:30 -> 66.5 / 28.5: equal remainders, the larger weight gets the unit.
  EXPECT_EQ(split(95, {70, 30}), (std::vector<std::int64_t>{67, 28}));
  EXPECT_EQ(split(95, {30, 70}), (std::vector<std::int64_t>{28, 67}));
  EXPECT_EQ(split(0, {1, 2}), (std::vector<std::int64_t>{0, 0}));
  EXPECT_EQ(split(5, {0, 3}), (std::vector<std::int64_t>{0, 5}));
}

TEST(Apportion, refuses_what_cannot_be_split) {
  EXPECT_EQ(apportion(-1, std::vector<std::int64_t>{1}).error().code, "negative_amount");
  EXPECT_EQ(apportion(1, std::vector<std::int64_t>{1, -1}).error().code, "negative_weight");
  EXPECT_EQ(apportion(1, std::vector<std::int64_t>{0, 0}).error().code, "no_weight");
  EXPECT_EQ(apportion(1, std::vector<std::int64_t>{}).error().code, "no_weight");
}

TEST(Apportion, every_split_sums_exactly_and_stays_within_one_unit_of_its_quota) {
  std::mt19937_64 random(7);
  for (int round = 0; round < 3000; ++round) {
    const std::size_t n = 1 + random() % 12;
    std::vector<std::int64_t> weights(n);
    for (auto& w : weights) w = static_cast<std::int64_t>(random() % (round % 2 ? 7 : 1'000'000));
    weights[random() % n] += 1;
    const std::int64_t total = static_cast<std::int64_t>(random() % 1'000'000'000'000LL);
    std::vector<std::int64_t> parts = split(total, weights);
    ASSERT_EQ(std::accumulate(parts.begin(), parts.end(), std::int64_t{0}), total);
    __int128 weight_sum = std::accumulate(weights.begin(), weights.end(), __int128{0});
    for (std::size_t i = 0; i < n; ++i) {
      __int128 quota_floor = static_cast<__int128>(total) * weights[i] / weight_sum;
      ASSERT_GE(parts[i], quota_floor);
      ASSERT_LE(parts[i], quota_floor + 1);
    }
  }
}

TEST(ApportionCapped, water_fills_the_surplus_of_capped_parts) {
  // 100 by 1:1:2 -> 25/25/50, but the third needs only 30: it gets 30 and the 20 it
  // cannot use goes to the others, 35 each.
  std::vector<std::int64_t> weights = {1, 1, 2};
  std::vector<std::optional<std::int64_t>> caps = {std::nullopt, 100, 30};
  auto result = apportion_capped(100, weights, caps);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->parts, (std::vector<std::int64_t>{35, 35, 30}));
  EXPECT_EQ(result->unallocated, 0);
  // Everyone capped: the rest is returned, not forced on anyone.
  caps = {10, 10, 10};
  result = apportion_capped(100, weights, caps);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->parts, (std::vector<std::int64_t>{10, 10, 10}));
  EXPECT_EQ(result->unallocated, 70);
}

TEST(ApportionCapped, no_part_passes_its_cap_while_another_is_short) {
  std::mt19937_64 random(11);
  for (int round = 0; round < 3000; ++round) {
    const std::size_t n = 1 + random() % 10;
    std::vector<std::int64_t> weights(n);
    std::vector<std::optional<std::int64_t>> caps(n);
    for (std::size_t i = 0; i < n; ++i) {
      weights[i] = static_cast<std::int64_t>(random() % 100);
      if (random() % 4 != 0) caps[i] = static_cast<std::int64_t>(random() % 5000);
    }
    const std::int64_t total = static_cast<std::int64_t>(random() % 20000);
    auto result = apportion_capped(total, weights, caps);
    ASSERT_TRUE(result.ok());
    const auto& parts = result->parts;
    ASSERT_EQ(std::accumulate(parts.begin(), parts.end(), result->unallocated), total);
    bool any_room = false;  // a part with weight still below its cap
    for (std::size_t i = 0; i < n; ++i) {
      if (caps[i]) {
        ASSERT_LE(parts[i], *caps[i]);
      }
      if (weights[i] == 0) {
        ASSERT_EQ(parts[i], 0);
      }
      if (weights[i] > 0 && (!caps[i] || parts[i] < *caps[i])) any_room = true;
    }
    if (result->unallocated > 0) {
      ASSERT_FALSE(any_room) << "round " << round;
    }
    // Two parts below their caps are shared in proportion to their weights, give or take
    // the one unit of rounding: (p_i - 1) / w_i < (p_j + 1) / w_j.
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t j = 0; j < n; ++j) {
        bool open_i = weights[i] > 0 && (!caps[i] || parts[i] < *caps[i]);
        bool open_j = weights[j] > 0 && (!caps[j] || parts[j] < *caps[j]);
        if (!open_i || !open_j) continue;
        ASSERT_LT((parts[i] - 1) * weights[j], (parts[j] + 1) * weights[i]) << "round " << round;
      }
    }
    // A capped part with weight could not have had more: its cap is at most its fair level.
    for (std::size_t i = 0; i < n; ++i) {
      if (!caps[i] || weights[i] == 0 || parts[i] != *caps[i]) continue;
      for (std::size_t j = 0; j < n; ++j) {
        bool open_j = weights[j] > 0 && (!caps[j] || parts[j] < *caps[j]);
        if (open_j) {
          ASSERT_LE(*caps[i] * weights[j], (parts[j] + 1) * weights[i]);
        }
      }
    }
  }
}

TEST(Apportion, basis_points_round_half_up) {
  EXPECT_EQ(basis_points(1, 3), 3333);
  EXPECT_EQ(basis_points(2, 3), 6667);
  EXPECT_EQ(basis_points(1, 20000), 1);  // 0.5 bp rounds up
  EXPECT_EQ(basis_points(5, 0), 0);
}

}  // namespace
}  // namespace gz::allocation
