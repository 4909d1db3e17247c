// Writing a demo community's plan: the community, building, household, label and resident
// rows, each building in one transaction with an audit entry per community, building and
// household (personal data masked). The statement texts are constants, so the driver's
// prepared-statement cache serves every row.
//
// Why not registry::create_community, create_building, create_household and add_resident:
// they stamp every row with the wall clock, while the demo's households were registered over
// the year before its "today" (ages, newborns and the registry's "dynamic info" depend on
// it), and each writes its own audit entry per resident with its own checks, one call per
// row, where the demo writes one entry per household with its members. The rows written here
// are the ones those use cases write, with historical times. Internal to the registry demo.
#pragma once

#include <cstdint>

#include "core/actor.hpp"
#include "modules/registry/demo/plan.hpp"
#include "modules/registry/demo/texts.hpp"
#include "storage/database.hpp"

namespace gz::registry::demo {

// The community row (its shard key set to its id) and its audit entry; the id.
std::int64_t write_community(storage::Connection& connection, const Actor& actor,
                             const CommunityHeader& header, const Place& place);
// The building row and its audit entry; the id.
std::int64_t write_building(storage::Connection& connection, const Actor& actor,
                            std::int64_t community_id, const BuildingPlan& building);
// The household, its labels and residents, and one audit entry; the household's id.
std::int64_t write_household(storage::Connection& connection, const Actor& actor,
                             std::int64_t community_id, std::int64_t building_id,
                             std::int64_t guide_user_id, const HouseholdPlan& household);

}  // namespace gz::registry::demo
