// The points demo's time bank (时间银行), planned: residents aged 60-70 pair with two or three
// neighbours aged 80+ (or 75+ and living alone) outside their own household, and serve them
// about once a month; records are made within two days, most are confirmed within a week, a
// few disputed or left to expire. A quarter of the providers start in the first month, the
// rest join over the year. The records are queued on the replay (replay.hpp), which decides
// at each record whether the recipient has room under the debt cap. Internal to the points
// demo.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "modules/points/demo/community.hpp"
#include "modules/points/demo/replay.hpp"
#include "modules/points/demo/year.hpp"

namespace gz::points::demo {

// A kind of service, with its weight among the services and its length in quarter hours;
// what providers note they did is text data (texts.hpp, by type).
struct ServiceKind {
  const char* type;
  int weight;
  int quarter_hours_low;
  int quarter_hours_high;
};

std::span<const ServiceKind> service_kinds();

// Plans the providers, their partners and every service of the year onto `replay` (its
// providers, provider_start_ms and services, each record scheduled), drawing from the time
// bank's own stream of `seed`.
void plan_timebank(Replay& replay, const Community& community, const std::vector<Month>& months,
                   std::uint64_t seed, std::int64_t as_of_ms);

}  // namespace gz::points::demo
