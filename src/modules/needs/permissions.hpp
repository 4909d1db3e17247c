// Who may do what with the needs matrix; the use cases ask here. Anyone outside the community
// gets 404 first.
//   a household's needs: whoever may see the household in the registry (its own residents;
//     the community's guides, staff and street users; admins): registry::permissions
//   the community's needs, rankings, heat map and weights: everyone of the community but
//     residents (403)
//   the weights: staff of the community and admins set them
//   professional assessments: guides and staff of the community, and admins, record them
#pragma once

#include <cstdint>

#include "core/actor.hpp"

namespace gz::needs {

bool may_read_community(const Actor& actor, std::int64_t community_id);
bool may_set_weights(const Actor& actor, std::int64_t community_id);
bool may_assess(const Actor& actor, std::int64_t community_id);

}  // namespace gz::needs
