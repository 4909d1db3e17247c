// The Chinese working-day calendar: Monday to Friday, minus the official public holidays,
// plus the official make-up working days (调休, e.g. Saturday 2026-10-10). Request deadlines
// ("the 3rd working day after") and "working days to resolve" are counted on it. The data
// is a JSON file generated from the `chinese-days` npm package (tools/calendar/generate.mjs)
// and compiled into the binary; an administrator loads a newer year's file with merge().
// Days are counted since 1970-01-01, as in core/clock.hpp. Pure: no I/O but parsing text.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace gz {

namespace embedded {
// data/calendar/cn-workdays.json, embedded at build time by cmake/embed_file.cmake.
extern const std::string_view cn_workdays_json;
}  // namespace embedded

// The calendar the binary ships with, as JSON text (parse it with WorkCalendar::from_json).
std::string_view bundled_calendar_json();

class WorkCalendar {
 public:
  // Covers no year: every day is a working day exactly when it is Monday to Friday.
  WorkCalendar() = default;

  // Parses our format:
  //   {"source": "chinese-days@1.5.7", "generated_from": "npm", "years": [2004, ..., 2026],
  //    "holidays": {"2026-10-01": "国庆节", ...}, "workdays": {"2026-10-10": "国庆节调休", ...}}
  // `years`, `holidays` and `workdays` are required; every key is a real YYYY-MM-DD date in
  // a listed year or a year next to one (the New Year arrangement announced with a year can
  // begin in the December before it); no date is both a holiday and a make-up workday.
  // Anything else is a bad_request error with code "invalid_calendar".
  static Result<WorkCalendar> from_json(std::string_view json_text);

  // Loads a newer file on top of this one. For every year `newer` lists, all entries dated
  // in that year are replaced by newer's; newer's entries dated just outside its years
  // (late December, see above) are added too, replacing any entry on the same date.
  void merge(const WorkCalendar& newer);

  // Whether the calendar has the official arrangement for `year`. Days of a year it does
  // not cover are counted as plain Monday to Friday.
  bool covers_year(int year) const { return years_.contains(year); }
  // Whether every year from `from_day`'s to `to_day`'s (days since the epoch) is covered: a
  // count of working days between them is then official, not a Monday-to-Friday guess.
  bool covers_days(std::int64_t from_day, std::int64_t to_day) const;
  // The last day of the unbroken run of covered years that holds `day`; nullopt when `day`'s
  // year is not covered.
  std::optional<std::int64_t> covered_through(std::int64_t day) const;

  bool is_workday(std::int64_t days_since_epoch) const;

  // The n-th working day strictly after `day` (n = 1: the next working day). For n <= 0,
  // `day` itself: zero working days after a day ends on that day.
  std::int64_t nth_workday_after(std::int64_t day, int n) const;

  // The number of working days in (from_day, to_day]; 0 when to_day <= from_day. A request
  // received on a Monday and resolved on the Wednesday took 2 working days.
  int workdays_between(std::int64_t from_day, std::int64_t to_day) const;

  // Names by day since the epoch: official days off (weekends inside a holiday period
  // included) and make-up working days.
  const std::map<std::int64_t, std::string>& holidays() const { return holidays_; }
  const std::map<std::int64_t, std::string>& workdays() const { return workdays_; }
  const std::set<int>& years() const { return years_; }
  // Where the data came from, e.g. "chinese-days@1.5.7"; merged sources are joined by " + ".
  const std::string& source() const { return source_; }

  // The same format from_json reads, dates in ascending order.
  std::string to_json() const;

 private:
  std::string source_;
  std::string generated_from_;
  std::set<int> years_;
  std::map<std::int64_t, std::string> holidays_;
  std::map<std::int64_t, std::string> workdays_;
};

}  // namespace gz
