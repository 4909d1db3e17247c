// Who may do what with early warnings and improvement tasks; the use cases ask here. Anyone
// outside the community gets 404 first (is_member).
//   readers (guides, staff and street users of the community, admins): warnings and tasks;
//     residents do not (403)
//   managers (staff of the community, admins): run the evaluation, resolve warnings, open
//     and move improvement tasks
// The scheduled evaluation and platform events run as the system, with no actor to ask.
#pragma once

#include <cstdint>

#include "core/actor.hpp"

namespace gz::warnings {

bool is_member(const Actor& actor, std::int64_t community_id);
bool may_read(const Actor& actor, std::int64_t community_id);
bool may_manage(const Actor& actor, std::int64_t community_id);

}  // namespace gz::warnings
