#include "modules/requests/calendar_store.hpp"

#include <boost/json.hpp>
#include <cstdio>
#include <map>
#include <mutex>

#include "core/clock.hpp"
#include "modules/audit/audit.hpp"
#include "modules/requests/priority.hpp"
#include "modules/requests/requests.hpp"
#include "modules/requests/sla.hpp"

namespace gz::requests {
namespace {

std::string day_text(std::int64_t day) {
  int year;
  unsigned month, day_of_month;
  civil_from_days(day, year, month, day_of_month);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", year, month, day_of_month);
  return buffer;
}

int year_of(std::int64_t day) {
  int year;
  unsigned month, day_of_month;
  civil_from_days(day, year, month, day_of_month);
  return year;
}

// Replaces the stored years that `calendar` covers with its entries.
CalendarLoadReport store(storage::Connection& db, const WorkCalendar& calendar,
                         const std::string& source) {
  CalendarLoadReport report;
  std::string now = now_iso8601();
  for (int year : calendar.years()) {
    std::string prefix = std::to_string(year) + "-%";
    db.execute("DELETE FROM calendar_days WHERE community_id = 0 AND day LIKE ?", {prefix});
    db.execute("DELETE FROM calendar_years WHERE community_id = 0 AND year = ?",
               {std::int64_t{year}});
    db.execute(
        "INSERT INTO calendar_years (community_id, year, source, loaded_at) VALUES (0, ?, ?, ?)",
        {std::int64_t{year}, source, now});
    report.years.push_back(year);
  }
  auto insert = [&](const std::map<std::int64_t, std::string>& days, const char* kind,
                    std::size_t& count) {
    for (const auto& [day, name] : days) {
      if (!calendar.covers_year(year_of(day))) continue;
      db.execute("INSERT INTO calendar_days (community_id, day, kind, name) VALUES (0, ?, ?, ?)",
                 {day_text(day), std::string(kind), name});
      ++count;
    }
  };
  insert(calendar.holidays(), "holiday", report.holidays);
  insert(calendar.workdays(), "workday", report.workdays);
  return report;
}

struct Cache {
  std::mutex mutex;
  std::string stamp;
  std::shared_ptr<const WorkCalendar> calendar;
};

Cache& cache() {
  static Cache instance;
  return instance;
}

}  // namespace

void seed_calendar(storage::Connection& db) {
  storage::with_transaction(db, storage::TxMode::write, [&] {
    if (db.query_int("SELECT COUNT(*) FROM calendar_years WHERE community_id = 0") > 0) return;
    auto bundled = WorkCalendar::from_json(bundled_calendar_json());
    if (!bundled)
      throw std::runtime_error("the bundled calendar is invalid: " + bundled.error().message);
    auto report = store(db, *bundled, bundled->source());
    audit::append(db, audit::system_actor(),
                  {std::nullopt, "calendar.seed", "calendar", "bundled",
                   boost::json::object{{"source", bundled->source()},
                                       {"years", static_cast<std::int64_t>(report.years.size())},
                                       {"holidays", report.holidays},
                                       {"workdays", report.workdays}}});
  });
}

std::shared_ptr<const WorkCalendar> current_calendar(storage::Connection& db) {
  auto stamp_row = db.query_one(
      "SELECT COUNT(*), COALESCE(MAX(loaded_at), '') FROM calendar_years WHERE community_id = 0");
  std::string stamp = stamp_row->text(0) + "|" + stamp_row->text(1);
  Cache& shared = cache();
  {
    std::lock_guard lock(shared.mutex);
    if (shared.calendar && shared.stamp == stamp) return shared.calendar;
  }
  boost::json::object document;
  boost::json::array years;
  std::string source;
  for (const auto& row :
       db.query("SELECT year, source FROM calendar_years WHERE community_id = 0 ORDER BY year")) {
    years.push_back(row.integer(0));
    source = row.text(1);
  }
  boost::json::object holidays, workdays;
  for (const auto& row :
       db.query("SELECT day, kind, name FROM calendar_days WHERE community_id = 0 ORDER BY day")) {
    (row.text(1) == "holiday" ? holidays : workdays)[row.text(0)] = row.text(2);
  }
  document["source"] = source.empty() ? "none" : source;
  document["generated_from"] = "database";
  document["years"] = std::move(years);
  document["holidays"] = std::move(holidays);
  document["workdays"] = std::move(workdays);
  auto parsed = WorkCalendar::from_json(boost::json::serialize(document));
  // A stored calendar was validated when loaded; if it is somehow unreadable, fall back to
  // Monday–Friday rather than refusing requests.
  auto calendar =
      std::make_shared<const WorkCalendar>(parsed ? std::move(*parsed) : WorkCalendar{});
  std::lock_guard lock(shared.mutex);
  shared.stamp = stamp;
  shared.calendar = calendar;
  return calendar;
}

CalendarCoverage calendar_coverage(const WorkCalendar& calendar, std::int64_t now_ms) {
  CalendarCoverage out;
  const std::int64_t today = shanghai_day(now_ms);
  out.covered_through_day = calendar.covered_through(today);
  if (out.covered_through_day) out.days_ahead = *out.covered_through_day - today;
  out.ok = out.days_ahead >= kCalendarLookaheadDays;
  return out;
}

bool deadlines_official(const WorkCalendar& calendar, std::int64_t received_ms,
                        std::int64_t due_ms) {
  return calendar.covers_days(shanghai_day(received_ms), shanghai_day(due_ms));
}

namespace {

// Open requests whose deadlines reach into the days from `first_day` to `last_day` get them
// counted again on `calendar` (a response already given keeps its deadline). Returns the
// requests that changed, by community.
std::map<std::int64_t, std::vector<std::int64_t>> recompute_deadlines(storage::Connection& db,
                                                                      const WorkCalendar& calendar,
                                                                      std::int64_t first_day,
                                                                      std::int64_t last_day) {
  std::map<std::int64_t, std::vector<std::int64_t>> changed;
  for (const auto& row :
       db.query("SELECT id, community_id, category, priority, received_ms, responded_ms, "
                "response_due_ms, resolution_due_ms FROM requests WHERE status IN ('submitted', "
                "'accepted', 'assigned', 'in_progress', 'reopened') AND received_ms < ? AND "
                "resolution_due_ms >= ?",
                {shanghai_midnight_ms(last_day + 1), shanghai_midnight_ms(first_day)})) {
    auto priority = parse_priority(row.text(3));
    auto category = find_category(db, row.integer(1), row.text(2));
    if (!priority || !category) continue;
    const std::int64_t received = row.integer(4);
    std::int64_t response_due = row.integer(6);
    if (row.is_null(5)) response_due = response_due_ms(*priority, received, calendar);
    std::int64_t resolution_due =
        resolution_due_ms(*priority, category->resolution_working_days, received, calendar);
    if (response_due == row.integer(6) && resolution_due == row.integer(7)) continue;
    db.execute("UPDATE requests SET response_due_ms = ?, resolution_due_ms = ? WHERE id = ?",
               {response_due, resolution_due, row.integer(0)});
    changed[row.integer(1)].push_back(row.integer(0));
  }
  return changed;
}

}  // namespace

Result<CalendarLoadReport> load_calendar(storage::Connection& db, const Actor& actor,
                                         std::string_view json_text, const std::string& source) {
  if (!actor.is(Role::admin)) return forbidden("only administrators load the working-day calendar");
  auto calendar = WorkCalendar::from_json(json_text);
  if (!calendar) return calendar.take_error();
  if (calendar->years().empty()) {
    return bad_request("invalid_calendar", "the calendar file covers no year");
  }
  CalendarLoadReport report;
  storage::with_transaction(db, storage::TxMode::write, [&] {
    report = store(db, *calendar, calendar->source().empty() ? source : calendar->source());
    boost::json::array years;
    for (int year : report.years) years.push_back(year);
    // The calendar now in force (this transaction's, read back), for the deadlines.
    auto in_force = current_calendar(db);
    auto changed = recompute_deadlines(db, *in_force, days_from_civil(report.years.front(), 1, 1),
                                       days_from_civil(report.years.back(), 12, 31));
    report.deadlines_recomputed = 0;
    for (const auto& [community_id, ids] : changed) report.deadlines_recomputed += ids.size();
    audit::Appender appender(db);
    appender.append(actor,
                    {std::nullopt, "calendar.load", "calendar", source,
                     boost::json::object{{"years", years},
                                         {"holidays", report.holidays},
                                         {"workdays", report.workdays},
                                         {"deadlines_recomputed", report.deadlines_recomputed}}});
    // The requests whose deadlines moved go on record with their community, 100 to an entry,
    // so `ledger verify` finds them as the chain last saw them.
    constexpr std::size_t kRowsPerEntry = 100;
    for (const auto& [community_id, ids] : changed) {
      for (std::size_t start = 0; start < ids.size(); start += kRowsPerEntry) {
        std::vector<audit::RowRef> rows;
        for (std::size_t i = start; i < ids.size() && i < start + kRowsPerEntry; ++i) {
          rows.push_back({&request_rows(), ids[i]});
        }
        appender.append(
            actor, {community_id, "request.deadlines", "community", std::to_string(community_id),
                    boost::json::object{{"calendar", source}, {"requests", rows.size()}}, rows});
      }
    }
    appender.finish();
  });
  return report;
}

}  // namespace gz::requests
