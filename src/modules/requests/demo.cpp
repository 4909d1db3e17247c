// GenerateDemoRequests: plans a year of requests for one community in memory, then writes
// them in the order they happened. The parts, in src/modules/requests/demo/:
//  - community: the registry demo's households, staff and guides, and the stored categories,
//    departments and triage rules;
//  - texts (data/demo/requests.json) and profiles: what residents write and how each
//    category behaves;
//  - office_hours: Shanghai time and the community office's hours;
//  - planner: when, what, who, and what happened (planner.hpp tells the steps); plan and
//    replay: each request's steps, checked against the real workflow's decide();
//  - write: the rows, events, notifications and audit entries.
// Measured on SQLite (one community of 4,500 households: ~3,000 requests, ~17,500 events and
// as many audit entries): 0.45 s on an idle 2-core box, under 1 s while it compiles, so the
// full per-transition audit is kept rather than a summary per request.
#include "modules/requests/demo.hpp"

#include <stdexcept>
#include <string>
#include <vector>

#include "modules/notifications/notifications.hpp"
#include "modules/registry/registry.hpp"
#include "modules/requests/calendar_store.hpp"
#include "modules/requests/demo/community.hpp"
#include "modules/requests/demo/office_hours.hpp"
#include "modules/requests/demo/planner.hpp"
#include "modules/requests/demo/referrals.hpp"
#include "modules/requests/demo/write.hpp"
#include "modules/requests/notify.hpp"

namespace gz::requests {

DemoRequestsSummary generate_demo_requests(storage::Connection& db, std::int64_t community_id,
                                           std::uint64_t seed, std::int64_t as_of_ms) {
  if (!registry::community_exists(db, community_id)) {
    throw std::invalid_argument("demo: no community " + std::to_string(community_id));
  }
  if (db.query_int("SELECT COUNT(*) FROM requests WHERE community_id = ?", {community_id}) != 0) {
    throw std::runtime_error("demo: community " + std::to_string(community_id) +
                             " already has requests");
  }
  seed_calendar(db);
  const auto calendar = current_calendar(db);
  const demo::Community community = demo::load_community(db, community_id, as_of_ms);
  if (community.households.empty()) return {};
  const demo::OfficeHours office(*calendar);
  demo::Planner planner(community, office, seed, as_of_ms);
  std::vector<demo::Planned> requests = planner.plan();
  demo::overlay_referrals(requests, community, seed, as_of_ms);
  auto summary = demo::write_requests(db, community, requests, seed);
  // The last quarter of what residents with accounts heard, in their inboxes.
  notify::replay_for_demo(db, community_id, as_of_ms - 92 * kDayMs);
  notifications::mark_read_before(db, community_id, as_of_ms - 3 * kDayMs);
  return summary;
}

}  // namespace gz::requests
