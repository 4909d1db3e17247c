// Deterministic demo history for participation: about a year of activities and meetings on
// every channel with their attendance, and resident proposals (提案) in every state, for one
// community of the registry demo, so the activity list, proposal pages, warnings and the
// participation figures show real numbers on first run.
//
// The points demo (modules/points/demo.cpp) already paid a year of corner meetings, online
// halls, volunteering and skill sharing; each of those sign-in sheets (the award postings of
// one reference) becomes an activity here with its attendance naming the posting, so points
// and attendance agree and nothing is paid twice. On top of that this demo holds the monthly
// community deliberation meeting (议事会, 19:00-21:00) and the tenant representatives'
// meeting (租户代表会), paying their attendance through points::award, and schedules a few
// upcoming activities with sign-ups. Proposals are drafted through the year, seconded by
// other households, put on the next deliberation meeting, voted by households present and
// decided by the rule of rules.hpp (passed, rejected, no quorum) or deferred; decisions get
// public responses (a few late, a few still owed), and one topic is deferred at three
// meetings in a row (the stalled-topic warning). Everything derives from the seed and
// `as_of_ms`, never from the clock.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace gz::participation {

struct DemoParticipationSummary {
  int activities = 0;  // all channels, upcoming included
  int attendances = 0;
  int signups = 0;
  int proposals = 0;
  int votes = 0;
  int stalled = 0;  // proposals with the stalled-topic warning
};

// Run after points::generate_demo_points for the same community (its award postings become
// the sheets of the past corner meetings, online halls, volunteering and skill sharing).
// Throws std::invalid_argument when the community has no households, std::runtime_error when
// it already has activities or a use case refuses a planned step (a bug here).
DemoParticipationSummary generate_demo_participation(storage::Connection& db,
                                                     std::int64_t community_id, std::uint64_t seed,
                                                     std::int64_t as_of_ms);

// 社区主理人 in the demo, after the plans (a hosted activity's budget is spending on the
// executing services plan): a young resident login `zhuliren` (first community; with
// "-<community id>" elsewhere; `password`) who hosted activities through the year (proposed,
// approved, signed up, checked in, minutes, host points), two this quarter funded from the
// plan's culture and sports line, one next week open for sign-up and one awaiting staff's
// decision.
struct DemoHostsSummary {
  int hosted = 0;
  int funded = 0;
  std::vector<std::string> logins;
};
DemoHostsSummary generate_demo_hosts(storage::Connection& db, std::int64_t community_id,
                                     std::int64_t as_of_ms, const std::string& password);

}  // namespace gz::participation
