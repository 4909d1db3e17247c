// Time as the product shows it: ISO 8601 with an explicit offset, Asia/Shanghai (+08:00)
// by default. China has had no daylight saving since 1991, so a fixed offset is exact.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace gz {

constexpr int kShanghaiOffsetSeconds = 8 * 3600;
constexpr std::int64_t kMinuteMs = 60LL * 1000;
constexpr std::int64_t kHourMs = 60 * kMinuteMs;
constexpr std::int64_t kDayMs = 24 * kHourMs;

// Milliseconds since the Unix epoch: "now" for every rule of the product. It is the system
// clock unless the process set another one (set_clock), as a demo or a test does so that
// nothing it shows depends on the hour or the date it runs.
std::int64_t now_epoch_ms();

// How a set clock moves: from its start instant at the system clock's pace, or not at all.
enum class ClockPace { advancing, frozen };
// From now on, now_epoch_ms() reads `start_epoch_ms` and then moves at `pace`. Safe to call
// while other threads read the clock, though a process normally sets it once, at start.
void set_clock(std::int64_t start_epoch_ms, ClockPace pace = ClockPace::advancing);
// Back to the system clock.
void reset_clock();
// Whether the clock was set (not the system clock).
bool clock_is_set();

// Reads an RFC 3339 / ISO 8601 time with an offset: "2026-09-30T10:00:00+08:00",
// "2026-09-30T02:00:00.5Z", "2026-09-29T21:00:00-05:00". The separator may be 'T' or a
// space, seconds may be left out, fractions beyond milliseconds are cut off. A time with no
// offset is refused: it would be a guess. Errors are bad_request "invalid_time".
Result<std::int64_t> parse_iso8601(std::string_view text);
// "2026-11-29T19:40:00.123+08:00"
std::string format_iso8601(std::int64_t epoch_ms, int offset_seconds = kShanghaiOffsetSeconds);
std::string now_iso8601();
// HTTP's IMF-fixdate, always GMT: "Sun, 06 Dec 2026 21:03:44 GMT".
std::string format_http_date(std::int64_t epoch_ms);
// Calendar date in the given offset, "YYYY-MM-DD".
std::string format_date(std::int64_t epoch_ms, int offset_seconds = kShanghaiOffsetSeconds);

// Days since 1970-01-01 for a civil date, and back (proleptic Gregorian).
std::int64_t days_from_civil(int year, unsigned month, unsigned day);
void civil_from_days(std::int64_t days, int& year, unsigned& month, unsigned& day);
// Parses "YYYY-MM-DD"; false when malformed, not a real date, or outside 1900-2199.
bool parse_date(const std::string& text, int& year, unsigned& month, unsigned& day);
// The calendar quarter an instant falls in, in the given offset: "2026Q3".
std::string quarter_of(std::int64_t epoch_ms, int offset_seconds = kShanghaiOffsetSeconds);
// A calendar quarter, "2026Q3", in Asia/Shanghai.
struct Quarter {
  int year = 0;
  int number = 1;  // 1-4

  // "2026Q3" with a year from 2000 to 2200; nullopt otherwise.
  static std::optional<Quarter> parse(std::string_view text);
  // The quarter an instant falls in, in Shanghai.
  static Quarter containing(std::int64_t epoch_ms);
  std::string name() const;
  // `count` quarters later (earlier when negative).
  Quarter plus(int count) const;
  // 00:00 Shanghai on its first day.
  std::int64_t start_ms() const;
  // 00:00 Shanghai on the first day of `month` (0-2) of the quarter, plus `day` - 1 days.
  std::int64_t day_start_ms(int month, unsigned day = 1) const;
  auto operator<=>(const Quarter&) const = default;
};

// A reporting period in Shanghai: a year "2026", a quarter "2026Q3" (or "2026q3") or a month
// "2026-11", as the half-open interval [from_ms, to_ms).
struct Period {
  std::string label;  // as given, a quarter normalised to "2026Q3"
  std::int64_t from_ms = 0;
  std::int64_t to_ms = 0;
  int months = 0;  // 12, 3 or 1

  // Years 2000-2100; nullopt for anything else.
  static std::optional<Period> parse(std::string_view text);
};

// `months` calendar months before an instant, in Shanghai, at the same time of day; a day of
// the month the earlier month lacks becomes its last day (31 March less one month: 28/29 Feb).
std::int64_t months_before(std::int64_t epoch_ms, int months);

// The quarter `count` after a "2026Q3" label (before when negative); "" for a malformed label.
std::string quarter_after(std::string_view quarter, int count);
// The month `count` after a "2026-11" label (before when negative); "" for a malformed label
// or one outside the years 2000-2100.
std::string month_after(std::string_view month, int count);

// Days since the epoch of the calendar day an instant falls on in Shanghai.
std::int64_t shanghai_day(std::int64_t epoch_ms);
// The first instant of a Shanghai calendar day (days since the epoch).
std::int64_t shanghai_midnight_ms(std::int64_t day);
// The instant `seconds_of_day` after Shanghai midnight of `day`.
inline std::int64_t shanghai_time_ms(std::int64_t day, std::int64_t seconds_of_day) {
  return shanghai_midnight_ms(day) + seconds_of_day * 1000;
}
// Milliseconds since Shanghai midnight of the instant's day (0 .. kDayMs - 1).
inline std::int64_t shanghai_ms_of_day(std::int64_t epoch_ms) {
  return epoch_ms - shanghai_midnight_ms(shanghai_day(epoch_ms));
}
// "YYYY-MM-DD" of a day since the epoch.
std::string day_text(std::int64_t day);
// Whole years from a birth date ("YYYY-MM-DD") to a Shanghai day; nullopt for a malformed date
// or a day before the birth.
std::optional<int> age_on(std::string_view birth_date, std::int64_t day);

}  // namespace gz
