// Writing the requests demo's plan, in the order things happened, a few hundred writes per
// transaction. Writing follows the commands: the same columns as submit_request, the same
// event rows and notes as transition_request, rate_request and escalate_overdue, and one
// audit entry for each of them.
//
// Why not call those commands: submit_request draws its tracking code from the OS CSPRNG,
// stamps the row with its `now` and refuses a received_at more than 90 days back, while the
// demo needs codes from its seed (the same seed gives the same database) and a year of
// history; and replaying ~17,500 transitions one use case at a time would re-read and
// re-write each row for every step. So the row is written once in its final state, and two
// INSERTs of the requests table are kept in step by hand (this one and
// commands/submit_request.cpp). Internal to the requests demo.
#pragma once

#include <cstdint>
#include <vector>

#include "modules/requests/demo.hpp"
#include "modules/requests/demo/community.hpp"
#include "modules/requests/demo/plan.hpp"
#include "storage/database.hpp"

namespace gz::requests::demo {

// Writes every request of the plan with its events, notifications and audit entries, and sets
// each Planned::id. `seed` draws a new tracking code should one be taken already.
DemoRequestsSummary write_requests(storage::Connection& db, const Community& community,
                                   std::vector<Planned>& requests, std::uint64_t seed);

}  // namespace gz::requests::demo
