// The needs-assessment matrix (需求评估矩阵) on the registry: each household's facts are
// read from its file (members' ages from birth dates relative to today, tags, income band,
// willingness, wanted services, points awards of the last 12 months) and scored by the pure
// engine in modules/needs/matrix.hpp, with the community's weights and the guides'
// latest professional assessment per dimension. Scores are computed on read, so they follow
// every change of the registry; a whole community is loaded in a few set-based queries.
//
// Registry → engine facts (documented mapping):
//   tags     elderly_alone → elderly living alone; disability → disability tag and one
//            disabled member; chronic_illness → one member with a chronic illness;
//            low_income, newborn, tenant as named; veteran → special care (优抚); housing
//            type tenant also sets the tenant tag. Engine tag names are accepted as well.
//   income   low, lower_middle, middle, high, unknown as named; upper_middle counts as middle
//            (the engine has no band between middle and high); subsistence (低保) as named.
//   willing  willingness high or medium.
//   participation  points award postings to the household's members in the last 365 days
//                  (from the start of today, UTC). The community-wide counts are cached per
//                  process until the ledger gets a new posting (see needs.cpp).
//   silent needy   (routes) overall at least 50.00 with no request and no award on record.
//   stated needs   a 'need' label naming a category gives that category a demand of at
//                  least 1 (the household asked for it even if its facts do not show it).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/history.hpp"
#include "core/result.hpp"
#include "modules/needs/matrix.hpp"
#include "storage/database.hpp"

namespace gz::needs {

struct Assessment {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::int64_t household_id = 0;
  Dimension dimension = Dimension::population_structure;
  int score = 0;
  std::string reason;
  std::int64_t assessed_by_user_id = 0;
  std::string created_at;
};

struct HouseholdNeeds {
  std::int64_t household_id = 0;
  std::int64_t community_id = 0;
  std::string code;
  std::string building;  // "" when the household has no building
  std::string housing_type;
  std::string income_band;
  std::string willingness;
  std::vector<std::string> tags;
  std::vector<std::string> stated_needs;
  HouseholdFacts facts;
  std::vector<Assessment> overrides;  // the latest per dimension, in dimension order
  NeedsScore score;
  CategoryDemand demand{};
  int request_count = 0;
};

struct CommunityNeeds {
  std::int64_t community_id = 0;
  NeedsWeights weights;
  std::vector<HouseholdNeeds> households;  // by id
};

// No permission check: for other modules (allocation) that have checked their own.
NeedsWeights load_weights(storage::Connection& db, std::int64_t community_id);
CommunityNeeds load_community(storage::Connection& db, std::int64_t community_id,
                              std::optional<std::int64_t> only_household = std::nullopt);

Result<NeedsWeights> get_weights(storage::Connection& db, const Actor& actor,
                                 std::int64_t community_id);
// Staff and admins. bad_request "invalid_weights" unless they sum to 100.
Result<NeedsWeights> set_weights(storage::Connection& db, const Actor& actor,
                                 std::int64_t community_id, const NeedsWeights& weights);

struct AssessmentInput {
  std::int64_t household_id = 0;
  std::string dimension;
  std::int64_t score = 0;
  std::string reason;
};
// Guides and staff of the household's community (and admins).
Result<Assessment> record_assessment(storage::Connection& db, const Actor& actor,
                                     const AssessmentInput& input);

// A resident sees their own household only (404 for any other).
Result<HouseholdNeeds> household_needs(storage::Connection& db, const Actor& actor,
                                       std::int64_t household_id);
// The whole community, for demand, heat map and ranking (403 for residents).
Result<CommunityNeeds> community_needs(storage::Connection& db, const Actor& actor,
                                       std::int64_t community_id);

// The engine's view of each household (building, overall score, demand, participation).
std::vector<AssessedHousehold> assessed(const CommunityNeeds& needs);

// The silent needy (沉默的困难户): an overall score of at least this many hundredths, no
// participation and no request in the last 12 months.
constexpr std::int64_t kSilentMinOverallHundredths = 5000;
bool is_silent(const HouseholdNeeds& household,
               std::int64_t min_overall_hundredths = kSilentMinOverallHundredths);

// A household's professional assessments as history, newest first (no permission check; the
// household timeline checks). `title` is the dimension, `amount` the score, `note` the reason.
std::vector<HistoryItem> household_history(storage::Connection& db, std::int64_t household_id,
                                           std::int64_t limit);

}  // namespace gz::needs
