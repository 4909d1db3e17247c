// HTTP routes of discussion: a subject's thread, commenting and replying, flagging, staff
// moderation and its queue.
#pragma once

#include "http/router.hpp"

namespace gz::discussion {

void register_routes(http::Router& router);

}  // namespace gz::discussion
