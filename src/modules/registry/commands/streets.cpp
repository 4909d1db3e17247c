// Streets (街道) owning communities, the streets a supervisor oversees, and guides' patches of
// buildings; registry.hpp.
#include <boost/json.hpp>

#include "core/clock.hpp"
#include "core/text.hpp"
#include "modules/audit/audit.hpp"
#include "modules/registry/household_store.hpp"
#include "modules/registry/permissions.hpp"
#include "modules/registry/registry.hpp"
#include "storage/transact.hpp"

namespace gz::registry {
namespace {

std::optional<Street> load_street(storage::Connection& db, std::int64_t id) {
  auto row = db.query_one("SELECT id, name, code, district FROM streets WHERE id = ?", {id});
  if (!row) return std::nullopt;
  Street street{row->integer(0), row->text(1), row->text(2), row->opt_text(3), {}};
  for (const auto& community :
       db.query("SELECT id, name, code FROM communities WHERE street_id = ? ORDER BY id", {id})) {
    street.communities.push_back({community.integer(0), community.text(1), community.text(2)});
  }
  return street;
}

Result<void> check_street_name(const std::optional<std::string>& name,
                               const std::optional<std::string>& district) {
  if (name && (name->empty() || text::utf8_length(*name) > 60)) {
    return bad_request("invalid_field", "name must be 1-60 characters");
  }
  if (district && text::utf8_length(*district) > 60) {
    return bad_request("invalid_field", "district must be at most 60 characters");
  }
  return {};
}

constexpr const char* kBuildingColumns =
    "SELECT b.id, b.community_id, b.name, b.address, (SELECT COUNT(*) FROM households h WHERE "
    "h.building_id = b.id), b.guide_user_id, (SELECT COALESCE(u.display_name, u.username) FROM "
    "users u WHERE u.id = b.guide_user_id) FROM buildings b ";

Building building_from(const storage::Row& row) {
  Building building;
  building.id = row.integer(0);
  building.community_id = row.integer(1);
  building.name = row.text(2);
  building.address = row.opt_text(3);
  building.households = row.integer(4);
  building.guide_user_id = row.opt_integer(5);
  building.guide_name = row.opt_text(6);
  return building;
}

}  // namespace

std::vector<Building> query_buildings(storage::Connection& db, const std::string& where,
                                      const std::vector<storage::Value>& params) {
  std::vector<Building> out;
  for (const auto& row : db.query(std::string(kBuildingColumns) + where, params)) {
    out.push_back(building_from(row));
  }
  return out;
}

Result<std::vector<Street>> list_streets(storage::Connection& db, const Actor& actor) {
  if (!actor.is(Role::admin) && !actor.is(Role::street)) {
    return forbidden("streets are for administrators and street supervisors");
  }
  std::vector<Street> out;
  if (!actor.is(Role::admin) && actor.community_ids.empty()) return out;
  // A supervisor's streets are those owning the communities they oversee.
  std::vector<storage::Value> params;
  auto rows =
      actor.is(Role::admin)
          ? db.query("SELECT id FROM streets ORDER BY id")
          : db.query(
                "SELECT DISTINCT street_id FROM communities WHERE street_id IS NOT "
                "NULL AND " +
                    storage::in_list("id", actor.community_ids, params) + " ORDER BY street_id",
                params);
  for (const auto& row : rows) {
    if (auto street = load_street(db, row.integer(0))) out.push_back(std::move(*street));
  }
  return out;
}

Result<Street> create_street(storage::Connection& db, const Actor& actor, const std::string& name,
                             const std::string& code, const std::optional<std::string>& district) {
  if (!permissions::may_manage_streets(actor)) return forbidden("administrators manage streets");
  GZ_TRY(check_street_name(name, district));
  if (!is_valid_code(code)) {
    return bad_request("invalid_code", "code must be 1-32 characters of letters, digits, '-', '_'");
  }
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Street> {
    if (db.query_one("SELECT id FROM streets WHERE code = ?", {code})) {
      return conflict("code_taken", "a street with code '" + code + "' exists");
    }
    std::int64_t id =
        db.query_one(
              "INSERT INTO streets (name, code, district, created_at) VALUES (?, ?, ?, ?) "
              "RETURNING id",
              {name, code, storage::opt_text(district), now_iso8601()})
            ->integer(0);
    boost::json::object change{{"name", name}, {"code", code}};
    if (district) change["district"] = *district;
    audit::append(db, actor, {std::nullopt, "street.create", "street", std::to_string(id), change});
    return *load_street(db, id);
  });
}

Result<Street> update_street(storage::Connection& db, const Actor& actor, std::int64_t id,
                             const std::optional<std::string>& name,
                             const std::optional<std::string>& district) {
  if (!permissions::may_manage_streets(actor)) return forbidden("administrators manage streets");
  if (!street_exists(db, id)) return not_found("no street " + std::to_string(id));
  GZ_TRY(check_street_name(name, district));
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Street> {
    boost::json::object change;
    if (name) {
      db.execute("UPDATE streets SET name = ? WHERE id = ?", {*name, id});
      // The communities' street name follows (it is what their pages print).
      db.execute("UPDATE communities SET street = ? WHERE street_id = ?", {*name, id});
      change["name"] = *name;
    }
    if (district) {
      db.execute("UPDATE streets SET district = ? WHERE id = ?", {*district, id});
      change["district"] = *district;
    }
    audit::append(db, actor, {std::nullopt, "street.update", "street", std::to_string(id), change});
    return *load_street(db, id);
  });
}

bool street_exists(storage::Connection& db, std::int64_t street_id) {
  return db.query_one("SELECT id FROM streets WHERE id = ?", {street_id}).has_value();
}

Result<Building> assign_building_guide(storage::Connection& db, const Actor& actor,
                                       std::int64_t building_id,
                                       std::optional<std::int64_t> guide_user_id) {
  auto row = db.query_one(std::string(kBuildingColumns) + "WHERE b.id = ?", {building_id});
  if (!row || !permissions::may_view_community(actor, row->integer(1))) {
    return not_found("no building " + std::to_string(building_id));
  }
  const std::int64_t community_id = row->integer(1);
  if (!permissions::may_assign_guide(actor, community_id)) {
    return forbidden("the community's staff assign guides");
  }
  if (guide_user_id &&
      !db.query_one("SELECT u.id FROM users u JOIN user_communities uc ON uc.user_id = u.id "
                    "WHERE u.id = ? AND uc.community_id = ? AND u.role = 'guide' AND "
                    "u.disabled = 0",
                    {*guide_user_id, community_id})) {
    return bad_request("not_a_guide", "user " + std::to_string(*guide_user_id) +
                                          " is not an active guide of this community");
  }
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Building> {
    db.execute("UPDATE buildings SET guide_user_id = ? WHERE id = ?",
               {storage::opt_int(guide_user_id), building_id});
    std::vector<std::int64_t> moved;
    if (guide_user_id) {
      for (const auto& household :
           db.query("SELECT id FROM households WHERE building_id = ? AND (guide_user_id IS NULL OR "
                    "guide_user_id <> ?) ORDER BY id",
                    {building_id, *guide_user_id})) {
        moved.push_back(household.integer(0));
      }
      std::int64_t caseload =
          db.query_int("SELECT COUNT(*) FROM households WHERE guide_user_id = ?", {*guide_user_id});
      if (caseload + static_cast<std::int64_t>(moved.size()) > kDefaultCaseloadCap) {
        return conflict("caseload_full",
                        "the guide would have " + std::to_string(caseload + moved.size()) +
                            " households (cap " + std::to_string(kDefaultCaseloadCap) + ")");
      }
    }
    std::string now = now_iso8601();
    audit::Appender appender(db);
    for (std::int64_t household_id : moved) {
      db.execute("UPDATE households SET guide_user_id = ?, updated_at = ? WHERE id = ?",
                 {*guide_user_id, now, household_id});
      appender.append(actor, {community_id,
                              "household.update",
                              "household",
                              std::to_string(household_id),
                              boost::json::object{{"guide_user_id", *guide_user_id}},
                              {{&household_rows(), household_id}}});
    }
    appender.append(actor, {community_id, "building.guide", "building", std::to_string(building_id),
                            boost::json::object{
                                {"guide_user_id", guide_user_id ? boost::json::value(*guide_user_id)
                                                                : boost::json::value(nullptr)},
                                {"households", moved.size()}}});
    appender.finish();
    return building_from(
        *db.query_one(std::string(kBuildingColumns) + "WHERE b.id = ?", {building_id}));
  });
}

}  // namespace gz::registry
