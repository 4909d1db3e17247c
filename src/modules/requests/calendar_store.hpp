// The working-day calendar in force, kept in the database so every server sees the same one
// and an administrator can load a new year's file without a rebuild. First start seeds it
// from the chinese-days data bundled in the binary.
#pragma once

#include <memory>
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

struct CalendarLoadReport {
  std::vector<int> years;
  std::size_t holidays = 0;
  std::size_t workdays = 0;
};
// Replaces the years the file covers. Admins only; audited.
Result<CalendarLoadReport> load_calendar(storage::Connection& db, const Actor& actor,
                                         std::string_view json_text, const std::string& source);

}  // namespace gz::requests
