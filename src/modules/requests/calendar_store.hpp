// The working-day calendar in force, kept in the database so every server sees the same one
// and an administrator can load a new year's file without a rebuild. First start seeds it
// from the chinese-days data bundled in the binary.
#pragma once

#include <memory>
#include <optional>
#include <string_view>

#include "core/actor.hpp"
#include "core/calendar.hpp"
#include "core/result.hpp"
#include "storage/database.hpp"

namespace gz::requests {

// Loads the bundled calendar when the database has none. Idempotent.
void seed_calendar(storage::Connection& db);

// The calendar as stored; cached per process and reloaded when a load changes it.
std::shared_ptr<const WorkCalendar> current_calendar(storage::Connection& db);

// How far ahead the calendar in force holds the official arrangement. The State Council
// publishes a year's holidays in its last weeks; until an administrator loads them, days of
// an uncovered year count Monday to Friday, and deadlines that reach into it are provisional.
inline constexpr std::int64_t kCalendarLookaheadDays = 60;
struct CalendarCoverage {
  std::optional<std::int64_t> covered_through_day;  // the last covered day, from today on
  std::int64_t days_ahead = 0;                      // days after today still covered
  bool ok = false;                                  // covers the next kCalendarLookaheadDays
};
CalendarCoverage calendar_coverage(const WorkCalendar& calendar, std::int64_t now_ms);

// Whether a request's deadlines were counted on days the calendar covers (received to due);
// false marks them provisional (requests JSON "provisional", the tracking page says so).
bool deadlines_official(const WorkCalendar& calendar, std::int64_t received_ms,
                        std::int64_t due_ms);

struct CalendarLoadReport {
  std::vector<int> years;
  std::size_t holidays = 0;
  std::size_t workdays = 0;
  std::size_t deadlines_recomputed = 0;  // open requests whose deadlines reach into them
};
// Replaces the years the file covers and counts the deadlines of open requests that reach
// into those years again on the official arrangement. Admins only; audited.
Result<CalendarLoadReport> load_calendar(storage::Connection& db, const Actor& actor,
                                         std::string_view json_text, const std::string& source);

}  // namespace gz::requests
