// Amounts: every quantity of money, points, minutes, places, votes or shares the product
// accepts — fen, points, minutes, whole units, totals, prices, stocks, weights — is an integer
// in [0, kAmountMax]. One bound, checked where input enters (the JSON reader's amount(), the
// CSV and pabulib imports, the command line) and again by the use cases that take amounts
// from other callers, so that no arithmetic on stored amounts can wrap: a sum of up to nine
// million bounded amounts still fits in 64 bits, and comparisons against what is left are
// written as differences of bounded values (fits_within), never as sums that could overflow.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/result.hpp"

namespace gz {

// 10^12: ten billion yuan in fen, a trillion points or minutes — far beyond any community.
constexpr std::int64_t kAmountMax = 1'000'000'000'000;

// `value` if it lies in [min, kAmountMax] (min is 0 or 1 in practice); 400 invalid_amount
// naming `field` otherwise.
Result<std::int64_t> check_amount(std::int64_t value, std::string_view field, std::int64_t min = 0);
inline bool is_amount(std::int64_t value, std::int64_t min = 0) {
  return value >= min && value <= kAmountMax;
}

// Whether `amount` fits in what is left of `total` once `used` is taken: amount <= total -
// used, computed without a sum that could wrap. False for a negative amount.
bool fits_within(std::int64_t amount, std::int64_t total, std::int64_t used);

// a + b, or nullopt when the sum does not fit in 64 bits.
std::optional<std::int64_t> add_checked(std::int64_t a, std::int64_t b);

}  // namespace gz
