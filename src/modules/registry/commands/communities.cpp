// Communities and buildings: CreateCommunity, ListCommunities, GetCommunity, CreateBuilding,
// ListBuildings.
#include <boost/json.hpp>

#include "core/clock.hpp"
#include "modules/accounts/accounts.hpp"
#include "modules/audit/audit.hpp"
#include "modules/registry/household_store.hpp"
#include "modules/registry/permissions.hpp"
#include "modules/registry/registry.hpp"

namespace gz::registry {
namespace {

constexpr const char* kCommunityColumns =
    "SELECT c.id, c.name, c.code, c.district, c.street, c.created_at, "
    "(SELECT COUNT(*) FROM buildings b WHERE b.community_id = c.id), "
    "(SELECT COUNT(*) FROM households h WHERE h.community_id = c.id), "
    "(SELECT COUNT(*) FROM residents r WHERE r.community_id = c.id) FROM communities c";

Community community_from(const storage::Row& row) {
  Community community;
  community.id = row.integer(0);
  community.name = row.text(1);
  community.code = row.text(2);
  community.district = row.opt_text(3);
  community.street = row.opt_text(4);
  community.created_at = row.text(5);
  community.buildings = row.integer(6);
  community.households = row.integer(7);
  community.residents = row.integer(8);
  return community;
}

}  // namespace

bool is_valid_code(const std::string& code) {
  if (code.empty() || code.size() > 32) return false;
  for (char c : code) {
    bool ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
              c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

bool community_exists(storage::Connection& db, std::int64_t community_id) {
  return db.query_one("SELECT id FROM communities WHERE id = ?", {community_id}).has_value();
}

Result<void> require_member(storage::Connection& db, const Actor& actor,
                            std::int64_t community_id) {
  if (!permissions::may_view_community(actor, community_id) ||
      !community_exists(db, community_id)) {
    return not_found("no community " + std::to_string(community_id));
  }
  return {};
}

// CreateCommunity: admins and street supervisors add a community (a street user is linked to
// the one they create).
Result<Community> create_community(storage::Connection& db, const Actor& actor,
                                   const NewCommunity& input) {
  if (!permissions::may_create_community(actor)) {
    return forbidden("only admins and street supervisors may create communities");
  }
  if (!is_valid_code(input.code)) {
    return bad_request("invalid_code", "code must be 1-32 characters of letters, digits, '-', '_'");
  }
  std::optional<Error> failure;
  std::int64_t id = 0;
  NewCommunity community = input;
  if (input.street_id) {
    auto street = db.query_one("SELECT name FROM streets WHERE id = ?", {*input.street_id});
    if (!street) return not_found("no street " + std::to_string(*input.street_id));
    // A supervisor founds communities only in the streets they oversee.
    std::vector<storage::Value> params{*input.street_id};
    if (actor.is(Role::street) &&
        (actor.community_ids.empty() ||
         !db.query_one("SELECT 1 FROM communities WHERE street_id = ? AND " +
                           storage::in_list("id", actor.community_ids, params),
                       params))) {
      return forbidden("a street supervisor creates communities of their own streets");
    }
    community.street = street->text(0);
  }
  storage::with_transaction(db, storage::TxMode::write, [&] {
    const NewCommunity& input = community;
    // A street supervisor founds communities of their own street only: the street their
    // communities are in (one street per supervisor; a supervisor of none names it freely).
    if (actor.is(Role::street) && !input.street_id) {
      auto streets = db.query(
          "SELECT DISTINCT COALESCE(c.street, '') FROM communities c JOIN user_communities u ON "
          "u.community_id = c.id WHERE u.user_id = ?",
          {actor.user_id});
      if (!streets.empty() &&
          (streets.size() != 1 || streets[0].text(0) != input.street.value_or(""))) {
        failure = forbidden("a street supervisor creates communities of their own street (" +
                            (streets.size() == 1 ? streets[0].text(0) : std::string("?")) + ")");
        return;
      }
    }
    if (db.query_one("SELECT id FROM communities WHERE code = ?", {input.code})) {
      failure = conflict("community_code_taken",
                         "a community with code '" + input.code + "' already exists");
      return;
    }
    id = db.query_one(
               "INSERT INTO communities (name, code, district, street, street_id, created_at) "
               "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
               {input.name, input.code, storage::opt_text(input.district),
                storage::opt_text(input.street), storage::opt_int(input.street_id), now_iso8601()})
             ->integer(0);
    db.execute("UPDATE communities SET community_id = id WHERE id = ?", {id});
    if (actor.is(Role::street)) {
      db.execute("INSERT INTO user_communities (user_id, community_id) VALUES (?, ?)",
                 {actor.user_id, id});
    }
    boost::json::object change{{"name", input.name}, {"code", input.code}};
    if (input.district) change["district"] = *input.district;
    if (input.street) change["street"] = *input.street;
    if (input.street_id) change["street_id"] = *input.street_id;
    // A street supervisor joins the community they create: their user row changed.
    std::vector<audit::RowRef> rows;
    if (actor.is(Role::street)) rows.push_back({&accounts::user_rows(), actor.user_id});
    audit::append(db, actor,
                  {id, "community.create", "community", std::to_string(id), change, rows});
  });
  if (failure) return *failure;
  auto row = db.query_one(std::string(kCommunityColumns) + " WHERE c.id = ?", {id});
  return community_from(*row);
}

// ListCommunities: the communities the actor belongs to (all, for admins).
Result<std::vector<Community>> list_communities(storage::Connection& db, const Actor& actor) {
  std::vector<Community> out;
  for (const auto& row : db.query(std::string(kCommunityColumns) + " ORDER BY c.id")) {
    Community community = community_from(row);
    if (permissions::may_view_community(actor, community.id)) out.push_back(std::move(community));
  }
  return out;
}

// GetCommunity: one community with its counts; 404 when unknown or not the actor's.
Result<Community> get_community(storage::Connection& db, const Actor& actor, std::int64_t id) {
  if (!permissions::may_view_community(actor, id))
    return not_found("no community " + std::to_string(id));
  auto row = db.query_one(std::string(kCommunityColumns) + " WHERE c.id = ?", {id});
  if (!row) return not_found("no community " + std::to_string(id));
  return community_from(*row);
}

// CreateBuilding: staff add a building to their community.
Result<Building> create_building(storage::Connection& db, const Actor& actor,
                                 std::int64_t community_id, const std::string& name,
                                 const std::optional<std::string>& address) {
  if (!permissions::may_view_community(actor, community_id)) {
    return not_found("no community " + std::to_string(community_id));
  }
  if (!permissions::may_manage_buildings(actor, community_id)) {
    return forbidden("only staff of this community may add buildings");
  }
  std::optional<Error> failure;
  Building building;
  storage::with_transaction(db, storage::TxMode::write, [&] {
    if (!community_exists(db, community_id)) {
      failure = not_found("no community " + std::to_string(community_id));
      return;
    }
    if (db.query_one("SELECT id FROM buildings WHERE community_id = ? AND name = ?",
                     {community_id, name})) {
      failure = conflict("building_exists", "building '" + name + "' already exists");
      return;
    }
    building.id = db.query_one(
                        "INSERT INTO buildings (community_id, name, address, created_at) VALUES "
                        "(?, ?, ?, ?) RETURNING id",
                        {community_id, name, storage::opt_text(address), now_iso8601()})
                      ->integer(0);
    building.community_id = community_id;
    building.name = name;
    building.address = address;
    boost::json::object change{{"name", name}};
    if (address) change["address"] = *address;
    audit::append(
        db, actor,
        {community_id, "building.create", "building", std::to_string(building.id), change});
  });
  if (failure) return *failure;
  return building;
}

// ListBuildings: the buildings of a community with their household counts.
Result<std::vector<Building>> list_buildings(storage::Connection& db, const Actor& actor,
                                             std::int64_t community_id) {
  if (!permissions::may_view_community(actor, community_id)) {
    return not_found("no community " + std::to_string(community_id));
  }
  if (!community_exists(db, community_id)) {
    return not_found("no community " + std::to_string(community_id));
  }
  return query_buildings(db, "WHERE b.community_id = ? ORDER BY b.id", {community_id});
}

}  // namespace gz::registry
