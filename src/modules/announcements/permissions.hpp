// Who may do what with the notice board; the use cases ask here. A community the actor does
// not belong to is 404 before any of these.
//   publish, pin, date and withdraw a notice: staff of the community, admins
//   read every notice (past ones too) and the read figures: officials of the community
//     (guides, staff, street supervisors), admins
//   read a notice: the above; a resident when it is for the whole community or their building
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/actor.hpp"

namespace gz::announcements {

bool may_publish(const Actor& actor, std::int64_t community_id);
bool may_oversee(const Actor& actor, std::int64_t community_id);
// `buildings`: the notice's buildings (empty: the whole community); `own_building` the
// resident's household's building.
bool may_read(const Actor& actor, std::int64_t community_id,
              const std::vector<std::int64_t>& buildings, std::optional<std::int64_t> own_building);

}  // namespace gz::announcements
