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
Result<IndicatorReport> load_indicators(storage::Connection& db, const Actor& actor,
                                        const Scope& scope, const Period& period,
                                        std::int64_t now_ms, const Targets& targets = {});

}  // namespace gz::indicators
