// Deterministic demo history for the contribution-points bank (积分银行) and the time bank
// (时间银行): about a year of activity for one community of the registry demo, so that
// balances, statements, the catalogue, the leaderboard and the participation figures show
// real numbers on first run. Residents earn points at their building's monthly corner meeting
// (楼栋议事角) or the online hall (线上议事厅), by volunteering and by sharing a skill, in a
// participation that rises month by month as in the seed case (from about 28% of households
// towards 70%); they spend them in a catalogue of 10 items; a few double entries are
// corrected. Younger elderly residents serve older ones and people living alone through the
// time bank. Everything goes through the real use cases (points::post_awards, redeem, correct,
// timebank::record_service, confirm_service, …) with historical `now_ms` values, so every
// posting obeys the ledger's rules and carries its date; everything derives from the seed
// and `as_of_ms`, never from the clock.
#pragma once

#include <cstdint>

#include "storage/database.hpp"

namespace gz::points {

struct DemoPointsSummary {
  int awards = 0;       // award postings, the corrected double entries included
  int redemptions = 0;  // successful redemptions
  int catalog_items = 0;
  int services = 0;                 // time-bank records, whatever their status
  int transfers = 0;                // time-bank family transfers
  std::int64_t points_awarded = 0;  // gross: before the corrections
  std::int64_t minutes_banked = 0;  // minutes of confirmed services
};

// A year of points and time-bank activity for one community created by
// registry::generate_demo, ending at as_of_ms (the demo uses 2026-11-29T08:00:00+08:00): the
// twelve calendar months up to and including the month of as_of_ms, nothing at or after
// as_of_ms. Deterministic for a seed and database. Throws std::invalid_argument when the
// community does not exist or has no households, std::runtime_error when it already has
// postings or catalogue items, or when a use case refuses a planned step (a bug here).
DemoPointsSummary generate_demo_points(storage::Connection& db, std::int64_t community_id,
                                       std::uint64_t seed, std::int64_t as_of_ms);

}  // namespace gz::points
