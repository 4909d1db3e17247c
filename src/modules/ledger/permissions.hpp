// Who may do what with the ledger. The ledger has no authorisation of its own: it posts what
// the modules above it decided (points awards and redemptions, time-bank services, property
// payments) and they ask their own permissions units first. A resident's statement is read
// through the module of its kind (points::account_view, timebank::account_view), after
// registry::visible_resident. The one check that is the ledger's is who may run `ledger
// verify` over the API (the rebuilt balances, the audit chain and the checkpoints, in one
// report): staff, street users and admins, not residents or guides.
#pragma once

#include "core/actor.hpp"

namespace gz::ledger {

bool may_verify(const Actor& actor);

}  // namespace gz::ledger
