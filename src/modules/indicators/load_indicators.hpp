// The indicators' use case: who may read them (guides, staff, street users and admins of the
// community or of the street's communities; residents never) and the queries that gather an
// IndicatorInput from the registry, requests, ledger and catalogue.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
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

// Participation by resident group and by channel (the seed's 分层分类: 上班族 in the online
// hall, the elderly at the building corner, tenants through their representatives), for a
// period and the one before it, so each group's gain can be measured. Groups overlap (a
// household is in each that fits, from today's registry; it keeps no history):
//   elderly: tag elderly, elderly_alone or empty_nest, or a member aged 60 or more at the
//     period's end;
//   young_workers: a member aged 18-44 and none aged 60 or more (the registry records no
//     occupation: working age stands for 上班族);
//   tenants: housing type or tag tenant;
//   migrants: a member registered as migrant (流动人口) or tag migrant.
// A household participates when a member attended an activity or meeting in the period.
struct GroupParticipation {
  std::string group;
  std::int64_t households = 0;
  std::int64_t participating = 0;
  std::int64_t previous_participating = 0;
  std::optional<double> rate;           // participating / households
  std::optional<double> previous_rate;  // the period before
  std::optional<double> gain;           // rate / previous_rate - 1 (the seed's "+40%")
};
struct ChannelParticipation {
  std::string channel;  // online_hall, building_corner, tenant_reps, community
  std::int64_t activities = 0;
  std::int64_t attendances = 0;
  std::int64_t households = 0;
  std::vector<std::pair<std::string, std::int64_t>> households_by_group;
};
struct ParticipationBreakdown {
  Period period;
  std::string previous_period;
  std::vector<std::int64_t> community_ids;
  std::vector<GroupParticipation> groups;
  std::vector<ChannelParticipation> channels;
};
// As load_indicators for who may ask and the scope.
Result<ParticipationBreakdown> participation_breakdown(storage::Connection& db, const Actor& actor,
                                                       const Scope& scope, const Period& period);

// The pure part: each household's groups, and the households that took part now and before.
struct HouseholdGroups {
  bool elderly = false, young_workers = false, tenants = false, migrants = false;
};
std::vector<GroupParticipation> group_participation(
    const std::map<std::int64_t, HouseholdGroups>& households,
    const std::set<std::int64_t>& participating, const std::set<std::int64_t>& before);

}  // namespace gz::indicators
