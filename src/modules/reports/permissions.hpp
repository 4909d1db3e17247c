// Who may read the quarterly reports. A report is made of the indicators, warnings and plans
// of its scope, each read through its own module's use case, so those modules decide which
// communities the actor may see (404 outside them); this unit holds the one rule of the
// reports themselves: residents read the public board, not the reports (403, asked first).
#pragma once

#include "core/actor.hpp"

namespace gz::reports {

bool may_read_reports(const Actor& actor);

}  // namespace gz::reports
