// A participatory-budgeting outcome as a plan: once voting has closed, staff turn the
// election's funded projects (under its own rule, or the one they name) into an allocation
// plan in fen — one line per project, its cost as the line's total, the unfunded rest of the
// budget as the plan's surplus — which then goes through public notice, the council vote,
// review, spending and closing like any plan. One plan per election.
// Errors: 403 (not staff), 404 (no such election here), 409 voting_not_closed, plan_exists,
// nothing_selected; 400 invalid_rule, unsupported_decimals (more than 2 decimals in amounts).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/actor.hpp"
#include "core/result.hpp"
#include "modules/transparency/transparency.hpp"
#include "storage/database.hpp"

namespace gz::transparency {

Result<PlanStatus> plan_from_election(storage::Connection& db, const Actor& actor,
                                      std::int64_t election_id,
                                      const std::optional<std::string>& rule, std::int64_t now_ms);

}  // namespace gz::transparency
