#include "app/demo.hpp"

#include <chrono>

#include "app/ledger.hpp"
#include "core/clock.hpp"
#include "modules/allocation/demo.hpp"
#include "modules/announcements/announcements.hpp"
#include "modules/assistant/demo.hpp"
#include "modules/bookings/bookings.hpp"
#include "modules/casework/casework.hpp"
#include "modules/civic/demo.hpp"
#include "modules/discussion/discussion.hpp"
#include "modules/needs/demo.hpp"
#include "modules/participation/demo.hpp"
#include "modules/points/demo.hpp"
#include "modules/points/points.hpp"
#include "modules/property/demo.hpp"
#include "modules/registry/registry.hpp"
#include "modules/requests/demo.hpp"
#include "modules/timebank/timebank.hpp"
#include "modules/transparency/demo.hpp"
#include "modules/warnings/warnings.hpp"

namespace gz::app {

namespace {

// Generating the demo is one bulk load: on SQLite its thousands of small transactions need not
// each wait for the disk (synchronous=NORMAL in WAL mode still survives a crash of the process,
// only not a power cut during the load); FULL is restored for the server's own writes.
class BulkLoad {
 public:
  explicit BulkLoad(storage::Connection& db) : db_(db) {
    if (db_.dialect() == storage::Dialect::sqlite) db_.execute_script("PRAGMA synchronous=NORMAL");
  }
  ~BulkLoad() {
    if (db_.dialect() != storage::Dialect::sqlite) return;
    try {
      db_.execute_script("PRAGMA synchronous=FULL; PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (...) {
    }
  }
  BulkLoad(const BulkLoad&) = delete;
  BulkLoad& operator=(const BulkLoad&) = delete;

 private:
  storage::Connection& db_;
};

// The demo resident's household has earned points at meetings and as volunteers in the last
// months, so a redemption can be tried on the first run.
void welcome_points(storage::Connection& db, std::int64_t household_id, std::int64_t as_of_ms) {
  if (household_id == 0) return;
  Actor system = audit::system_actor();
  auto members = registry::list_residents(db, system, household_id);
  if (!members) return;
  int n = 0;
  for (const auto& member : *members) {
    if (n == 2) break;
    ++n;
    // Three meetings and an afternoon's volunteering (four hours): 50 points each.
    for (int i = 0; i < 4; ++i) {
      std::string reference = "demo:welcome:" + std::to_string(member.id) + ":" + std::to_string(i);
      bool volunteering = i == 3;
      std::vector<points::AwardInput> awards{{member.id, volunteering ? "volunteer" : "meeting",
                                              volunteering ? 240 : 1, reference, std::nullopt}};
      (void)points::post_awards(db, system, awards, as_of_ms - (40 - 10 * i) * kDayMs);
    }
  }
}

}  // namespace

DemoReport run_demo(storage::Connection& db, const registry::DemoOptions& options) {
  auto started = std::chrono::steady_clock::now();
  BulkLoad bulk(db);
  DemoReport report;
  report.registry = registry::generate_demo(db, options);
  std::uint64_t seed = options.seed;
  for (std::int64_t community_id : report.registry.community_ids) {
    auto requests = requests::generate_demo_requests(db, community_id, seed++, options.as_of_ms);
    report.requests += requests.requests;
    report.request_events += requests.events;
    auto points = points::generate_demo_points(db, community_id, seed++, options.as_of_ms);
    report.awards += points.awards;
    report.redemptions += points.redemptions;
    report.timebank_services += points.services;
    // After the points demo: its sign-in sheets become the year's activities. Its own streams
    // of the base seed, so the seeds of the modules after it do not shift.
    participation::generate_demo_participation(db, community_id, options.seed, options.as_of_ms);
    // After participation (which turns the year's award sheets into activities): awards of
    // their own, not activities.
    if (community_id == report.registry.community_ids.front()) {
      welcome_points(db, report.registry.resident_household_id, options.as_of_ms);
    }
    auto needs = needs::generate_demo_needs(db, community_id, seed++, options.as_of_ms);
    report.needs_assessments += needs.assessments;
    report.pb_elections += needs.elections;
    report.pb_ballots += needs.ballots;
    // After needs: the plans read its assessments. Nothing drawn at random, so no seed.
    auto allocation = allocation::generate_demo_plans(db, community_id, options.as_of_ms);
    report.allocation_plans += allocation.plans;
    auto plans = transparency::generate_demo_transparency(db, community_id, allocation.plan_ids,
                                                          seed++, options.as_of_ms);
    report.plans_closed += plans.plans_closed;
    report.plan_objections += plans.objections;
    report.plan_spending_records += plans.spending_records;
    // Surveys, tenant representatives and resident leaders (after needs: a plan gets a survey).
    civic::generate_demo_civic(db, community_id, seed++, options.as_of_ms);
    // The property trust fund and public revenue; its own stream of the base seed per
    // community, so the seeds of the modules after it do not shift.
    // 社区主理人: after the plans, whose executing services plan funds this quarter's hosts.
    auto hosts =
        participation::generate_demo_hosts(db, community_id, options.as_of_ms, options.password);
    for (const auto& username : hosts.logins) {
      report.registry.logins.push_back(
          {username, options.password, "resident", "社区主理人（主理过一年的社区活动）"});
    }
    auto property = property::generate_demo_property(
        db, community_id, options.seed + static_cast<std::uint64_t>(community_id), options.as_of_ms,
        options.password);
    for (const auto& username : property.committee_logins) {
      report.registry.logins.push_back(
          {username, options.password, "resident", "业委会委员（与 resident 同在业主委员会）"});
    }
    // The knowledge base and residents' questions (its own stream of the base seed).
    assistant::generate_demo_assistant(db, community_id, options.seed, options.as_of_ms);
    // The guides' visits (after needs and requests: the neediest are visited most, the silent
    // needy half reached). Nothing shared with other streams.
    report.visits += casework::demo_visits(db, community_id, options.as_of_ms);
    // The notice board: a year of cuts, events and policies, read by the demo's residents.
    report.announcements += announcements::demo_announcements(db, community_id, options.as_of_ms);
    // The time bank's marketplace, after the points demo's time-bank services.
    report.market_posts += timebank::demo_market(db, community_id, options.as_of_ms);
    // Residents discussing proposals and notices (after both), a flag and a hidden comment.
    report.comments += discussion::demo_discussion(db, community_id, options.as_of_ms);
    // The rooms and a year of their bookings.
    report.bookings += bookings::demo_bookings(db, community_id, options.as_of_ms);
    // Last: the warnings the year's history raises on the demo date, and staff's answer to the
    // rising complaints: an improvement task already past its plan.
    auto raised = warnings::evaluate(db, community_id, options.as_of_ms);
    report.warnings += raised.raised;
    report.improvement_tasks += raised.improvements_opened;
    report.improvement_tasks += warnings::demo_improvement(db, community_id, options.as_of_ms);
  }
  // The demo writes its year of history in bulk, mostly without the row records each command
  // makes: the chain vouches for the generated rows here, in a few hundred baseline entries,
  // and from then on tracks every table as a server does.
  audit::adopt(db, audited_tables(), audit::Baseline::every_unrecorded_row);
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace gz::app
