// Time in Asia/Shanghai as the requests demo counts it, and the community office's hours
// (社区: 8:30–12:00 and 13:30–17:30 on working days of the official calendar), when staff at
// the desk accept, assign and close cases. Internal to the requests demo.
#pragma once

#include <cstdint>

#include "core/calendar.hpp"
#include "core/clock.hpp"

namespace gz::requests::demo {

// The instant of `seconds_of_day` on Shanghai day `day` (days since 1970-01-01).
inline std::int64_t local_ms(std::int64_t day, std::int64_t seconds_of_day) {
  return shanghai_time_ms(day, seconds_of_day);
}
// Seconds since Shanghai midnight.
inline std::int64_t seconds_of_day(std::int64_t epoch_ms) {
  return shanghai_ms_of_day(epoch_ms) / 1000;
}
// 1 to 12.
int month_of(std::int64_t day);

// Office hours of a community (社区): 8:30–12:00 and 13:30–17:30 on working days.
inline constexpr std::int64_t kOfficePeriods[2][2] = {{8 * 3600 + 1800, 12 * 3600},
                                                      {13 * 3600 + 1800, 17 * 3600 + 1800}};

class OfficeHours {
 public:
  explicit OfficeHours(const WorkCalendar& calendar) : calendar_(calendar) {}

  // `at` itself when the office is open then, else the next opening.
  std::int64_t next_open(std::int64_t at) const;
  // `minutes` of office time after `at`.
  std::int64_t add(std::int64_t at, std::int64_t minutes) const;
  // Office minutes in [from, to).
  std::int64_t minutes_between(std::int64_t from, std::int64_t to) const;

  bool is_open(std::int64_t at) const { return next_open(at) == at; }
  const WorkCalendar& calendar() const { return calendar_; }

 private:
  // The end of the open period that `t` lies in.
  static std::int64_t period_end(std::int64_t t);
  const WorkCalendar& calendar_;
};

}  // namespace gz::requests::demo
