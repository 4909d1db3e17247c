// HouseholdRows, ResidentRows: what the audit chain records of household files (registry.hpp).
#include "modules/registry/registry.hpp"

namespace gz::registry {

const audit::Tracked& household_rows() {
  static const audit::Tracked table{
      "households",
      "id",
      "SELECT id, community_id, building_id, code, address, housing_type, size, income_band, "
      "willingness, guide_user_id FROM households",
      {"community_id", "building_id", "code", "address", "housing_type", "size", "income_band",
       "willingness", "guide_user_id"},
      {"address"},
      {{"labels", "SELECT household_id, kind || ':' || value FROM household_labels",
        "household_id"}}};
  return table;
}

const audit::Tracked& resident_rows() {
  static const audit::Tracked table{
      "residents",
      "id",
      "SELECT id, community_id, household_id, name, sex, birth_date, id_number, mobile, relation, "
      "registration, disputed_id_number FROM residents",
      {"community_id", "household_id", "name", "sex", "birth_date", "id_number", "mobile",
       "relation", "registration", "disputed_id_number"},
      {"name", "id_number", "mobile", "disputed_id_number"},
      {}};
  return table;
}

}  // namespace gz::registry
