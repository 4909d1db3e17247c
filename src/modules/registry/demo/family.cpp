#include "modules/registry/demo/family.hpp"

#include <algorithm>
#include <cstdio>
#include <span>
#include <utility>

#include "core/clock.hpp"
#include "core/pii.hpp"
#include "modules/registry/demo/random.hpp"
#include "modules/registry/demo/texts.hpp"

namespace gz::registry::demo {
namespace {

std::string date_text(std::int64_t days) {
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
  civil_from_days(days, year, month, day);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", year, month, day);
  return buffer;
}

constexpr AgeBand kElderlyAges[] = {{60, 69, 36}, {70, 79, 38}, {80, 89, 22}, {90, 98, 4}};
constexpr AgeBand kLivingAloneAges[] = {{62, 69, 20}, {70, 79, 38}, {80, 89, 34}, {90, 99, 8}};
constexpr AgeBand kYoungOldAges[] = {{60, 64, 40}, {65, 69, 35}, {70, 76, 25}};
constexpr AgeBand kMigrantWorkerAges[] = {{18, 24, 28}, {25, 34, 42}, {35, 45, 22}, {46, 55, 8}};

// Draws the members of one household.
class FamilyMaker {
 public:
  FamilyMaker(Rng& rng, Identities& identities, std::int64_t reference_days)
      : rng_(rng), identities_(identities), reference_days_(reference_days) {}

  std::vector<PersonPlan> make(Kind kind) {
    members_.clear();
    migrant_ = is_migrant_kind(kind);
    family_region_ = migrant_ ? std::string(pick(rng_, texts().migrant_regions))
                              : std::string(pick(rng_, texts().local_regions));
    paternal_ = surname();
    switch (kind) {
      case Kind::elderly_alone:
        elderly_alone();
        break;
      case Kind::elderly_couple:
        elderly_couple();
        break;
      case Kind::three_generations:
        three_generations();
        break;
      case Kind::elderly_with_adult_child:
        elderly_with_adult_child();
        break;
      case Kind::skipped_generation:
        skipped_generation();
        break;
      case Kind::young_family:
        family(0, 17, 25, 37, false);
        break;
      case Kind::young_couple:
        couple(rng_.between(24, 38));
        break;
      case Kind::middle_aged_family:
        middle_aged_family();
        break;
      case Kind::single_adult:
        single(rng_.between(22, 59));
        break;
      case Kind::migrant_shared_rental:
        shared_rental();
        break;
      case Kind::migrant_family:
        family(0, 14, 23, 35, false);
        break;
      case Kind::migrant_single:
        single(age_in(rng_, kMigrantWorkerAges));
        break;
      case Kind::migrant_couple:
        couple(rng_.between(22, 50));
        break;
      case Kind::migrant_family_with_grandparents:
        family(0, 10, 24, 34, true);
        break;
    }
    return std::move(members_);
  }

 private:
  std::string surname() { return std::string(pick(rng_, texts().surnames)); }

  std::int64_t birth_days_for_age(int age) {
    int year = 0;
    unsigned month = 0;
    unsigned day = 0;
    civil_from_days(reference_days_, year, month, day);
    // Born after the reference day `age + 1` years ago and no later than the one `age` years ago.
    const std::int64_t earliest = days_from_civil(year - age - 1, month, day) + 1;
    const std::int64_t latest = days_from_civil(year - age, month, day);
    return rng_.between(earliest, latest);
  }

  void add(const std::string& family_name, bool male, int age, std::string_view relation,
           std::optional<std::string> region = std::nullopt) {
    PersonPlan person;
    const std::int64_t birth_days = birth_days_for_age(age);
    int birth_year = 0;
    unsigned month = 0;
    unsigned day = 0;
    civil_from_days(birth_days, birth_year, month, day);
    const Era era = birth_year < 1960   ? born_before_1960
                    : birth_year < 1980 ? born_1960s_70s
                    : birth_year < 2000 ? born_1980s_90s
                                        : born_2000_on;
    person.name = family_name + std::string(pick(rng_, male ? texts().male_names[era]
                                                            : texts().female_names[era]));
    person.male = male;
    person.age = age;
    person.birth_date = date_text(birth_days);
    // Registered adults may have been born anywhere in the city; children and migrants carry
    // the household's code.
    const std::string own_region =
        region ? *region
               : (!migrant_ && age >= 18 ? std::string(pick(rng_, texts().local_regions))
                                         : family_region_);
    person.id_number = identities_.id_number(rng_, own_region, birth_days, male);
    if (rng_.percent(mobile_percent(age))) person.mobile = identities_.mobile(rng_);
    person.relation = relation;
    person.migrant = migrant_;
    members_.push_back(std::move(person));
  }

  static int mobile_percent(int age) {
    if (age < 12) return 0;
    if (age < 18) return 40;
    if (age < 60) return 97;
    if (age < 70) return 88;
    if (age < 80) return 70;
    return 35;
  }

  // The age of the spouse of someone aged `age`: husbands are up to five years older.
  int partner_age(int age, bool partner_is_male, int minimum) {
    const int gap = rng_.between(0, 5);
    return std::max(minimum, partner_is_male ? age + gap : age - gap);
  }

  std::string child_surname(const std::string& mother_surname) {
    return rng_.percent(92) ? paternal_ : mother_surname;
  }

  // A child's age between `low` and `high`. About 7 children are born per 1,000 residents a
  // year in Hangzhou, far fewer than a uniform draw over 0-17 gives, so a draw of 0 is
  // mostly drawn again.
  int child_age(int low, int high) {
    int age = rng_.between(low, high);
    if (age == 0 && high > 0 && !rng_.percent(25)) age = rng_.between(1, high);
    return age;
  }

  void elderly_alone() {
    const bool male = rng_.percent(28);  // most people who outlive a spouse are women
    add(male ? paternal_ : surname(), male, age_in(rng_, kLivingAloneAges), "self");
  }

  void elderly_couple() {
    const int husband = std::max(62, age_in(rng_, kElderlyAges));
    add(paternal_, true, husband, "self");
    add(surname(), false, partner_age(husband, false, 60), "spouse");
  }

  // A couple (the head is the husband or the wife), their children aged between
  // `oldest_child_low` and `oldest_child_high` (the oldest) with parents aged
  // `parent_gap_low`..`parent_gap_high` years older, and, when asked, one or two of their own
  // parents.
  void family(int oldest_child_low, int oldest_child_high, int parent_gap_low, int parent_gap_high,
              bool with_grandparents) {
    const int oldest = child_age(oldest_child_low, oldest_child_high);
    const int husband = std::clamp(oldest + rng_.between(parent_gap_low, parent_gap_high), 22, 59);
    const int wife = std::clamp(husband - rng_.between(-1, 4), 21, 59);
    const std::string mother_surname = surname();
    const bool husband_heads = rng_.percent(80);
    if (husband_heads) {
      add(paternal_, true, husband, "self");
      add(mother_surname, false, wife, "spouse");
    } else {
      add(mother_surname, false, wife, "self");
      add(paternal_, true, husband, "spouse");
    }
    add(child_surname(mother_surname), rng_.percent(52), oldest, "child");
    // Brothers and sisters are born at least a year apart: two years apart in age.
    if (oldest >= 2 && rng_.percent(50)) {
      add(child_surname(mother_surname), rng_.percent(52),
          child_age(std::max(0, oldest - 8), oldest - 2), "child");
    }
    if (with_grandparents) {
      // Both come, or more often the grandmother alone; the head's own parents.
      const int grandparent_age = std::min(85, std::max(husband, wife) + rng_.between(24, 32));
      const bool both = rng_.percent(40);
      const bool grandfather = both || rng_.percent(25);
      const std::string grand_surname = husband_heads ? paternal_ : mother_surname;
      if (grandfather) add(grand_surname, true, grandparent_age, "parent");
      if (both || !grandfather) {
        add(surname(), false, std::max(50, grandparent_age - rng_.between(0, 4)), "parent");
      }
    }
  }

  void three_generations() {
    // The head is in their late thirties to mid fifties; their parents live with them.
    const int head_age = rng_.between(35, 55);
    const bool husband_heads = rng_.percent(70);
    const std::string head_surname = husband_heads ? paternal_ : surname();
    const std::string spouse_surname = husband_heads ? surname() : paternal_;
    const int spouse_age = partner_age(head_age, !husband_heads, 30);
    add(head_surname, husband_heads, head_age, "self");
    add(spouse_surname, !husband_heads, spouse_age, "spouse");
    const std::string mother_surname = husband_heads ? spouse_surname : head_surname;
    const int oldest = std::clamp(std::min(head_age, spouse_age) - rng_.between(24, 34), 0, 30);
    add(child_surname(mother_surname), rng_.percent(52), oldest, "child");
    if (oldest >= 2 && rng_.percent(40)) {
      add(child_surname(mother_surname), rng_.percent(52), std::max(0, oldest - rng_.between(2, 9)),
          "child");
    }
    const int father_age = std::min(98, head_age + rng_.between(24, 32));
    const int mother_age = std::max(55, father_age - rng_.between(0, 4));
    const bool both = rng_.percent(55);
    const bool father = both || rng_.percent(30);  // a widowed mother more often than a father
    if (father) add(head_surname, true, father_age, "parent");
    if (both || !father) add(surname(), false, mother_age, "parent");
  }

  void elderly_with_adult_child() {
    const int older = age_in(rng_, kElderlyAges);
    const bool couple = rng_.percent(45);
    int mother_age = older;
    if (couple) {
      add(paternal_, true, older, "self");
      mother_age = partner_age(older, false, 60);
      add(surname(), false, mother_age, "spouse");
    } else {
      const bool male = rng_.percent(30);
      add(male ? paternal_ : surname(), male, older, "self");
    }
    const int grown_child_age = std::max(22, mother_age - rng_.between(25, 34));
    add(paternal_, rng_.percent(55), grown_child_age, "child");
  }

  void skipped_generation() {
    const int grandfather = age_in(rng_, kYoungOldAges);
    if (rng_.percent(75)) {
      add(paternal_, true, grandfather, "self");
      add(surname(), false, partner_age(grandfather, false, 58), "spouse");
    } else {
      add(surname(), false, grandfather, "self");
    }
    add(paternal_, rng_.percent(52), rng_.between(3, 15), "grandchild");
  }

  void couple(int head_age) {
    const bool husband_heads = rng_.percent(75);
    add(husband_heads ? paternal_ : surname(), husband_heads, head_age, "self");
    add(husband_heads ? surname() : paternal_, !husband_heads,
        partner_age(head_age, !husband_heads, 20), "spouse");
  }

  void middle_aged_family() {
    const int husband = rng_.between(45, 59);
    const int wife = std::clamp(husband - rng_.between(-1, 4), 42, 59);
    const std::string mother_surname = surname();
    add(paternal_, true, husband, "self");
    add(mother_surname, false, wife, "spouse");
    if (rng_.percent(88)) {
      const int oldest = std::max(18, wife - rng_.between(24, 32));
      add(child_surname(mother_surname), rng_.percent(52), oldest, "child");
      if (oldest >= 21 && rng_.percent(15)) {
        add(child_surname(mother_surname), rng_.percent(52), oldest - rng_.between(2, 6), "child");
      }
    }
  }

  void single(int age) {
    const bool male = rng_.percent(56);
    add(male ? paternal_ : surname(), male, age, "self");
  }

  void shared_rental() {
    static constexpr Weighted kSizes[] = {{"2", 15}, {"3", 30}, {"4", 30}, {"5", 15}, {"6", 10}};
    const int size = std::string_view(pick(rng_, kSizes))[0] - '0';
    const int sexes = rng_.between(0, 99);  // men only, women only, or mixed
    for (int i = 0; i < size; ++i) {
      const bool male = sexes < 55 ? true : sexes < 85 ? false : rng_.percent(55);
      const int age = age_in(rng_, kMigrantWorkerAges);
      if (i == 0) {
        add(paternal_, male, age, "self");
      } else if (rng_.percent(22)) {
        // A brother or sister from the same home town.
        add(paternal_, male, std::clamp(members_.front().age + rng_.between(-8, 8), 18, 55),
            "sibling");
      } else {
        // Workmates: half from the same home town.
        add(surname(), male, age, "other",
            rng_.percent(50) ? family_region_ : std::string(pick(rng_, texts().migrant_regions)));
      }
    }
  }

  Rng& rng_;
  Identities& identities_;
  std::int64_t reference_days_;
  bool migrant_ = false;
  std::string family_region_;
  std::string paternal_;
  std::vector<PersonPlan> members_;
};

}  // namespace

bool is_migrant_kind(Kind kind) {
  return kind == Kind::migrant_shared_rental || kind == Kind::migrant_family ||
         kind == Kind::migrant_single || kind == Kind::migrant_couple ||
         kind == Kind::migrant_family_with_grandparents;
}

std::string Identities::id_number(Rng& rng, std::string_view region, std::int64_t birth_days,
                                  bool male) {
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
  civil_from_days(birth_days, year, month, day);
  char first17[24];
  for (;;) {
    // GB 11643: the 17th digit is odd for men and even for women.
    const int sequence = rng.between(1, 499) * 2 + (male ? 1 : 0);
    std::snprintf(first17, sizeof first17, "%.6s%04d%02u%02u%03d", region.data(), year, month, day,
                  sequence);
    if (used_ids_.insert(std::stoull(first17)).second) break;
  }
  std::string id(first17);
  id.push_back(pii::id_check_character(id));
  return id;
}

std::string Identities::mobile(Rng& rng) {
  char number[16];
  for (;;) {
    const std::string_view prefix = pick(rng, texts().mobile_prefixes);
    std::snprintf(number, sizeof number, "%.3s%08d", prefix.data(), rng.between(0, 99'999'999));
    if (used_mobiles_.insert(std::stoull(number)).second) break;
  }
  return number;
}

std::vector<PersonPlan> make_family(Rng& rng, Identities& identities, std::int64_t reference_days,
                                    Kind kind) {
  // Every member of the maker's state is set afresh by make(): one maker per household draws
  // exactly what one maker for all of them did.
  FamilyMaker maker(rng, identities, reference_days);
  return maker.make(kind);
}

std::string staff_name(Rng& rng) {
  const bool male = rng.percent(35);  // most community workers are women
  const Era era = rng.percent(60) ? born_1980s_90s : born_1960s_70s;
  return std::string(pick(rng, texts().surnames)) +
         std::string(pick(rng, male ? texts().male_names[era] : texts().female_names[era]));
}

}  // namespace gz::registry::demo
