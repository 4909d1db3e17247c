// Who may do what with rooms and bookings; the use cases ask here. A community the actor does
// not belong to is 404 before any of these.
//   manage rooms, decide and cancel any booking, read every booking's details and the use
//     figures: staff of the community, admins (guides and street supervisors read them)
//   book: residents with a household of the community when the room is open to residents;
//     guides and staff of the community; admins
#pragma once

#include <cstdint>
#include <string_view>

#include "core/actor.hpp"

namespace gz::bookings {

bool may_manage(const Actor& actor, std::int64_t community_id);
bool may_oversee(const Actor& actor, std::int64_t community_id);
// `open_to`: "residents" or "officials".
bool may_book(const Actor& actor, std::int64_t community_id, std::string_view open_to);

}  // namespace gz::bookings
