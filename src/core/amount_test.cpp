// One bound for every amount; comparisons that cannot wrap.
#include "core/amount.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace gz {
namespace {

constexpr std::int64_t kLargest = std::numeric_limits<std::int64_t>::max();

TEST(Amount, the_bound_is_ten_to_the_twelfth_and_refusals_name_the_field) {
  EXPECT_TRUE(check_amount(kAmountMax, "amount").ok());
  EXPECT_TRUE(check_amount(0, "amount").ok());
  auto too_big = check_amount(kAmountMax + 1, "amount");
  ASSERT_FALSE(too_big.ok());
  EXPECT_EQ(too_big.error().code, "invalid_amount");
  EXPECT_NE(too_big.error().message.find("'amount'"), std::string::npos);
  EXPECT_FALSE(check_amount(kLargest, "total").ok());
  EXPECT_FALSE(check_amount(0, "cost", 1).ok());
  EXPECT_FALSE(check_amount(-1, "cost").ok());
}

// The review's overflow: 29 fen planned, 17 spent, INT64_MAX more "fits" when summed.
TEST(Amount, fits_within_does_not_wrap_where_a_sum_would) {
  EXPECT_FALSE(fits_within(kLargest, 29, 17));
  EXPECT_TRUE(fits_within(12, 29, 17));
  EXPECT_FALSE(fits_within(13, 29, 17));
  EXPECT_FALSE(fits_within(-5, 29, 17));
  EXPECT_FALSE(fits_within(0, 29, 30));  // already over: nothing fits
}

TEST(Amount, add_checked_says_when_a_sum_does_not_fit) {
  EXPECT_EQ(add_checked(kAmountMax, kAmountMax), 2 * kAmountMax);
  EXPECT_FALSE(add_checked(kLargest, 1).has_value());
  EXPECT_FALSE(add_checked(std::numeric_limits<std::int64_t>::min(), -1).has_value());
}

}  // namespace
}  // namespace gz
