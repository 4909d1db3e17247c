#include "modules/reports/permissions.hpp"

namespace gz::reports {

bool may_read_reports(const Actor& actor) {
  return !actor.is(Role::resident);
}

}  // namespace gz::reports
