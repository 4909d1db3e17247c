// Who may do what with the audit chain. The chain is written by every module's use cases
// (audit::append, as the actor they were given) and read by anyone: its head and its signed
// checkpoints are public routes, so that outsiders can pin them. The one act the API guards
// is signing a checkpoint on demand (the hourly job signs as the system): admins only.
#pragma once

#include "core/actor.hpp"

namespace gz::audit {

bool may_sign_checkpoint(const Actor& actor);

}  // namespace gz::audit
