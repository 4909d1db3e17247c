// Lookups other use cases make of households and members without a permission check of their
// own (registration by claim code, printing claim-code slips): registry.hpp.
#include "modules/registry/registry.hpp"

namespace gz::registry {
namespace {

constexpr const char* kHouseholdRefColumns =
    "SELECT id, community_id, building_id, code, address, guide_user_id FROM households ";

HouseholdRef household_ref_from(const storage::Row& row) {
  return HouseholdRef{row.integer(0), row.integer(1), row.opt_integer(2),
                      row.text(3),    row.text(4),    row.opt_integer(5)};
}

}  // namespace

std::optional<HouseholdRef> find_household(storage::Connection& db, std::int64_t household_id) {
  auto row = db.query_one(std::string(kHouseholdRefColumns) + "WHERE id = ?", {household_id});
  if (!row) return std::nullopt;
  return household_ref_from(*row);
}

Result<std::vector<HouseholdRef>> households_in_building(storage::Connection& db,
                                                         std::int64_t community_id,
                                                         std::int64_t building_id) {
  if (!db.query_one("SELECT id FROM buildings WHERE id = ? AND community_id = ?",
                    {building_id, community_id})) {
    return not_found("no building " + std::to_string(building_id));
  }
  std::vector<HouseholdRef> out;
  for (const auto& row : db.query(std::string(kHouseholdRefColumns) +
                                      "WHERE community_id = ? AND building_id = ? ORDER BY code",
                                  {community_id, building_id})) {
    out.push_back(household_ref_from(row));
  }
  return out;
}

std::optional<ResidentRef> match_member(storage::Connection& db, std::int64_t household_id,
                                        const std::string& name, const std::string& mobile) {
  auto row = db.query_one(
      "SELECT id, community_id, household_id, name FROM residents WHERE household_id = ? AND "
      "name = ? AND mobile = ? ORDER BY id LIMIT 1",
      {household_id, name, mobile});
  if (!row) return std::nullopt;
  return ResidentRef{row->integer(0), row->integer(1), row->integer(2), row->text(3)};
}

bool is_household_head(storage::Connection& db, std::int64_t resident_id) {
  auto row = db.query_one("SELECT relation FROM residents WHERE id = ?", {resident_id});
  return row && row->text(0) == "self";
}

}  // namespace gz::registry
