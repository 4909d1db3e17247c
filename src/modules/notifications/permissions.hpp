// Who may do what with notifications. Everyone reads and marks their own inbox, sets their own
// preferences and contact; channels and their deliveries are the community's staff's (and
// admins'); a mobile is confirmed by the community's staff or guides, who meet the resident.
#pragma once

#include <cstdint>

#include "core/actor.hpp"

namespace gz::notifications::permissions {

bool may_manage_channels(const Actor& actor, std::int64_t community_id);
bool may_verify_mobile(const Actor& actor, std::int64_t community_id);

}  // namespace gz::notifications::permissions
