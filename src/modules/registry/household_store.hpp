// Reading households and residents from the database (shared by the registry's commands and
// the CSV export). Writes stay in the commands, next to their audit entries.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "modules/registry/model.hpp"
#include "storage/database.hpp"

namespace gz::registry {

std::optional<Household> load_household(storage::Connection& db, std::int64_t household_id);
std::vector<Resident> load_residents(storage::Connection& db, std::int64_t household_id);
HouseholdPage query_households(storage::Connection& db, const HouseholdFilter& filter);
// A community's or a street's code: 1-32 letters, digits, '-' or '_'.
bool is_valid_code(const std::string& code);
// Buildings with their household counts and guides; `where` ("WHERE b.… = ?") is appended.
std::vector<Building> query_buildings(storage::Connection& db, const std::string& where,
                                      const std::vector<storage::Value>& params);
// Fills tags/needs/skills of many households in one query.
void load_labels(storage::Connection& db, std::vector<Household>& households);

}  // namespace gz::registry
