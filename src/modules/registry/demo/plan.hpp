// The plan of one demo community: what will be written, decided before any transaction
// starts so a retried transaction writes exactly the same rows. About 40 buildings for 4,500
// households (older six-storey walk-ups and newer high-rises), flats chosen in proportion to
// each building's size, household kinds from fixed quotas rather than drawn independently
// (so the totals of residents, migrants and people aged 60+ stay close to the targets for
// every seed and size), then tags from the members, needs from the tags, a few skills,
// income bands, willingness to take part, the guide whose stretch of buildings it lies in,
// and when it was registered. Internal to the registry demo.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/random.hpp"
#include "modules/registry/demo/family.hpp"

namespace gz::registry::demo {

// Households were registered over the year before the demo's "today" (363 days: from
// 2025-12-01 for the reference date 2026-11-29).
inline constexpr std::int64_t kRecordDays = 363;

struct HouseholdPlan {
  Kind kind = Kind::single_adult;
  std::string code;     // 01-2-0301
  std::string address;  // 幸福里社区1号楼2单元301室
  std::string_view housing_type;
  std::string_view income_band;
  std::string_view willingness;
  std::vector<PersonPlan> members;
  std::vector<std::string_view> tags;
  std::vector<std::string_view> needs;
  std::vector<std::string_view> skills;
  int guide_index = 0;
  std::string created_at;
  std::string updated_at;
};

struct BuildingPlan {
  int number = 0;
  std::string name;     // 3号楼
  std::string address;  // 杭州市西湖区北山街道幸福里社区3号楼
  std::string created_at;
  std::vector<HouseholdPlan> households;
};

// The community row itself.
struct CommunityHeader {
  std::string name;  // 幸福里社区
  std::string code;  // 330106-001
  std::string created_at;
};

// Enough guides that nobody's caseload passes the cap, and never fewer than five.
int guides_for(int households);
// 幸福里社区 for the first twenty communities, then 北山第21社区 ….
std::string community_name(int index);
// 330106-001: the district's code and the community's number.
std::string community_code(int index);
// Local time in Shanghai → the product's ISO 8601 text.
std::string demo_timestamp(std::int64_t days, int seconds_of_day);
std::string community_created_at(int index, std::int64_t first_day);

// The buildings of one community with their households and residents, in writing order.
std::vector<BuildingPlan> plan_community(Rng& rng, Identities& identities,
                                         const std::string& community, int households,
                                         std::int64_t reference_days);

}  // namespace gz::registry::demo
