#include "core/calendar.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <utility>

#include "core/clock.hpp"

namespace gz {

std::string_view bundled_calendar_json() {
  return embedded::cn_workdays_json;
}

namespace {

constexpr std::int64_t kMsPerDay = 86400000;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t quotient = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient;
}

// 1970-01-01 was a Thursday; day -3 (1969-12-29) a Monday.
bool is_monday_to_friday(std::int64_t day) {
  const std::int64_t since_monday = day + 3;
  return since_monday - floor_div(since_monday, 7) * 7 < 5;
}

// Monday-to-Friday days in [-3, day) (negative before -3); differences of it count the
// weekdays in any range without walking it day by day.
std::int64_t weekdays_before(std::int64_t day) {
  const std::int64_t since_monday = day + 3;
  const std::int64_t weeks = floor_div(since_monday, 7);
  return weeks * 5 + std::min<std::int64_t>(since_monday - weeks * 7, 5);
}

std::string date_of(std::int64_t day) {
  return format_date(day * kMsPerDay, 0);
}

Error invalid(std::string message) {
  return bad_request("invalid_calendar", "calendar: " + std::move(message));
}

// Reads one of the date → name maps, checking each date against the years listed.
Result<std::map<std::int64_t, std::string>> read_dates(const boost::json::object& root,
                                                       std::string_view field,
                                                       const std::set<int>& years) {
  const boost::json::value* value = root.if_contains(field);
  if (value == nullptr || !value->is_object()) {
    return invalid(std::string(field) + " must be an object of \"YYYY-MM-DD\": name");
  }
  std::map<std::int64_t, std::string> names;
  for (const auto& member : value->get_object()) {
    const std::string date(member.key());
    int year;
    unsigned month, day;
    if (!parse_date(date, year, month, day)) {
      return invalid(std::string(field) + ": \"" + date + "\" is not a real YYYY-MM-DD date");
    }
    if (!years.contains(year) && !years.contains(year - 1) && !years.contains(year + 1)) {
      return invalid(std::string(field) + ": " + date + " is outside the years the file lists");
    }
    if (!member.value().is_string() || member.value().get_string().empty()) {
      return invalid(std::string(field) + ": " + date + " needs a name (a non-empty string)");
    }
    names[days_from_civil(year, month, day)] = std::string(member.value().get_string());
  }
  return names;
}

Result<std::string> read_optional_string(const boost::json::object& root, std::string_view field) {
  const boost::json::value* value = root.if_contains(field);
  if (value == nullptr) return std::string();
  if (!value->is_string()) return invalid(std::string(field) + " must be a string");
  return std::string(value->get_string());
}

void join_source(std::string& into, const std::string& other) {
  if (other.empty() || into == other) return;
  into = into.empty() ? other : into + " + " + other;
}

}  // namespace

Result<WorkCalendar> WorkCalendar::from_json(std::string_view json_text) {
  boost::system::error_code parse_error;
  boost::json::value document = boost::json::parse(json_text, parse_error);
  if (parse_error) return invalid("not valid JSON (" + parse_error.message() + ")");
  if (!document.is_object()) return invalid("the top level must be a JSON object");
  const boost::json::object& root = document.get_object();

  WorkCalendar calendar;
  const boost::json::value* years = root.if_contains("years");
  if (years == nullptr || !years->is_array() || years->get_array().empty()) {
    return invalid("years must be a non-empty list of the years the file covers");
  }
  for (const auto& year : years->get_array()) {
    // Four-digit years only: the dates are "YYYY-MM-DD".
    if (!year.is_int64() && !year.is_uint64()) return invalid("years must hold whole numbers");
    const std::int64_t number = year.is_int64() ? year.get_int64() : 0;
    if (number < 1000 || number > 9999) {
      return invalid("years: " + boost::json::serialize(year) + " is not a four-digit year");
    }
    calendar.years_.insert(static_cast<int>(number));
  }

  auto holidays = read_dates(root, "holidays", calendar.years_);
  if (!holidays) return holidays.take_error();
  auto workdays = read_dates(root, "workdays", calendar.years_);
  if (!workdays) return workdays.take_error();
  calendar.holidays_ = std::move(holidays.value());
  calendar.workdays_ = std::move(workdays.value());
  for (const auto& [day, name] : calendar.workdays_) {
    if (calendar.holidays_.contains(day)) {
      return invalid(date_of(day) + " is both a holiday and a make-up workday");
    }
  }

  auto source = read_optional_string(root, "source");
  if (!source) return source.take_error();
  auto generated_from = read_optional_string(root, "generated_from");
  if (!generated_from) return generated_from.take_error();
  calendar.source_ = std::move(source.value());
  calendar.generated_from_ = std::move(generated_from.value());
  return calendar;
}

void WorkCalendar::merge(const WorkCalendar& newer) {
  for (int year : newer.years_) {
    const std::int64_t first = days_from_civil(year, 1, 1);
    const std::int64_t after_last = days_from_civil(year + 1, 1, 1);
    holidays_.erase(holidays_.lower_bound(first), holidays_.lower_bound(after_last));
    workdays_.erase(workdays_.lower_bound(first), workdays_.lower_bound(after_last));
  }
  // An entry of the newer file wins over an older one on the same date, of either kind, so
  // that no date ends up both a holiday and a workday.
  for (const auto& [day, name] : newer.holidays_) {
    workdays_.erase(day);
    holidays_[day] = name;
  }
  for (const auto& [day, name] : newer.workdays_) {
    holidays_.erase(day);
    workdays_[day] = name;
  }
  years_.insert(newer.years_.begin(), newer.years_.end());
  join_source(source_, newer.source_);
  join_source(generated_from_, newer.generated_from_);
}

bool WorkCalendar::is_workday(std::int64_t days_since_epoch) const {
  // The listed dates decide; every other day (all days of an uncovered year among them)
  // is a working day exactly when it is Monday to Friday.
  if (workdays_.contains(days_since_epoch)) return true;
  if (holidays_.contains(days_since_epoch)) return false;
  return is_monday_to_friday(days_since_epoch);
}

std::int64_t WorkCalendar::nth_workday_after(std::int64_t day, int n) const {
  // At most a few weeks of walking: the longest official break is 9 days.
  while (n > 0) {
    ++day;
    if (is_workday(day)) --n;
  }
  return day;
}

int WorkCalendar::workdays_between(std::int64_t from_day, std::int64_t to_day) const {
  if (to_day <= from_day) return 0;
  std::int64_t count = weekdays_before(to_day + 1) - weekdays_before(from_day + 1);
  // Holidays and make-up workdays never share a date (from_json and merge keep it so).
  for (auto it = holidays_.upper_bound(from_day); it != holidays_.end() && it->first <= to_day;
       ++it) {
    if (is_monday_to_friday(it->first)) --count;
  }
  for (auto it = workdays_.upper_bound(from_day); it != workdays_.end() && it->first <= to_day;
       ++it) {
    if (!is_monday_to_friday(it->first)) ++count;
  }
  return static_cast<int>(count);
}

std::string WorkCalendar::to_json() const {
  boost::json::object root;
  root["source"] = source_;
  if (!generated_from_.empty()) root["generated_from"] = generated_from_;
  boost::json::array years;
  for (int year : years_) years.push_back(year);
  root["years"] = std::move(years);
  // boost::json::object keeps insertion order, and the maps iterate in date order.
  auto by_date = [](const std::map<std::int64_t, std::string>& names) {
    boost::json::object object;
    for (const auto& [day, name] : names) object[date_of(day)] = name;
    return object;
  };
  root["holidays"] = by_date(holidays_);
  root["workdays"] = by_date(workdays_);
  return boost::json::serialize(root);
}

namespace {
int year_of_day(std::int64_t day) {
  int year;
  unsigned month, day_of_month;
  civil_from_days(day, year, month, day_of_month);
  return year;
}
}  // namespace

bool WorkCalendar::covers_days(std::int64_t from_day, std::int64_t to_day) const {
  for (int year = year_of_day(from_day); year <= year_of_day(to_day); ++year) {
    if (!covers_year(year)) return false;
  }
  return true;
}

std::optional<std::int64_t> WorkCalendar::covered_through(std::int64_t day) const {
  int year = year_of_day(day);
  if (!covers_year(year)) return std::nullopt;
  while (covers_year(year + 1)) ++year;
  return days_from_civil(year, 12, 31);
}

}  // namespace gz
