// Deterministic demo history for the civic module, for one community of the registry demo
// (run after the needs demo, whose first services plan gets a closing satisfaction survey):
//   - four surveys over the year ending at as_of: the annual service-satisfaction survey
//     (December), the plan's closing satisfaction survey (January), a lift-installation
//     consultation (April), all closed, and a canteen survey still open at as_of. One answer
//     per responding household (its head). Response shares vary by group as in practice:
//     older residents answer most, young adults and migrant/tenant households least, and
//     households that said they are willing to take part more; tenants are a little less
//     satisfied, which the group difference coefficient shows;
//   - tenant representatives elected in most buildings with tenant households (3-year terms
//     from 2024 or 2-year terms from 2025; some buildings also have an earlier, ended term);
//   - the training catalogue (six modules), a leader register that grows by about 13% over
//     the year (a fifth more join, a few step down), training completions, and six
//     self-organisations.
// Surveys, their status changes, modules and organisations go through the use cases; the
// bulk is written in one transaction per part with one audit entry per row (audit::Appender):
// responses and elections through the modules' insert functions (the seat rules checked with
// assign_seats), leaders and completions with the columns register_leader and
// record_completion write. Draws come from gz::Rng (stream
// 0x43495643), never the clock; historical dates derive from as_of.
#pragma once

#include <cstdint>

#include "storage/database.hpp"

namespace gz::civic {

struct DemoCivicSummary {
  int surveys = 0;
  int responses = 0;
  int elections = 0;
  int representatives = 0;
  int current_representatives = 0;
  int modules = 0;
  int completions = 0;
  int leaders = 0;
  int organisations = 0;
  std::int64_t open_survey_id = 0;
  std::int64_t plan_survey_id = 0;  // 0 when the community has no allocation plan
};

// Throws std::invalid_argument when the community has no households, std::runtime_error when
// a use case refuses a planned step (a bug here).
DemoCivicSummary generate_demo_civic(storage::Connection& db, std::int64_t community_id,
                                     std::uint64_t seed, std::int64_t as_of_ms);

}  // namespace gz::civic
