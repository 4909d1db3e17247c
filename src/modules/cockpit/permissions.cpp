#include "modules/cockpit/permissions.hpp"

#include "modules/indicators/permissions.hpp"

namespace gz::cockpit {

bool may_view(const Actor& actor) {
  return indicators::may_read_indicators(actor);
}

}  // namespace gz::cockpit
