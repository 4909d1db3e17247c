// The plan lifecycle use cases and the public board; see transparency.hpp.
#include "modules/transparency/transparency.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <set>

#include "core/clock.hpp"
#include "core/pii.hpp"
#include "core/text.hpp"
#include "modules/audit/audit.hpp"
#include "modules/notifications/notifications.hpp"
#include "modules/registry/permissions.hpp"
#include "modules/registry/registry.hpp"
#include "modules/transparency/execution.hpp"
#include "modules/transparency/moves.hpp"
#include "modules/transparency/permissions.hpp"
#include "storage/transact.hpp"

namespace gz::transparency {
namespace {

constexpr const char* kStatusColumns =
    "SELECT p.id, p.community_id, p.quarter, p.unit, p.total, l.stage, l.notice_started_ms, "
    "l.notice_days, l.revises_plan_id, (SELECT MAX(r.plan_id) FROM plan_lifecycle r WHERE "
    "r.revises_plan_id = p.id) FROM allocation_plans p LEFT JOIN plan_lifecycle l ON l.plan_id = "
    "p.id ";

// The notice's countdown fields at `now_ms`, from lifecycle.hpp's one rule.
void set_notice_clock(PlanStatus& status, std::int64_t now_ms) {
  status.notice_days_left.reset();
  status.notice_ends_ms.reset();
  status.objections_open = false;
  if (status.stage != Stage::public_notice || !status.notice_started_ms) return;
  status.notice_days_left = notice_days_left(*status.notice_started_ms, now_ms, status.notice_days);
  status.notice_ends_ms = notice_ends_ms(*status.notice_started_ms, status.notice_days);
  status.objections_open = notice_running(*status.notice_started_ms, now_ms, status.notice_days);
}

PlanStatus status_from(const storage::Row& row, std::int64_t now_ms) {
  PlanStatus status;
  status.plan_id = row.integer(0);
  status.community_id = row.integer(1);
  status.quarter = row.text(2);
  status.unit = row.text(3);
  status.total = row.integer(4);
  if (!row.is_null(5)) status.stage = parse_stage(row.text(5)).value_or(Stage::draft);
  status.notice_started_ms = row.opt_integer(6);
  if (!row.is_null(7)) status.notice_days = row.integer(7);
  status.published = !row.is_null(5);
  status.returned = status.published && status.stage == Stage::draft;
  status.revises_plan_id = row.opt_integer(8);
  status.revised_by_plan_id = row.opt_integer(9);
  set_notice_clock(status, now_ms);
  return status;
}

std::optional<PlanStatus> load_status(storage::Connection& db, std::int64_t plan_id,
                                      std::int64_t now_ms) {
  auto row = db.query_one(std::string(kStatusColumns) + "WHERE p.id = ?", {plan_id});
  if (!row) return std::nullopt;
  return status_from(*row, now_ms);
}

}  // namespace

// The plan if the actor may know of it (a member of its community, or an admin).
Result<PlanStatus> visible_plan(storage::Connection& db, const Actor& actor, std::int64_t plan_id,
                                std::int64_t now_ms) {
  auto status = load_status(db, plan_id, now_ms);
  if (!status || !is_member(actor, status->community_id)) {
    return not_found("no plan " + std::to_string(plan_id));
  }
  return *status;
}

namespace {

constexpr const char* kObjectionColumns =
    "SELECT id, plan_id, body, created_at, answer, answered_at FROM plan_objections ";

Objection objection_from(const storage::Row& row) {
  return {row.integer(0), row.integer(1),  row.text(2),
          row.text(3),    row.opt_text(4), row.opt_text(5)};
}

void mask_for(pii::Reader reader, Objection& objection) {
  objection.text = pii::text_for(reader, objection.text);
  objection.answer = pii::text_for(reader, objection.answer);
}

std::vector<Objection> objections_of(storage::Connection& db, std::int64_t plan_id,
                                     bool answered_only) {
  std::vector<Objection> out;
  std::string sql = std::string(kObjectionColumns) + "WHERE plan_id = ?" +
                    (answered_only ? " AND answer IS NOT NULL" : "") + " ORDER BY id";
  for (const auto& row : db.query(sql, {plan_id})) out.push_back(objection_from(row));
  return out;
}

}  // namespace

// Transitions and objections on one plan take turns: each locks the plan's lifecycle row
// first, so an objection filed while the plan leaves notice is either counted by the
// transition or refused (not_in_notice). SQLite's write transactions are serial already.
void lock_lifecycle(storage::Connection& db, std::int64_t plan_id) {
  if (db.dialect() != storage::Dialect::postgresql) return;
  db.query("SELECT stage FROM plan_lifecycle WHERE plan_id = ? FOR UPDATE", {plan_id});
}

ObjectionThreshold objection_threshold(storage::Connection& db, const PlanStatus& status,
                                       const Settings& settings) {
  ObjectionThreshold out;
  out.threshold_bp = settings.objection_threshold_bp;
  out.objecting_households =
      db.query_int("SELECT COUNT(DISTINCT household_id) FROM plan_objections WHERE plan_id = ?",
                   {status.plan_id});
  out.households =
      db.query_int("SELECT COUNT(*) FROM households WHERE community_id = ?", {status.community_id});
  out.third_party_required =
      needs_third_party(out.objecting_households, out.households, out.threshold_bp);
  out.third_party_recorded =
      db.query_one("SELECT id FROM plan_evaluations WHERE plan_id = ? AND kind = 'third_party'",
                   {status.plan_id})
          .has_value();
  return out;
}

Result<void> move_plan(storage::Connection& db, const Actor& actor, PlanStatus& status,
                       const std::string& action, const std::string& note, std::int64_t now_ms,
                       bool internal) {
  std::int64_t plan_id = status.plan_id;
  NoticeFacts facts{status.notice_started_ms, now_ms, status.notice_days,
                    db.query_int("SELECT COUNT(*) FROM plan_objections WHERE plan_id = ? AND "
                                 "answer IS NULL",
                                 {plan_id})};
  auto settings = load_settings(db, status.community_id);
  auto threshold = objection_threshold(db, status, settings);
  facts.third_party_required = threshold.third_party_required;
  facts.third_party_recorded = threshold.third_party_recorded;
  facts.final_evaluation_recorded =
      db.query_one("SELECT id FROM plan_evaluations WHERE plan_id = ? AND kind = 'final'",
                   {plan_id})
          .has_value();
  facts.assessment_approves = assessment_approves(db, plan_id);
  auto next = next_stage(status.stage, action, actor.role, facts, internal);
  if (!next) return next.take_error();
  std::string from(stage_name(status.stage)), to(stage_name(*next));
  std::string now_text = format_iso8601(now_ms);
  if (!status.published) {
    // Unique plan_id: two concurrent publishes cannot both insert.
    db.execute(
        "INSERT INTO plan_lifecycle (plan_id, community_id, stage, notice_started_ms, "
        "notice_days, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
        {plan_id, status.community_id, to, now_ms, std::max(settings.notice_days, kNoticeDaysMin),
         now_text});
    status.notice_started_ms = now_ms;
    status.notice_days = std::max(settings.notice_days, kNoticeDaysMin);
    status.published = true;
  } else if (*next == Stage::public_notice) {
    // A returned plan published again: a new notice of the full length starts now.
    if (db.execute("UPDATE plan_lifecycle SET stage = ?, notice_started_ms = ?, notice_days = ?, "
                   "updated_at = ? WHERE plan_id = ? AND stage = ?",
                   {to, now_ms, std::max(settings.notice_days, kNoticeDaysMin), now_text, plan_id,
                    from}) != 1) {
      return conflict("invalid_transition", "the plan moved meanwhile; reload it");
    }
    status.notice_started_ms = now_ms;
    status.notice_days = std::max(settings.notice_days, kNoticeDaysMin);
  } else if (db.execute("UPDATE plan_lifecycle SET stage = ?, updated_at = ? WHERE plan_id = ? "
                        "AND stage = ?",
                        {to, now_text, plan_id, from}) != 1) {
    return conflict("invalid_transition", "the plan moved meanwhile; reload it");
  }
  std::string event_note = note;
  if (*next == Stage::executing) {
    freeze_targets(db, plan_id, status.community_id);
    // A line executes with its co-funding shortfall named (funding.hpp).
    if (status.unit == "fen" && has_funding_parties(db, status.community_id)) {
      std::string gaps;
      for (const auto& line : funding_of(db, plan_id).lines) {
        if (line.funded) continue;
        gaps += (gaps.empty() ? "" : "；") + line.category + " 缺口 " +
                format_amount(line.shortfall, "fen") + " 元";
      }
      if (!gaps.empty()) event_note += "（合作方资金未到位：" + gaps + "）";
    }
  }
  if (*next == Stage::closed) freeze_accounts(db, plan_id, status.community_id, now_ms);
  db.execute(
      "INSERT INTO plan_events (plan_id, community_id, action, from_stage, to_stage, note, "
      "user_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {plan_id, status.community_id, action, from, to, event_note, actor.user_id, now_text});
  audit::append(
      db, actor,
      {status.community_id, "plan.transition", "allocation_plan", std::to_string(plan_id),
       boost::json::object{{"action", action}, {"from", from}, {"to", to}, {"note", note}}});
  status.stage = *next;
  status.returned = status.stage == Stage::draft;
  set_notice_clock(status, now_ms);
  if (*next == Stage::public_notice) {
    // The whole community hears: its robots, and residents who asked for an SMS.
    notifications::Event event;
    event.community_id = status.community_id;
    event.kind = "plan.notice_started";
    event.subject_type = "allocation_plan";
    event.subject_id = std::to_string(plan_id);
    event.broadcast = true;
    event.data = {{"title", status.quarter + " 社区资源分配方案"},
                  {"quarter", status.quarter},
                  {"ends", format_date(status.notice_ends_ms.value_or(now_ms))}};
    notifications::record(db, event, now_ms);
  }
  return {};
}

Result<PlanStatus> transition(storage::Connection& db, const Actor& actor, std::int64_t plan_id,
                              const std::string& action, const std::string& note,
                              std::int64_t now_ms, std::optional<std::int64_t> revises_plan_id) {
  GZ_TRY(text::require_text(note, "note", 2000));
  if (revises_plan_id && action != "publish") {
    return bad_request("invalid_field", "revises_plan_id goes with the publish action");
  }
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<PlanStatus> {
    lock_lifecycle(db, plan_id);
    auto status = visible_plan(db, actor, plan_id, now_ms);
    if (!status) return status.take_error();
    std::optional<PlanStatus> revised;
    if (revises_plan_id) {
      lock_lifecycle(db, *revises_plan_id);
      auto old = load_status(db, *revises_plan_id, now_ms);
      if (!old || old->community_id != status->community_id) {
        return not_found("no plan " + std::to_string(*revises_plan_id));
      }
      if (old->plan_id == plan_id || old->quarter != status->quarter || old->unit != status->unit ||
          !(old->returned || old->stage == Stage::rejected) || old->revised_by_plan_id ||
          status->published) {
        return conflict("not_revisable",
                        "a new draft may revise a returned or rejected plan of the same quarter "
                        "and unit, once (只能修订同一季度被退回或否决的方案)");
      }
      revised = std::move(*old);
    }
    GZ_TRY(move_plan(db, actor, *status, action, note, now_ms, false));
    if (revised) {
      db.execute("UPDATE plan_lifecycle SET revises_plan_id = ? WHERE plan_id = ?",
                 {revised->plan_id, plan_id});
      status->revises_plan_id = revised->plan_id;
      if (revised->stage == Stage::draft) {
        GZ_TRY(move_plan(db, actor, *revised, "supersede",
                         "由修订后的方案取代（方案 " + std::to_string(plan_id) + "）", now_ms,
                         true));
      }
    }
    return *status;
  });
}

Result<Objection> file_objection(storage::Connection& db, const Actor& actor, std::int64_t plan_id,
                                 const std::string& text, std::int64_t now_ms) {
  GZ_TRY(text::require_text(text, "text", 2000));
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Objection> {
    lock_lifecycle(db, plan_id);
    auto status = visible_plan(db, actor, plan_id, now_ms);
    if (!status) return status.take_error();
    if (!may_object(actor, status->community_id)) {
      return forbidden("only residents of the community may object");
    }
    if (status->stage != Stage::public_notice) {
      return conflict("not_in_notice", "objections are taken only during public notice");
    }
    if (!status->objections_open) {
      return conflict("notice_ended", "the public notice ended at " +
                                          format_iso8601(status->notice_ends_ms.value_or(now_ms)) +
                                          "; objections are no longer taken");
    }
    // One household cannot hold a plan in notice with a flood of objections: at most
    // kOpenObjectionsMax await an answer at a time (the lifecycle lock makes the count exact).
    if (db.query_int("SELECT COUNT(*) FROM plan_objections WHERE plan_id = ? AND household_id = ? "
                     "AND answer IS NULL",
                     {plan_id, *actor.household_id}) >= kOpenObjectionsMax) {
      return make_error(ErrorKind::too_many_requests, "objection_limit",
                        "your household has " + std::to_string(kOpenObjectionsMax) +
                            " objections awaiting an answer on this plan; add to them once they "
                            "are answered (每户待答复的异议最多" +
                            std::to_string(kOpenObjectionsMax) + "条)");
    }
    Objection objection{0, plan_id, text, format_iso8601(now_ms), std::nullopt, std::nullopt};
    objection.id = db.query_one(
                         "INSERT INTO plan_objections (plan_id, community_id, household_id, "
                         "user_id, body, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                         {plan_id, status->community_id, *actor.household_id, actor.user_id, text,
                          objection.created_at})
                       ->integer(0);
    // The chain keeps who objected; the public board never shows it.
    audit::append(db, actor,
                  {status->community_id,
                   "plan.objection",
                   "plan_objection",
                   std::to_string(objection.id),
                   boost::json::object{{"plan_id", plan_id}, {"text", text}},
                   {{&objection_rows(), objection.id}}});
    mask_for(registry::permissions::personal_data_reader(actor, status->community_id), objection);
    return objection;
  });
}

Result<std::vector<Objection>> answer_objections(storage::Connection& db, const Actor& actor,
                                                 std::int64_t plan_id,
                                                 const std::vector<std::int64_t>& objection_ids,
                                                 const std::string& answer, std::int64_t now_ms) {
  GZ_TRY(text::require_text(answer, "answer", 4000));
  if (objection_ids.empty() || objection_ids.size() > kAnswerBatchMax) {
    return bad_request("invalid_field",
                       "objection_ids names 1-" + std::to_string(kAnswerBatchMax) + " objections");
  }
  std::set<std::int64_t> unique(objection_ids.begin(), objection_ids.end());
  if (unique.size() != objection_ids.size()) {
    return bad_request("invalid_field", "an objection is named twice");
  }
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<std::vector<Objection>> {
    auto status = visible_plan(db, actor, plan_id, now_ms);
    if (!status) return status.take_error();
    if (!may_manage(actor, status->community_id)) {
      return forbidden("only community staff answer objections");
    }
    std::string answered_at = format_iso8601(now_ms);
    std::vector<Objection> out;
    // All or none: a batch with an unknown or answered objection changes nothing.
    for (std::int64_t objection_id : objection_ids) {
      auto row = db.query_one(std::string(kObjectionColumns) + "WHERE id = ? AND plan_id = ?",
                              {objection_id, plan_id});
      if (!row) return not_found("no objection " + std::to_string(objection_id));
      if (db.execute("UPDATE plan_objections SET answer = ?, answered_by_user_id = ?, "
                     "answered_at = ? WHERE id = ? AND answer IS NULL",
                     {answer, actor.user_id, answered_at, objection_id}) != 1) {
        return conflict("already_answered",
                        "objection " + std::to_string(objection_id) + " has its answer");
      }
      audit::append(db, actor,
                    {status->community_id,
                     "plan.objection_answer",
                     "plan_objection",
                     std::to_string(objection_id),
                     boost::json::object{{"plan_id", plan_id}, {"answer", answer}},
                     {{&objection_rows(), objection_id}}});
      // The resident who objected hears the answer.
      if (auto author =
              db.query_one("SELECT user_id FROM plan_objections WHERE id = ?", {objection_id});
          author && author->opt_integer(0)) {
        notifications::Event event;
        event.community_id = status->community_id;
        event.kind = "objection.answered";
        event.subject_type = "plan_objection";
        event.subject_id = std::to_string(objection_id);
        event.recipients = {*author->opt_integer(0)};
        event.data = {{"title", status->quarter + " 社区资源分配方案"}, {"answer", answer}};
        notifications::record(db, event, now_ms);
      }
      auto objection = objection_from(*row);
      objection.answer = answer;
      objection.answered_at = answered_at;
      out.push_back(std::move(objection));
    }
    return out;
  });
}

Result<Objection> answer_objection(storage::Connection& db, const Actor& actor,
                                   std::int64_t plan_id, std::int64_t objection_id,
                                   const std::string& answer, std::int64_t now_ms) {
  auto answered = answer_objections(db, actor, plan_id, {objection_id}, answer, now_ms);
  if (!answered) return answered.take_error();
  return std::move(answered->front());
}

Result<std::vector<Notice>> public_notices(storage::Connection& db, std::int64_t community_id,
                                           std::int64_t now_ms) {
  if (!registry::community_exists(db, community_id)) {
    return not_found("no community " + std::to_string(community_id));
  }
  std::vector<Notice> notices;
  for (const auto& row :
       db.query(std::string(kStatusColumns) +
                    "WHERE p.community_id = ? AND l.stage IS NOT NULL ORDER BY p.id DESC",
                {community_id})) {
    Notice notice{status_from(row, now_ms), {}};
    notice.objections = objections_of(db, notice.status.plan_id, false);
    for (auto& objection : notice.objections) mask_for(pii::Reader::restricted, objection);
    notices.push_back(std::move(notice));
  }
  return notices;
}

Result<PlanBoard> public_plan(storage::Connection& db, std::int64_t plan_id, std::int64_t now_ms) {
  auto status = load_status(db, plan_id, now_ms);
  if (!status || !status->published) {
    return not_found("no public plan " + std::to_string(plan_id));
  }
  PlanBoard board;
  board.plan = *status;
  board.progress = progress_of(db, plan_id);
  board.spending = spending_of(db, plan_id, 50);
  board.evaluations = evaluations_of(db, plan_id);
  board.feedback = objections_of(db, plan_id, true);
  board.objections = objection_threshold(db, *status, load_settings(db, status->community_id));
  board.satisfaction = satisfaction_of(db, plan_id);
  for (const auto& event : db.query("SELECT id, action, from_stage, to_stage, note, created_at "
                                    "FROM plan_events WHERE plan_id = ? ORDER BY id",
                                    {plan_id})) {
    board.history.push_back({event.integer(0), event.text(1), event.text(2), event.text(3),
                             pii::mask_text(event.text(4)), event.text(5)});
  }
  board.council_votes = council_votes_of(db, plan_id);
  for (auto& vote : board.council_votes) {
    vote.minutes = pii::mask_text(vote.minutes);
    if (vote.reasons) vote.reasons = pii::mask_text(*vote.reasons);
  }
  board.assessments = assessments_of(db, plan_id);
  for (auto& assessment : board.assessments) {
    assessment.findings = pii::mask_text(assessment.findings);
    if (assessment.conditions) assessment.conditions = pii::mask_text(*assessment.conditions);
  }
  board.decisions = decisions_of(db, plan_id);
  for (auto& decision : board.decisions) decision.reason = pii::mask_text(decision.reason);
  board.revision = revision_of(db, *status);
  board.emergency = reserve_of(db, plan_id, now_ms);
  if (status->unit == "fen") board.funding = funding_of(db, plan_id);
  for (auto& spend : board.emergency.spends) {
    spend.reason = pii::mask_text(spend.reason);
    spend.receipt_ref = pii::mask_text(spend.receipt_ref);
    if (spend.sign_off_note) spend.sign_off_note = pii::mask_text(*spend.sign_off_note);
  }
  for (auto& record : board.spending) mask_for(pii::Reader::restricted, record);
  for (auto& evaluation : board.evaluations) mask_for(pii::Reader::restricted, evaluation);
  for (auto& objection : board.feedback) mask_for(pii::Reader::restricted, objection);
  return board;
}

Result<CommunityResources> community_resources(storage::Connection& db, std::int64_t community_id,
                                               std::int64_t now_ms) {
  if (!registry::community_exists(db, community_id)) {
    return not_found("no community " + std::to_string(community_id));
  }
  CommunityResources out;
  for (const auto& row :
       db.query(std::string(kStatusColumns) +
                    "WHERE p.community_id = ? AND l.stage IS NOT NULL ORDER BY p.id DESC",
                {community_id})) {
    out.plans.push_back(status_from(row, now_ms));
  }
  if (out.plans.empty()) return out;
  // The current plan is the newest one still alive: a rejected or superseded plan stays in
  // the list with its reasons, but the board leads with the plan the community runs.
  auto current = std::find_if(out.plans.begin(), out.plans.end(), [](const PlanStatus& plan) {
    return plan.stage != Stage::rejected && plan.stage != Stage::superseded;
  });
  if (current == out.plans.end()) current = out.plans.begin();
  auto board = public_plan(db, current->plan_id, now_ms);
  if (!board) return board.take_error();
  out.current = std::move(*board);
  return out;
}

}  // namespace gz::transparency
