// Visits, the household timeline and a guide's figures (casework.hpp).
#include "modules/casework/casework.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <set>

#include "core/pii.hpp"
#include "core/text.hpp"
#include "modules/accounts/accounts.hpp"
#include "modules/audit/audit.hpp"
#include "modules/casework/permissions.hpp"
#include "modules/needs/needs.hpp"
#include "modules/participation/participation.hpp"
#include "modules/points/points.hpp"
#include "modules/registry/permissions.hpp"
#include "modules/registry/registry.hpp"
#include "modules/requests/requests.hpp"
#include "storage/transact.hpp"

namespace gz::casework {
namespace {

constexpr std::int64_t kYearMs = 366 * kDayMs;
constexpr std::int64_t kAheadToleranceMs = 10 * kMinuteMs;
constexpr std::size_t kMaxNotes = 2000;
constexpr std::size_t kMaxNeeds = 10;

constexpr const char* kVisitColumns =
    "SELECT id, community_id, household_id, visitor_user_id, kind, visited_ms, notes, "
    "needs_found, follow_up_ms, created_ms FROM visits ";

std::vector<std::string> parse_needs(const std::string& json) {
  std::vector<std::string> needs;
  boost::system::error_code ec;
  auto value = boost::json::parse(json, ec);
  if (ec || !value.is_array()) return needs;
  for (const auto& item : value.as_array()) {
    if (item.is_string()) needs.emplace_back(item.as_string());
  }
  return needs;
}

std::string needs_json(const std::vector<std::string>& needs) {
  boost::json::array array;
  for (const auto& need : needs) array.emplace_back(need);
  return boost::json::serialize(array);
}

// Names and household labels looked up once per list through their owners' contracts.
class Labels {
 public:
  explicit Labels(storage::Connection& db) : db_(db) {}
  std::string user_name(std::int64_t user_id) {
    auto found = users_.find(user_id);
    if (found != users_.end()) return found->second;
    auto user = accounts::find_user(db_, user_id);
    std::string name = !user                        ? std::string()
                       : user->display_name.empty() ? user->username
                                                    : user->display_name;
    users_.emplace(user_id, name);
    return name;
  }
  const registry::HouseholdRef* household(std::int64_t household_id) {
    auto found = households_.find(household_id);
    if (found == households_.end()) {
      found = households_.emplace(household_id, registry::find_household(db_, household_id)).first;
    }
    return found->second ? &*found->second : nullptr;
  }

 private:
  storage::Connection& db_;
  std::map<std::int64_t, std::string> users_;
  std::map<std::int64_t, std::optional<registry::HouseholdRef>> households_;
};

Visit visit_from(const storage::Row& row, Labels& labels, pii::Reader reader) {
  Visit visit;
  visit.id = row.integer(0);
  visit.community_id = row.integer(1);
  visit.household_id = row.integer(2);
  visit.visitor_user_id = row.integer(3);
  visit.kind = row.text(4);
  visit.visited_ms = row.integer(5);
  visit.notes = pii::text_for(reader, row.text(6));
  visit.needs_found = parse_needs(row.text(7));
  if (!row.is_null(8)) visit.follow_up_ms = row.integer(8);
  visit.created_ms = row.integer(9);
  visit.visitor_name = labels.user_name(visit.visitor_user_id);
  if (const auto* household = labels.household(visit.household_id)) {
    visit.household_code = household->code;
    visit.household_address = household->address;
  }
  return visit;
}

Result<registry::HouseholdRef> known_household(storage::Connection& db, const Actor& actor,
                                               std::int64_t household_id) {
  auto household = registry::find_household(db, household_id);
  if (!household || !actor.belongs_to(household->community_id)) {
    return not_found("no household " + std::to_string(household_id));
  }
  return *household;
}

}  // namespace

bool is_visit_kind(std::string_view kind) {
  return kind == "home" || kind == "phone" || kind == "street";
}

Result<Visit> record_visit(storage::Connection& db, const Actor& actor, const NewVisit& input,
                           std::int64_t now_ms) {
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Visit> {
    GZ_ASSIGN_OR_RETURN(auto household, known_household(db, actor, input.household_id));
    if (!may_record_visit(actor, household.community_id)) {
      return forbidden("guides and staff record visits");
    }

    if (!is_visit_kind(input.kind)) {
      return bad_request("invalid_field", "kind must be home, phone or street");
    }
    std::string notes = text::trim(input.notes);
    if (notes.empty() || text::utf8_length(notes) > kMaxNotes) {
      return bad_request("invalid_field", "notes must be 1-2000 characters");
    }
    if (input.visited_ms > now_ms + kAheadToleranceMs || input.visited_ms < now_ms - kYearMs) {
      return bad_request("invalid_field", "visited_at must be within the last year, not ahead");
    }
    if (input.follow_up_ms && (*input.follow_up_ms < input.visited_ms ||
                               *input.follow_up_ms > input.visited_ms + kYearMs)) {
      return bad_request("invalid_field", "follow_up_at must be after the visit, within a year");
    }
    if (input.needs_found.size() > kMaxNeeds) {
      return bad_request("invalid_field", "at most 10 needs found");
    }
    registry::HouseholdFields needs_only;
    needs_only.needs = input.needs_found;
    GZ_TRY(registry::validate_household_fields(needs_only));
    std::vector<std::string> needs = input.needs_found;
    std::sort(needs.begin(), needs.end());
    needs.erase(std::unique(needs.begin(), needs.end()), needs.end());
    std::int64_t id =
        db.query_one(
              "INSERT INTO visits (community_id, household_id, visitor_user_id, kind, visited_ms, "
              "visited_at, notes, needs_found, follow_up_ms, created_ms, created_at) VALUES (?, "
              "?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
              {household.community_id, household.id, actor.user_id, input.kind, input.visited_ms,
               format_iso8601(input.visited_ms), notes, needs_json(needs),
               storage::opt_int(input.follow_up_ms), now_ms, format_iso8601(now_ms)})
            ->integer(0);
    // The audit keeps that a visit happened and what was found, not the notes' words.
    boost::json::array found;
    for (const auto& need : needs) found.emplace_back(need);
    audit::append(db, actor,
                  {household.community_id, "visit.record", "visit", std::to_string(id),
                   boost::json::object{{"household_id", household.id},
                                       {"kind", input.kind},
                                       {"visited_at", format_iso8601(input.visited_ms)},
                                       {"needs_found", std::move(found)}}});
    Labels labels(db);
    auto row = db.query_one(std::string(kVisitColumns) + "WHERE id = ?", {id});
    return visit_from(*row, labels,
                      registry::permissions::personal_data_reader(actor, household.community_id));
  });
}

Result<std::vector<Visit>> list_visits(storage::Connection& db, const Actor& actor,
                                       const VisitFilter& filter) {
  if (filter.limit < 1 || filter.limit > 500) {
    return bad_request("invalid_query", "limit must be 1-500");
  }
  std::string where = "WHERE 1 = 1";
  std::vector<storage::Value> params;
  std::optional<std::int64_t> community = filter.community_id;
  if (filter.household_id) {
    GZ_ASSIGN_OR_RETURN(auto household, known_household(db, actor, *filter.household_id));
    if (community && *community != household.community_id) return std::vector<Visit>{};
    community = household.community_id;
    where += " AND household_id = ?";
    params.emplace_back(household.id);
  }
  if (filter.visitor_user_id) {
    where += " AND visitor_user_id = ?";
    params.emplace_back(*filter.visitor_user_id);
  }
  if (!community) {
    // Without a household or community: the actor's own visits in their communities.
    if (filter.visitor_user_id != actor.user_id) {
      return bad_request("invalid_query", "community_id or household_id is required");
    }
  } else {
    if (!actor.belongs_to(*community))
      return not_found("no community " + std::to_string(*community));
    where += " AND community_id = ?";
    params.emplace_back(*community);
  }
  std::vector<std::int64_t> readable;
  if (community) {
    if (!may_read_casework(actor, *community)) return forbidden("guides and staff read visits");
  } else {
    for (std::int64_t id : actor.community_ids) {
      if (may_read_casework(actor, id)) readable.push_back(id);
    }
    if (readable.empty()) return forbidden("guides and staff read visits");
    where += " AND " + storage::in_list("community_id", readable, params);
  }
  if (filter.follow_up_before_ms) {
    // The latest visit of each household that asks for a follow-up by then.
    where +=
        " AND follow_up_ms IS NOT NULL AND follow_up_ms < ? AND NOT EXISTS (SELECT 1 FROM visits "
        "later WHERE later.household_id = visits.household_id AND (later.visited_ms > "
        "visits.visited_ms OR (later.visited_ms = visits.visited_ms AND later.id > visits.id)))";
    params.emplace_back(*filter.follow_up_before_ms);
  }
  params.emplace_back(filter.limit);
  std::string order = filter.follow_up_before_ms ? " ORDER BY follow_up_ms, id LIMIT ?"
                                                 : " ORDER BY visited_ms DESC, id DESC LIMIT ?";
  Labels labels(db);
  std::vector<Visit> visits;
  for (const auto& row : db.query(std::string(kVisitColumns) + where + order, params)) {
    std::int64_t community_id = row.integer(1);
    visits.push_back(
        visit_from(row, labels, registry::permissions::personal_data_reader(actor, community_id)));
  }
  return visits;
}

Result<std::vector<HistoryItem>> household_timeline(storage::Connection& db, const Actor& actor,
                                                    std::int64_t household_id, std::int64_t limit) {
  if (limit < 1 || limit > 500) return bad_request("invalid_query", "limit must be 1-500");
  GZ_ASSIGN_OR_RETURN(auto household, known_household(db, actor, household_id));
  if (!may_read_casework(actor, household.community_id)) {
    return forbidden("guides and staff read a household's timeline");
  }
  std::vector<HistoryItem> items = requests::household_history(db, household_id, limit);
  auto add = [&](std::vector<HistoryItem> more) {
    items.insert(items.end(), std::make_move_iterator(more.begin()),
                 std::make_move_iterator(more.end()));
  };
  add(needs::household_history(db, household_id, limit));
  add(participation::household_history(db, household_id, limit));
  add(points::household_history(db, household_id, limit));
  pii::Reader reader = registry::permissions::personal_data_reader(actor, household.community_id);
  VisitFilter visits_of;
  visits_of.household_id = household_id;
  visits_of.limit = std::min<std::int64_t>(limit, 500);
  GZ_ASSIGN_OR_RETURN(auto visits, list_visits(db, actor, visits_of));
  for (const auto& visit : visits) {
    HistoryItem item;
    item.at_ms = visit.visited_ms;
    item.kind = "visit." + visit.kind;
    item.title = visit.visitor_name;
    item.ref_id = visit.id;
    item.note = visit.notes;
    items.push_back(std::move(item));
  }
  for (auto& item : items) item.note = pii::text_for(reader, item.note);
  std::stable_sort(items.begin(), items.end(), [](const HistoryItem& a, const HistoryItem& b) {
    if (a.at_ms != b.at_ms) return a.at_ms > b.at_ms;
    return a.kind < b.kind;
  });
  if (items.size() > static_cast<std::size_t>(limit)) items.resize(static_cast<std::size_t>(limit));
  return items;
}

Result<GuideFigures> guide_figures(storage::Connection& db, const Actor& actor,
                                   std::int64_t guide_user_id, std::int64_t community_id,
                                   const Period& period, std::int64_t now_ms) {
  if (!actor.belongs_to(community_id)) {
    return not_found("no community " + std::to_string(community_id));
  }
  if (!may_read_figures(actor, community_id, guide_user_id)) {
    return forbidden("a guide reads their own figures");
  }
  auto guide = accounts::find_user(db, guide_user_id);
  bool caseworker = guide && (guide->role == Role::guide || guide->role == Role::staff) &&
                    std::find(guide->community_ids.begin(), guide->community_ids.end(),
                              community_id) != guide->community_ids.end();
  if (!caseworker) return not_found("no guide " + std::to_string(guide_user_id));

  GuideFigures figures;
  figures.guide_user_id = guide_user_id;
  figures.guide_name = guide->display_name.empty() ? guide->username : guide->display_name;
  figures.community_id = community_id;
  figures.period = period.label;

  // The guide's households (registry), and which of them are silent needy (needs), read as
  // the system: the figures are the guide's, whoever asks.
  Actor system = audit::system_actor();
  registry::HouseholdFilter mine;
  mine.community_id = community_id;
  mine.guide_user_id = guide_user_id;
  mine.page_size = 500;
  std::set<std::int64_t> in_charge;
  for (std::int64_t page = 1;; ++page) {
    mine.page = page;
    GZ_ASSIGN_OR_RETURN(auto listed, registry::list_households(db, system, mine));
    for (const auto& household : listed.items) in_charge.insert(household.id);
    if (listed.items.empty() || page * mine.page_size >= listed.total) break;
  }
  figures.households_in_charge = static_cast<std::int64_t>(in_charge.size());
  std::set<std::int64_t> silent;
  GZ_ASSIGN_OR_RETURN(auto needs, needs::community_needs(db, system, community_id));
  for (const auto& household : needs.households) {
    if (in_charge.count(household.household_id) && needs::is_silent(household)) {
      silent.insert(household.household_id);
    }
  }
  figures.silent_in_charge = static_cast<std::int64_t>(silent.size());

  std::set<std::int64_t> visited;
  for (const auto& row :
       db.query("SELECT household_id FROM visits WHERE community_id = ? AND visitor_user_id = ? "
                "AND visited_ms >= ? AND visited_ms < ?",
                {community_id, guide_user_id, period.from_ms, period.to_ms})) {
    ++figures.visits;
    visited.insert(row.integer(0));
  }
  figures.households_visited = static_cast<std::int64_t>(visited.size());
  for (std::int64_t id : silent) figures.silent_reached += visited.count(id) ? 1 : 0;
  figures.follow_ups_due = db.query_int(
      "SELECT COUNT(*) FROM visits WHERE community_id = ? AND visitor_user_id = ? AND "
      "follow_up_ms IS NOT NULL AND follow_up_ms < ? AND NOT EXISTS (SELECT 1 FROM visits later "
      "WHERE later.household_id = visits.household_id AND (later.visited_ms > visits.visited_ms "
      "OR (later.visited_ms = visits.visited_ms AND later.id > visits.id)))",
      {community_id, guide_user_id, shanghai_midnight_ms(shanghai_day(now_ms) + 1)});
  auto handled = requests::handler_figures(db, guide_user_id, period.from_ms, period.to_ms, now_ms);
  figures.requests_resolved = handled.resolved;
  figures.requests_resolved_on_time = handled.resolved_on_time;
  figures.requests_open = handled.open;
  figures.requests_open_overdue = handled.open_overdue;
  return figures;
}

}  // namespace gz::casework
