// Warnings and improvement tasks; see warnings.hpp.
#include "modules/warnings/warnings.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <cmath>
#include <stdexcept>

#include "core/clock.hpp"
#include "core/pii.hpp"
#include "modules/accounts/accounts.hpp"
#include "modules/audit/audit.hpp"
#include "modules/indicators/indicators.hpp"
#include "modules/notifications/notifications.hpp"
#include "modules/participation/participation.hpp"
#include "modules/registry/permissions.hpp"
#include "modules/registry/registry.hpp"
#include "modules/requests/requests.hpp"
#include "modules/transparency/transparency.hpp"
#include "modules/warnings/permissions.hpp"
#include "storage/transact.hpp"

namespace gz::warnings {
namespace {

Result<void> community_visible(storage::Connection& db, const Actor& actor,
                               std::int64_t community_id) {
  return registry::require_member(db, actor, community_id);
}

// The last day of a quarter, YYYY-MM-DD.
std::string quarter_last_day(const std::string& quarter) {
  int year = std::stoi(quarter.substr(0, 4));
  unsigned last_month = static_cast<unsigned>((quarter[5] - '0') * 3);
  std::int64_t next_first =
      last_month == 12 ? days_from_civil(year + 1, 1, 1) : days_from_civil(year, last_month + 1, 1);
  int y = 0;
  unsigned m = 0, d = 0;
  civil_from_days(next_first - 1, y, m, d);
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", y, m, d);
  return text;
}

// Inserts the warning unless its subject is on record; true when this call raised it.
bool raise(storage::Connection& db, std::int64_t community_id, Kind kind,
           const std::string& subject, const boost::json::object& evidence, std::int64_t now_ms) {
  std::string evidence_json = boost::json::serialize(evidence);
  bool raised =
      db.execute(
          "INSERT INTO warnings (community_id, kind, subject, evidence, raised_ms, "
          "raised_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (community_id, kind, subject) "
          "DO NOTHING",
          {community_id, std::string(kind_name(kind)), subject, evidence_json, now_ms,
           format_iso8601(now_ms)}) == 1;
  if (raised) {
    audit::append(db, audit::system_actor(),
                  {community_id, "warning.raised", "warning", subject,
                   boost::json::object{{"kind", kind_name(kind)}, {"evidence", evidence}}});
    // Street supervisors and the community's staff hear of it.
    const Suggestion title = title_for(kind);
    const Suggestion suggestion = suggestion_for(kind);
    notifications::Event event;
    event.community_id = community_id;
    event.kind = "warning.raised";
    event.subject_type = "warning";
    event.subject_id = subject;
    event.data = {{"warning", kind_name(kind)},
                  {"title", title.zh},
                  {"title_en", title.en},
                  {"suggestion", suggestion.zh},
                  {"suggestion_en", suggestion.en}};
    event.recipients = accounts::community_users(db, community_id, {Role::street, Role::staff});
    notifications::record(db, event, now_ms);
  }
  return raised;
}

std::optional<indicators::Indicator> indicator_of(storage::Connection& db,
                                                  std::int64_t community_id,
                                                  const std::string& quarter,
                                                  const std::string& key, std::int64_t now_ms) {
  auto period = indicators::parse_period(quarter);
  if (!period) return std::nullopt;
  indicators::Scope scope;
  scope.community_id = community_id;
  auto report = indicators::load_indicators(db, audit::system_actor(), scope, *period, now_ms);
  if (!report) return std::nullopt;
  for (const auto& indicator : report->indicators) {
    if (indicator.key == key) return indicator;
  }
  return std::nullopt;
}

std::int64_t to_bp(double value) {
  return static_cast<std::int64_t>(std::llround(value * 10000));
}

int participation_falling(storage::Connection& db, std::int64_t community_id, std::int64_t now_ms) {
  int raised = 0;
  for (const auto& group : db.query("SELECT DISTINCT kind, channel FROM activities WHERE "
                                    "community_id = ? AND ends_ms <= ? AND status = 'approved' "
                                    "ORDER BY kind, channel",
                                    {community_id, now_ms})) {
    auto rows = db.query(
        "SELECT a.id, a.title, a.starts_ms, (SELECT COUNT(DISTINCT t.household_id) FROM "
        "activity_attendance t WHERE t.activity_id = a.id) FROM activities a WHERE "
        "a.community_id = ? AND a.kind = ? AND a.channel = ? AND a.ends_ms <= ? AND a.status = "
        "'approved' ORDER BY a.starts_ms DESC, a.id DESC LIMIT 4",
        {community_id, group.text(0), group.text(1), now_ms});
    std::reverse(rows.begin(), rows.end());
    std::vector<std::int64_t> counts;
    boost::json::array activities;
    for (const auto& row : rows) {
      counts.push_back(row.integer(3));
      activities.push_back(boost::json::object{{"activity_id", row.integer(0)},
                                               {"title", row.text(1)},
                                               {"date", format_date(row.integer(2))},
                                               {"households", row.integer(3)}});
    }
    if (!falling_run(counts)) continue;
    raised += raise(db, community_id, Kind::participation_falling,
                    "activities:" + group.text(0) + ":" + group.text(1) + ":" +
                        std::to_string(rows.back().integer(0)),
                    {{"kind", group.text(0)},
                     {"channel", group.text(1)},
                     {"activities", std::move(activities)}},
                    now_ms);
  }
  return raised;
}

int complaints_rising(storage::Connection& db, std::int64_t community_id, std::int64_t now_ms) {
  std::string last = quarter_after(quarter_of(now_ms), -1);
  std::vector<std::string> quarters{quarter_after(last, -2), quarter_after(last, -1), last};
  std::vector<double> rates;
  boost::json::array evidence;
  for (const auto& quarter : quarters) {
    auto complaint = indicator_of(db, community_id, quarter, "complaint_rate", now_ms);
    if (!complaint || !complaint->value) return 0;
    rates.push_back(*complaint->value);
    evidence.push_back(boost::json::object{{"quarter", quarter},
                                           {"complaints", std::llround(*complaint->numerator)},
                                           {"households", std::llround(*complaint->denominator)},
                                           {"rate", *complaint->value}});
  }
  if (!rising_run(rates)) return 0;
  return raise(db, community_id, Kind::complaints_rising, "complaints:" + last,
               {{"quarters", std::move(evidence)}}, now_ms)
             ? 1
             : 0;
}

int allocation_disputes(storage::Connection& db, std::int64_t community_id, std::int64_t now_ms) {
  int raised = 0;
  auto settings = transparency::load_settings(db, community_id);
  for (const auto& row : db.query("SELECT p.id, p.quarter FROM allocation_plans p JOIN "
                                  "plan_lifecycle l ON l.plan_id = p.id WHERE p.community_id = ? "
                                  "ORDER BY p.id",
                                  {community_id})) {
    transparency::PlanStatus status;
    status.plan_id = row.integer(0);
    status.community_id = community_id;
    auto threshold = transparency::objection_threshold(db, status, settings);
    if (!threshold.third_party_required) continue;
    raised +=
        raise(db, community_id, Kind::allocation_dispute, "plan:" + std::to_string(status.plan_id),
              {{"plan_id", status.plan_id},
               {"quarter", row.text(1)},
               {"objecting_households", threshold.objecting_households},
               {"households", threshold.households},
               {"threshold_bp", threshold.threshold_bp},
               {"third_party_recorded", threshold.third_party_recorded}},
              now_ms);
  }
  return raised;
}

int stalled_topics(storage::Connection& db, std::int64_t community_id, std::int64_t now_ms) {
  int raised = 0;
  for (const auto& row : db.query("SELECT id, title, state, meetings FROM proposals WHERE "
                                  "community_id = ? AND meetings >= ? ORDER BY id",
                                  {community_id, std::int64_t{participation::kStalledMeetings}})) {
    auto state = participation::parse_state(row.text(2));
    if (!state || !participation::is_stalled(*state, row.integer(3))) continue;
    raised += raise(db, community_id, Kind::stalled_topic, "proposal:" + row.text(0),
                    {{"proposal_id", row.integer(0)},
                     {"title", row.text(1)},
                     {"state", row.text(2)},
                     {"meetings", row.integer(3)}},
                    now_ms);
  }
  return raised;
}

int emergency_unsigned(storage::Connection& db, std::int64_t community_id, std::int64_t now_ms) {
  int raised = 0;
  for (const auto& spend : transparency::overdue_sign_offs(db, community_id, now_ms)) {
    raised += raise(db, community_id, Kind::emergency_unsigned,
                    "emergency:" + std::to_string(spend.spend_id),
                    {{"spend_id", spend.spend_id},
                     {"plan_id", spend.plan_id},
                     {"quarter", spend.quarter},
                     {"kind", spend.kind},
                     {"amount", spend.amount},
                     {"due_at", spend.due_at}},
                    now_ms);
  }
  return raised;
}

int platform_faults(storage::Connection& db, std::int64_t community_id, std::int64_t now_ms) {
  int raised = 0;
  for (const auto& row :
       db.query("SELECT id, kind, detail, created_at FROM platform_events WHERE ok = 0 AND "
                "community_id IN (0, ?) AND created_ms >= ? AND created_ms <= ? ORDER BY id",
                {community_id, now_ms - kFaultWindowMs, now_ms})) {
    raised += raise(db, community_id, Kind::platform_fault,
                    row.text(1) + ":" + std::to_string(row.integer(0)),
                    {{"event", row.text(1)}, {"detail", row.text(2)}, {"at", row.text(3)}}, now_ms);
  }
  return raised;
}

// The working-day calendar ends within kCalendarLookaheadDays: every community's staff hear
// of it (once per uncovered year), since their deadlines are the ones that become guesses.
// Raised by the hourly job (run_job), not by a community's evaluation.
int calendar_expiring(storage::Connection& db, std::int64_t community_id, std::int64_t now_ms) {
  auto calendar = requests::current_calendar(db);
  auto coverage = requests::calendar_coverage(*calendar, now_ms);
  if (coverage.ok) return 0;
  int year = 0;
  unsigned month = 0, day = 0;
  civil_from_days(coverage.covered_through_day.value_or(shanghai_day(now_ms) - 1) + 1, year, month,
                  day);
  boost::json::object evidence{{"days_ahead", coverage.days_ahead},
                               {"uncovered_year", year},
                               {"lookahead_days", requests::kCalendarLookaheadDays}};
  evidence["covered_through"] =
      coverage.covered_through_day
          ? boost::json::value(format_date(shanghai_midnight_ms(*coverage.covered_through_day)))
          : boost::json::value(nullptr);
  return raise(db, community_id, Kind::calendar_expiring, "calendar:" + std::to_string(year),
               evidence, now_ms)
             ? 1
             : 0;
}

// Opens the quarter's task when satisfaction fell below 85%, and settles the check of the
// previous quarter's task with this quarter's figure.
void improvements(storage::Connection& db, std::int64_t community_id, std::int64_t now_ms,
                  Evaluation& out) {
  std::string quarter = quarter_after(quarter_of(now_ms), -1);
  // Tasks on any other indicator (opened by hand, or from a warning) get the next quarter's
  // figure too, measured against the community's target for it.
  for (const auto& row : db.query(
           "SELECT DISTINCT indicator FROM improvement_tasks WHERE community_id = ? AND period = ? "
           "AND check_period IS NULL AND indicator <> 'satisfaction_rate'",
           {community_id, quarter_after(quarter, -1)})) {
    std::string key = row.text(0);
    auto figure = indicator_of(db, community_id, quarter, key, now_ms);
    if (!figure || !figure->value || figure->status == indicators::Status::no_data) continue;
    out.checks_recorded += static_cast<int>(db.execute(
        "UPDATE improvement_tasks SET check_period = ?, check_value_bp = ?, check_met = ?, "
        "updated_at = ? WHERE community_id = ? AND indicator = ? AND period = ? AND check_period "
        "IS NULL",
        {quarter, to_bp(*figure->value),
         std::int64_t{figure->status == indicators::Status::met ? 1 : 0}, format_iso8601(now_ms),
         community_id, key, quarter_after(quarter, -1)}));
  }
  auto satisfaction = indicator_of(db, community_id, quarter, "satisfaction_rate", now_ms);
  if (!satisfaction || !satisfaction->value) return;
  std::int64_t value_bp = to_bp(*satisfaction->value);
  if (value_bp < kSatisfactionFloorBp) {
    std::string title = "满意度 " + std::to_string(value_bp / 100) + "% 低于 85%（" + quarter +
                        "）：查找原因并制定改进计划";
    std::string now_text = format_iso8601(now_ms);
    if (db.execute("INSERT INTO improvement_tasks (community_id, indicator, period, title, "
                   "trigger_value_bp, target_bp, stage, due_on, automatic, created_at, "
                   "updated_at) VALUES (?, 'satisfaction_rate', ?, ?, ?, ?, 'plan', ?, 1, ?, ?) "
                   "ON CONFLICT (community_id, indicator, period) DO NOTHING",
                   {community_id, quarter, title, value_bp, kSatisfactionFloorBp,
                    quarter_last_day(quarter_after(quarter, 1)), now_text, now_text}) == 1) {
      ++out.improvements_opened;
      audit::append(
          db, audit::system_actor(),
          {community_id, "improvement.opened", "improvement_task", quarter,
           boost::json::object{{"indicator", "satisfaction_rate"}, {"value_bp", value_bp}}});
    }
  }
  out.checks_recorded += static_cast<int>(db.execute(
      "UPDATE improvement_tasks SET check_period = ?, check_value_bp = ?, check_met = ?, "
      "updated_at = ? WHERE community_id = ? AND indicator = 'satisfaction_rate' AND period = ? "
      "AND check_period IS NULL",
      {quarter, value_bp, std::int64_t{value_bp >= kSatisfactionFloorBp ? 1 : 0},
       format_iso8601(now_ms), community_id, quarter_after(quarter, -1)}));
}

constexpr const char* kWarningColumns =
    "SELECT id, community_id, kind, subject, evidence, raised_at, resolved_at, resolution FROM "
    "warnings ";

Warning warning_from(const storage::Row& row) {
  Warning out;
  out.id = row.integer(0);
  out.community_id = row.integer(1);
  out.kind = row.text(2);
  out.subject = row.text(3);
  out.evidence_json = row.text(4);
  out.raised_at = row.text(5);
  out.resolved_at = row.opt_text(6);
  out.resolution = row.opt_text(7);
  if (auto kind = parse_kind(out.kind)) {
    auto suggestion = suggestion_for(*kind);
    out.suggestion_zh = suggestion.zh;
    out.suggestion_en = suggestion.en;
  }
  return out;
}

constexpr const char* kImprovementColumns =
    "SELECT id, community_id, indicator, period, title, trigger_value_bp, target_bp, stage, "
    "owner_user_id, due_on, plan_note, do_note, check_note, act_note, check_period, "
    "check_value_bp, check_met, automatic, created_at, updated_at FROM improvement_tasks ";

Improvement improvement_from(const storage::Row& row) {
  Improvement out;
  out.id = row.integer(0);
  out.community_id = row.integer(1);
  out.indicator = row.text(2);
  out.period = row.text(3);
  out.title = row.text(4);
  out.trigger_value_bp = row.opt_integer(5);
  out.target_bp = row.opt_integer(6);
  out.stage = row.text(7);
  out.owner_user_id = row.opt_integer(8);
  out.due_on = row.text(9);
  out.plan_note = row.opt_text(10);
  out.do_note = row.opt_text(11);
  out.check_note = row.opt_text(12);
  out.act_note = row.opt_text(13);
  out.check_period = row.opt_text(14);
  out.check_value_bp = row.opt_integer(15);
  if (auto met = row.opt_integer(16)) out.check_met = *met != 0;
  out.automatic = row.integer(17) != 0;
  out.created_at = row.text(18);
  out.updated_at = row.text(19);
  return out;
}

// Staff or a guide of the community (an improvement task's owner).
bool is_owner_candidate(storage::Connection& db, std::int64_t user_id, std::int64_t community_id) {
  return db
      .query_one(
          "SELECT u.id FROM users u WHERE u.id = ? AND u.role IN ('staff', 'guide') AND "
          "u.disabled = 0 AND (u.community_id = ? OR EXISTS (SELECT 1 FROM "
          "user_communities c WHERE c.user_id = u.id AND c.community_id = ?))",
          {user_id, community_id, community_id})
      .has_value();
}

bool valid_quarter(const std::string& quarter) {
  return Quarter::parse(quarter).has_value();
}

bool valid_day(const std::string& text) {
  int year = 0;
  unsigned month = 0, day = 0;
  return parse_date(text, year, month, day);
}

}  // namespace

Evaluation evaluate(storage::Connection& db, std::int64_t community_id, std::int64_t now_ms) {
  Evaluation out;
  storage::with_transaction(db, storage::TxMode::write, [&] {
    out = Evaluation{};
    out.raised += participation_falling(db, community_id, now_ms);
    out.raised += complaints_rising(db, community_id, now_ms);
    out.raised += allocation_disputes(db, community_id, now_ms);
    out.raised += stalled_topics(db, community_id, now_ms);
    out.raised += platform_faults(db, community_id, now_ms);
    out.raised += emergency_unsigned(db, community_id, now_ms);
    improvements(db, community_id, now_ms, out);
  });
  return out;
}

Result<Evaluation> evaluate_now(storage::Connection& db, const Actor& actor,
                                std::int64_t community_id, std::int64_t now_ms) {
  GZ_TRY(community_visible(db, actor, community_id));
  if (!may_manage(actor, community_id)) return forbidden("only community staff run the evaluation");
  return evaluate(db, community_id, now_ms);
}

void record_platform_event(storage::Connection& db, std::int64_t community_id,
                           const std::string& kind, bool ok, const std::string& detail,
                           std::int64_t now_ms) {
  db.execute(
      "INSERT INTO platform_events (community_id, kind, ok, detail, created_ms, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      {community_id, kind, std::int64_t{ok ? 1 : 0}, detail.substr(0, 2000), now_ms,
       format_iso8601(now_ms)});
}

int run_job(storage::Connection& db, std::int64_t now_ms) {
  if (!db.query_one("SELECT id FROM platform_events WHERE kind = 'ledger_verify' AND created_ms "
                    ">= ?",
                    {now_ms - kDayMs})) {
    auto verified = audit::verify(db);
    record_platform_event(db, 0, "ledger_verify", verified.ok,
                          verified.ok ? "checked " + std::to_string(verified.checked) + " entries"
                                      : "the audit chain does not verify",
                          now_ms);
  }
  int raised = 0;
  for (const auto& row : db.query("SELECT id FROM communities ORDER BY id")) {
    raised += evaluate(db, row.integer(0), now_ms).raised;
    // A fact of the platform, not of the community's figures: the job's, not evaluate()'s.
    raised += calendar_expiring(db, row.integer(0), now_ms);
  }
  return raised;
}

Result<std::vector<Warning>> list_warnings(storage::Connection& db, const Actor& actor,
                                           std::int64_t community_id, const std::string& state) {
  GZ_TRY(community_visible(db, actor, community_id));
  if (!may_read(actor, community_id)) return forbidden("residents do not read warnings");
  std::string filter;
  if (state == "open") {
    filter = " AND resolved_at IS NULL";
  } else if (state == "resolved") {
    filter = " AND resolved_at IS NOT NULL";
  } else if (state != "all") {
    return bad_request("invalid_query", "state is open, resolved or all");
  }
  const pii::Reader reader = registry::permissions::personal_data_reader(actor, community_id);
  std::vector<Warning> out;
  for (const auto& row : db.query(std::string(kWarningColumns) + "WHERE community_id = ?" + filter +
                                      " ORDER BY id DESC LIMIT 500",
                                  {community_id})) {
    out.push_back(warning_from(row));
    out.back().resolution = pii::text_for(reader, out.back().resolution);
  }
  return out;
}

Result<Warning> resolve_warning(storage::Connection& db, const Actor& actor,
                                std::int64_t warning_id, const std::string& resolution,
                                std::int64_t now_ms) {
  if (resolution.empty() || resolution.size() > 2000) {
    return bad_request("invalid_field", "resolution must be 1-2000 bytes");
  }
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Warning> {
    auto row = db.query_one(std::string(kWarningColumns) + "WHERE id = ?", {warning_id});
    if (!row || !is_member(actor, row->integer(1))) {
      return not_found("no warning " + std::to_string(warning_id));
    }
    auto warning = warning_from(*row);
    if (!may_manage(actor, warning.community_id)) return forbidden("only staff resolve warnings");
    std::string at = format_iso8601(now_ms);
    if (db.execute("UPDATE warnings SET resolved_at = ?, resolved_by_user_id = ?, resolution = ? "
                   "WHERE id = ? AND resolved_at IS NULL",
                   {at, actor.user_id, resolution, warning_id}) != 1) {
      return conflict("already_resolved", "this warning has been resolved");
    }
    audit::append(db, actor,
                  {warning.community_id, "warning.resolved", "warning", std::to_string(warning_id),
                   boost::json::object{{"resolution", resolution}}});
    warning.resolved_at = at;
    warning.resolution = resolution;
    return warning;
  });
}

Result<std::vector<Improvement>> list_improvements(storage::Connection& db, const Actor& actor,
                                                   std::int64_t community_id) {
  GZ_TRY(community_visible(db, actor, community_id));
  if (!may_read(actor, community_id)) return forbidden("residents do not read improvement tasks");
  // Guides and street users (and the reports they read) get staff's words masked.
  const pii::Reader reader = registry::permissions::personal_data_reader(actor, community_id);
  std::vector<Improvement> out;
  for (const auto& row : db.query(
           std::string(kImprovementColumns) + "WHERE community_id = ? ORDER BY id DESC LIMIT 500",
           {community_id})) {
    Improvement task = improvement_from(row);
    task.title = pii::text_for(reader, task.title);
    // The owner by name: guides read the board and may not list users.
    if (task.owner_user_id) {
      if (auto owner = accounts::find_user(db, *task.owner_user_id)) {
        task.owner_name = owner->display_name.empty() ? owner->username : owner->display_name;
      }
    }
    for (auto* note : {&task.plan_note, &task.do_note, &task.check_note, &task.act_note}) {
      *note = pii::text_for(reader, *note);
    }
    out.push_back(std::move(task));
  }
  return out;
}

Result<Improvement> open_improvement(storage::Connection& db, const Actor& actor,
                                     const ImprovementInput& input, std::int64_t now_ms) {
  if (input.indicator.empty() || input.indicator.size() > 60) {
    return bad_request("invalid_field", "indicator must be 1-60 bytes");
  }
  if (!valid_quarter(input.period)) return bad_request("invalid_period", "period is like 2026Q3");
  if (input.title.empty() || input.title.size() > 500) {
    return bad_request("invalid_field", "title must be 1-500 bytes");
  }
  if (!valid_day(input.due_on)) return bad_request("invalid_date", "due_on is YYYY-MM-DD");
  GZ_TRY(community_visible(db, actor, input.community_id));
  if (!may_manage(actor, input.community_id)) return forbidden("only staff open improvement tasks");
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Improvement> {
    if (input.owner_user_id && !is_owner_candidate(db, *input.owner_user_id, input.community_id)) {
      return bad_request("unknown_owner", "the owner must be staff or a guide of the community");
    }
    std::string now_text = format_iso8601(now_ms);
    if (db.execute("INSERT INTO improvement_tasks (community_id, indicator, period, title, stage, "
                   "owner_user_id, due_on, automatic, created_at, updated_at) VALUES (?, ?, ?, "
                   "?, 'plan', ?, ?, 0, ?, ?) ON CONFLICT (community_id, indicator, period) DO "
                   "NOTHING",
                   {input.community_id, input.indicator, input.period, input.title,
                    storage::opt_int(input.owner_user_id), input.due_on, now_text, now_text}) !=
        1) {
      return conflict("improvement_exists", "this indicator and period have their task");
    }
    auto row = db.query_one(std::string(kImprovementColumns) +
                                "WHERE community_id = ? AND indicator = ? AND period = ?",
                            {input.community_id, input.indicator, input.period});
    auto task = improvement_from(*row);
    audit::append(
        db, actor,
        {input.community_id, "improvement.opened", "improvement_task", std::to_string(task.id),
         boost::json::object{{"indicator", input.indicator}, {"period", input.period}}});
    return task;
  });
}

Result<Improvement> change_improvement(storage::Connection& db, const Actor& actor,
                                       std::int64_t improvement_id, const ImprovementChange& change,
                                       std::int64_t now_ms) {
  if (change.note && (change.note->empty() || change.note->size() > 4000)) {
    return bad_request("invalid_field", "note must be 1-4000 bytes");
  }
  if (change.due_on && !valid_day(*change.due_on)) {
    return bad_request("invalid_date", "due_on is YYYY-MM-DD");
  }
  if (change.stage && !change.note) {
    return bad_request("note_required", "a stage move records what was done");
  }
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Improvement> {
    auto row = db.query_one(std::string(kImprovementColumns) + "WHERE id = ?", {improvement_id});
    if (!row || !is_member(actor, row->integer(1))) {
      return not_found("no improvement task " + std::to_string(improvement_id));
    }
    auto task = improvement_from(*row);
    if (!may_manage(actor, task.community_id))
      return forbidden("only staff change improvement tasks");
    std::string now_text = format_iso8601(now_ms);
    boost::json::object detail;
    if (change.stage) {
      auto current = parse_stage(task.stage).value_or(Stage::plan);
      auto wanted = parse_stage(*change.stage);
      if (!wanted) return bad_request("invalid_stage", "stage is plan, do, check, act or closed");
      auto next = next_stage(current, *wanted, task.check_met.has_value());
      if (!next) return next.take_error();
      // The note belongs to the stage being finished.
      std::string column = std::string(stage_name(current)) + "_note";
      db.execute(
          "UPDATE improvement_tasks SET stage = ?, " + column +
              " = ?, updated_at = ? WHERE id = ? AND stage = ?",
          {std::string(stage_name(*next)), *change.note, now_text, improvement_id, task.stage});
      detail["from"] = task.stage;
      detail["to"] = stage_name(*next);
      detail["note"] = *change.note;
    }
    if (change.owner_user_id) {
      if (!is_owner_candidate(db, *change.owner_user_id, task.community_id)) {
        return bad_request("unknown_owner", "the owner must be staff or a guide of the community");
      }
      db.execute("UPDATE improvement_tasks SET owner_user_id = ?, updated_at = ? WHERE id = ?",
                 {*change.owner_user_id, now_text, improvement_id});
      detail["owner_user_id"] = *change.owner_user_id;
    }
    if (change.due_on) {
      db.execute("UPDATE improvement_tasks SET due_on = ?, updated_at = ? WHERE id = ?",
                 {*change.due_on, now_text, improvement_id});
      detail["due_on"] = *change.due_on;
    }
    audit::append(db, actor,
                  {task.community_id, "improvement.changed", "improvement_task",
                   std::to_string(improvement_id), std::move(detail)});
    return improvement_from(
        *db.query_one(std::string(kImprovementColumns) + "WHERE id = ?", {improvement_id}));
  });
}

int demo_improvement(storage::Connection& db, std::int64_t community_id, std::int64_t as_of_ms) {
  auto warning = db.query_one(
      "SELECT subject FROM warnings WHERE community_id = ? AND kind = 'complaints_rising' ORDER BY "
      "id DESC LIMIT 1",
      {community_id});
  if (!warning) return 0;
  std::string quarter = warning->text(0).substr(std::string("complaints:").size());
  const Actor system = audit::system_actor();
  ImprovementInput input{community_id,
                         "complaint_rate",
                         quarter,
                         "投诉率连续两个季度上升：加强指导员督导培训，重点排查噪音与物业类诉求",
                         quarter_last_day(quarter_after(quarter, 1)),
                         std::nullopt};
  if (auto guide = db.query_one("SELECT u.id FROM users u WHERE u.role = 'staff' AND "
                                "u.community_id = ? ORDER BY u.id LIMIT 1",
                                {community_id})) {
    input.owner_user_id = guide->integer(0);
  }
  auto task = open_improvement(db, system, input, as_of_ms - 20 * kDayMs);
  if (!task) return 0;
  ImprovementChange change;
  change.stage = "do";
  change.note =
      "计划：每月一次指导员案例督导；噪音诉求24小时内上门；物业类诉求与物业公司周例会对账";
  if (!change_improvement(db, system, task->id, change, as_of_ms - 12 * kDayMs)) {
    throw std::runtime_error("warnings demo: the improvement task did not move to 'do'");
  }
  return 1;
}

}  // namespace gz::warnings
