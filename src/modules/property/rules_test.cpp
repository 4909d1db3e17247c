// The trust fund's arithmetic: the fee adjustment stays within ±10% for every score and any
// parameters, fees round half up, revenue splits sum exactly to the income, and a rule change
// applies only from its effective date.
#include "modules/property/rules.hpp"

#include <gtest/gtest.h>

#include <numeric>

#include "core/random.hpp"

namespace gz::property {
namespace {

TEST(PropertyRules, DefaultAdjustmentFollowsTheDocumentedLine) {
  AdjustmentParams params;  // 80 → 0, +25 bp per point above, −50 bp per point below
  EXPECT_EQ(adjustment_bp(8000, params), 0);
  EXPECT_EQ(adjustment_bp(9000, params), 250);
  EXPECT_EQ(adjustment_bp(10000, params), 500);
  EXPECT_EQ(adjustment_bp(7000, params), -500);
  EXPECT_EQ(adjustment_bp(6000, params), -1000);
  EXPECT_EQ(adjustment_bp(0, params), -1000);  // clamped at −10%
  EXPECT_EQ(adjustment_bp(8002, params), 1);   // 0.02 × 25 = 0.5 → rounds half up to 1
  EXPECT_EQ(adjustment_bp(7999, params), -1);  // −0.01 × 50 = −0.5 → −1 (half away from 0)
}

TEST(PropertyRules, AdjustmentNeverLeavesTenPercentForAnyScoreOrParameters) {
  Rng rng(20261129, 1);
  for (int trial = 0; trial < 2000; ++trial) {
    AdjustmentParams params;
    // Half the trials in the valid ranges, half anywhere (even nonsense is clamped).
    bool wild = trial % 2 == 1;
    params.neutral_score = wild ? rng.between(-1000, 1000) : rng.between(0, 100);
    params.up_bp_per_point = wild ? rng.between(-100000, 100000) : rng.between(0, 1000);
    params.down_bp_per_point = wild ? rng.between(-100000, 100000) : rng.between(0, 1000);
    params.cap_up_bp = wild ? rng.between(-5000, 5000) : rng.between(0, 1000);
    params.cap_down_bp = wild ? rng.between(-5000, 5000) : rng.between(0, 1000);
    std::int64_t previous = INT64_MIN;
    for (std::int64_t score = 0; score <= 100; ++score) {
      std::int64_t adjustment = adjustment_bp(score * 100, params);
      ASSERT_GE(adjustment, -kMaxAdjustmentBp) << trial << " score " << score;
      ASSERT_LE(adjustment, kMaxAdjustmentBp) << trial << " score " << score;
      if (!wild) {
        ASSERT_GE(adjustment, -params.cap_down_bp);
        ASSERT_LE(adjustment, params.cap_up_bp);
        ASSERT_GE(adjustment, previous) << "a better score never lowers the fee";
      }
      previous = adjustment;
    }
    // Fractional means and scores outside 0-100 too.
    for (int k = 0; k < 50; ++k) {
      std::int64_t adjustment = adjustment_bp(rng.between(-20000, 20000), params);
      ASSERT_LE(std::abs(adjustment), kMaxAdjustmentBp);
    }
  }
}

TEST(PropertyRules, ValidateRejectsParametersOutOfRange) {
  EXPECT_TRUE(validate(AdjustmentParams{}).ok());
  AdjustmentParams too_big;
  too_big.cap_up_bp = 1001;
  EXPECT_EQ(validate(too_big).error().code, "invalid_adjustment");
  AdjustmentParams neutral;
  neutral.neutral_score = 101;
  EXPECT_FALSE(validate(neutral).ok());
}

TEST(PropertyRules, FeeIsAdjustedAndRoundedHalfUp) {
  EXPECT_EQ(adjusted_fee_fen(20000, 0), 20000);
  EXPECT_EQ(adjusted_fee_fen(20000, 1000), 22000);
  EXPECT_EQ(adjusted_fee_fen(20000, -1000), 18000);
  EXPECT_EQ(adjusted_fee_fen(15, 1000), 17);    // 16.5 → 17
  EXPECT_EQ(adjusted_fee_fen(25, -1000), 23);   // 22.5 → 23
  EXPECT_EQ(adjusted_fee_fen(333, 250), 341);   // 341.325 → 341
  EXPECT_EQ(mean_centi(170, 2).value(), 8500);  // (80 + 90) / 2
  EXPECT_EQ(mean_centi(200, 3).value(), 6667);  // 66.666… → 66.67
  EXPECT_FALSE(mean_centi(0, 0).has_value());
  EXPECT_EQ(ratio_bp(9, 10), 9000);
  EXPECT_EQ(ratio_bp(1, 3), 3333);
  EXPECT_EQ(ratio_bp(2, 3), 6667);
  EXPECT_EQ(ratio_bp(5, 0), 0);
}

TEST(PropertyRules, SharesMustSumToExactlyTenThousand) {
  EXPECT_TRUE(validate_shares({5000, 3000, 2000}).ok());
  EXPECT_EQ(validate_shares({5000, 3000, 1999}).error().code, "invalid_shares");
  EXPECT_FALSE(validate_shares({5000, 3000, 2001}).ok());
  EXPECT_FALSE(validate_shares({10000, 0}).ok());
  EXPECT_FALSE(validate_shares({}).ok());
  EXPECT_FALSE(validate_shares({12000, -2000}).ok());
}

TEST(PropertyRules, SplitGivesTheLeftoverFenToTheLargestRemainders) {
  EXPECT_EQ(split_amount(100, {5000, 3000, 2000}), (std::vector<std::int64_t>{50, 30, 20}));
  // 101 × 50% = 50.5, × 30% = 30.3, × 20% = 20.2: one fen left, to the 0.5.
  EXPECT_EQ(split_amount(101, {5000, 3000, 2000}), (std::vector<std::int64_t>{51, 30, 20}));
  // Equal thirds of 100: 33.33 each, the leftover fen goes to the first listed.
  EXPECT_EQ(split_amount(100, {3334, 3333, 3333}), (std::vector<std::int64_t>{34, 33, 33}));
  EXPECT_EQ(split_amount(1, {3334, 3333, 3333}), (std::vector<std::int64_t>{1, 0, 0}));
  EXPECT_EQ(split_amount(0, {5000, 5000}), (std::vector<std::int64_t>{0, 0}));
}

TEST(PropertyRules, SplitSumsExactlyForRandomAmountsAndShares) {
  Rng rng(7, 3);
  for (int trial = 0; trial < 20000; ++trial) {
    int count = rng.between(1, 8);
    std::vector<std::int64_t> shares(static_cast<std::size_t>(count), 1);
    std::int64_t left = kShareTotalBp - count;
    for (int i = 0; i + 1 < count; ++i) {
      std::int64_t extra = rng.between(std::int64_t{0}, left);
      shares[static_cast<std::size_t>(i)] += extra;
      left -= extra;
    }
    shares.back() += left;
    rng.shuffle(shares);
    ASSERT_TRUE(validate_shares(shares).ok());
    std::int64_t amount = trial % 3 == 0 ? rng.between(std::int64_t{0}, std::int64_t{1000})
                                         : rng.between(std::int64_t{1}, kMaxAmountFen);
    auto parts = split_amount(amount, shares);
    ASSERT_EQ(std::accumulate(parts.begin(), parts.end(), std::int64_t{0}), amount);
    for (std::size_t i = 0; i < parts.size(); ++i) {
      // Each part is within one fen of its exact share.
      std::int64_t floor_part = amount * shares[i] / kShareTotalBp;
      ASSERT_GE(parts[i], floor_part);
      ASSERT_LE(parts[i], floor_part + 1);
    }
  }
}

TEST(PropertyRules, QuartersAndDaysAreInShanghaiTime) {
  auto quarter = parse_quarter("2026Q3").value();
  EXPECT_EQ(quarter_name(next_quarter(quarter)), "2026Q4");
  EXPECT_EQ(quarter_name(next_quarter(parse_quarter("2026Q4").value())), "2027Q1");
  EXPECT_EQ(quarter_name(previous_quarter(parse_quarter("2026Q1").value())), "2025Q4");
  EXPECT_FALSE(parse_quarter("2026Q5").has_value());
  EXPECT_FALSE(parse_quarter("2026-Q1").has_value());
  // 2026-07-01T00:00:00+08:00
  EXPECT_EQ(quarter_start_ms(quarter), 1782835200000);
  EXPECT_EQ(quarter_name(quarter_of(1782835200000)), "2026Q3");
  EXPECT_EQ(quarter_name(quarter_of(1782835200000 - 1)), "2026Q2");
  EXPECT_EQ(day_start_ms("2026-07-01").value(), 1782835200000);
  EXPECT_FALSE(day_start_ms("2026-02-30").has_value());
}

TEST(PropertyRules, IncomesBeforeAChangeUseTheOldRule) {
  std::vector<RuleVersion> versions{{1, 1000}, {2, 5000}};
  EXPECT_FALSE(rule_in_effect(versions, 999).has_value());
  EXPECT_EQ(rule_in_effect(versions, 1000).value(), 1);
  EXPECT_EQ(rule_in_effect(versions, 4999).value(), 1);
  EXPECT_EQ(rule_in_effect(versions, 5000).value(), 2);
  EXPECT_EQ(rule_in_effect(versions, 9000).value(), 2);
}

TEST(PropertyRules, CodesAreSnakeCase) {
  EXPECT_TRUE(is_code("maintenance_fund"));
  EXPECT_FALSE(is_code("Maintenance"));
  EXPECT_FALSE(is_code(""));
  EXPECT_FALSE(is_code("a-b"));
}

}  // namespace
}  // namespace gz::property
