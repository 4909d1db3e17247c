// The points demo's year: Shanghai days (whole days since 1970-01-01) and the twelve calendar
// months ending with the month of as_of, each with the share of households that should earn
// points in it (rising from about 28% to 70%, as in the seed case). Internal to the points
// demo.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.hpp"

namespace gz::points::demo {

inline constexpr int kMonths = 12;

// The Shanghai day of an instant.
inline std::int64_t local_day(std::int64_t epoch_ms) {
  return shanghai_day(epoch_ms);
}

// hour:minute on Shanghai day `day`.
inline std::int64_t at(std::int64_t day, int hour, int minute) {
  return shanghai_time_ms(day, (std::int64_t{hour} * 60 + minute) * 60);
}

// 0 is Monday, 6 is Sunday (1970-01-01 was a Thursday).
inline int weekday(std::int64_t day) {
  return static_cast<int>(((day + 3) % 7 + 7) % 7);
}

// "2026-11-29".
std::string day_text(std::int64_t day);
// 1 to 31.
int day_of_month(std::int64_t day);
// 90 → "1.5小时".
std::string hours_text(std::int64_t minutes);

struct Month {
  int index = 0;
  std::int64_t first_day = 0;
  std::int64_t end_day = 0;  // exclusive
  unsigned month = 0;        // 1-12
  int share_per_mille = 0;   // households that should earn points this month
};

// The twelve calendar months up to and including the month of as_of_ms.
std::vector<Month> year_of_months(std::int64_t as_of_ms);

}  // namespace gz::points::demo
