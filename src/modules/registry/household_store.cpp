#include "modules/registry/household_store.hpp"

#include <algorithm>
#include <map>

#include "modules/registry/registry.hpp"
#include "modules/registry/text_index.hpp"

namespace gz::registry {
namespace {

constexpr const char* kHouseholdColumns =
    "SELECT h.id, h.community_id, h.building_id, b.name, h.code, h.address, h.housing_type, "
    "h.size, h.income_band, h.willingness, h.guide_user_id, h.created_at, h.updated_at, "
    "h.floor_area_dm2 FROM households h LEFT JOIN buildings b ON b.id = h.building_id";

Household household_from(const storage::Row& row) {
  Household household;
  household.id = row.integer(0);
  household.community_id = row.integer(1);
  household.building_id = row.opt_integer(2);
  household.building_name = row.opt_text(3);
  household.code = row.text(4);
  household.address = row.text(5);
  household.housing_type = row.text(6);
  household.size = row.integer(7);
  household.income_band = row.text(8);
  household.willingness = row.text(9);
  household.guide_user_id = row.opt_integer(10);
  household.created_at = row.text(11);
  household.updated_at = row.text(12);
  household.floor_area_dm2 = row.opt_integer(13);
  return household;
}

}  // namespace

void load_labels(storage::Connection& db, std::vector<Household>& households) {
  if (households.empty()) return;
  std::map<std::int64_t, Household*> by_id;
  std::string placeholders;
  std::vector<storage::Value> params;
  for (auto& household : households) {
    by_id[household.id] = &household;
    placeholders += placeholders.empty() ? "?" : ",?";
    params.emplace_back(household.id);
  }
  for (const auto& row : db.query("SELECT household_id, kind, value FROM household_labels WHERE "
                                  "household_id IN (" +
                                      placeholders + ") ORDER BY value",
                                  params)) {
    Household* household = by_id[row.integer(0)];
    const std::string& kind = row.text(1);
    if (kind == "tag") household->tags.push_back(row.text(2));
    if (kind == "need") household->needs.push_back(row.text(2));
    if (kind == "skill") household->skills.push_back(row.text(2));
  }
}

std::optional<Household> load_household(storage::Connection& db, std::int64_t household_id) {
  auto row = db.query_one(std::string(kHouseholdColumns) + " WHERE h.id = ?", {household_id});
  if (!row) return std::nullopt;
  std::vector<Household> one{household_from(*row)};
  load_labels(db, one);
  return std::move(one.front());
}

std::vector<Resident> load_residents(storage::Connection& db, std::int64_t household_id) {
  std::vector<Resident> out;
  for (const auto& row :
       db.query("SELECT id, community_id, household_id, name, sex, birth_date, id_number, mobile, "
                "relation, registration, disputed_id_number FROM residents WHERE household_id = ? "
                "ORDER BY id",
                {household_id})) {
    Resident resident;
    resident.id = row.integer(0);
    resident.community_id = row.integer(1);
    resident.household_id = row.integer(2);
    resident.name = row.text(3);
    resident.sex = row.text(4);
    resident.birth_date = row.opt_text(5);
    resident.id_number = row.opt_text(6);
    resident.mobile = row.opt_text(7);
    resident.relation = row.text(8);
    resident.registration = row.text(9);
    resident.birth_year = year_of(resident.birth_date);
    if (auto disputed = row.opt_text(10)) {
      IdNumberDispute dispute{*disputed, std::nullopt, std::nullopt};
      if (auto holder = db.query_one(
              "SELECT id, household_id FROM residents WHERE community_id = ? AND id_number = ?",
              {resident.community_id, *disputed})) {
        dispute.holder_resident_id = holder->integer(0);
        dispute.holder_household_id = holder->integer(1);
      }
      resident.id_number_dispute = std::move(dispute);
    }
    out.push_back(std::move(resident));
  }
  return out;
}

namespace {

// A search by text alone (no building, tag or single household): the matching ids come from
// the in-memory text index, then only the page's rows are read.
HouseholdPage search_by_text(storage::Connection& db, const HouseholdFilter& filter) {
  std::vector<std::int64_t> communities;
  if (filter.community_id) {
    bool allowed = filter.within_communities.empty() ||
                   std::find(filter.within_communities.begin(), filter.within_communities.end(),
                             *filter.community_id) != filter.within_communities.end();
    if (allowed) communities.push_back(*filter.community_id);
  } else if (!filter.within_communities.empty()) {
    communities = filter.within_communities;
  } else {
    for (const auto& row : db.query("SELECT id FROM communities ORDER BY id")) {
      communities.push_back(row.integer(0));
    }
  }
  auto ids = household_text_index().find(db, communities, *filter.q);
  HouseholdPage page;
  page.page = filter.page;
  page.page_size = filter.page_size;
  page.total = static_cast<std::int64_t>(ids.size());
  std::size_t first = static_cast<std::size_t>((filter.page - 1) * filter.page_size);
  if (first >= ids.size()) return page;
  std::size_t last = std::min(ids.size(), first + static_cast<std::size_t>(filter.page_size));
  std::vector<storage::Value> params;
  std::string where = storage::in_list(
      "h.id", std::vector<std::int64_t>(ids.begin() + first, ids.begin() + last), params);
  for (const auto& row :
       db.query(std::string(kHouseholdColumns) + " WHERE " + where + " ORDER BY h.id", params)) {
    page.items.push_back(household_from(row));
  }
  load_labels(db, page.items);
  return page;
}

}  // namespace

HouseholdPage query_households(storage::Connection& db, const HouseholdFilter& filter) {
  if (filter.q && !filter.q->empty() && !filter.building_id && !filter.tag &&
      !filter.only_household_id && !filter.guide_user_id) {
    return search_by_text(db, filter);
  }
  std::string where = " WHERE 1 = 1";
  std::vector<storage::Value> params;
  if (filter.community_id) {
    where += " AND h.community_id = ?";
    params.emplace_back(*filter.community_id);
  }
  if (!filter.within_communities.empty()) {
    where += " AND " + storage::in_list("h.community_id", filter.within_communities, params);
  }
  if (filter.only_household_id) {
    where += " AND h.id = ?";
    params.emplace_back(*filter.only_household_id);
  }
  if (filter.building_id) {
    where += " AND h.building_id = ?";
    params.emplace_back(*filter.building_id);
  }
  if (filter.guide_user_id) {
    where += " AND h.guide_user_id = ?";
    params.emplace_back(*filter.guide_user_id);
  }
  if (filter.tag) {
    where +=
        " AND EXISTS (SELECT 1 FROM household_labels l WHERE l.household_id = h.id AND "
        "l.kind = 'tag' AND l.value = ?)";
    params.emplace_back(*filter.tag);
  }
  if (filter.q && !filter.q->empty()) {
    std::string pattern = storage::contains_pattern(*filter.q);
    where +=
        " AND (h.code LIKE ? ESCAPE '\\' OR h.address LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 "
        "FROM residents r WHERE r.household_id = h.id AND r.name LIKE ? ESCAPE '\\'))";
    params.emplace_back(pattern);
    params.emplace_back(pattern);
    params.emplace_back(pattern);
  }
  HouseholdPage page;
  page.page = filter.page;
  page.page_size = filter.page_size;
  page.total = db.query_int("SELECT COUNT(*) FROM households h" + where, params);
  params.emplace_back(filter.page_size);
  params.emplace_back((filter.page - 1) * filter.page_size);
  for (const auto& row : db.query(
           std::string(kHouseholdColumns) + where + " ORDER BY h.id LIMIT ? OFFSET ?", params)) {
    page.items.push_back(household_from(row));
  }
  load_labels(db, page.items);
  return page;
}

}  // namespace gz::registry
