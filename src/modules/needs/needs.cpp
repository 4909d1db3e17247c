#include "modules/needs/needs.hpp"
#include "modules/audit/audit.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <mutex>
#include <unordered_map>

#include "core/clock.hpp"
#include "core/pii.hpp"
#include "modules/needs/permissions.hpp"
#include "modules/registry/permissions.hpp"
#include "modules/registry/registry.hpp"
#include "storage/transact.hpp"

namespace gz::needs {
namespace {

constexpr std::int64_t kParticipationWindowMs = 365LL * 24 * 3600 * 1000;

void apply_tag(HouseholdNeeds& household, const std::string& tag) {
  auto& facts = household.facts;
  if (tag == "elderly_alone") {
    facts.tags |= tag_elderly_living_alone;
  } else if (tag == "disability") {
    facts.tags |= tag_disability;
    facts.disabled_members = std::max(facts.disabled_members, 1);
  } else if (tag == "chronic_illness") {
    facts.chronic_illness_members = std::max(facts.chronic_illness_members, 1);
  } else if (tag == "veteran") {
    facts.tags |= tag_special_care;
  } else if (auto known = parse_household_tag(tag)) {
    facts.tags |= *known;
  }
}

IncomeBand income_band(const std::string& band) {
  if (band == "upper_middle") return IncomeBand::middle;
  return parse_income_band(band).value_or(IncomeBand::unknown);
}

void finish(HouseholdNeeds& household, const NeedsWeights& weights) {
  household.facts.income_band = income_band(household.income_band);
  household.facts.willing_to_take_part =
      household.willingness == "high" || household.willingness == "medium";
  if (household.housing_type == "tenant") household.facts.tags |= tag_tenant;
  std::vector<ProfessionalOverride> overrides;
  for (const auto& assessment : household.overrides) {
    overrides.push_back({assessment.dimension, assessment.score, assessment.reason});
  }
  auto score = assess_household(household.facts, overrides, weights);
  if (score) {
    household.score = *score;
  } else {  // stored overrides are validated on entry; score without them rather than fail
    household.score = *assess_household(household.facts, {}, weights);
  }
  household.demand = category_demand(household.facts);
  for (const auto& need : household.stated_needs) {
    if (auto category = parse_category(need)) {
      auto& demand = household.demand[static_cast<std::size_t>(*category)];
      demand = std::max<std::int64_t>(demand, 1);
    }
  }
}

// The participation window starts at a day boundary, so it moves once a day and the
// community-wide counts below can be cached between days.
std::int64_t participation_window_start(std::int64_t now_ms) {
  return (now_ms / kDayMs) * kDayMs - kParticipationWindowMs;
}

// Award postings per household of a community since window_start_ms. Counting every award
// posting is the slowest part of a community's needs (tens of ms for 40,000 postings), so
// the counts are kept per process and reused while the ledger has no new posting: postings
// are immutable and ids only grow (corrections are new postings), so an unchanged
// MAX(id) means unchanged counts. Several servers each keep their own, equally exact, copy.
std::unordered_map<std::int64_t, std::int64_t> community_participation(
    storage::Connection& db, std::int64_t community_id, std::int64_t window_start_ms) {
  struct Cached {
    std::int64_t last_posting_id = -1;
    std::int64_t window_start_ms = 0;
    std::unordered_map<std::int64_t, std::int64_t> counts;
  };
  static std::mutex mutex;
  static std::unordered_map<std::int64_t, Cached> cache;
  std::int64_t last_posting_id = db.query_int("SELECT COALESCE(MAX(id), 0) FROM ledger_postings");
  {
    std::lock_guard lock(mutex);
    auto it = cache.find(community_id);
    if (it != cache.end() && it->second.last_posting_id == last_posting_id &&
        it->second.window_start_ms == window_start_ms) {
      return it->second.counts;
    }
  }
  Cached fresh{last_posting_id, window_start_ms, {}};
  for (const auto& row : db.query(
           "SELECT r.household_id, SUM(x.awards) FROM (SELECT credit_account_id, COUNT(*) AS "
           "awards FROM ledger_postings WHERE community_id = ? AND code = 'award' AND "
           "created_ms >= ? AND id <= ? GROUP BY credit_account_id) x JOIN ledger_accounts a ON "
           "a.id = x.credit_account_id JOIN residents r ON r.id = a.resident_id GROUP BY "
           "r.household_id",
           {community_id, window_start_ms, last_posting_id})) {
    fresh.counts.emplace(row.integer(0), row.integer(1));
  }
  std::lock_guard lock(mutex);
  cache[community_id] = fresh;
  return fresh.counts;
}

Assessment assessment_from(const storage::Row& row) {
  Assessment a;
  a.id = row.integer(0);
  a.community_id = row.integer(1);
  a.household_id = row.integer(2);
  a.dimension = parse_dimension(row.text(3)).value_or(Dimension::population_structure);
  a.score = static_cast<int>(row.integer(4));
  a.reason = row.text(5);
  a.assessed_by_user_id = row.integer(6);
  a.created_at = row.text(7);
  return a;
}

}  // namespace

NeedsWeights load_weights(storage::Connection& db, std::int64_t community_id) {
  NeedsWeights weights;
  if (auto row = db.query_one(
          "SELECT population_structure, health, economy, willingness, special_needs FROM "
          "needs_weights WHERE community_id = ?",
          {community_id})) {
    for (std::size_t i = 0; i < kDimensionCount; ++i) {
      weights.percent[i] = static_cast<int>(row->integer(i));
    }
  }
  return weights;
}

CommunityNeeds load_community(storage::Connection& db, std::int64_t community_id,
                              std::optional<std::int64_t> only_household) {
  CommunityNeeds out;
  out.community_id = community_id;
  out.weights = load_weights(db, community_id);
  // One household (found by its own indexes), or the whole community: the same queries.
  std::string scope = only_household ? "household_id = ?" : "community_id = ?";
  std::vector<storage::Value> params{only_household ? *only_household : community_id};

  std::unordered_map<std::int64_t, std::size_t> index;
  for (const auto& row : db.query(
           "SELECT h.id, h.code, b.name, h.housing_type, h.income_band, h.willingness FROM "
           "households h LEFT JOIN buildings b ON b.id = h.building_id WHERE "
           "h.community_id = ?" +
               std::string(only_household ? " AND h.id = ?" : "") + " ORDER BY h.id",
           only_household ? std::vector<storage::Value>{community_id, *only_household} : params)) {
    HouseholdNeeds household;
    household.household_id = row.integer(0);
    household.community_id = community_id;
    household.code = row.text(1);
    household.building = row.opt_text(2).value_or("");
    household.housing_type = row.text(3);
    household.income_band = row.text(4);
    household.willingness = row.text(5);
    index.emplace(household.household_id, out.households.size());
    out.households.push_back(std::move(household));
  }
  auto find = [&](std::int64_t id) -> HouseholdNeeds* {
    auto it = index.find(id);
    return it == index.end() ? nullptr : &out.households[it->second];
  };

  const std::int64_t today = shanghai_day(now_epoch_ms());
  for (const auto& row :
       db.query("SELECT household_id, birth_date FROM residents WHERE " + scope, params)) {
    auto* household = find(row.integer(0));
    if (!household || row.is_null(1)) continue;
    if (auto age = age_on(row.text(1), today)) household->facts.member_ages.push_back(*age);
  }
  for (const auto& row : db.query("SELECT household_id, kind, value FROM household_labels WHERE " +
                                      scope + " AND kind IN ('tag', 'need')",
                                  params)) {
    if (auto* household = find(row.integer(0))) {
      if (row.text(1) == "tag") {
        household->tags.push_back(row.text(2));
        apply_tag(*household, row.text(2));
      } else {
        household->stated_needs.push_back(row.text(2));
      }
    }
  }
  std::int64_t window_start_ms = participation_window_start(now_epoch_ms());
  if (only_household) {
    // One household: from its members' accounts through the postings' credit index.
    if (auto* household = find(*only_household)) {
      household->facts.participation_count = static_cast<int>(db.query_int(
          "SELECT COUNT(*) FROM residents r JOIN ledger_accounts a ON a.resident_id = r.id AND "
          "a.kind = 'points' JOIN ledger_postings p ON p.credit_account_id = a.id WHERE "
          "r.household_id = ? AND p.code = 'award' AND p.created_ms >= ?",
          {*only_household, window_start_ms}));
    }
  } else {
    for (const auto& [household_id, count] :
         community_participation(db, community_id, window_start_ms)) {
      if (auto* household = find(household_id)) {
        household->facts.participation_count = static_cast<int>(count);
      }
    }
  }
  for (const auto& row : db.query(
           "SELECT household_id, COUNT(*) FROM requests WHERE community_id = ? AND household_id "
           "IS NOT NULL" +
               std::string(only_household ? " AND household_id = ?" : "") +
               " GROUP BY household_id",
           only_household ? std::vector<storage::Value>{community_id, *only_household} : params)) {
    if (auto* household = find(row.integer(0))) {
      household->request_count = static_cast<int>(row.integer(1));
    }
  }
  // Latest assessment per dimension wins: rows in id order, a later one replaces an earlier.
  for (const auto& row :
       db.query("SELECT id, community_id, household_id, dimension, score, reason, "
                "assessed_by_user_id, created_at FROM needs_assessments WHERE " +
                    scope + " ORDER BY id",
                params)) {
    if (auto* household = find(row.integer(2))) {
      Assessment assessment = assessment_from(row);
      auto same = std::find_if(
          household->overrides.begin(), household->overrides.end(),
          [&](const Assessment& other) { return other.dimension == assessment.dimension; });
      if (same != household->overrides.end()) {
        *same = std::move(assessment);
      } else {
        household->overrides.push_back(std::move(assessment));
      }
    }
  }
  for (auto& household : out.households) {
    std::sort(household.tags.begin(), household.tags.end());
    std::sort(household.stated_needs.begin(), household.stated_needs.end());
    std::sort(household.overrides.begin(), household.overrides.end(),
              [](const Assessment& a, const Assessment& b) { return a.dimension < b.dimension; });
    finish(household, out.weights);
  }
  return out;
}

Result<NeedsWeights> get_weights(storage::Connection& db, const Actor& actor,
                                 std::int64_t community_id) {
  GZ_TRY(registry::require_member(db, actor, community_id));
  if (!may_read_community(actor, community_id)) {
    return forbidden("only guides, staff and street users read the needs weights");
  }
  return load_weights(db, community_id);
}

Result<NeedsWeights> set_weights(storage::Connection& db, const Actor& actor,
                                 std::int64_t community_id, const NeedsWeights& weights) {
  GZ_TRY(registry::require_member(db, actor, community_id));
  if (!may_set_weights(actor, community_id)) {
    return forbidden("only staff set the needs weights");
  }
  GZ_TRY(validate(weights));
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<NeedsWeights> {
    db.execute("DELETE FROM needs_weights WHERE community_id = ?", {community_id});
    db.execute(
        "INSERT INTO needs_weights (community_id, population_structure, health, economy, "
        "willingness, special_needs, updated_by_user_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, "
        "?, ?)",
        {community_id, std::int64_t{weights.percent[0]}, std::int64_t{weights.percent[1]},
         std::int64_t{weights.percent[2]}, std::int64_t{weights.percent[3]},
         std::int64_t{weights.percent[4]}, actor.user_id, now_iso8601()});
    boost::json::object change;
    for (std::size_t i = 0; i < kDimensionCount; ++i) {
      change[dimension_name(static_cast<Dimension>(i))] = weights.percent[i];
    }
    audit::append(
        db, actor,
        {community_id, "needs.weights_set", "community", std::to_string(community_id), change});
    return weights;
  });
}

Result<Assessment> record_assessment(storage::Connection& db, const Actor& actor,
                                     const AssessmentInput& input) {
  auto household =
      db.query_one("SELECT community_id FROM households WHERE id = ?", {input.household_id});
  if (!household) return not_found("no household " + std::to_string(input.household_id));
  std::int64_t community_id = household->integer(0);
  if (!registry::permissions::may_view_household(actor, community_id, input.household_id)) {
    return not_found("no household " + std::to_string(input.household_id));
  }
  if (!may_assess(actor, community_id)) {
    return forbidden("only guides and staff record professional assessments");
  }
  auto dimension = parse_dimension(input.dimension);
  if (!dimension) {
    return bad_request("invalid_dimension",
                       "dimension must be population_structure, health, economy, willingness or "
                       "special_needs");
  }
  if (input.score < 0 || input.score > 100) {
    return bad_request("invalid_score", "score must be 0 to 100");
  }
  if (input.reason.empty()) {
    return bad_request("override_needs_reason", "a professional assessment must give a reason");
  }
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Assessment> {
    Assessment a;
    a.community_id = community_id;
    a.household_id = input.household_id;
    a.dimension = *dimension;
    a.score = static_cast<int>(input.score);
    a.reason = input.reason;
    a.assessed_by_user_id = actor.user_id;
    a.created_at = now_iso8601();
    a.id = db.query_one(
                 "INSERT INTO needs_assessments (community_id, household_id, dimension, score, "
                 "reason, assessed_by_user_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                 "RETURNING id",
                 {community_id, input.household_id, input.dimension, input.score, input.reason,
                  actor.user_id, a.created_at})
               ->integer(0);
    audit::append(
        db, actor,
        {community_id, "needs.assessment_record", "household", std::to_string(input.household_id),
         boost::json::object{{"assessment_id", a.id},
                             {"dimension", input.dimension},
                             {"score", input.score},
                             {"reason", input.reason}}});
    return a;
  });
}

namespace {

// Assessors' reasons as a reader without personal-data rights may see them.
void mask_reasons(pii::Reader reader, HouseholdNeeds& household) {
  for (auto& assessment : household.overrides) {
    assessment.reason = pii::text_for(reader, assessment.reason);
  }
}

}  // namespace

Result<HouseholdNeeds> household_needs(storage::Connection& db, const Actor& actor,
                                       std::int64_t household_id) {
  auto row = db.query_one("SELECT community_id FROM households WHERE id = ?", {household_id});
  if (!row) return not_found("no household " + std::to_string(household_id));
  std::int64_t community_id = row->integer(0);
  if (!registry::permissions::may_view_household(actor, community_id, household_id)) {
    return not_found("no household " + std::to_string(household_id));
  }
  auto needs = load_community(db, community_id, household_id);
  if (needs.households.empty()) return not_found("no household " + std::to_string(household_id));
  mask_reasons(registry::permissions::personal_data_reader(actor, community_id),
               needs.households.front());
  return std::move(needs.households.front());
}

Result<CommunityNeeds> community_needs(storage::Connection& db, const Actor& actor,
                                       std::int64_t community_id) {
  GZ_TRY(registry::require_member(db, actor, community_id));
  if (!may_read_community(actor, community_id)) {
    return forbidden("residents see their own household's needs only");
  }
  // Every ranking, heat map and planner call reads the whole community: keep it until the
  // community's next audited write, five minutes at most (ages and the participation window
  // move with the clock).
  static audit::Kept<CommunityNeeds> kept(std::chrono::minutes(5));
  auto stamp = audit::stamps(db, {community_id}).front();
  CommunityNeeds needs =
      *kept.get(community_id, "", stamp, [&] { return load_community(db, community_id); });
  const pii::Reader reader = registry::permissions::personal_data_reader(actor, community_id);
  if (reader == pii::Reader::restricted) {
    for (auto& household : needs.households) mask_reasons(reader, household);
  }
  return needs;
}

std::vector<AssessedHousehold> assessed(const CommunityNeeds& needs) {
  std::vector<AssessedHousehold> out;
  out.reserve(needs.households.size());
  for (const auto& household : needs.households) {
    out.push_back({household.household_id, household.building, household.score.overall_hundredths,
                   household.demand, household.facts.participation_count});
  }
  return out;
}

}  // namespace gz::needs
