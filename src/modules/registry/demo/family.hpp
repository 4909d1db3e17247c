// Who lives in a demo household: the kinds of household the registry demo draws (elderly
// living alone, three generations, migrant workers sharing a flat…) and, for one kind, its
// members with names that follow the fashions of their decade of birth, ages, relations,
// valid ID numbers (GB 11643, with the residence code of where they were born) and
// mobiles, unique across the whole demo. Internal to the registry demo.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/random.hpp"

namespace gz::registry::demo {

enum class Kind {
  elderly_alone,             // 独居老人
  elderly_couple,            // 空巢老人 couple
  three_generations,         // grandparents, a couple and their children
  elderly_with_adult_child,  // old parent(s) and one grown-up child
  skipped_generation,        // grandparents raising a grandchild (隔代)
  young_family,              // couple and one or two children
  young_couple,
  middle_aged_family,  // couple in their fifties, usually with a grown-up child
  single_adult,
  migrant_shared_rental,  // unrelated or related workers sharing a flat
  migrant_family,
  migrant_single,
  migrant_couple,
  migrant_family_with_grandparents,  // 随迁老人 who came to look after grandchildren
};

bool is_migrant_kind(Kind kind);

struct PersonPlan {
  std::string name;
  bool male = true;
  int age = 0;
  std::string birth_date;  // YYYY-MM-DD
  std::string id_number;
  std::optional<std::string> mobile;
  std::string_view relation;
  bool migrant = false;
};

// Hands out ID numbers and mobile numbers that are unique across the whole demo.
class Identities {
 public:
  std::string id_number(Rng& rng, std::string_view region, std::int64_t birth_days, bool male);
  std::string mobile(Rng& rng);

 private:
  std::unordered_set<std::uint64_t> used_ids_;
  std::unordered_set<std::uint64_t> used_mobiles_;
};

// The members of one household of `kind`, head first, with ages counted to `reference_days`
// (the demo's Shanghai day).
std::vector<PersonPlan> make_family(Rng& rng, Identities& identities, std::int64_t reference_days,
                                    Kind kind);

// A community worker's or guide's display name.
std::string staff_name(Rng& rng);

}  // namespace gz::registry::demo
