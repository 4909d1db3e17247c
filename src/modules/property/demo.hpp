// Deterministic demo history for the property trust fund and public-revenue sharing, for one
// community of the registry demo, over the five quarters 2025Q4 … 2026Q4 up to as_of_ms (the
// demo uses 2026-11-29T08:00:00+08:00):
//   - the fee schedule (160 yuan per household per month, the default adjustment line) and an
//     owners' committee member (the community's first resident login, or a new one);
//   - each quarter's bills on its first day; weekly payment batches, 85–95% of a finished
//     quarter's bills paid, some late; the current quarter partly paid;
//   - monthly expenses by category (cleaning, security, greening, …) recorded by staff and
//     approved by the committee member, never more than the fund holds;
//   - four quarterly evaluations (2025Q4 … 2026Q3) by about a third of the households whose
//     means move the fee of the quarter after (down, then up);
//   - advertising and parking revenue every month, shared out by declared rules, and one
//     advertising rule change published 2026-05-20 with its notice, effective 2026-06-01.
// Everything goes through the real use cases with historical now_ms values; every draw comes
// from gz::Rng (stream 0x50524f50), never from the clock.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace gz::property {

struct DemoPropertySummary {
  int quarters_billed = 0;
  int bills = 0;
  int bills_paid = 0;
  int payment_batches = 0;
  int expenses = 0;
  int evaluations = 0;
  int assessment_meetings = 0;
  int revenue_incomes = 0;
  int rule_versions = 0;
  std::int64_t trust_fund_fen = 0;            // at the end
  std::vector<std::string> committee_logins;  // the members besides the demo resident
};

// Throws std::invalid_argument when the community does not exist or has no households,
// std::runtime_error when a use case refuses a planned step (a bug here).
// `password`: the logins of the committee's two other members (weiyuan2, weiyuan3 in the first
// community; with "-<community id>" after them elsewhere), listed in the summary.
DemoPropertySummary generate_demo_property(storage::Connection& db, std::int64_t community_id,
                                           std::uint64_t seed, std::int64_t as_of_ms,
                                           const std::string& password);

}  // namespace gz::property
