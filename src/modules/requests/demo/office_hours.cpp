#include "modules/requests/demo/office_hours.hpp"

#include <algorithm>

namespace gz::requests::demo {

int month_of(std::int64_t day) {
  int year = 0;
  unsigned month = 0;
  unsigned day_of_month = 0;
  civil_from_days(day, year, month, day_of_month);
  return static_cast<int>(month);
}

std::int64_t OfficeHours::next_open(std::int64_t at) const {
  std::int64_t day = shanghai_day(at);
  std::int64_t second = seconds_of_day(at);
  bool same_day = true;
  for (;;) {
    if (calendar_.is_workday(day)) {
      for (const auto& period : kOfficePeriods) {
        if (second < period[1]) {
          if (same_day && second >= period[0]) return at;
          return local_ms(day, period[0]);
        }
      }
    }
    ++day;
    second = 0;
    same_day = false;
  }
}

std::int64_t OfficeHours::add(std::int64_t at, std::int64_t minutes) const {
  std::int64_t t = next_open(at);
  std::int64_t remaining = minutes * kMinuteMs;
  for (;;) {
    const std::int64_t end = period_end(t);
    if (t + remaining < end) return t + remaining;
    remaining -= end - t;
    t = next_open(end);
  }
}

std::int64_t OfficeHours::minutes_between(std::int64_t from, std::int64_t to) const {
  std::int64_t total = 0;
  for (std::int64_t t = next_open(from); t < to; t = next_open(period_end(t))) {
    total += std::min(period_end(t), to) - t;
  }
  return total / kMinuteMs;
}

std::int64_t OfficeHours::period_end(std::int64_t t) {
  const std::int64_t second = seconds_of_day(t);
  const std::int64_t end =
      second < kOfficePeriods[0][1] ? kOfficePeriods[0][1] : kOfficePeriods[1][1];
  return local_ms(shanghai_day(t), end);
}

}  // namespace gz::requests::demo
