// The demo: a deterministic mixed community (or N of them) with about a year of history in
// every module, so each page and indicator shows real figures on the first run.
#pragma once

#include <string>

#include "modules/registry/demo.hpp"
#include "storage/database.hpp"

namespace gz::app {

struct DemoReport {
  registry::DemoSummary registry;
  int requests = 0;
  int request_events = 0;
  int awards = 0;
  int redemptions = 0;
  int timebank_services = 0;
  int needs_assessments = 0;
  int allocation_plans = 0;
  int pb_elections = 0;
  int pb_ballots = 0;
  int plans_closed = 0;
  int plan_objections = 0;
  int plan_spending_records = 0;
  int warnings = 0;
  int improvement_tasks = 0;
  std::int64_t visits = 0;
  std::int64_t announcements = 0;
  std::int64_t bookings = 0;
  std::int64_t market_posts = 0;
  std::int64_t comments = 0;
  double seconds = 0;
};

DemoReport run_demo(storage::Connection& db, const registry::DemoOptions& options);

}  // namespace gz::app
