#include "modules/ledger/permissions.hpp"

namespace gz::ledger {

bool may_verify(const Actor& actor) {
  return actor.is(Role::staff) || actor.is(Role::street) || actor.is(Role::admin);
}

}  // namespace gz::ledger
