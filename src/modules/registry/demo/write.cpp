#include "modules/registry/demo/write.hpp"

#include <boost/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/pii.hpp"
#include "modules/audit/audit.hpp"

namespace gz::registry::demo {
namespace {

constexpr const char* kInsertCommunity =
    "INSERT INTO communities (name, code, district, street, created_at) VALUES (?, ?, ?, ?, ?) "
    "RETURNING id";
constexpr const char* kSetCommunityShard = "UPDATE communities SET community_id = id WHERE id = ?";
constexpr const char* kInsertBuilding =
    "INSERT INTO buildings (community_id, name, address, created_at) VALUES (?, ?, ?, ?) "
    "RETURNING id";
constexpr const char* kInsertHousehold =
    "INSERT INTO households (community_id, building_id, code, address, housing_type, size, "
    "income_band, willingness, guide_user_id, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kInsertLabel =
    "INSERT INTO household_labels (community_id, household_id, kind, value) VALUES (?, ?, ?, ?)";
constexpr const char* kInsertResident =
    "INSERT INTO residents (community_id, household_id, name, sex, birth_date, id_number, mobile, "
    "relation, registration, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";

boost::json::array to_json(const std::vector<std::string_view>& values) {
  boost::json::array array;
  for (auto value : values) array.emplace_back(value);
  return array;
}

void write_labels(storage::Connection& connection, std::int64_t community_id,
                  std::int64_t household_id, std::string_view kind,
                  const std::vector<std::string_view>& values) {
  for (auto value : values) {
    connection.execute(kInsertLabel,
                       {community_id, household_id, std::string(kind), std::string(value)});
  }
}

}  // namespace

std::int64_t write_community(storage::Connection& connection, const Actor& actor,
                             const CommunityHeader& header, const Place& place) {
  const std::int64_t id =
      connection
          .query_one(kInsertCommunity,
                     {header.name, header.code, place.district, place.street, header.created_at})
          ->integer(0);
  connection.execute(kSetCommunityShard, {id});
  boost::json::object change{{"name", header.name},
                             {"code", header.code},
                             {"district", place.district},
                             {"street", place.street}};
  audit::append(connection, actor,
                {id, "community.create", "community", std::to_string(id), change});
  return id;
}

std::int64_t write_building(storage::Connection& connection, const Actor& actor,
                            std::int64_t community_id, const BuildingPlan& building) {
  const std::int64_t building_id =
      connection
          .query_one(kInsertBuilding,
                     {community_id, building.name, building.address, building.created_at})
          ->integer(0);
  audit::append(connection, actor,
                {community_id, "building.create", "building", std::to_string(building_id),
                 boost::json::object{{"name", building.name}, {"address", building.address}}});
  return building_id;
}

std::int64_t write_household(storage::Connection& connection, const Actor& actor,
                             std::int64_t community_id, std::int64_t building_id,
                             std::int64_t guide_user_id, const HouseholdPlan& household) {
  const auto size = static_cast<std::int64_t>(household.members.size());
  const std::int64_t household_id =
      connection
          .query_one(kInsertHousehold,
                     {community_id, building_id, household.code, household.address,
                      std::string(household.housing_type), size, std::string(household.income_band),
                      std::string(household.willingness), guide_user_id, household.created_at,
                      household.updated_at})
          ->integer(0);
  write_labels(connection, community_id, household_id, "tag", household.tags);
  write_labels(connection, community_id, household_id, "need", household.needs);
  write_labels(connection, community_id, household_id, "skill", household.skills);

  boost::json::array residents;
  for (const auto& person : household.members) {
    const std::string_view registration = person.migrant ? "migrant" : "registered";
    const std::int64_t resident_id =
        connection
            .query_one(
                kInsertResident,
                {community_id, household_id, person.name,
                 std::string(person.male ? "male" : "female"), person.birth_date, person.id_number,
                 storage::opt_text(person.mobile), std::string(person.relation),
                 std::string(registration), household.created_at})
            ->integer(0);
    boost::json::object entry{{"id", resident_id},
                              {"name", person.name},
                              {"sex", person.male ? "male" : "female"},
                              // The year only: beside the masked ID a birth date rebuilds it.
                              {"birth_year", std::stoi(person.birth_date.substr(0, 4))},
                              {"id_number", pii::mask_id_number(person.id_number)},
                              {"relation", person.relation},
                              {"registration", registration}};
    entry["mobile"] = person.mobile ? boost::json::value(pii::mask_mobile(*person.mobile))
                                    : boost::json::value(nullptr);
    residents.push_back(std::move(entry));
  }
  boost::json::object change{{"code", household.code},
                             {"address", household.address},
                             {"building_id", building_id},
                             {"housing_type", household.housing_type},
                             {"size", size},
                             {"income_band", household.income_band},
                             {"willingness", household.willingness},
                             {"guide_user_id", guide_user_id},
                             {"tags", to_json(household.tags)},
                             {"needs", to_json(household.needs)},
                             {"skills", to_json(household.skills)},
                             {"residents", std::move(residents)}};
  audit::append(connection, actor,
                {community_id, "household.create", "household", std::to_string(household_id),
                 std::move(change)});
  return household_id;
}

}  // namespace gz::registry::demo
