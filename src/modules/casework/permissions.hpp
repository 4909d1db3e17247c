// Who may do what with casework; the use cases ask here. A household or community the actor
// does not belong to is 404 before any of these.
//   record a visit: guides and staff of the community, admins
//   read visits and a household's timeline: guides and staff of the community, admins
//     (street supervisors oversee figures, not households' notes; residents see their own
//     pages, not the caseworker's)
//   a guide's figures: the guide, staff and street users of the community, admins
#pragma once

#include <cstdint>

#include "core/actor.hpp"

namespace gz::casework {

bool may_record_visit(const Actor& actor, std::int64_t community_id);
bool may_read_casework(const Actor& actor, std::int64_t community_id);
bool may_read_figures(const Actor& actor, std::int64_t community_id, std::int64_t guide_user_id);

}  // namespace gz::casework
