#include "core/clock.hpp"

#include <chrono>
#include <cstdio>

namespace gz {

std::int64_t now_epoch_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
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

}  // namespace gz
