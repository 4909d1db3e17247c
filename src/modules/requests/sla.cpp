#include "modules/requests/sla.hpp"

#include <algorithm>
#include <string>

#include "core/clock.hpp"

namespace gz::requests {
namespace {

constexpr std::int64_t kMsPerDay = 86400000;
constexpr std::int64_t kShanghaiOffsetMs = std::int64_t{kShanghaiOffsetSeconds} * 1000;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t quotient = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient;
}

Error invalid_time(std::string_view text, std::string_view why) {
  return bad_request("invalid_time", "\"" + std::string(text) +
                                         "\" is not a time: " + std::string(why) +
                                         " (expected e.g. 2026-09-30T10:00:00+08:00)");
}

// Reads `count` digits at `at` as a number, or -1.
int digits(std::string_view text, std::size_t at, std::size_t count) {
  if (at + count > text.size()) return -1;
  int number = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    number = number * 10 + (text[i] - '0');
  }
  return number;
}

// "By the end of the n-th working day after the day it was received."
std::int64_t end_of_nth_workday_ms(int n, std::int64_t received_epoch_ms,
                                   const WorkCalendar& calendar) {
  const std::int64_t received_day = shanghai_day(received_epoch_ms);
  return end_of_shanghai_day_ms(calendar.nth_workday_after(received_day, n));
}

}  // namespace

std::int64_t shanghai_day(std::int64_t epoch_ms) {
  return floor_div(epoch_ms + kShanghaiOffsetMs, kMsPerDay);
}

std::int64_t end_of_shanghai_day_ms(std::int64_t day) {
  return (day + 1) * kMsPerDay - 1000 - kShanghaiOffsetMs;
}

std::int64_t response_due_ms(Priority priority, std::int64_t received_epoch_ms,
                             const WorkCalendar& calendar) {
  switch (priority) {
    case Priority::red:
      return received_epoch_ms + kRedResponseMs;
    case Priority::yellow:
      return end_of_nth_workday_ms(kYellowResponseWorkdays, received_epoch_ms, calendar);
    case Priority::blue:
      return end_of_nth_workday_ms(kBlueResponseWorkdays, received_epoch_ms, calendar);
  }
  return end_of_nth_workday_ms(kBlueResponseWorkdays, received_epoch_ms, calendar);
}

std::int64_t resolution_due_ms(int working_days, std::int64_t received_epoch_ms,
                               const WorkCalendar& calendar) {
  return end_of_nth_workday_ms(working_days, received_epoch_ms, calendar);
}

std::int64_t resolution_due_ms(Priority priority, int working_days, std::int64_t received_epoch_ms,
                               const WorkCalendar& calendar) {
  return std::max(resolution_due_ms(working_days, received_epoch_ms, calendar),
                  response_due_ms(priority, received_epoch_ms, calendar));
}

int working_days_to_resolve(std::int64_t received_ms, std::int64_t resolved_ms,
                            const WorkCalendar& calendar) {
  return calendar.workdays_between(shanghai_day(received_ms), shanghai_day(resolved_ms));
}

Result<std::int64_t> parse_iso8601(std::string_view text) {
  // YYYY-MM-DD
  if (text.size() < 10) return invalid_time(text, "too short");
  int year, month, day;
  {
    unsigned m, d;
    if (!parse_date(std::string(text.substr(0, 10)), year, m, d)) {
      return invalid_time(text, "the date is not a real YYYY-MM-DD date");
    }
    month = static_cast<int>(m);
    day = static_cast<int>(d);
  }
  std::size_t at = 10;
  if (at >= text.size() || (text[at] != 'T' && text[at] != 't' && text[at] != ' ')) {
    return invalid_time(text, "a time of day (THH:MM:SS) must follow the date");
  }
  ++at;

  // HH:MM[:SS[.fraction]]
  const int hour = digits(text, at, 2);
  const int minute = at + 2 < text.size() && text[at + 2] == ':' ? digits(text, at + 3, 2) : -1;
  if (hour < 0 || minute < 0) return invalid_time(text, "the time of day must read HH:MM:SS");
  if (hour > 23 || minute > 59) return invalid_time(text, "the time of day is out of range");
  at += 5;
  int second = 0;
  if (at < text.size() && text[at] == ':') {
    second = digits(text, at + 1, 2);
    if (second < 0) return invalid_time(text, "the seconds must be two digits");
    if (second > 59) return invalid_time(text, "the seconds are out of range");
    at += 3;
  }
  int millisecond = 0;
  if (at < text.size() && text[at] == '.') {
    ++at;
    std::size_t fraction_digits = 0;
    for (; at < text.size() && text[at] >= '0' && text[at] <= '9'; ++at, ++fraction_digits) {
      if (fraction_digits < 3) millisecond = millisecond * 10 + (text[at] - '0');
    }
    if (fraction_digits == 0) return invalid_time(text, "a fraction needs digits after '.'");
    for (; fraction_digits < 3; ++fraction_digits) millisecond *= 10;
  }

  // Z | ±HH:MM
  int offset_seconds = 0;
  if (at < text.size() && (text[at] == 'Z' || text[at] == 'z')) {
    ++at;
  } else if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
    const int offset_hours = digits(text, at + 1, 2);
    const int offset_minutes =
        at + 3 < text.size() && text[at + 3] == ':' ? digits(text, at + 4, 2) : -1;
    if (offset_hours < 0 || offset_minutes < 0) {
      return invalid_time(text, "the offset must read Z or +HH:MM");
    }
    if (offset_hours > 23 || offset_minutes > 59) {
      return invalid_time(text, "the offset is out of range");
    }
    offset_seconds = (offset_hours * 3600 + offset_minutes * 60) * (text[at] == '-' ? -1 : 1);
    at += 6;
  } else if (at >= text.size()) {
    return invalid_time(text, "an offset (Z or +08:00) is required");
  } else {
    return invalid_time(text, "unexpected text after the time of day");
  }
  if (at != text.size()) return invalid_time(text, "unexpected text after the offset");

  const std::int64_t local_ms =
      days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * kMsPerDay +
      ((hour * 60LL + minute) * 60 + second) * 1000 + millisecond;
  return local_ms - std::int64_t{offset_seconds} * 1000;
}

}  // namespace gz::requests
