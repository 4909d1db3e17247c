// Time as the product shows it: ISO 8601 with an explicit offset, Asia/Shanghai (+08:00)
// by default. China has had no daylight saving since 1991, so a fixed offset is exact.
#pragma once

#include <cstdint>
#include <string>

namespace gz {

constexpr int kShanghaiOffsetSeconds = 8 * 3600;

// Milliseconds since the Unix epoch, from the system clock.
std::int64_t now_epoch_ms();
// "2026-11-29T19:40:00.123+08:00"
std::string format_iso8601(std::int64_t epoch_ms, int offset_seconds = kShanghaiOffsetSeconds);
std::string now_iso8601();
// Calendar date in the given offset, "YYYY-MM-DD".
std::string format_date(std::int64_t epoch_ms, int offset_seconds = kShanghaiOffsetSeconds);

// Days since 1970-01-01 for a civil date, and back (proleptic Gregorian).
std::int64_t days_from_civil(int year, unsigned month, unsigned day);
void civil_from_days(std::int64_t days, int& year, unsigned& month, unsigned& day);
// Parses "YYYY-MM-DD"; false when malformed or not a real date.
bool parse_date(const std::string& text, int& year, unsigned& month, unsigned& day);
// The calendar quarter an instant falls in, in the given offset: "2026Q3".
std::string quarter_of(std::int64_t epoch_ms, int offset_seconds = kShanghaiOffsetSeconds);

}  // namespace gz
