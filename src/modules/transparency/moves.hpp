// Inside the transparency module only: one lifecycle step on a plan already loaded in a write
// transaction (lifecycle locked), stored, audited and kept as a plan event. The transition
// route and the records that move a plan (a council vote, an assessment, a revision) share it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/actor.hpp"
#include "core/result.hpp"
#include "modules/transparency/transparency.hpp"
#include "storage/database.hpp"

namespace gz::transparency {

Result<void> move_plan(storage::Connection& db, const Actor& actor, PlanStatus& status,
                       const std::string& action, const std::string& note, std::int64_t now_ms,
                       bool internal);

// Whether the plan's current round has a professional assessment on record that does not
// recommend rejection (decisions.cpp).
bool assessment_approves(storage::Connection& db, std::int64_t plan_id);

}  // namespace gz::transparency
