// Who may watch the cockpit. The cockpit has no authorisation of its own: a snapshot is the
// indicators and the open warnings of a scope, read through indicators::load_indicators and
// warnings::list_warnings as the actor, so those modules decide (residents 403, communities
// outside the actor's 404). may_view states the cockpit's answer in one place, asked before
// anything is loaded so a refused caller costs no reads.
#pragma once

#include "core/actor.hpp"

namespace gz::cockpit {

// The indicators' rule: everyone but residents.
bool may_view(const Actor& actor);

}  // namespace gz::cockpit
