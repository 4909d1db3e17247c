// Deterministic demo plans for one community of the registry demo, after the needs demo (the
// plans read its assessments): five quarterly plans 2025Q4 … 2026Q4 for community services
// (1,200,000 fen each) and five for day-care places (60 whole places each: elderly day care
// and childcare), made in order, so each line shows the previous quarter's total. The newborn
// surge of the seed case is entered as the quarter's demand weights: childcare's share of the
// services budget rises from about 20% to about 35%. Everything goes through
// allocation::create_plan as the system actor, so the rules and the audit chain hold; nothing
// is drawn at random.
#pragma once

#include <cstdint>
#include <vector>

#include "storage/database.hpp"

namespace gz::allocation {

struct DemoPlansSummary {
  int plans = 0;
  std::vector<std::int64_t> plan_ids;  // services plans, then places plans, by quarter
};

// The plans for the five quarters ending with as_of_ms's (the demo uses
// 2026-11-29T08:00:00+08:00). Throws std::invalid_argument when the community does not exist,
// std::runtime_error when create_plan refuses a planned plan (a bug here).
DemoPlansSummary generate_demo_plans(storage::Connection& db, std::int64_t community_id,
                                     std::int64_t as_of_ms);

}  // namespace gz::allocation
