// GenerateDemo: plans each community in memory from a seeded PRNG, then writes it one
// building per transaction. The parts, in src/modules/registry/demo/:
//  - texts (data/demo/registry.json): the street, community names, surnames and given names,
//    residence codes, mobile prefixes and skills;
//  - family: the kinds of household and, for one kind, its members with their names, ages,
//    ID numbers and mobiles;
//  - plan: a community's buildings and flats, household kinds from fixed quotas (so the
//    totals stay close to the targets for every seed and size), tags, needs and skills;
//  - write: the rows and their audit entries, and why they do not go through the use cases.
// Staff, guides, the street supervisor and the resident login are made here with
// accounts::add_user.
#include "modules/registry/demo.hpp"

#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/random.hpp"
#include "modules/accounts/accounts.hpp"
#include "modules/audit/audit.hpp"
#include "modules/registry/demo/family.hpp"
#include "modules/registry/demo/plan.hpp"
#include "modules/registry/demo/texts.hpp"
#include "modules/registry/demo/write.hpp"
#include "modules/registry/registry.hpp"

namespace gz::registry {
namespace {

std::int64_t create_user(storage::Connection& connection, const accounts::NewUser& user) {
  auto created = accounts::add_user(connection, audit::system_actor(), user);
  if (!created) {
    throw std::runtime_error("demo: cannot create user '" + user.username +
                             "': " + created.error().message);
  }
  return *created;
}

}  // namespace

DemoSummary generate_demo(storage::Connection& connection, const DemoOptions& options) {
  if (options.communities < 1 || options.communities > 1000) {
    throw std::invalid_argument("demo: communities must be between 1 and 1000");
  }
  if (options.households_per_community < 1 || options.households_per_community > 100000) {
    throw std::invalid_argument("demo: households per community must be between 1 and 100000");
  }
  if (connection.query_int("SELECT COUNT(*) FROM communities") != 0) {
    throw std::runtime_error("demo: the database already holds communities; use an empty one");
  }

  using namespace demo;  // the parts of this demo, src/modules/registry/demo/
  const Actor system = audit::system_actor();
  const Place& place = texts().place;
  const std::int64_t reference_days = shanghai_day(options.as_of_ms);
  Rng names_rng(options.seed, 0);  // display names of staff and guides
  Identities identities;
  DemoSummary summary;

  // Communities first: the street supervisor's login names all of them.
  std::vector<CommunityHeader> headers;
  for (int k = 0; k < options.communities; ++k) {
    CommunityHeader header;
    header.name = community_name(k);
    header.code = community_code(k);
    header.created_at = community_created_at(k, reference_days - kRecordDays);
    headers.push_back(std::move(header));
  }
  // The street that owns them, as an administrator adds one.
  auto street =
      create_street(connection, system, place.street, "ST-" + place.district_code, place.district);
  if (!street) throw std::runtime_error("demo street: " + street.error().message);
  storage::with_transaction(connection, storage::TxMode::write, [&] {
    summary.community_ids.clear();
    for (const auto& header : headers) {
      summary.community_ids.push_back(write_community(connection, system, header, place));
      connection.execute("UPDATE communities SET street_id = ? WHERE id = ?",
                         {std::int64_t{street->id}, summary.community_ids.back()});
    }
  });
  summary.communities = options.communities;
  const std::int64_t first_community = summary.community_ids.front();
  const std::string& first_name = headers.front().name;

  auto login = [&](const std::string& username, Role role, std::string note) {
    summary.logins.push_back(
        {username, options.password, std::string(role_name(role)), std::move(note)});
  };
  create_user(
      connection,
      {"admin", Role::admin, {first_community}, std::nullopt, options.password, "系统管理员"});
  login("admin", Role::admin, "管理员（全部社区）");
  accounts::NewUser supervisor{"street",     Role::street,     summary.community_ids,
                               std::nullopt, options.password, place.street + "督办"};
  supervisor.street_ids = {street->id};
  create_user(connection, supervisor);
  login("street", Role::street,
        "街道督办（" + place.street + "，" + std::to_string(options.communities) + " 个社区）");

  // Staff and guides of every community; the first community's have the short names.
  const int households = options.households_per_community;
  const int guide_count = guides_for(households);
  std::vector<std::vector<std::int64_t>> guide_ids(options.communities);
  for (int k = 0; k < options.communities; ++k) {
    const std::int64_t community_id = summary.community_ids[k];
    const std::string suffix = k == 0 ? "" : std::to_string(k + 1);
    const std::string staff_username = "staff" + suffix;
    create_user(connection, {staff_username,
                             Role::staff,
                             {community_id},
                             std::nullopt,
                             options.password,
                             staff_name(names_rng)});
    login(staff_username, Role::staff, "社区工作者（" + headers[k].name + "）");
    for (int g = 0; g < guide_count; ++g) {
      const std::string username =
          k == 0 ? "guide" + std::to_string(g + 1) : "guide" + suffix + "_" + std::to_string(g + 1);
      guide_ids[k].push_back(create_user(connection, {username,
                                                      Role::guide,
                                                      {community_id},
                                                      std::nullopt,
                                                      options.password,
                                                      staff_name(names_rng)}));
      // Guide g serves the households whose index i has i * guides / households == g.
      const int caseload =
          static_cast<int>((std::int64_t{g + 1} * households + guide_count - 1) / guide_count -
                           (std::int64_t{g} * households + guide_count - 1) / guide_count);
      login(username, Role::guide,
            "指导员（" + headers[k].name + "，" + std::to_string(caseload) + " 户）");
    }
  }

  // The resident login belongs to the first family of parents and children in community 1.
  std::optional<std::int64_t> resident_household;
  std::string resident_note;
  std::string resident_display_name;

  for (int k = 0; k < options.communities; ++k) {
    Rng rng(options.seed, static_cast<std::uint64_t>(k) + 1);
    const std::vector<BuildingPlan> buildings =
        plan_community(rng, identities, headers[k].name, households, reference_days);
    const std::int64_t community_id = summary.community_ids[k];
    for (const auto& building : buildings) {
      std::optional<std::int64_t> chosen;
      storage::with_transaction(connection, storage::TxMode::write, [&] {
        chosen.reset();
        const std::int64_t building_id = write_building(connection, system, community_id, building);
        for (const auto& household : building.households) {
          const std::int64_t id = write_household(connection, system, community_id, building_id,
                                                  guide_ids[k][household.guide_index], household);
          if (k == 0 && !resident_household && !chosen && household.kind == Kind::young_family &&
              household.members.size() >= 3) {
            chosen = id;
            resident_note = "居民（" + household.address + "，" +
                            std::to_string(household.members.size()) + " 人）";
            resident_display_name = household.members.front().name;
          }
        }
      });
      if (chosen) resident_household = chosen;
      ++summary.buildings;
      for (const auto& household : building.households) {
        ++summary.households;
        for (const auto& person : household.members) {
          ++summary.residents;
          ++(person.migrant ? summary.migrants : summary.registered);
          if (person.age >= 60) ++summary.aged_60_plus;
        }
      }
    }
  }

  if (!resident_household) {
    // A tiny demo may have no family with children: take the first household of community 1.
    resident_household = connection.query_int(
        "SELECT id FROM households WHERE community_id = ? ORDER BY id LIMIT 1", {first_community});
    resident_note = "居民（" + first_name + "）";
    resident_display_name = "居民";
  }
  create_user(connection, {"resident",
                           Role::resident,
                           {},
                           resident_household,
                           options.password,
                           resident_display_name});
  login("resident", Role::resident, resident_note);
  summary.resident_household_id = resident_household.value_or(0);
  // Floor areas of 60-160 ㎡ (the property fee is billed by area), from each household's id
  // rather than a draw, so nothing else the seed decides moves.
  connection.execute(
      "UPDATE households SET floor_area_dm2 = 6000 + (id * 7919) % 10001 WHERE floor_area_dm2 "
      "IS NULL");
  return summary;
}

}  // namespace gz::registry
