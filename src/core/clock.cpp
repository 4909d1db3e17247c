#include "core/clock.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>

namespace gz {
namespace {

std::int64_t system_epoch_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

// The set clock as two words read without a lock: an offset added to the system clock, or
// (frozen) the one instant it shows. Relaxed is enough: a reader may see the previous setting
// for a moment, never a torn one.
std::atomic<bool> g_clock_set{false};
std::atomic<bool> g_clock_frozen{false};
std::atomic<std::int64_t> g_clock_value_ms{0};

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

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t quotient = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient;
}

}  // namespace

std::int64_t now_epoch_ms() {
  if (!g_clock_set.load(std::memory_order_relaxed)) return system_epoch_ms();
  std::int64_t value = g_clock_value_ms.load(std::memory_order_relaxed);
  return g_clock_frozen.load(std::memory_order_relaxed) ? value : system_epoch_ms() + value;
}

void set_clock(std::int64_t start_epoch_ms, ClockPace pace) {
  bool frozen = pace == ClockPace::frozen;
  g_clock_value_ms.store(frozen ? start_epoch_ms : start_epoch_ms - system_epoch_ms(),
                         std::memory_order_relaxed);
  g_clock_frozen.store(frozen, std::memory_order_relaxed);
  g_clock_set.store(true, std::memory_order_relaxed);
}

void reset_clock() {
  g_clock_set.store(false, std::memory_order_relaxed);
}

bool clock_is_set() {
  return g_clock_set.load(std::memory_order_relaxed);
}

std::int64_t shanghai_day(std::int64_t epoch_ms) {
  return floor_div(epoch_ms + std::int64_t{kShanghaiOffsetSeconds} * 1000, kDayMs);
}

std::int64_t shanghai_midnight_ms(std::int64_t day) {
  return day * kDayMs - std::int64_t{kShanghaiOffsetSeconds} * 1000;
}

std::string day_text(std::int64_t day) {
  return format_iso8601(shanghai_midnight_ms(day)).substr(0, 10);
}

std::optional<int> age_on(std::string_view birth_date, std::int64_t day) {
  int birth_year = 0, year = 0;
  unsigned birth_month = 0, birth_day = 0, month = 0, day_of_month = 0;
  if (!parse_date(std::string(birth_date), birth_year, birth_month, birth_day)) return std::nullopt;
  civil_from_days(day, year, month, day_of_month);
  int age = year - birth_year;
  if (month < birth_month || (month == birth_month && day_of_month < birth_day)) --age;
  if (age < 0) return std::nullopt;
  return age;
}

std::optional<Quarter> Quarter::parse(std::string_view text) {
  if (text.size() != 6 || text[4] != 'Q') return std::nullopt;
  int year = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    year = year * 10 + (text[i] - '0');
  }
  if (year < 2000 || year > 2200 || text[5] < '1' || text[5] > '4') return std::nullopt;
  return Quarter{year, text[5] - '0'};
}

namespace {

bool read_digits(std::string_view text, int& out) {
  if (text.empty()) return false;
  out = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  return true;
}

std::int64_t month_start_ms(int year, unsigned month) {
  return shanghai_midnight_ms(days_from_civil(year, month, 1));
}

unsigned days_in_month(int year, unsigned month) {
  unsigned next_month = month == 12 ? 1 : month + 1;
  int next_year = month == 12 ? year + 1 : year;
  return static_cast<unsigned>(days_from_civil(next_year, next_month, 1) -
                               days_from_civil(year, month, 1));
}

}  // namespace

std::optional<Period> Period::parse(std::string_view text) {
  int year = 0;
  if (text.size() < 4 || !read_digits(text.substr(0, 4), year) || year < 2000 || year > 2100) {
    return std::nullopt;
  }
  std::string_view rest = text.substr(4);
  Period period;
  period.label = std::string(text);
  unsigned first_month = 1;
  int number = 0;
  if (rest.empty()) {
    period.months = 12;
  } else if (rest.size() == 2 && (rest[0] == 'Q' || rest[0] == 'q')) {
    if (!read_digits(rest.substr(1), number) || number < 1 || number > 4) return std::nullopt;
    first_month = static_cast<unsigned>(number - 1) * 3 + 1;
    period.months = 3;
    period.label = Quarter{year, number}.name();
  } else if (rest.size() == 3 && rest[0] == '-') {
    if (!read_digits(rest.substr(1), number) || number < 1 || number > 12) return std::nullopt;
    first_month = static_cast<unsigned>(number);
    period.months = 1;
  } else {
    return std::nullopt;
  }
  period.from_ms = month_start_ms(year, first_month);
  unsigned end_month = first_month + static_cast<unsigned>(period.months);
  period.to_ms =
      end_month > 12 ? month_start_ms(year + 1, end_month - 12) : month_start_ms(year, end_month);
  return period;
}

std::string quarter_after(std::string_view quarter, int count) {
  auto parsed = Quarter::parse(quarter);
  return parsed ? parsed->plus(count).name() : std::string{};
}

std::string month_after(std::string_view month, int count) {
  auto period = Period::parse(month);
  if (!period || period->months != 1 || month.size() != 7) return {};
  int year = std::stoi(std::string(month.substr(0, 4)));
  int index = year * 12 + std::stoi(std::string(month.substr(5, 2))) - 1 + count;
  if (index < 2000 * 12 || index > 2100 * 12 + 11) return {};
  char out[8];
  std::snprintf(out, sizeof out, "%04d-%02d", index / 12, index % 12 + 1);
  return out;
}

std::int64_t months_before(std::int64_t epoch_ms, int months) {
  std::int64_t day = shanghai_day(epoch_ms);
  std::int64_t time_of_day = epoch_ms - shanghai_midnight_ms(day);
  int year = 0;
  unsigned month = 1, day_of_month = 1;
  civil_from_days(day, year, month, day_of_month);
  int index = year * 12 + static_cast<int>(month - 1) - months;
  int new_year = index >= 0 ? index / 12 : (index - 11) / 12;
  auto new_month = static_cast<unsigned>(index - new_year * 12 + 1);
  unsigned new_day = std::min(day_of_month, days_in_month(new_year, new_month));
  return shanghai_midnight_ms(days_from_civil(new_year, new_month, new_day)) + time_of_day;
}

Quarter Quarter::containing(std::int64_t epoch_ms) {
  int year = 0;
  unsigned month = 1, day = 1;
  civil_from_days(shanghai_day(epoch_ms), year, month, day);
  return Quarter{year, static_cast<int>((month - 1) / 3 + 1)};
}

std::string Quarter::name() const {
  return std::to_string(year) + "Q" + std::to_string(number);
}

Quarter Quarter::plus(int count) const {
  int index = year * 4 + (number - 1) + count;
  int new_year = index >= 0 ? index / 4 : (index - 3) / 4;
  return Quarter{new_year, index - new_year * 4 + 1};
}

std::int64_t Quarter::start_ms() const {
  return day_start_ms(0, 1);
}

std::int64_t Quarter::day_start_ms(int month, unsigned day) const {
  auto first_month = static_cast<unsigned>((number - 1) * 3 + 1 + month);
  return shanghai_midnight_ms(days_from_civil(year, first_month, 1) + day - 1);
}

// Howard Hinnant's public-domain civil calendar algorithms.
std::int64_t days_from_civil(int year, unsigned month, unsigned day) {
  year -= month <= 2;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(year - era * 400);
  const unsigned doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civil_from_days(std::int64_t z, int& year, unsigned& month, unsigned& day) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  day = doy - (153 * mp + 2) / 5 + 1;
  month = mp < 10 ? mp + 3 : mp - 9;
  year = static_cast<int>(y + (month <= 2));
}

std::string format_iso8601(std::int64_t epoch_ms, int offset_seconds) {
  std::int64_t local_ms = epoch_ms + static_cast<std::int64_t>(offset_seconds) * 1000;
  std::int64_t days = local_ms >= 0 ? local_ms / 86400000 : (local_ms - 86399999) / 86400000;
  std::int64_t ms_of_day = local_ms - days * 86400000;
  int year;
  unsigned month, day;
  civil_from_days(days, year, month, day);
  int hour = static_cast<int>(ms_of_day / 3600000);
  int minute = static_cast<int>(ms_of_day / 60000 % 60);
  int second = static_cast<int>(ms_of_day / 1000 % 60);
  int millis = static_cast<int>(ms_of_day % 1000);
  char sign = offset_seconds >= 0 ? '+' : '-';
  int offset_abs = offset_seconds >= 0 ? offset_seconds : -offset_seconds;
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02d.%03d%c%02d:%02d", year, month,
                day, hour, minute, second, millis, sign, offset_abs / 3600, offset_abs / 60 % 60);
  return buffer;
}

std::string now_iso8601() {
  return format_iso8601(now_epoch_ms());
}

std::string format_http_date(std::int64_t epoch_ms) {
  static constexpr const char* kWeekdays[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::int64_t days = floor_div(epoch_ms, kDayMs);
  std::int64_t seconds_of_day = (epoch_ms - days * kDayMs) / 1000;
  int year;
  unsigned month, day;
  civil_from_days(days, year, month, day);
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%s, %02u %s %04d %02d:%02d:%02d GMT",
                kWeekdays[((days % 7) + 7) % 7], day, kMonths[month - 1], year,
                static_cast<int>(seconds_of_day / 3600), static_cast<int>(seconds_of_day / 60 % 60),
                static_cast<int>(seconds_of_day % 60));
  return buffer;
}

std::string format_date(std::int64_t epoch_ms, int offset_seconds) {
  return format_iso8601(epoch_ms, offset_seconds).substr(0, 10);
}

bool parse_date(const std::string& text, int& year, unsigned& month, unsigned& day) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  year = std::stoi(text.substr(0, 4));
  month = static_cast<unsigned>(std::stoi(text.substr(5, 2)));
  day = static_cast<unsigned>(std::stoi(text.substr(8, 2)));
  // Dates the product deals in (birth dates, service days, receipts) lie in 1900-2199; a
  // "0000-01-01" is a typo or a probe, not a date.
  if (year < 1900 || year > 2199) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  unsigned max_day = kDays[month - 1] + ((month == 2 && leap) ? 1 : 0);
  return day <= max_day;
}

std::string quarter_of(std::int64_t epoch_ms, int offset_seconds) {
  std::string date = format_date(epoch_ms, offset_seconds);
  int month = (date[5] - '0') * 10 + (date[6] - '0');
  return date.substr(0, 4) + "Q" + std::to_string((month - 1) / 3 + 1);
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
      days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * kDayMs +
      ((hour * 60LL + minute) * 60 + second) * 1000 + millisecond;
  return local_ms - std::int64_t{offset_seconds} * 1000;
}

}  // namespace gz
