// Deterministic demo history of the plan lifecycle for one community, after the needs demo
// made its quarterly plans (services in fen, day-care places), ending at as_of_ms:
//   - every plan of 2025Q4 … 2026Q3 went through public notice (published 25 days before its
//     quarter, a few objections answered within days), the council vote, the professional
//     assessment and the street's approval, was spent month by month on the households with
//     need in each line (a few percent of deliveries to households without assessed demand),
//     got its final evaluation and closed 12 days after its quarter, and was rated by a sample
//     of the households it served;
//   - in 2026Q2 a dispute: more than 5% of the households objected to the services plan, so it
//     waited for a third-party evaluation before the council vote (the seed's allocation
//     disputes);
//   - each plan's council vote and professional assessment are on record; the 2026Q1 services
//     plan's first meeting lacked its quorum, so it was published again and voted anew;
//   - the services plans spent from their emergency reserve once or twice a quarter, each
//     spend signed off by the street within days;
//   - five co-funding parties (the street, the canteen, the property company, a foundation,
//     the residents) pledged their shares of each services line by its need type and paid
//     them in (the executing quarter's in part);
//   - the 2026Q4 plans are executing, two months spent;
//   - a 2027Q1 services plan is on public notice, published three days before as_of, with
//     objections, some still waiting for their answer, and what 2026Q4's reserve had left
//     carried into its dynamic pool.
// Everything goes through the use cases (transition, file_objection, answer_objection,
// record_evaluation, record_spending, rate_plan) with the demo's clock, so the rules and the
// audit chain hold; draws come from gz::Rng (stream 0x5452414e).
#pragma once

#include <cstdint>
#include <vector>

#include "storage/database.hpp"

namespace gz::transparency {

struct DemoTransparencySummary {
  int plans_published = 0;
  int plans_closed = 0;
  int objections = 0;
  int spending_records = 0;
  int ratings = 0;
  int council_failures = 0;  // first meetings without quorum, voted again after a new notice
  int emergency_spends = 0;
  int pledges = 0;                    // co-funding pledges of the parties, most received
  std::int64_t disputed_plan_id = 0;  // the 2026Q2 services plan
  std::int64_t notice_plan_id = 0;    // the 2027Q1 plan on public notice at as_of
};

// plan_ids: the allocation demo's plans, services then places, 2025Q4 … 2026Q4.
DemoTransparencySummary generate_demo_transparency(storage::Connection& db,
                                                   std::int64_t community_id,
                                                   const std::vector<std::int64_t>& plan_ids,
                                                   std::uint64_t seed, std::int64_t as_of_ms);

}  // namespace gz::transparency
