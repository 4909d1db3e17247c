#include "modules/ledger/rules.hpp"

#include <algorithm>

#include "core/clock.hpp"

namespace gz::ledger {

Result<std::int64_t> award_points(Unit unit, std::int64_t points_per_unit, std::int64_t quantity) {
  if (quantity <= 0) return bad_request("invalid_quantity", "quantity must be positive");
  if (points_per_unit <= 0) return bad_request("invalid_rule", "the rule pays no points");
  if (unit == Unit::event) {
    if (quantity > 100) return bad_request("invalid_quantity", "at most 100 events in one award");
    return points_per_unit * quantity;
  }
  if (quantity > 24 * 60)
    return bad_request("invalid_quantity", "at most 24 hours (1440 minutes) in one award");
  std::int64_t points = points_per_unit * quantity / 60;
  if (points == 0) return bad_request("too_little", "the time is too short to earn a whole point");
  return points;
}

std::int64_t round_to_quarter_hour(std::int64_t minutes) {
  std::int64_t rounded = (minutes + 7) / 15 * 15;
  return std::max<std::int64_t>(15, rounded);
}

std::optional<LimitPeriod> parse_limit_period(std::string_view name) {
  for (auto period : {LimitPeriod::day, LimitPeriod::week, LimitPeriod::month, LimitPeriod::quarter,
                      LimitPeriod::year, LimitPeriod::total}) {
    if (limit_period_name(period) == name) return period;
  }
  return std::nullopt;
}

std::string_view limit_period_name(LimitPeriod period) {
  switch (period) {
    case LimitPeriod::day:
      return "day";
    case LimitPeriod::week:
      return "week";
    case LimitPeriod::month:
      return "month";
    case LimitPeriod::quarter:
      return "quarter";
    case LimitPeriod::year:
      return "year";
    case LimitPeriod::total:
      return "total";
  }
  return "total";
}

std::int64_t period_start_ms(LimitPeriod period, std::int64_t now_ms) {
  if (period == LimitPeriod::total) return 0;
  std::int64_t day = shanghai_day(now_ms);
  int year;
  unsigned month, day_of_month;
  civil_from_days(day, year, month, day_of_month);
  std::int64_t start_day = day;
  switch (period) {
    case LimitPeriod::day:
      break;
    case LimitPeriod::week:
      start_day = day - ((day + 3) % 7 + 7) % 7;
      break;  // 1970-01-01 was a Thursday
    case LimitPeriod::month:
      start_day = days_from_civil(year, month, 1);
      break;
    case LimitPeriod::quarter:
      start_day = days_from_civil(year, (month - 1) / 3 * 3 + 1, 1);
      break;
    case LimitPeriod::year:
      start_day = days_from_civil(year, 1, 1);
      break;
    case LimitPeriod::total:
      break;
  }
  return shanghai_midnight_ms(start_day);
}

std::int64_t expiry_cutoff_ms(std::int64_t now_ms, std::int64_t expiry_months) {
  return months_before(now_ms, static_cast<int>(expiry_months));
}

std::int64_t expirable_points(std::int64_t credits_before_cutoff, std::int64_t all_debits) {
  return std::max<std::int64_t>(0, credits_before_cutoff - all_debits);
}

}  // namespace gz::ledger
