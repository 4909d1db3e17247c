// The indicators' use case: who may read them (guides, staff, street users and admins of the
// community or of the street's communities; residents never) and the queries that gather an
// IndicatorInput from the registry, requests, ledger and catalogue.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/result.hpp"
#include "modules/indicators/indicators.hpp"
#include "storage/database.hpp"

namespace gz::indicators {

struct Scope {
  std::optional<std::int64_t> community_id;
  std::optional<std::string> street;  // communities.street, shared by its communities
};

struct IndicatorReport {
  Period period;
  std::vector<std::int64_t> community_ids;
  std::vector<Indicator> indicators;
};

// Errors: forbidden for residents; bad_request "missing_query" unless exactly one of
// community_id and street is given; not_found for a community the actor does not belong to,
// or a street with none of the actor's communities.
// Targets: the given ones, else a single community's own (load_targets), else the defaults (a
// street is measured against the defaults).
Result<IndicatorReport> load_indicators(storage::Connection& db, const Actor& actor,
                                        const Scope& scope, const Period& period,
                                        std::int64_t now_ms,
                                        const std::optional<Targets>& targets = std::nullopt);

// A community's targets: the defaults, overridden by what it set (no permission check).
Targets load_targets(storage::Connection& db, std::int64_t community_id);
// Guides, staff, street users of the community and admins.
Result<Targets> get_targets(storage::Connection& db, const Actor& actor, std::int64_t community_id);
// Staff and admins of the community. Keys: the twelve indicator keys and
// volunteer_hour_value_fen; rates 0–1, counts and days ≥ 0. 400 unknown_target, invalid_target.
Result<Targets> set_targets(storage::Connection& db, const Actor& actor, std::int64_t community_id,
                            const std::vector<std::pair<std::string, double>>& values,
                            std::int64_t now_ms);
// The targets as key → value, in the indicators' order (and the hourly value last).
std::vector<std::pair<std::string, double>> target_values(const Targets& targets);

}  // namespace gz::indicators
