// Deterministic demo history for the needs matrix and participatory budgeting, for one
// community of the registry demo (after the requests and points demos; the allocation demo's
// plans come after it and read its assessments):
//   - professional assessments (专业评估) by each household's guide for about 4% of the
//     households, overriding one computed sub-score with a reason from a field visit;
//     the community keeps the default dimension weights;
//   - one finished participatory-budgeting election (2026 社区微更新, 300,000 yuan, 15
//     projects, ballots from about a third of the households) in which a fifth of the voters,
//     young families (tenants and households with small children), mostly approve the
//     childcare projects — equal shares funds some of them, greedy does not — and one open
//     election whose voting window spans the demo date, with fewer ballots.
// Everything goes through the real use cases (needs::record_assessment as the guide, pb::* as
// the system actor or the voting household), so the rules and the audit chain hold; every
// draw comes from gz::Rng (stream 0x4e454544), never from the clock.
#pragma once

#include <cstdint>

#include "storage/database.hpp"

namespace gz::needs {

struct DemoNeedsSummary {
  int assessments = 0;
  int elections = 0;
  int projects = 0;
  int ballots = 0;
  std::int64_t finished_election_id = 0;  // voting closed before as_of
  std::int64_t open_election_id = 0;      // voting open at as_of
};

// The history for one community created by registry::generate_demo, ending at as_of_ms (the
// demo uses 2026-11-29T08:00:00+08:00). Throws std::invalid_argument when the community does
// not exist or has no households, std::runtime_error when a use case refuses a planned step
// (a bug here).
DemoNeedsSummary generate_demo_needs(storage::Connection& db, std::int64_t community_id,
                                     std::uint64_t seed, std::int64_t as_of_ms);

}  // namespace gz::needs
