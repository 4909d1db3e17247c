// The points demo's awards, planned month by month into batches: one batch is one call of
// points::award, entered at one time by the guide who holds the sign-in sheet.
//  1. who takes part: each month most households above a rising engagement threshold take
//     part, so the share of households earning points climbs from about 28% in the first
//     month to about 70% in the last (the seed's 28% → 76%), while a core of activists (骨干,
//     the top 8%) takes part every month;
//  2. what they do: every participant gets at least one award in the month: the corner
//     meeting (楼栋议事角: a high-rise has its own, neighbouring walk-ups share one; weekday
//     afternoons, older residents, at most 60), the online hall (线上议事厅: a Wednesday
//     evening, working-age residents, at most 60), or volunteering — garbage-sorting guidance
//     at their building's station (a weekly rota), Saturday clean-ups, visits to elderly
//     people living alone, patrols at the Spring Festival and in the flood season, and a
//     youth programme in the summer holidays. Households with a skill run skill-sharing
//     sessions; activists volunteer on top; partners sometimes come to meetings too; some
//     parents of school children volunteer extra until June to earn the summer place.
// Internal to the points demo.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/calendar.hpp"
#include "core/random.hpp"
#include "modules/points/demo/community.hpp"
#include "modules/points/demo/year.hpp"
#include "modules/points/points.hpp"

namespace gz::points::demo {

struct Batch {
  std::int64_t at_ms = 0;
  std::vector<AwardInput> awards;
};

class AwardPlan {
 public:
  // False when this resident already has an award for this rule and reference.
  bool add(const std::string& batch_key, std::int64_t at_ms, std::int64_t resident_id,
           const std::string& rule, std::int64_t quantity, const std::string& reference,
           const std::string& memo);
  std::vector<Batch> batches;

 private:
  std::map<std::string, std::size_t> batch_by_key_;
  std::set<std::pair<std::int64_t, std::string>> given_;
};

// The year's awards, drawing from `rng` (the plan's stream).
AwardPlan plan_awards(const Community& community, const WorkCalendar& calendar, Rng& rng,
                      const std::vector<Month>& months, std::int64_t as_of_ms);

}  // namespace gz::points::demo
