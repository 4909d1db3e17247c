#include "modules/audit/permissions.hpp"

namespace gz::audit {

bool may_sign_checkpoint(const Actor& actor) {
  return actor.is(Role::admin);
}

}  // namespace gz::audit
