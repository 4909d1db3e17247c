// Resident-leader use cases; see leaders.hpp.
#include "modules/civic/leaders.hpp"

#include <boost/json.hpp>
#include <set>

#include "core/clock.hpp"
#include "core/text.hpp"
#include "modules/audit/audit.hpp"
#include "modules/civic/permissions.hpp"
#include "modules/registry/registry.hpp"
#include "storage/transact.hpp"

namespace gz::civic {
namespace {

Result<void> visible_community(storage::Connection& db, const Actor& actor,
                               std::int64_t community_id) {
  return registry::require_member(db, actor, community_id);
}

Result<void> check_text(const std::string& text, const char* field, std::size_t max_chars) {
  if (text.empty() || text::utf8_length(text) > max_chars) {
    return bad_request("invalid_field", std::string("field '") + field + "' must be 1 to " +
                                            std::to_string(max_chars) + " characters");
  }
  return {};
}

Result<void> check_date(const std::string& date, const char* field) {
  if (!is_date(date)) {
    return bad_request("invalid_date", std::string("field '") + field + "' must be YYYY-MM-DD");
  }
  return {};
}

constexpr const char* kLeaderColumns =
    "SELECT l.id, l.community_id, l.resident_id, r.name, l.since_on, l.until_on, l.area, "
    "(SELECT COUNT(*) FROM leader_completions c WHERE c.resident_id = l.resident_id), "
    "(SELECT COALESCE(SUM(m.hours), 0) FROM leader_completions c JOIN leader_modules m ON m.id "
    "= c.module_id WHERE c.resident_id = l.resident_id) FROM resident_leaders l JOIN residents "
    "r ON r.id = l.resident_id ";

Leader leader_from(const storage::Row& row) {
  return {row.integer(0),  row.integer(1), row.integer(2), row.text(3),   row.text(4),
          row.opt_text(5), row.text(6),    row.integer(7), row.integer(8)};
}

template <typename Work>
auto unique_or(storage::Connection& db, const char* code, const char* message, Work&& work)
    -> decltype(work()) {
  try {
    return storage::transact(db, storage::TxMode::write, work);
  } catch (const storage::DbError& error) {
    if (error.kind() != storage::DbErrorKind::unique_violation) throw;
    return conflict(code, message);
  }
}

}  // namespace

Result<TrainingModule> add_module(storage::Connection& db, const Actor& actor,
                                  std::int64_t community_id, const std::string& title,
                                  std::int64_t hours, std::int64_t now_ms) {
  GZ_TRY(visible_community(db, actor, community_id));
  if (!may_administer(actor)) return forbidden("only staff add training modules");
  GZ_TRY(check_text(title, "title", 100));
  if (hours < 1 || hours > 200) return bad_request("invalid_field", "hours must be 1 to 200");
  return unique_or(
      db, "duplicate_module", "the community has a module with this title",
      [&]() -> Result<TrainingModule> {
        if (db.query_one("SELECT id FROM leader_modules WHERE community_id = ? AND title = ?",
                         {community_id, title})) {
          return conflict("duplicate_module", "the community has a module with this title");
        }
        TrainingModule module{0, community_id, title, hours, 0};
        module.id = db.query_one(
                          "INSERT INTO leader_modules (community_id, title, hours, "
                          "created_at) VALUES (?, ?, ?, ?) RETURNING id",
                          {community_id, title, hours, format_iso8601(now_ms)})
                        ->integer(0);
        audit::append(db, actor,
                      {community_id, "leader.module", "leader_module", std::to_string(module.id),
                       boost::json::object{{"title", title}, {"hours", hours}}});
        return module;
      });
}

Result<std::vector<TrainingModule>> list_modules(storage::Connection& db, const Actor& actor,
                                                 std::int64_t community_id) {
  GZ_TRY(visible_community(db, actor, community_id));
  std::vector<TrainingModule> out;
  for (const auto& row : db.query("SELECT m.id, m.community_id, m.title, m.hours, (SELECT "
                                  "COUNT(*) FROM leader_completions c WHERE c.module_id = m.id) "
                                  "FROM leader_modules m WHERE m.community_id = ? ORDER BY m.id",
                                  {community_id})) {
    out.push_back({row.integer(0), row.integer(1), row.text(2), row.integer(3), row.integer(4)});
  }
  return out;
}

Result<Completion> record_completion(storage::Connection& db, const Actor& actor,
                                     std::int64_t module_id, std::int64_t resident_id,
                                     const std::string& completed_on, std::int64_t now_ms) {
  GZ_TRY(check_date(completed_on, "completed_on"));
  auto module = db.query_one("SELECT community_id FROM leader_modules WHERE id = ?", {module_id});
  if (!module || !in_community(actor, module->integer(0))) {
    return not_found("no training module " + std::to_string(module_id));
  }
  std::int64_t community_id = module->integer(0);
  if (!may_run_civic(actor)) return forbidden("only staff and guides record training");
  if (!db.query_one("SELECT id FROM residents WHERE id = ? AND community_id = ?",
                    {resident_id, community_id})) {
    return bad_request("unknown_resident", "resident " + std::to_string(resident_id) +
                                               " is not a resident of this community");
  }
  return unique_or(
      db, "already_completed", "this resident has completed this module",
      [&]() -> Result<Completion> {
        if (db.query_one("SELECT id FROM leader_completions WHERE module_id = ? AND "
                         "resident_id = ?",
                         {module_id, resident_id})) {
          return conflict("already_completed", "this resident has completed this module");
        }
        Completion completion{0, module_id, resident_id, completed_on};
        completion.id =
            db.query_one(
                  "INSERT INTO leader_completions (community_id, module_id, resident_id, "
                  "completed_on, recorded_by_user_id, created_at) VALUES (?, ?, ?, ?, ?, "
                  "?) RETURNING id",
                  {community_id, module_id, resident_id, completed_on, actor.user_id,
                   format_iso8601(now_ms)})
                ->integer(0);
        audit::append(
            db, actor,
            {community_id, "leader.completion", "leader_completion", std::to_string(completion.id),
             boost::json::object{{"module_id", module_id},
                                 {"resident_id", resident_id},
                                 {"completed_on", completed_on}}});
        return completion;
      });
}

Result<Leader> register_leader(storage::Connection& db, const Actor& actor,
                               std::int64_t resident_id, const std::string& since_on,
                               const std::string& area, std::int64_t now_ms) {
  GZ_TRY(check_date(since_on, "since"));
  GZ_TRY(check_text(area, "area", 100));
  auto resident = db.query_one("SELECT community_id FROM residents WHERE id = ?", {resident_id});
  if (!resident || !in_community(actor, resident->integer(0))) {
    return not_found("no resident " + std::to_string(resident_id));
  }
  std::int64_t community_id = resident->integer(0);
  if (!may_run_civic(actor)) return forbidden("only staff and guides keep the leader register");
  return unique_or(
      db, "already_leader", "this resident is in the leader register", [&]() -> Result<Leader> {
        if (db.query_one("SELECT id FROM resident_leaders WHERE community_id = ? AND "
                         "resident_id = ?",
                         {community_id, resident_id})) {
          return conflict("already_leader", "this resident is in the leader register");
        }
        auto id = db.query_one(
                        "INSERT INTO resident_leaders (community_id, resident_id, "
                        "since_on, area, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
                        {community_id, resident_id, since_on, area, format_iso8601(now_ms)})
                      ->integer(0);
        audit::append(db, actor,
                      {community_id, "leader.register", "resident_leader", std::to_string(id),
                       boost::json::object{
                           {"resident_id", resident_id}, {"since", since_on}, {"area", area}}});
        return leader_from(*db.query_one(std::string(kLeaderColumns) + "WHERE l.id = ?", {id}));
      });
}

Result<Leader> end_leader(storage::Connection& db, const Actor& actor, std::int64_t leader_id,
                          const std::string& until_on) {
  GZ_TRY(check_date(until_on, "until"));
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Leader> {
    auto row = db.query_one(std::string(kLeaderColumns) + "WHERE l.id = ?", {leader_id});
    if (!row || !in_community(actor, row->integer(1))) {
      return not_found("no leader " + std::to_string(leader_id));
    }
    auto leader = leader_from(*row);
    if (!may_run_civic(actor)) return forbidden("only staff and guides keep the leader register");
    if (until_on <= leader.since_on) {
      return bad_request("invalid_date", "until must be after the leader's since date");
    }
    if (db.execute("UPDATE resident_leaders SET until_on = ? WHERE id = ? AND until_on IS NULL",
                   {until_on, leader_id}) != 1) {
      return conflict("already_ended", "this leader has already stepped down");
    }
    audit::append(db, actor,
                  {leader.community_id, "leader.end", "resident_leader", std::to_string(leader_id),
                   boost::json::object{{"until", until_on}}});
    leader.until_on = until_on;
    return leader;
  });
}

Result<std::vector<Leader>> list_leaders(storage::Connection& db, const Actor& actor,
                                         std::int64_t community_id) {
  GZ_TRY(visible_community(db, actor, community_id));
  if (!may_read_civic(actor)) return forbidden("the leader register is for staff and guides");
  std::vector<Leader> out;
  for (const auto& row :
       db.query(std::string(kLeaderColumns) + "WHERE l.community_id = ? ORDER BY l.since_on, l.id",
                {community_id})) {
    out.push_back(leader_from(row));
  }
  return out;
}

Result<Organisation> add_organisation(storage::Connection& db, const Actor& actor,
                                      const Organisation& input, std::int64_t now_ms) {
  GZ_TRY(visible_community(db, actor, input.community_id));
  if (!may_run_civic(actor)) return forbidden("only staff and guides record self-organisations");
  GZ_TRY(check_text(input.name, "name", 100));
  GZ_TRY(check_date(input.founded_on, "founded_on"));
  static const std::set<std::string> kStatuses{"incubating", "active", "dormant", "dissolved"};
  if (!kStatuses.count(input.status)) {
    return bad_request("invalid_field", "status must be incubating, active, dormant or dissolved");
  }
  if (input.member_count < 1 || input.member_count > 10000) {
    return bad_request("invalid_field", "member_count must be 1 to 10000");
  }
  std::set<std::int64_t> distinct(input.leader_resident_ids.begin(),
                                  input.leader_resident_ids.end());
  if (input.leader_resident_ids.empty() || input.leader_resident_ids.size() > 5 ||
      distinct.size() != input.leader_resident_ids.size()) {
    return bad_request("invalid_field", "leader_resident_ids lists 1 to 5 different residents");
  }
  Organisation out = input;
  out.leader_names.clear();
  for (auto resident : input.leader_resident_ids) {
    auto row = db.query_one("SELECT name FROM residents WHERE id = ? AND community_id = ?",
                            {resident, input.community_id});
    if (!row) {
      return bad_request("unknown_resident", "resident " + std::to_string(resident) +
                                                 " is not a resident of this community");
    }
    out.leader_names.push_back(row->text(0));
  }
  boost::json::array leaders;
  for (auto resident : input.leader_resident_ids) leaders.push_back(resident);
  return unique_or(
      db, "duplicate_organisation", "the community has an organisation with this name",
      [&]() -> Result<Organisation> {
        if (db.query_one("SELECT id FROM self_organisations WHERE community_id = ? AND name = ?",
                         {input.community_id, input.name})) {
          return conflict("duplicate_organisation",
                          "the community has an organisation with this name");
        }
        out.id = db.query_one(
                       "INSERT INTO self_organisations (community_id, name, founded_on, "
                       "leader_resident_ids, member_count, status, created_at) VALUES (?, "
                       "?, ?, ?, ?, ?, ?) RETURNING id",
                       {input.community_id, input.name, input.founded_on,
                        boost::json::serialize(leaders), input.member_count, input.status,
                        format_iso8601(now_ms)})
                     ->integer(0);
        audit::append(
            db, actor,
            {input.community_id, "leader.organisation", "self_organisation", std::to_string(out.id),
             boost::json::object{{"name", input.name},
                                 {"founded_on", input.founded_on},
                                 {"leader_resident_ids", leaders},
                                 {"member_count", input.member_count},
                                 {"status", input.status}}});
        return out;
      });
}

Result<std::vector<Organisation>> list_organisations(storage::Connection& db, const Actor& actor,
                                                     std::int64_t community_id) {
  GZ_TRY(visible_community(db, actor, community_id));
  std::vector<Organisation> out;
  for (const auto& row :
       db.query("SELECT id, community_id, name, founded_on, leader_resident_ids, member_count, "
                "status FROM self_organisations WHERE community_id = ? ORDER BY founded_on, id",
                {community_id})) {
    Organisation organisation;
    organisation.id = row.integer(0);
    organisation.community_id = row.integer(1);
    organisation.name = row.text(2);
    organisation.founded_on = row.text(3);
    boost::system::error_code ec;
    auto leaders = boost::json::parse(row.text(4), ec);
    if (!ec && leaders.is_array()) {
      for (const auto& id : leaders.as_array()) {
        if (!id.is_int64()) continue;
        organisation.leader_resident_ids.push_back(id.get_int64());
        auto name = db.query_one("SELECT name FROM residents WHERE id = ?", {id.get_int64()});
        organisation.leader_names.push_back(name ? name->text(0) : "");
      }
    }
    organisation.member_count = row.integer(5);
    organisation.status = row.text(6);
    out.push_back(std::move(organisation));
  }
  return out;
}

LeaderGrowth leader_growth(storage::Connection& db, std::int64_t community_id,
                           const std::string& from, const std::string& to) {
  std::vector<LeaderSpan> spans;
  for (const auto& row : db.query(
           "SELECT since_on, until_on FROM resident_leaders WHERE community_id = ? AND since_on "
           "<= ?",
           {community_id, to})) {
    spans.push_back({row.text(0), row.opt_text(1)});
  }
  return leader_growth(spans, from, to);
}

Result<LeaderSummary> leader_summary(storage::Connection& db, const Actor& actor,
                                     std::int64_t community_id, const std::string& from,
                                     const std::string& to) {
  GZ_TRY(visible_community(db, actor, community_id));
  if (!may_read_civic(actor)) return forbidden("the leader summary is for staff and guides");
  if (!is_date(from) || !is_date(to) || from >= to) {
    return bad_request("invalid_query", "from and to are YYYY-MM-DD dates with from before to");
  }
  LeaderSummary out;
  out.community_id = community_id;
  out.growth = leader_growth(db, community_id, from, to);
  if (out.growth.annual_growth_rate) {
    out.meets_target = *out.growth.annual_growth_rate > kLeaderGrowthTarget;
  }
  auto trained = db.query_one(
      "SELECT COUNT(DISTINCT c.resident_id), COALESCE(SUM(m.hours), 0) FROM leader_completions "
      "c JOIN leader_modules m ON m.id = c.module_id WHERE c.community_id = ? AND "
      "c.completed_on > ? AND c.completed_on <= ?",
      {community_id, from, to});
  out.trained_residents = trained->integer(0);
  out.training_hours = trained->integer(1);
  out.organisations_founded = db.query_int(
      "SELECT COUNT(*) FROM self_organisations WHERE community_id = ? AND founded_on > ? AND "
      "founded_on <= ?",
      {community_id, from, to});
  out.organisations_active = db.query_int(
      "SELECT COUNT(*) FROM self_organisations WHERE community_id = ? AND status IN "
      "('incubating', 'active')",
      {community_id});
  return out;
}

}  // namespace gz::civic
