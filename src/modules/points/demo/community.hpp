// The community as the points demo sees it, read from the registry demo's rows: buildings
// grouped into corner meetings (楼栋议事角), households with their members' ages, skills,
// tags and the stated willingness to take part, and each household's engagement rank, which
// decides who takes part as participation grows over the year. Internal to the points demo.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/random.hpp"
#include "storage/database.hpp"

namespace gz::points::demo {

struct Person {
  std::int64_t id = 0;
  std::size_t home = 0;
  int age = 0;
};

struct Home {
  std::int64_t id = 0;
  std::size_t building = 0;
  std::string willingness;
  std::vector<std::size_t> members;  // indices into Community::people
  std::vector<std::string> skills;
  bool living_alone = false;
  bool migrant = false;
  bool has_school_child = false;  // a child aged 3-12: the summer childcare place
  // A parent who volunteers extra from winter to June to earn the summer place: the seed's
  // point that people take part for things they value.
  bool saving_for_childcare = false;
  bool has_car = false;
  int rank_per_mille = 1000;  // 0: the most engaged household
  bool core = false;
  // Who usually goes, decided once: the regulars of a household are the same all year.
  std::optional<std::size_t> corner_person;     // 50-85, the weekday-afternoon meetings
  std::optional<std::size_t> online_person;     // 18-59, the evening online hall
  std::optional<std::size_t> volunteer_person;  // 16-75
  std::optional<std::size_t> skill_person;      // 18-75, when the household has a skill
  bool corner_minded = false;
  bool online_minded = false;
};

struct Building {
  std::int64_t id = 0;
  std::string name;
  std::vector<std::size_t> homes;
  std::size_t corner = 0;  // index into Community::corners
};

// A corner meeting (楼栋议事角): a high-rise has its own; neighbouring walk-ups share one, so
// that each corner serves enough households for a real meeting.
struct Corner {
  std::string name;  // "12号楼", or "1-3号楼" for walk-ups that share one
};

struct Community {
  std::int64_t id = 0;
  std::vector<Building> buildings;
  std::vector<Corner> corners;
  std::vector<Home> homes;
  std::vector<Person> people;
  std::unordered_map<std::int64_t, std::size_t> person_by_id;
  std::vector<std::size_t> by_rank;  // homes, the most engaged first
};

// Among the members aged low..high, one at random (or the oldest when `oldest`).
std::optional<std::size_t> member_aged(Rng& rng, const Community& community, const Home& home,
                                       int low, int high, bool oldest = false);

// Reads the community and ranks its households by engagement, drawing from `rng`; ages are
// counted to as_of_ms.
Community load_community(storage::Connection& db, std::int64_t community_id, Rng& rng,
                         std::int64_t as_of_ms);

}  // namespace gz::points::demo
