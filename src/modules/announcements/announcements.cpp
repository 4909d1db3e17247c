// The notice board's use cases (announcements.hpp).
#include "modules/announcements/announcements.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <set>

#include "core/clock.hpp"
#include "core/text.hpp"
#include "modules/accounts/accounts.hpp"
#include "modules/announcements/permissions.hpp"
#include "modules/audit/audit.hpp"
#include "modules/notifications/notifications.hpp"
#include "modules/registry/registry.hpp"
#include "storage/transact.hpp"

namespace gz::announcements {
namespace {

constexpr std::int64_t kYearMs = 366 * kDayMs;
constexpr std::size_t kMaxReason = 200;

constexpr const char* kColumns =
    "SELECT id, community_id, kind, title, body, pinned, urgent, published_ms, valid_until_ms, "
    "author_user_id, withdrawn_ms, withdrawn_reason FROM announcements ";

struct KindLabel {
  std::string_view kind, zh, en;
};
constexpr KindLabel kKinds[] = {{"outage", "停水停电", "Outage"},
                                {"event", "活动", "Event"},
                                {"policy", "政策", "Policy"},
                                {"notice", "通知", "Notice"}};

const KindLabel& label_of(std::string_view kind) {
  for (const auto& entry : kKinds) {
    if (entry.kind == kind) return entry;
  }
  return kKinds[3];
}

// The buildings of a community by id, through the registry's contract (names, households).
std::map<std::int64_t, registry::Building> buildings_of(storage::Connection& db,
                                                        std::int64_t community_id) {
  std::map<std::int64_t, registry::Building> out;
  auto listed = registry::list_buildings(db, audit::system_actor(), community_id);
  if (listed) {
    for (auto& building : *listed) out.emplace(building.id, std::move(building));
  }
  return out;
}

std::vector<std::int64_t> building_ids(storage::Connection& db, std::int64_t announcement_id) {
  std::vector<std::int64_t> ids;
  for (const auto& row :
       db.query("SELECT building_id FROM announcement_buildings WHERE announcement_id = ? ORDER "
                "BY building_id",
                {announcement_id})) {
    ids.push_back(row.integer(0));
  }
  return ids;
}

std::optional<std::int64_t> own_building(storage::Connection& db, const Actor& actor) {
  if (!actor.is(Role::resident) || !actor.household_id) return std::nullopt;
  auto household = registry::find_household(db, *actor.household_id);
  return household ? household->building_id : std::nullopt;
}

struct Row {
  Announcement announcement;
  std::vector<std::int64_t> building_ids;
  std::int64_t author_user_id = 0;
};

Row row_from(storage::Connection& db, const storage::Row& row) {
  Row out;
  auto& a = out.announcement;
  a.id = row.integer(0);
  a.community_id = row.integer(1);
  a.kind = row.text(2);
  a.title = row.text(3);
  a.body = row.text(4);
  a.pinned = row.integer(5) != 0;
  a.urgent = row.integer(6) != 0;
  a.published_ms = row.integer(7);
  a.valid_until_ms = row.opt_integer(8);
  out.author_user_id = row.integer(9);
  a.withdrawn_ms = row.opt_integer(10);
  a.withdrawn_reason = row.opt_text(11);
  out.building_ids = building_ids(db, a.id);
  return out;
}

// Fills in what the reader may see: building names, the author and reads for officials, the
// resident's own read.
class Presenter {
 public:
  Presenter(storage::Connection& db, const Actor* actor, std::int64_t community_id)
      : db_(db), actor_(actor), buildings_(buildings_of(db, community_id)) {
    official_ = actor_ && may_oversee(*actor_, community_id);
  }

  Announcement present(Row row) {
    Announcement a = std::move(row.announcement);
    for (std::int64_t id : row.building_ids) {
      auto found = buildings_.find(id);
      a.buildings.push_back({id, found == buildings_.end() ? std::string() : found->second.name});
    }
    if (official_) {
      a.author_name = author(row.author_user_id);
      a.reads = db_.query_int("SELECT COUNT(*) FROM announcement_reads WHERE announcement_id = ?",
                              {a.id});
    } else if (actor_ && actor_->is(Role::resident)) {
      a.read = db_.query_one(
                      "SELECT 1 FROM announcement_reads WHERE announcement_id = ? AND user_id = ?",
                      {a.id, actor_->user_id})
                   .has_value();
    }
    return a;
  }

 private:
  std::string author(std::int64_t user_id) {
    auto found = authors_.find(user_id);
    if (found != authors_.end()) return found->second;
    auto user = accounts::find_user(db_, user_id);
    std::string name = !user                        ? std::string()
                       : user->display_name.empty() ? user->username
                                                    : user->display_name;
    return authors_.emplace(user_id, name).first->second;
  }

  storage::Connection& db_;
  const Actor* actor_;
  std::map<std::int64_t, registry::Building> buildings_;
  std::map<std::int64_t, std::string> authors_;
  bool official_ = false;
};

// The notice as `actor` may see it (404 otherwise), unpresented.
Result<Row> visible_row(storage::Connection& db, const Actor& actor, std::int64_t id) {
  auto found = db.query_one(std::string(kColumns) + "WHERE id = ?", {id});
  auto missing = not_found("no announcement " + std::to_string(id));
  if (!found) return missing;
  Row row = row_from(db, *found);
  if (!actor.belongs_to(row.announcement.community_id)) return missing;
  if (!may_read(actor, row.announcement.community_id, row.building_ids, own_building(db, actor))) {
    return missing;
  }
  return row;
}

// Who hears of a notice: per building, the resident logins of its households; for the whole
// community, its resident logins. One event per building so each building's robot hears its own.
void tell(storage::Connection& db, const Announcement& a,
          const std::vector<std::int64_t>& buildings,
          const std::map<std::int64_t, registry::Building>& names, std::int64_t now_ms) {
  const auto& label = label_of(a.kind);
  auto event_for = [&](std::vector<std::int64_t> recipients, std::optional<std::string> building) {
    notifications::Event event;
    event.community_id = a.community_id;
    event.kind = "announcement.published";
    event.subject_type = "announcement";
    event.subject_id = std::to_string(a.id);
    event.recipients = std::move(recipients);
    event.building = std::move(building);
    event.urgent = a.urgent;
    event.data = {
        {"title", a.title}, {"kind_zh", std::string(label.zh)}, {"kind_en", std::string(label.en)}};
    notifications::record(db, event, now_ms);
  };
  if (buildings.empty()) {
    event_for(accounts::community_users(db, a.community_id, {Role::resident}), std::nullopt);
    return;
  }
  for (std::int64_t building_id : buildings) {
    std::vector<std::int64_t> recipients;
    auto households = registry::households_in_building(db, a.community_id, building_id);
    if (households) {
      for (const auto& household : *households) {
        auto users = accounts::household_users(db, household.id);
        recipients.insert(recipients.end(), users.begin(), users.end());
      }
    }
    auto name = names.find(building_id);
    event_for(std::move(recipients),
              name == names.end() ? std::nullopt : std::optional<std::string>(name->second.name));
  }
}

Result<void> check_valid_until(const std::optional<std::int64_t>& valid_until_ms,
                               std::int64_t now_ms) {
  if (valid_until_ms && (*valid_until_ms <= now_ms || *valid_until_ms > now_ms + kYearMs)) {
    return bad_request("invalid_field", "valid_until must be after now and within a year");
  }
  return {};
}

Result<Row> official_row(storage::Connection& db, const Actor& actor, std::int64_t id) {
  GZ_ASSIGN_OR_RETURN(auto row, visible_row(db, actor, id));
  if (!may_publish(actor, row.announcement.community_id)) {
    return forbidden("staff of the community manage its notices");
  }
  if (row.announcement.withdrawn_ms) return conflict("withdrawn", "the notice was withdrawn");
  return row;
}

}  // namespace

bool is_kind(std::string_view kind) {
  return std::any_of(std::begin(kKinds), std::end(kKinds),
                     [&](const KindLabel& entry) { return entry.kind == kind; });
}

Result<Announcement> publish(storage::Connection& db, const Actor& actor,
                             const NewAnnouncement& input, std::int64_t now_ms) {
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Announcement> {
    GZ_TRY(registry::require_member(db, actor, input.community_id));
    if (!may_publish(actor, input.community_id)) {
      return forbidden("staff of the community publish its notices");
    }
    if (!is_kind(input.kind)) {
      return bad_request("invalid_kind", "kind must be outage, event, policy or notice");
    }
    std::string title = text::trim(input.title);
    std::string body = text::trim(input.body);
    if (title.empty() || text::utf8_length(title) > kMaxTitle) {
      return bad_request("invalid_field", "title must be 1-60 characters");
    }
    if (body.empty() || text::utf8_length(body) > kMaxBody) {
      return bad_request("invalid_field", "body must be 1-4000 characters");
    }
    GZ_TRY(check_valid_until(input.valid_until_ms, now_ms));
    std::vector<std::int64_t> buildings = input.building_ids;
    std::sort(buildings.begin(), buildings.end());
    buildings.erase(std::unique(buildings.begin(), buildings.end()), buildings.end());
    if (buildings.size() > kMaxBuildings) {
      return bad_request("invalid_field", "at most 100 buildings");
    }
    auto names = buildings_of(db, input.community_id);
    for (std::int64_t id : buildings) {
      if (!names.count(id)) return not_found("no building " + std::to_string(id));
    }
    std::int64_t id =
        db.query_one(
              "INSERT INTO announcements (community_id, kind, title, body, pinned, urgent, "
              "published_ms, published_at, valid_until_ms, author_user_id) VALUES (?, ?, ?, ?, ?, "
              "?, ?, ?, ?, ?) RETURNING id",
              {input.community_id, input.kind, title, body, std::int64_t{input.pinned},
               std::int64_t{input.urgent}, now_ms, format_iso8601(now_ms),
               storage::opt_int(input.valid_until_ms), actor.user_id})
            ->integer(0);
    boost::json::array scope;
    for (std::int64_t building : buildings) {
      db.execute("INSERT INTO announcement_buildings (announcement_id, building_id) VALUES (?, ?)",
                 {id, building});
      scope.emplace_back(building);
    }
    audit::append(db, actor,
                  {input.community_id, "announcement.publish", "announcement", std::to_string(id),
                   boost::json::object{{"kind", input.kind},
                                       {"title", title},
                                       {"buildings", std::move(scope)},
                                       {"pinned", input.pinned},
                                       {"urgent", input.urgent}}});
    Row row = row_from(db, *db.query_one(std::string(kColumns) + "WHERE id = ?", {id}));
    tell(db, row.announcement, buildings, names, now_ms);
    return Presenter(db, &actor, input.community_id).present(std::move(row));
  });
}

Result<Announcement> update(storage::Connection& db, const Actor& actor, std::int64_t id,
                            const Change& change, std::int64_t now_ms) {
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Announcement> {
    GZ_ASSIGN_OR_RETURN(auto row, official_row(db, actor, id));
    boost::json::object changed;
    if (change.pinned) {
      db.execute("UPDATE announcements SET pinned = ? WHERE id = ?",
                 {std::int64_t{*change.pinned}, id});
      changed["pinned"] = *change.pinned;
    }
    if (change.valid_until_ms) {
      GZ_TRY(check_valid_until(*change.valid_until_ms, now_ms));
      db.execute("UPDATE announcements SET valid_until_ms = ? WHERE id = ?",
                 {storage::opt_int(*change.valid_until_ms), id});
      changed["valid_until"] = *change.valid_until_ms
                                   ? boost::json::value(format_iso8601(**change.valid_until_ms))
                                   : boost::json::value(nullptr);
    }
    if (changed.empty()) return bad_request("invalid_field", "nothing to change");
    audit::append(db, actor,
                  {row.announcement.community_id, "announcement.update", "announcement",
                   std::to_string(id), std::move(changed)});
    Row fresh = row_from(db, *db.query_one(std::string(kColumns) + "WHERE id = ?", {id}));
    return Presenter(db, &actor, fresh.announcement.community_id).present(std::move(fresh));
  });
}

Result<Announcement> withdraw(storage::Connection& db, const Actor& actor, std::int64_t id,
                              const std::string& reason, std::int64_t now_ms) {
  std::string why = text::trim(reason);
  if (why.empty() || text::utf8_length(why) > kMaxReason) {
    return bad_request("invalid_field", "reason must be 1-200 characters");
  }
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Announcement> {
    GZ_ASSIGN_OR_RETURN(auto row, official_row(db, actor, id));
    db.execute(
        "UPDATE announcements SET withdrawn_ms = ?, withdrawn_reason = ?, pinned = 0 WHERE id = ?",
        {now_ms, why, id});
    audit::append(db, actor,
                  {row.announcement.community_id, "announcement.withdraw", "announcement",
                   std::to_string(id), boost::json::object{{"reason", why}}});
    Row fresh = row_from(db, *db.query_one(std::string(kColumns) + "WHERE id = ?", {id}));
    return Presenter(db, &actor, fresh.announcement.community_id).present(std::move(fresh));
  });
}

Result<std::vector<Announcement>> list(storage::Connection& db, const Actor& actor,
                                       const Filter& filter, std::int64_t now_ms) {
  if (filter.limit < 1 || filter.limit > 200) {
    return bad_request("invalid_query", "limit must be 1-200");
  }
  GZ_TRY(registry::require_member(db, actor, filter.community_id));
  bool official = may_oversee(actor, filter.community_id);
  if (!official && !actor.is(Role::resident)) return forbidden("no notices for this role");
  if (filter.include_past && !official) {
    return forbidden("past notices are for the community's officials");
  }
  std::string where = "WHERE community_id = ?";
  std::vector<storage::Value> params{filter.community_id};
  if (!filter.include_past) {
    where += " AND withdrawn_ms IS NULL AND (valid_until_ms IS NULL OR valid_until_ms > ?)";
    params.emplace_back(now_ms);
  }
  if (!official) {
    // The whole community's notices and those for the resident's building.
    auto building = own_building(db, actor);
    where +=
        " AND (NOT EXISTS (SELECT 1 FROM announcement_buildings b WHERE b.announcement_id = "
        "announcements.id)";
    if (building) {
      where +=
          " OR EXISTS (SELECT 1 FROM announcement_buildings b WHERE b.announcement_id = "
          "announcements.id AND b.building_id = ?)";
      params.emplace_back(*building);
    }
    where += ")";
  }
  params.emplace_back(filter.limit);
  Presenter presenter(db, &actor, filter.community_id);
  std::vector<Announcement> out;
  for (const auto& row : db.query(std::string(kColumns) + where +
                                      " ORDER BY CASE WHEN withdrawn_ms IS NULL THEN pinned ELSE "
                                      "0 END DESC, published_ms DESC, id DESC LIMIT ?",
                                  params)) {
    out.push_back(presenter.present(row_from(db, row)));
  }
  return out;
}

Result<std::vector<Announcement>> list_public(storage::Connection& db, std::int64_t community_id,
                                              std::int64_t limit, std::int64_t now_ms) {
  if (limit < 1 || limit > 200) return bad_request("invalid_query", "limit must be 1-200");
  if (!registry::community_exists(db, community_id)) {
    return not_found("no community " + std::to_string(community_id));
  }
  Presenter presenter(db, nullptr, community_id);
  std::vector<Announcement> out;
  for (const auto& row : db.query(
           std::string(kColumns) +
               "WHERE community_id = ? AND withdrawn_ms IS NULL AND (valid_until_ms IS NULL OR "
               "valid_until_ms > ?) AND NOT EXISTS (SELECT 1 FROM announcement_buildings b WHERE "
               "b.announcement_id = announcements.id) ORDER BY pinned DESC, published_ms DESC, id "
               "DESC LIMIT ?",
           {community_id, now_ms, limit})) {
    out.push_back(presenter.present(row_from(db, row)));
  }
  return out;
}

Result<Announcement> get(storage::Connection& db, const Actor& actor, std::int64_t id) {
  GZ_ASSIGN_OR_RETURN(auto row, visible_row(db, actor, id));
  std::int64_t community = row.announcement.community_id;
  return Presenter(db, &actor, community).present(std::move(row));
}

Result<Announcement> mark_read(storage::Connection& db, const Actor& actor, std::int64_t id,
                               std::int64_t now_ms) {
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Announcement> {
    GZ_ASSIGN_OR_RETURN(auto row, visible_row(db, actor, id));
    if (actor.is(Role::resident) && actor.household_id) {
      db.execute(
          "INSERT INTO announcement_reads (announcement_id, user_id, household_id, building_id, "
          "read_ms) VALUES (?, ?, ?, ?, ?) ON CONFLICT (announcement_id, user_id) DO NOTHING",
          {id, actor.user_id, *actor.household_id, storage::opt_int(own_building(db, actor)),
           now_ms});
    }
    std::int64_t community = row.announcement.community_id;
    return Presenter(db, &actor, community).present(std::move(row));
  });
}

Result<ReadFigures> read_figures(storage::Connection& db, const Actor& actor, std::int64_t id) {
  GZ_ASSIGN_OR_RETURN(auto row, visible_row(db, actor, id));
  std::int64_t community = row.announcement.community_id;
  if (!may_oversee(actor, community)) return forbidden("officials read the figures");
  auto buildings = buildings_of(db, community);
  std::map<std::int64_t, std::pair<std::int64_t, std::int64_t>> read;  // households, residents
  for (const auto& line : db.query(
           "SELECT building_id, COUNT(DISTINCT household_id), COUNT(*) FROM announcement_reads "
           "WHERE announcement_id = ? AND building_id IS NOT NULL GROUP BY building_id",
           {id})) {
    read[line.integer(0)] = {line.integer(1), line.integer(2)};
  }
  ReadFigures figures;
  figures.announcement_id = id;
  std::vector<std::int64_t> scope = row.building_ids;
  if (scope.empty()) {
    for (const auto& [building_id, building] : buildings) scope.push_back(building_id);
  }
  for (std::int64_t building_id : scope) {
    BuildingReads line;
    line.building_id = building_id;
    if (auto found = buildings.find(building_id); found != buildings.end()) {
      line.building_name = found->second.name;
      line.households = found->second.households;
    }
    if (auto found = read.find(building_id); found != read.end()) {
      line.households_read = found->second.first;
      line.residents_read = found->second.second;
    }
    figures.households += line.households;
    figures.households_read += line.households_read;
    figures.residents_read += line.residents_read;
    figures.buildings.push_back(std::move(line));
  }
  std::sort(figures.buildings.begin(), figures.buildings.end(),
            [](const BuildingReads& a, const BuildingReads& b) {
              return text::natural_less(a.building_name, b.building_name);
            });
  return figures;
}

}  // namespace gz::announcements
