#include "modules/registry/demo/plan.hpp"

#include <algorithm>
#include <cstdio>
#include <span>
#include <tuple>
#include <utility>

#include "core/clock.hpp"
#include "modules/registry/demo/random.hpp"
#include "modules/registry/demo/texts.hpp"
#include "modules/registry/model.hpp"

namespace gz::registry::demo {
namespace {

constexpr int kCaseloadMax = static_cast<int>(kDefaultCaseloadCap);
constexpr int kGuidesMin = 5;

constexpr Weighted kPensionIncome[] = {{"low", 11},         {"lower_middle", 34}, {"middle", 32},
                                       {"upper_middle", 9}, {"high", 2},          {"unknown", 12}};
constexpr Weighted kFamilyIncome[] = {{"low", 3},           {"lower_middle", 15}, {"middle", 38},
                                      {"upper_middle", 23}, {"high", 9},          {"unknown", 12}};
constexpr Weighted kMigrantWorkerIncome[] = {{"low", 8},     {"lower_middle", 46},
                                             {"middle", 24}, {"upper_middle", 4},
                                             {"high", 1},    {"unknown", 17}};
constexpr Weighted kMigrantFamilyIncome[] = {{"low", 6},     {"lower_middle", 34},
                                             {"middle", 35}, {"upper_middle", 10},
                                             {"high", 3},    {"unknown", 12}};
constexpr Weighted kPublicHousingIncome[] = {
    {"low", 45}, {"lower_middle", 38}, {"middle", 10}, {"unknown", 7}};

constexpr Weighted kElderlyWillingness[] = {
    {"high", 20}, {"medium", 34}, {"low", 22}, {"none", 9}, {"unknown", 15}};
constexpr Weighted kFamilyWillingness[] = {
    {"high", 9}, {"medium", 30}, {"low", 32}, {"none", 9}, {"unknown", 20}};
constexpr Weighted kMigrantWillingness[] = {
    {"high", 6}, {"medium", 22}, {"low", 32}, {"none", 15}, {"unknown", 25}};

struct KindQuota {
  Kind kind;
  int households_in_4500;  // households of this kind in a community of 4,500
  Weighted housing[3];     // owner / tenant / public, in percent
};

// Tuned so a 4,500-household community holds about 8,000 registered residents and 5,000
// migrants with 22% aged 60 or more, and housing is about 60% owner, 32% tenant, 8% public.
constexpr KindQuota kQuotas[] = {
    {Kind::elderly_alone, 400, {{"owner", 80}, {"tenant", 4}, {"public", 16}}},
    {Kind::elderly_couple, 660, {{"owner", 89}, {"tenant", 2}, {"public", 9}}},
    {Kind::three_generations, 370, {{"owner", 93}, {"tenant", 2}, {"public", 5}}},
    {Kind::elderly_with_adult_child, 220, {{"owner", 88}, {"tenant", 2}, {"public", 10}}},
    {Kind::skipped_generation, 60, {{"owner", 85}, {"tenant", 3}, {"public", 12}}},
    {Kind::young_family, 660, {{"owner", 78}, {"tenant", 14}, {"public", 8}}},
    {Kind::young_couple, 120, {{"owner", 62}, {"tenant", 31}, {"public", 7}}},
    {Kind::middle_aged_family, 360, {{"owner", 88}, {"tenant", 5}, {"public", 7}}},
    {Kind::single_adult, 110, {{"owner", 52}, {"tenant", 38}, {"public", 10}}},
    {Kind::migrant_shared_rental, 450, {{"owner", 0}, {"tenant", 97}, {"public", 3}}},
    {Kind::migrant_family, 560, {{"owner", 22}, {"tenant", 72}, {"public", 6}}},
    {Kind::migrant_single, 150, {{"owner", 7}, {"tenant", 89}, {"public", 4}}},
    {Kind::migrant_couple, 200, {{"owner", 18}, {"tenant", 78}, {"public", 4}}},
    {Kind::migrant_family_with_grandparents, 180, {{"owner", 42}, {"tenant", 55}, {"public", 3}}},
};

struct Flat {
  int unit;
  int floor;
  int position;  // flat number on the landing
};

bool contains(const std::vector<std::string_view>& values, std::string_view value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

// Tags follow from the members; needs from the tags; a few households offer skills.
void label(Rng& rng, HouseholdPlan& household) {
  const auto& members = household.members;
  int youngest = 200;
  int oldest = 0;
  int elderly = 0;
  bool working_age = false;
  bool disability = false;
  bool chronic = false;
  for (const auto& person : members) {
    youngest = std::min(youngest, person.age);
    oldest = std::max(oldest, person.age);
    if (person.age >= 60) ++elderly;
    if (person.age >= 18 && person.age < 60) working_age = true;
    const int disability_percent = person.age >= 75 ? 12 : person.age >= 60 ? 5 : 2;
    if (rng.percent(disability_percent)) disability = true;
    const int chronic_percent = person.age >= 60 ? 35 : person.age >= 40 ? 7 : 1;
    if (rng.percent(chronic_percent)) chronic = true;
  }
  const bool all_elderly = elderly == static_cast<int>(members.size());
  const bool minor = youngest < 18;
  const bool newborn = youngest < 1;
  const bool tenant = household.housing_type == "tenant";
  const bool low_income = household.income_band == "low";
  const bool migrant = members.front().migrant;

  auto& tags = household.tags;
  if (elderly > 0) tags.push_back("elderly");
  if (members.size() == 1 && elderly == 1) tags.push_back("elderly_alone");
  if (members.size() >= 2 && all_elderly) tags.push_back("empty_nest");
  if (disability) tags.push_back("disability");
  if (chronic) tags.push_back("chronic_illness");
  if (low_income) tags.push_back("low_income");
  if (minor) tags.push_back("minor");
  if (newborn) tags.push_back("newborn");
  if (tenant) tags.push_back("tenant");

  auto& needs = household.needs;
  if (elderly > 0) {
    const int percent = contains(tags, "elderly_alone") ? 85
                        : oldest >= 80                  ? 70
                        : all_elderly                   ? 50
                                                        : 25;
    if (rng.percent(percent)) needs.push_back("elderly_care");
  }
  if (minor) {
    const int percent = youngest < 3 ? 75 : youngest < 7 ? 55 : 25;
    if (rng.percent(percent)) needs.push_back("childcare");
  }
  if (disability && rng.percent(85)) needs.push_back("disability_service");
  if (low_income && rng.percent(75)) needs.push_back("low_income_assistance");
  if (rng.percent(chronic ? 60 : elderly > 0 ? 15 : 4)) needs.push_back("health");
  if (rng.percent((elderly > 0 && oldest < 80) || minor ? 28 : 12)) {
    needs.push_back("culture_sports");
  }
  if (working_age && rng.percent(low_income ? 35 : migrant ? 14 : 4)) {
    needs.push_back("employment");
  }
  if (rng.percent(tenant ? 7 : 3)) needs.push_back("legal_aid");

  const bool can_offer = working_age || (elderly > 0 && oldest < 76);
  if (can_offer && rng.percent(13)) {
    const WeightedTexts& table = working_age ? texts().skills : texts().retired_skills;
    household.skills.push_back(pick(rng, table));
    if (rng.percent(20)) {
      const std::string_view second = pick(rng, table);
      if (!contains(household.skills, second)) household.skills.push_back(second);
    }
  }
}

std::string_view income_band(Rng& rng, Kind kind, std::string_view housing_type) {
  if (housing_type == "public") return pick(rng, kPublicHousingIncome);
  switch (kind) {
    case Kind::elderly_alone:
    case Kind::elderly_couple:
    case Kind::elderly_with_adult_child:
    case Kind::skipped_generation:
      return pick(rng, kPensionIncome);
    case Kind::migrant_shared_rental:
    case Kind::migrant_single:
      return pick(rng, kMigrantWorkerIncome);
    case Kind::migrant_family:
    case Kind::migrant_couple:
    case Kind::migrant_family_with_grandparents:
      return pick(rng, kMigrantFamilyIncome);
    default:
      return pick(rng, kFamilyIncome);
  }
}

std::string_view willingness(Rng& rng, Kind kind, const std::vector<PersonPlan>& members) {
  if (is_migrant_kind(kind)) return pick(rng, kMigrantWillingness);
  const bool retired_head = members.front().age >= 60;
  return pick(rng, retired_head ? kElderlyWillingness : kFamilyWillingness);
}

// Splits `total` in proportion to `weights` so the parts sum exactly to `total`
// (largest remainder; ties go to the earlier entry).
std::vector<int> apportion(int total, const std::vector<std::int64_t>& weights) {
  std::int64_t sum = 0;
  for (auto weight : weights) sum += weight;
  std::vector<int> parts(weights.size(), 0);
  if (sum == 0) return parts;
  std::vector<std::pair<std::int64_t, std::size_t>> remainders;
  int given = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const std::int64_t scaled = std::int64_t{total} * weights[i];
    parts[i] = static_cast<int>(scaled / sum);
    given += parts[i];
    remainders.emplace_back(scaled % sum, i);
  }
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t i = 0; given < total; ++i, ++given) ++parts[remainders[i].second];
  return parts;
}

// About 40 buildings for 4,500 households: the older 60% are six-storey walk-ups with two
// flats per landing, the rest high-rises with four, tall enough that about 6% of flats are
// empty.
struct BuildingShape {
  bool high_rise;
  int floors;
  int units;
  int flats_per_floor;
};

std::vector<BuildingShape> shape_buildings(Rng& rng, int households) {
  const int count = std::max(1, static_cast<int>((households + 56) / 112));
  const int walk_ups = count == 1 ? 0 : (count * 3 + 2) / 5;
  std::vector<BuildingShape> shapes;
  int capacity = 0;
  for (int i = 0; i < walk_ups; ++i) {
    static constexpr AgeBand kFloors[] = {{5, 5, 15}, {6, 6, 70}, {7, 7, 15}};
    BuildingShape shape{false, age_in(rng, kFloors), rng.between(2, 4), 2};
    capacity += shape.floors * shape.units * shape.flats_per_floor;
    shapes.push_back(shape);
  }
  const int needed = std::max(0, (households * 106 + 99) / 100 - capacity);
  const int high_rises = count - walk_ups;
  std::vector<std::int64_t> weights(static_cast<std::size_t>(high_rises));
  for (auto& weight : weights) weight = rng.between(70, 130);
  const auto targets = apportion(needed, weights);
  for (int i = 0; i < high_rises; ++i) {
    BuildingShape shape{true, 11, rng.between(1, 2), 4};
    const int per_floor = shape.units * shape.flats_per_floor;
    shape.floors = std::max(11, (targets[i] + per_floor - 1) / per_floor);
    while (shape.floors > 33) {
      ++shape.units;
      shape.floors = std::max(11, (targets[i] + shape.units * 4 - 1) / (shape.units * 4));
    }
    shapes.push_back(shape);
  }
  return shapes;
}

}  // namespace

int guides_for(int households) {
  return std::max(kGuidesMin, (households + kCaseloadMax - 1) / kCaseloadMax);
}

std::string community_name(int index) {
  const Texts& data = texts();
  const int named = static_cast<int>(data.community_names.size());
  if (index < named) return data.community_names[static_cast<std::size_t>(index)] + "社区";
  std::string_view street = data.place.street;  // 北山街道 → 北山
  if (street.ends_with("街道")) street.remove_suffix(std::string_view("街道").size());
  return std::string(street) + "第" + std::to_string(index + 1) + "社区";
}

std::string community_code(int index) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%s-%03d", texts().place.district_code.c_str(), index + 1);
  return buffer;
}

std::string demo_timestamp(std::int64_t days, int seconds_of_day) {
  return format_iso8601(shanghai_time_ms(days, seconds_of_day));
}

std::string community_created_at(int index, std::int64_t first_day) {
  return demo_timestamp(first_day, 8 * 3600 + index * 60);
}

// The buildings of one community with their households and residents, in writing order.
std::vector<BuildingPlan> plan_community(Rng& rng, Identities& identities,
                                         const std::string& community, int households,
                                         std::int64_t reference_days) {
  std::vector<BuildingPlan> buildings;
  const int guide_count = guides_for(households);
  const std::int64_t first_day = reference_days - kRecordDays;

  // Which flats are lived in: in proportion to each building's size.
  const auto shapes = shape_buildings(rng, households);
  std::vector<std::int64_t> capacities;
  capacities.reserve(shapes.size());
  for (const auto& shape : shapes) {
    capacities.push_back(std::int64_t{shape.floors} * shape.units * shape.flats_per_floor);
  }
  const auto occupied = apportion(households, capacities);

  // Which kind of household lives in each: exact quotas, shuffled.
  std::vector<std::int64_t> quota_weights;
  for (const auto& quota : kQuotas) quota_weights.push_back(quota.households_in_4500);
  const auto kind_counts = apportion(households, quota_weights);
  std::vector<std::size_t> kinds;  // index into kQuotas
  for (std::size_t i = 0; i < kind_counts.size(); ++i) kinds.insert(kinds.end(), kind_counts[i], i);
  rng.shuffle(kinds);

  const std::int64_t record_days = reference_days - first_day;  // the year of registration
  int household_index = 0;
  for (std::size_t b = 0; b < shapes.size(); ++b) {
    const auto& shape = shapes[b];
    BuildingPlan building;
    building.number = static_cast<int>(b) + 1;
    building.name = std::to_string(building.number) + "号楼";
    const Place& place = texts().place;
    building.address = place.city + place.district + place.street + community + building.name;
    building.created_at = demo_timestamp(first_day, 9 * 3600 + static_cast<int>(b) * 120);

    std::vector<Flat> flats;
    for (int unit = 1; unit <= shape.units; ++unit) {
      for (int floor = 1; floor <= shape.floors; ++floor) {
        for (int position = 1; position <= shape.flats_per_floor; ++position) {
          flats.push_back({unit, floor, position});
        }
      }
    }
    rng.shuffle(flats);
    flats.resize(std::min<std::size_t>(flats.size(), static_cast<std::size_t>(occupied[b])));
    std::sort(flats.begin(), flats.end(), [](const Flat& a, const Flat& b) {
      return std::tie(a.unit, a.floor, a.position) < std::tie(b.unit, b.floor, b.position);
    });

    for (const auto& flat : flats) {
      const KindQuota& quota = kQuotas[kinds[household_index]];
      HouseholdPlan household;
      household.kind = quota.kind;
      const int room = flat.floor * 100 + flat.position;
      char code[32];
      std::snprintf(code, sizeof code, "%02d-%d-%04d", building.number, flat.unit, room);
      household.code = code;
      household.address = community + building.name + std::to_string(flat.unit) + "单元" +
                          std::to_string(room) + "室";
      household.housing_type = pick(rng, quota.housing);
      household.members = make_family(rng, identities, reference_days, quota.kind);
      household.income_band = income_band(rng, quota.kind, household.housing_type);
      household.willingness = willingness(rng, quota.kind, household.members);
      label(rng, household);
      // Guides look after contiguous stretches of buildings, as grid workers (网格员) do.
      household.guide_index =
          static_cast<int>(std::int64_t{household_index} * guide_count / households);
      const std::int64_t day = first_day + std::int64_t{household_index} * record_days / households;
      const int seconds = 8 * 3600 + 30 * 60 + rng.between(0, 9 * 3600 - 1);
      household.created_at = demo_timestamp(day, seconds);
      household.updated_at = household.created_at;
      if (day + 1 < reference_days && rng.percent(35)) {
        household.updated_at = demo_timestamp(rng.between(day + 1, reference_days - 1),
                                              8 * 3600 + 30 * 60 + rng.between(0, 9 * 3600 - 1));
      }
      building.households.push_back(std::move(household));
      ++household_index;
    }
    buildings.push_back(std::move(building));
  }
  return buildings;
}

}  // namespace gz::registry::demo
