// The trust fund's and the revenue sharing's arithmetic as pure functions, in integers only
// (fen, basis points, hundredths of a score); every division rounds half up (half away from
// zero for negative values), as div_round_half_up documents.
//
// The fee adjustment (物业费调整) is piecewise linear in the quarter's mean quality score:
//   delta = mean − neutral_score (in points, to the hundredth)
//   delta ≥ 0: +delta × up_bp_per_point   (default 80 → 0%, each point above +0.25%)
//   delta < 0: −|delta| × down_bp_per_point (each point below −0.5%)
// then clamped to [−cap_down_bp, +cap_up_bp], and the caps themselves to [0, 1000]: whatever
// the parameters, the adjustment never leaves ±10% (±1000 bp). Next quarter's monthly fee is
// base × (10000 + adjustment) / 10000, rounded half up to the fen.
//
// Revenue sharing splits an income by shares in basis points summing to exactly 10000 with the
// largest-remainder method: each share gets floor(amount × bp / 10000) fen, and the fen left
// over (fewer than the number of shares) go one each to the largest remainders, ties to the
// share listed first. The parts always sum exactly to the income.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"

namespace gz::property {

inline constexpr std::int64_t kMaxAdjustmentBp = 1000;
inline constexpr std::int64_t kShareTotalBp = 10000;
inline constexpr std::int64_t kMinNoticeDays = 7;
inline constexpr std::int64_t kMaxNoticeDays = 90;
inline constexpr std::int64_t kMaxBaseFeeFen = 10'000'000;      // 100,000 yuan a month
inline constexpr std::int64_t kMaxAmountFen = 100'000'000'000;  // 1 billion yuan

// numerator / denominator (denominator > 0), rounded half away from zero.
std::int64_t div_round_half_up(std::int64_t numerator, std::int64_t denominator);

struct AdjustmentParams {
  std::int64_t neutral_score = 80;
  std::int64_t up_bp_per_point = 25;
  std::int64_t down_bp_per_point = 50;
  std::int64_t cap_up_bp = 1000;
  std::int64_t cap_down_bp = 1000;
};
// 400 invalid_adjustment when a parameter is out of range (neutral 0-100, per point 0-1000,
// caps 0-1000).
Result<void> validate(const AdjustmentParams& params);
// The adjustment in basis points for a mean score in hundredths (0-10000; clamped to it).
// Defensive: out-of-range parameters are clamped too, so the result is always within ±1000.
std::int64_t adjustment_bp(std::int64_t mean_score_centi, const AdjustmentParams& params);
// base × (10000 + adjustment) / 10000, half up.
std::int64_t adjusted_fee_fen(std::int64_t base_fee_fen, std::int64_t adjustment_bp);
// The mean of `count` scores summing to `sum`, in hundredths, half up; nullopt for none.
std::optional<std::int64_t> mean_centi(std::int64_t sum, std::int64_t count);
// part / whole in basis points, half up; 0 when whole is 0.
std::int64_t ratio_bp(std::int64_t part, std::int64_t whole);

// 400 invalid_shares unless every share is 1-10000 bp and they sum to exactly 10000.
Result<void> validate_shares(const std::vector<std::int64_t>& shares_bp);
// The largest-remainder split; the shares must be valid and amount ≥ 0.
std::vector<std::int64_t> split_amount(std::int64_t amount_fen,
                                       const std::vector<std::int64_t>& shares_bp);

// Quarters as "2026Q3", in Asia/Shanghai: core's vocabulary under the names this module reads.
using gz::Quarter;
inline std::optional<Quarter> parse_quarter(std::string_view text) {
  return Quarter::parse(text);
}
inline std::string quarter_name(const Quarter& quarter) {
  return quarter.name();
}
inline Quarter quarter_of(std::int64_t epoch_ms) {
  return Quarter::containing(epoch_ms);
}
inline Quarter next_quarter(const Quarter& quarter) {
  return quarter.plus(1);
}
inline Quarter previous_quarter(const Quarter& quarter) {
  return quarter.plus(-1);
}
inline std::int64_t quarter_start_ms(const Quarter& quarter) {
  return quarter.start_ms();
}
inline int compare(const Quarter& a, const Quarter& b) {
  return a < b ? -1 : b < a ? 1 : 0;
}

// The first instant of a "YYYY-MM-DD" day in Asia/Shanghai; nullopt when not a date.
std::optional<std::int64_t> day_start_ms(const std::string& date);

// Which declared version applies at an instant: the one with the latest effective time not
// after it (versions in any order); nullopt when none is in effect yet.
struct RuleVersion {
  std::int64_t id = 0;
  std::int64_t effective_ms = 0;
};
std::optional<std::int64_t> rule_in_effect(const std::vector<RuleVersion>& versions,
                                           std::int64_t at_ms);

// A snake_case code of 1-40 characters (sources, destinations, categories).
bool is_code(std::string_view text);

}  // namespace gz::property
