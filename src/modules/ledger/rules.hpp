// The ledger's arithmetic as pure functions: points for an award, quarter-hour rounding of
// time-bank minutes, the start of a redemption-limit period, and how many points have
// outlived the expiry window (first in, first out).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace gz::ledger {

enum class Unit { event, minute };

// 'event' rules pay points_per_unit per event; 'minute' rules pay points_per_unit per hour,
// pro rata, rounded down to whole points (45 minutes at 5/hour = 3 points).
Result<std::int64_t> award_points(Unit unit, std::int64_t points_per_unit, std::int64_t quantity);

// To the nearest quarter hour, at least 15 minutes (7 → 15, 22 → 15, 23 → 30, 100 → 105).
std::int64_t round_to_quarter_hour(std::int64_t minutes);

enum class LimitPeriod { day, week, month, quarter, year, total };
std::optional<LimitPeriod> parse_limit_period(std::string_view name);
std::string_view limit_period_name(LimitPeriod period);
// The first instant (epoch ms) of the period containing now_ms, in Asia/Shanghai; weeks start
// on Monday; `total` starts at 0.
std::int64_t period_start_ms(LimitPeriod period, std::int64_t now_ms);

// Points credited before this instant are old enough to expire under `expiry_months`: the same
// Shanghai time that many calendar months earlier (a month's missing day is its last one).
std::int64_t expiry_cutoff_ms(std::int64_t now_ms, std::int64_t expiry_months);
// Points still unspent from credits older than the cutoff: what expiry removes. Spending
// uses the oldest points first, so old credits are used up by all debits before newer ones.
std::int64_t expirable_points(std::int64_t credits_before_cutoff, std::int64_t all_debits);

}  // namespace gz::ledger
