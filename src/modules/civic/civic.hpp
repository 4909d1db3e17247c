// The civic module's contract: surveys, tenant representatives and resident leaders (居民骨干:
// training, the leader register, self-organisations). Other modules call one thing of it:
// the resident-leader growth of a community, which the indicators measure against the target
// of more than 10% a year (kLeaderGrowthTarget). The pure rules behind it (LeaderGrowth) are in
// rules.hpp; the use cases (surveys.hpp, representatives.hpp, leaders.hpp) are reached through
// the routes, which src/app wires with the demo.
#pragma once

#include <cstdint>
#include <string>

#include "modules/civic/rules.hpp"
#include "storage/database.hpp"

namespace gz::civic {

// Leaders of the community on `from` and on `to` (YYYY-MM-DD); no permission check.
LeaderGrowth leader_growth(storage::Connection& db, std::int64_t community_id,
                           const std::string& from, const std::string& to);

}  // namespace gz::civic
