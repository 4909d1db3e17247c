// HTTP routes of rooms and bookings: rooms and their rules, a room's schedule, booking,
// cancelling and deciding, the lists, and the rooms' use.
#pragma once

#include "http/router.hpp"

namespace gz::bookings {

void register_routes(http::Router& router);

}  // namespace gz::bookings
