#include "modules/points/demo/community.hpp"

#include <algorithm>
#include <limits>
#include <utility>

#include "core/clock.hpp"
#include "modules/points/demo/year.hpp"

namespace gz::points::demo {
namespace {

// Neighbouring walk-ups share a corner until it serves this many households.
constexpr std::size_t kCornerHouseholdsMin = 120;
// The activists: the most engaged 8% of households, who take part nearly every month.
constexpr int kCorePerMille = 80;

// "1号楼" and "3号楼" → "1-3号楼"; other names → "A至B".
std::string corner_name(const std::string& first, const std::string& last) {
  if (first == last) return first;
  const std::string suffix = "号楼";
  if (first.ends_with(suffix) && last.ends_with(suffix)) {
    return first.substr(0, first.size() - suffix.size()) + "-" + last;
  }
  return first + "至" + last;
}

void group_corners(Community& community) {
  auto& buildings = community.buildings;
  std::vector<std::size_t> first_building;  // of each corner
  std::size_t first = 0;
  std::size_t households = 0;
  for (std::size_t b = 0; b < buildings.size(); ++b) {
    households += buildings[b].homes.size();
    const bool last = b + 1 == buildings.size();
    if (households < kCornerHouseholdsMin && !last) continue;
    // A few walk-ups left over at the end join the previous corner.
    if (households < kCornerHouseholdsMin / 2 && !community.corners.empty()) {
      first = first_building.back();
      community.corners.back().name = corner_name(buildings[first].name, buildings[b].name);
    } else {
      first_building.push_back(first);
      community.corners.push_back({corner_name(buildings[first].name, buildings[b].name)});
    }
    for (std::size_t i = first; i <= b; ++i) buildings[i].corner = community.corners.size() - 1;
    first = b + 1;
    households = 0;
  }
}

int age_at(const std::string& birth_date, int year, unsigned month, unsigned day) {
  int birth_year = 0;
  unsigned birth_month = 0;
  unsigned birth_day = 0;
  if (!parse_date(birth_date, birth_year, birth_month, birth_day)) return 40;
  int age = year - birth_year;
  if (month < birth_month || (month == birth_month && day < birth_day)) --age;
  return age;
}

}  // namespace

std::optional<std::size_t> member_aged(Rng& rng, const Community& community, const Home& home,
                                       int low, int high, bool oldest) {
  std::vector<std::size_t> found;
  for (std::size_t person : home.members) {
    const int age = community.people[person].age;
    if (age >= low && age <= high) found.push_back(person);
  }
  if (found.empty()) return std::nullopt;
  if (oldest) {
    return *std::max_element(found.begin(), found.end(), [&](std::size_t a, std::size_t b) {
      return community.people[a].age < community.people[b].age;
    });
  }
  return rng.pick(found);
}

Community load_community(storage::Connection& db, std::int64_t community_id, Rng& rng,
                         std::int64_t as_of_ms) {
  Community community;
  community.id = community_id;
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
  civil_from_days(local_day(as_of_ms), year, month, day);

  std::unordered_map<std::int64_t, std::size_t> building_by_id;
  for (const auto& row : db.query(
           "SELECT id, name FROM buildings WHERE community_id = ? ORDER BY id", {community_id})) {
    building_by_id[row.integer(0)] = community.buildings.size();
    community.buildings.push_back({row.integer(0), row.text(1), {}});
  }
  std::unordered_map<std::int64_t, std::size_t> home_by_id;
  for (const auto& row :
       db.query("SELECT id, building_id, willingness FROM households WHERE community_id = ? AND "
                "building_id IS NOT NULL ORDER BY id",
                {community_id})) {
    auto building = building_by_id.find(row.integer(1));
    if (building == building_by_id.end()) continue;
    Home home;
    home.id = row.integer(0);
    home.building = building->second;
    home.willingness = row.text(2);
    home_by_id[home.id] = community.homes.size();
    community.buildings[home.building].homes.push_back(community.homes.size());
    community.homes.push_back(std::move(home));
  }
  group_corners(community);
  for (const auto& row :
       db.query("SELECT household_id, kind, value FROM household_labels WHERE community_id = ? AND "
                "kind IN ('tag', 'skill') ORDER BY household_id, kind, value",
                {community_id})) {
    auto home = home_by_id.find(row.integer(0));
    if (home == home_by_id.end()) continue;
    Home& target = community.homes[home->second];
    if (row.text(1) == "skill") target.skills.push_back(row.text(2));
    if (row.text(1) == "tag" && row.text(2) == "elderly_alone") target.living_alone = true;
  }
  for (const auto& row : db.query(
           "SELECT id, household_id, birth_date, registration FROM residents WHERE community_id = "
           "? ORDER BY id",
           {community_id})) {
    auto home = home_by_id.find(row.integer(1));
    if (home == home_by_id.end()) continue;
    Person person;
    person.id = row.integer(0);
    person.home = home->second;
    person.age = row.is_null(2) ? 40 : age_at(row.text(2), year, month, day);
    Home& target = community.homes[home->second];
    if (row.text(3) == "migrant") target.migrant = true;
    if (person.age >= 3 && person.age <= 12) target.has_school_child = true;
    community.person_by_id[person.id] = community.people.size();
    target.members.push_back(community.people.size());
    community.people.push_back(person);
  }

  // Engagement: a random draw scaled by what the household told its guide, so households that
  // said they were willing mostly come first; active retirees take part more, migrants (often
  // working long hours, new to the neighbourhood) less.
  std::vector<std::pair<std::int64_t, std::size_t>> keys;
  for (std::size_t i = 0; i < community.homes.size(); ++i) {
    Home& home = community.homes[i];
    std::int64_t weight = home.willingness == "high"     ? 300
                          : home.willingness == "medium" ? 600
                          : home.willingness == "low"    ? 1000
                          : home.willingness == "none"   ? 1800
                                                         : 1100;
    bool active_retiree = false;
    for (std::size_t person : home.members) {
      const int age = community.people[person].age;
      active_retiree = active_retiree || (age >= 60 && age <= 75);
    }
    if (active_retiree) weight = weight * 8 / 10;
    if (home.migrant) weight = weight * 12 / 10;
    std::int64_t key = rng.between(std::int64_t{0}, std::int64_t{999'999}) * weight;
    home.corner_person = member_aged(rng, community, home, 50, 85, true);
    home.online_person = member_aged(rng, community, home, 18, 59);
    home.volunteer_person = member_aged(rng, community, home, 25, 70);
    if (!home.volunteer_person) home.volunteer_person = member_aged(rng, community, home, 16, 75);
    if (!home.skills.empty()) home.skill_person = member_aged(rng, community, home, 18, 75);
    if (home.has_school_child && rng.percent(30)) {
      if (auto parent = member_aged(rng, community, home, 25, 55)) {
        home.saving_for_childcare = true;
        home.volunteer_person = parent;
        key /= 2;
      }
    }
    home.corner_minded = home.corner_person && rng.percent(85);
    home.online_minded = home.online_person && rng.percent(55);
    home.has_car = member_aged(rng, community, home, 25, 70).has_value() && rng.percent(35);
    // Nobody who could come (everyone past 85, or only children): never takes part.
    if (!home.corner_person && !home.online_person && !home.volunteer_person) {
      key = std::numeric_limits<std::int64_t>::max();
    }
    keys.emplace_back(key, i);
  }
  std::sort(keys.begin(), keys.end());
  const auto count = static_cast<std::int64_t>(keys.size());
  for (std::int64_t rank = 0; rank < count; ++rank) {
    Home& home = community.homes[keys[static_cast<std::size_t>(rank)].second];
    home.rank_per_mille = static_cast<int>(rank * 1000 / std::max<std::int64_t>(1, count));
    home.core = home.rank_per_mille < kCorePerMille;
    community.by_rank.push_back(keys[static_cast<std::size_t>(rank)].second);
  }
  return community;
}

}  // namespace gz::points::demo
