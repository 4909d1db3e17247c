// Households: CreateHousehold, UpdateHousehold, GetHousehold, ListHouseholds, and the
// validation and guide-caseload rules they share.
#include <boost/json.hpp>
#include <set>

#include "core/clock.hpp"
#include "core/pii.hpp"
#include "core/text.hpp"
#include "modules/audit/audit.hpp"
#include "modules/registry/household_store.hpp"
#include "modules/registry/permissions.hpp"
#include "modules/registry/registry.hpp"

namespace gz::registry {
namespace {

Result<void> check_terms(const std::vector<Term>& terms, const std::vector<std::string>& values,
                         const char* field) {
  for (const auto& value : values) {
    if (!find_term(terms, value)) {
      return bad_request("invalid_" + std::string(field),
                         "unknown value '" + value + "' in '" + field + "'");
    }
  }
  return {};
}

std::vector<std::string> normalized(const std::vector<Term>& terms,
                                    const std::vector<std::string>& values) {
  std::set<std::string> unique;
  for (const auto& value : values) {
    if (auto code = find_term(terms, value)) unique.insert(*code);
  }
  return {unique.begin(), unique.end()};
}

boost::json::array to_json_array(const std::vector<std::string>& values) {
  boost::json::array out;
  for (const auto& value : values) out.emplace_back(value);
  return out;
}

// Checks that the guide exists in this community and has room in their caseload.
Result<void> check_guide(storage::Connection& db, std::int64_t community_id, std::int64_t guide_id,
                         std::optional<std::int64_t> current_household) {
  auto guide = db.query_one(
      "SELECT u.role FROM users u JOIN user_communities uc ON uc.user_id = u.id "
      "WHERE u.id = ? AND uc.community_id = ?",
      {guide_id, community_id});
  if (!guide || guide->text(0) != "guide") {
    return bad_request("invalid_guide",
                       "user " + std::to_string(guide_id) + " is not a guide of this community");
  }
  std::int64_t caseload =
      db.query_int("SELECT COUNT(*) FROM households WHERE guide_user_id = ? AND id <> ?",
                   {guide_id, current_household.value_or(0)});
  if (caseload >= kDefaultCaseloadCap) {
    Error error = conflict("caseload_full", "guide " + std::to_string(guide_id) + " already has " +
                                                std::to_string(caseload) + " households (cap " +
                                                std::to_string(kDefaultCaseloadCap) + ")");
    return error;
  }
  return {};
}

void write_labels(storage::Connection& db, std::int64_t community_id, std::int64_t household_id,
                  const char* kind, const std::vector<std::string>& values) {
  db.execute("DELETE FROM household_labels WHERE household_id = ? AND kind = ?",
             {household_id, std::string(kind)});
  for (const auto& value : values) {
    db.execute(
        "INSERT INTO household_labels (community_id, household_id, kind, value) VALUES (?, ?, ?, "
        "?)",
        {community_id, household_id, std::string(kind), value});
  }
}

boost::json::object change_of(const HouseholdFields& fields) {
  boost::json::object change;
  if (fields.building_id) change["building_id"] = *fields.building_id;
  if (fields.code) change["code"] = *fields.code;
  if (fields.address) change["address"] = *fields.address;
  if (fields.housing_type) change["housing_type"] = *fields.housing_type;
  if (fields.size) change["size"] = *fields.size;
  if (fields.income_band) change["income_band"] = *fields.income_band;
  if (fields.willingness) change["willingness"] = *fields.willingness;
  if (fields.floor_area_dm2) change["floor_area_dm2"] = *fields.floor_area_dm2;
  if (fields.guide_user_id) {
    change["guide_user_id"] = *fields.guide_user_id ? boost::json::value(**fields.guide_user_id)
                                                    : boost::json::value(nullptr);
  }
  if (fields.tags) change["tags"] = to_json_array(*fields.tags);
  if (fields.needs) change["needs"] = to_json_array(*fields.needs);
  if (fields.skills) change["skills"] = to_json_array(*fields.skills);
  return change;
}

// The household's free text (address, skills) as a reader without personal-data rights may
// see it.
void mask_free_text(Household& household) {
  household.address = pii::mask_text(household.address);
  for (auto& skill : household.skills) skill = pii::mask_text(skill);
}

}  // namespace

Result<void> validate_household_fields(const HouseholdFields& fields) {
  if (fields.code && (fields.code->empty() || fields.code->size() > 32)) {
    return bad_request("invalid_code", "household code must be 1-32 characters");
  }
  if (fields.address && (fields.address->empty() || fields.address->size() > 400)) {
    return bad_request("invalid_address", "address must be 1-400 bytes");
  }
  if (fields.housing_type && !find_term(housing_types(), *fields.housing_type)) {
    return bad_request("invalid_housing_type", "housing_type must be owner, tenant or public");
  }
  if (fields.income_band && !find_term(income_bands(), *fields.income_band)) {
    return bad_request(
        "invalid_income_band",
        "income_band must be low, lower_middle, middle, upper_middle, high or unknown");
  }
  if (fields.willingness && !find_term(willingness_levels(), *fields.willingness)) {
    return bad_request("invalid_willingness",
                       "willingness must be high, medium, low, none or unknown");
  }
  if (fields.size && (*fields.size < 1 || *fields.size > 50)) {
    return bad_request("invalid_size", "size must be between 1 and 50");
  }
  if (fields.floor_area_dm2 && (*fields.floor_area_dm2 < 100 || *fields.floor_area_dm2 > 100000)) {
    return bad_request("invalid_floor_area",
                       "floor_area_dm2 is the floor area in dm², 100-100000 (1-1000 ㎡)");
  }
  if (fields.tags) GZ_TRY(check_terms(household_tags(), *fields.tags, "tags"));
  if (fields.needs) GZ_TRY(check_terms(service_categories(), *fields.needs, "needs"));
  if (fields.skills) {
    if (fields.skills->size() > 20) return bad_request("invalid_skills", "at most 20 skills");
    for (const auto& skill : *fields.skills) {
      if (skill.size() > 64) return bad_request("invalid_skills", "a skill is at most 64 bytes");
    }
  }
  return {};
}

// CreateHousehold: a guide or staff member opens a household file in their community.
Result<Household> create_household(storage::Connection& db, const Actor& actor,
                                   std::int64_t community_id, const HouseholdFields& input) {
  if (!permissions::may_view_community(actor, community_id)) {
    return not_found("no community " + std::to_string(community_id));
  }
  if (!permissions::may_create_household(actor, community_id)) {
    return forbidden("only guides and staff of this community may create households");
  }
  if (!input.code) return bad_request("missing_field", "field 'code' is required");
  if (!input.address) return bad_request("missing_field", "field 'address' is required");
  GZ_TRY(validate_household_fields(input));
  if (input.guide_user_id && *input.guide_user_id &&
      !permissions::may_assign_guide(actor, community_id)) {
    return forbidden("only staff may assign a guide");
  }
  HouseholdFields fields = input;
  if (fields.housing_type) fields.housing_type = find_term(housing_types(), *fields.housing_type);
  if (fields.income_band) fields.income_band = find_term(income_bands(), *fields.income_band);
  if (fields.willingness) fields.willingness = find_term(willingness_levels(), *fields.willingness);
  if (fields.tags) fields.tags = normalized(household_tags(), *fields.tags);
  if (fields.needs) fields.needs = normalized(service_categories(), *fields.needs);

  std::optional<Error> failure;
  std::int64_t id = 0;
  storage::with_transaction(db, storage::TxMode::write, [&] {
    if (!community_exists(db, community_id)) {
      failure = not_found("no community " + std::to_string(community_id));
      return;
    }
    if (fields.building_id &&
        !db.query_one("SELECT id FROM buildings WHERE id = ? AND community_id = ?",
                      {*fields.building_id, community_id})) {
      failure = bad_request("invalid_building", "building " + std::to_string(*fields.building_id) +
                                                    " is not in this community");
      return;
    }
    if (db.query_one("SELECT id FROM households WHERE community_id = ? AND code = ?",
                     {community_id, *fields.code})) {
      failure = conflict("household_exists",
                         "household code '" + *fields.code + "' already exists in this community");
      return;
    }
    if (fields.guide_user_id && *fields.guide_user_id) {
      auto ok = check_guide(db, community_id, **fields.guide_user_id, std::nullopt);
      if (!ok) {
        failure = ok.error();
        return;
      }
    }
    std::string now = now_iso8601();
    id = db.query_one(
               "INSERT INTO households (community_id, building_id, code, address, housing_type, "
               "size, income_band, willingness, guide_user_id, created_at, updated_at, "
               "floor_area_dm2) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
               {community_id, storage::opt_int(fields.building_id), *fields.code, *fields.address,
                fields.housing_type.value_or("owner"), fields.size.value_or(1),
                fields.income_band.value_or("unknown"), fields.willingness.value_or("unknown"),
                fields.guide_user_id ? storage::opt_int(*fields.guide_user_id) : storage::Value{},
                now, now, storage::opt_int(fields.floor_area_dm2)})
             ->integer(0);
    std::vector<std::string> tags = fields.tags.value_or(std::vector<std::string>{});
    if (fields.housing_type.value_or("owner") == "tenant" &&
        std::find(tags.begin(), tags.end(), "tenant") == tags.end()) {
      tags.push_back("tenant");
    }
    write_labels(db, community_id, id, "tag", tags);
    write_labels(db, community_id, id, "need", fields.needs.value_or(std::vector<std::string>{}));
    write_labels(db, community_id, id, "skill", fields.skills.value_or(std::vector<std::string>{}));
    audit::append(db, actor,
                  {community_id,
                   "household.create",
                   "household",
                   std::to_string(id),
                   change_of(fields),
                   {{&household_rows(), id}}});
  });
  if (failure) return *failure;
  auto household = load_household(db, id);
  return std::move(*household);
}

// UpdateHousehold: changes the fields given; residents may change only needs, skills and
// willingness of their own household.
Result<Household> update_household(storage::Connection& db, const Actor& actor,
                                   std::int64_t household_id, const HouseholdFields& input) {
  auto existing = load_household(db, household_id);
  if (!existing || !permissions::may_view_household(actor, existing->community_id, household_id)) {
    return not_found("no household " + std::to_string(household_id));
  }
  std::int64_t community_id = existing->community_id;
  if (!permissions::may_edit_household(actor, community_id, household_id)) {
    return forbidden("your role may not edit this household");
  }
  const std::pair<bool, const char*> given[] = {
      {input.building_id.has_value(), "building_id"},
      {input.code.has_value(), "code"},
      {input.address.has_value(), "address"},
      {input.housing_type.has_value(), "housing_type"},
      {input.size.has_value(), "size"},
      {input.income_band.has_value(), "income_band"},
      {input.willingness.has_value(), "willingness"},
      {input.floor_area_dm2.has_value(), "floor_area_dm2"},
      {input.guide_user_id.has_value(), "guide_user_id"},
      {input.tags.has_value(), "tags"},
      {input.needs.has_value(), "needs"},
      {input.skills.has_value(), "skills"}};
  for (const auto& [present, field] : given) {
    if (present && !permissions::may_edit_household_field(actor, field)) {
      return forbidden(std::string("your role may not change '") + field + "'");
    }
  }
  if (input.guide_user_id && !permissions::may_assign_guide(actor, community_id)) {
    return forbidden("only staff may assign a guide");
  }
  GZ_TRY(validate_household_fields(input));
  HouseholdFields fields = input;
  if (fields.housing_type) fields.housing_type = find_term(housing_types(), *fields.housing_type);
  if (fields.income_band) fields.income_band = find_term(income_bands(), *fields.income_band);
  if (fields.willingness) fields.willingness = find_term(willingness_levels(), *fields.willingness);
  if (fields.tags) fields.tags = normalized(household_tags(), *fields.tags);
  if (fields.needs) fields.needs = normalized(service_categories(), *fields.needs);

  std::optional<Error> failure;
  storage::with_transaction(db, storage::TxMode::write, [&] {
    if (fields.building_id &&
        !db.query_one("SELECT id FROM buildings WHERE id = ? AND community_id = ?",
                      {*fields.building_id, community_id})) {
      failure = bad_request("invalid_building", "building " + std::to_string(*fields.building_id) +
                                                    " is not in this community");
      return;
    }
    if (fields.code && *fields.code != existing->code &&
        db.query_one("SELECT id FROM households WHERE community_id = ? AND code = ?",
                     {community_id, *fields.code})) {
      failure = conflict("household_exists", "household code '" + *fields.code + "' is taken");
      return;
    }
    if (fields.guide_user_id && *fields.guide_user_id) {
      auto ok = check_guide(db, community_id, **fields.guide_user_id, household_id);
      if (!ok) {
        failure = ok.error();
        return;
      }
    }
    Household updated = *existing;
    if (fields.building_id) updated.building_id = fields.building_id;
    if (fields.code) updated.code = *fields.code;
    if (fields.address) updated.address = *fields.address;
    if (fields.housing_type) updated.housing_type = *fields.housing_type;
    if (fields.size) updated.size = *fields.size;
    if (fields.income_band) updated.income_band = *fields.income_band;
    if (fields.willingness) updated.willingness = *fields.willingness;
    if (fields.guide_user_id) updated.guide_user_id = *fields.guide_user_id;
    if (fields.floor_area_dm2) updated.floor_area_dm2 = fields.floor_area_dm2;
    db.execute(
        "UPDATE households SET building_id = ?, code = ?, address = ?, housing_type = ?, size = ?, "
        "income_band = ?, willingness = ?, guide_user_id = ?, floor_area_dm2 = ?, updated_at = ? "
        "WHERE id = ?",
        {storage::opt_int(updated.building_id), updated.code, updated.address, updated.housing_type,
         updated.size, updated.income_band, updated.willingness,
         storage::opt_int(updated.guide_user_id), storage::opt_int(updated.floor_area_dm2),
         now_iso8601(), household_id});
    if (fields.tags) write_labels(db, community_id, household_id, "tag", *fields.tags);
    if (fields.needs) write_labels(db, community_id, household_id, "need", *fields.needs);
    if (fields.skills) write_labels(db, community_id, household_id, "skill", *fields.skills);
    audit::append(db, actor,
                  {community_id,
                   "household.update",
                   "household",
                   std::to_string(household_id),
                   change_of(fields),
                   {{&household_rows(), household_id}}});
  });
  if (failure) return *failure;
  auto household = load_household(db, household_id);
  return std::move(*household);
}

// GetHousehold: the file with its residents; full personal data only for staff and admins,
// and each such read is recorded in the audit chain.
Result<Household> get_household(storage::Connection& db, const Actor& actor,
                                std::int64_t household_id) {
  auto household = load_household(db, household_id);
  if (!household ||
      !permissions::may_view_household(actor, household->community_id, household_id)) {
    return not_found("no household " + std::to_string(household_id));
  }
  household->residents = load_residents(db, household_id);
  if (permissions::may_see_personal_data(actor, household->community_id)) {
    if (!household->residents.empty()) {
      boost::json::array ids;
      for (const auto& resident : household->residents) ids.push_back(resident.id);
      storage::with_transaction(db, storage::TxMode::write, [&] {
        audit::append(db, actor,
                      {household->community_id, "pii.read", "household",
                       std::to_string(household_id), boost::json::object{{"residents", ids}}});
      });
    }
  } else {
    mask_free_text(*household);
    for (auto& resident : household->residents) mask_personal_data(resident);
  }
  return std::move(*household);
}

// ListHouseholds: filtered, paged; residents get their own household only.
Result<HouseholdPage> list_households(storage::Connection& db, const Actor& actor,
                                      HouseholdFilter filter) {
  if (filter.page < 1) return bad_request("invalid_query", "page must be at least 1");
  if (filter.page_size < 1 || filter.page_size > 500) {
    return bad_request("invalid_query", "page_size must be between 1 and 500");
  }
  if (filter.community_id && !permissions::may_view_community(actor, *filter.community_id)) {
    return not_found("no community " + std::to_string(*filter.community_id));
  }
  if (filter.tag) {
    auto code = find_term(household_tags(), *filter.tag);
    if (!code) return bad_request("invalid_tag", "unknown tag '" + *filter.tag + "'");
    filter.tag = code;
  }
  if (actor.is(Role::resident)) {
    filter.only_household_id = actor.household_id.value_or(-1);
  } else if (!actor.is(Role::admin)) {
    filter.within_communities = actor.community_ids;
    if (filter.within_communities.empty()) filter.within_communities.push_back(-1);
  }
  HouseholdPage page = query_households(db, filter);
  for (auto& household : page.items) {
    if (!permissions::may_see_personal_data(actor, household.community_id)) {
      mask_free_text(household);
    }
  }
  return page;
}

}  // namespace gz::registry
