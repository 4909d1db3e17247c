// The use cases of the plan lifecycle (公示) and the public board: moving an allocation plan
// through its stages, residents' objections during public notice and staff's public answers,
// and the no-login read-outs (the notice list and /api/community-resources). The rules live in
// lifecycle.hpp; this file loads the facts, stores the outcome, and audits every write.
// A plan with no lifecycle row is a draft; drafts are never shown on the public board.
// This header is the module's contract: other modules include it (it brings the execution
// read-outs, execution.hpp; the decision records, decisions.hpp; the emergency reserve,
// reserve.hpp; the funding parties and pledges, funding.hpp), never the files behind it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/result.hpp"
#include "modules/audit/audit.hpp"
#include "modules/transparency/decisions.hpp"
#include "modules/transparency/execution.hpp"
#include "modules/transparency/funding.hpp"
#include "modules/transparency/lifecycle.hpp"
#include "modules/transparency/reserve.hpp"
#include "storage/database.hpp"

namespace gz::transparency {

// Spending records and objections as the audit chain records them
// (modules/audit/tracked.hpp); objection texts and answers as digests.
const audit::Tracked& spending_rows();
const audit::Tracked& objection_rows();

struct PlanEvent {
  std::int64_t id = 0;
  std::string action;
  std::string from_stage;
  std::string to_stage;
  std::string note;
  std::string created_at;
};

// Public by design: no household, no name, no user id.
struct Objection {
  std::int64_t id = 0;
  std::int64_t plan_id = 0;
  std::string text;
  std::string created_at;
  std::optional<std::string> answer;
  std::optional<std::string> answered_at;
};

struct PlanStatus {
  std::int64_t plan_id = 0;
  std::int64_t community_id = 0;
  std::string quarter;
  std::string unit;
  std::int64_t total = 0;
  Stage stage = Stage::draft;
  std::optional<std::int64_t> notice_started_ms;
  std::int64_t notice_days = kNoticeDaysMin;
  // Only while in public notice, all by lifecycle.hpp's one rule: days left (0 once ended),
  // when it ends, and whether objections are still taken (false from that instant on).
  std::optional<std::int64_t> notice_days_left;
  std::optional<std::int64_t> notice_ends_ms;
  bool objections_open = false;
  // Published once (it has a lifecycle): public from then on, even when sent back to draft.
  bool published = false;
  bool returned = false;  // a draft again after a return, a failing vote or assessment
  std::optional<std::int64_t> revises_plan_id;     // the returned or rejected plan it revises
  std::optional<std::int64_t> revised_by_plan_id;  // its revision, once published
};

// The plan if the actor may know of it (a member of its community, or an admin); 404 else.
Result<PlanStatus> visible_plan(storage::Connection& db, const Actor& actor, std::int64_t plan_id,
                                std::int64_t now_ms);
// Inside a write transaction: writes on one plan take turns (a row lock on PostgreSQL;
// SQLite's write transactions are serial already).
void lock_lifecycle(storage::Connection& db, std::int64_t plan_id);

// How many households objected against the community's threshold (execution.hpp settings).
struct ObjectionThreshold {
  std::int64_t objecting_households = 0;
  std::int64_t households = 0;
  std::int64_t threshold_bp = 500;
  bool third_party_required = false;
  bool third_party_recorded = false;
};
ObjectionThreshold objection_threshold(storage::Connection& db, const PlanStatus& status,
                                       const Settings& settings);

// Staff, street users of the plan's community and admins (roles per lifecycle.hpp); others of
// the community get 403, outsiders 404. Audited, and kept as a plan event. `revises_plan_id`
// with publish: this plan revises that one (same community, quarter and unit; returned or
// rejected, else 409 not_revisable), which a returned draft leaves as superseded.
Result<PlanStatus> transition(storage::Connection& db, const Actor& actor, std::int64_t plan_id,
                              const std::string& action, const std::string& note,
                              std::int64_t now_ms,
                              std::optional<std::int64_t> revises_plan_id = std::nullopt);

// A resident of the plan's community, while the plan is in public notice (409 not_in_notice).
Result<Objection> file_objection(storage::Connection& db, const Actor& actor, std::int64_t plan_id,
                                 const std::string& text, std::int64_t now_ms);

// Staff and admins of the plan's community; once per objection (409 already_answered).
// Several objections saying the same thing get one public answer at once (at most
// kAnswerBatchMax); all or none: 404 for an unknown one, 409 already_answered.
Result<std::vector<Objection>> answer_objections(storage::Connection& db, const Actor& actor,
                                                 std::int64_t plan_id,
                                                 const std::vector<std::int64_t>& objection_ids,
                                                 const std::string& answer, std::int64_t now_ms);
inline constexpr std::size_t kAnswerBatchMax = 500;
Result<Objection> answer_objection(storage::Connection& db, const Actor& actor,
                                   std::int64_t plan_id, std::int64_t objection_id,
                                   const std::string& answer, std::int64_t now_ms);

// No login: every plan of the community past draft, newest first, with its objections.
struct Notice {
  PlanStatus status;
  std::vector<Objection> objections;
};
Result<std::vector<Notice>> public_notices(storage::Connection& db, std::int64_t community_id,
                                           std::int64_t now_ms);

// No login: one plan past draft as the transparency board shows it — its status, live (or,
// once closed, final) progress and coverage, spending records, evaluations, answered
// objections, how many households objected against the threshold, satisfaction, and every
// lifecycle event. 404 for drafts and unknown plans.
struct PlanBoard {
  PlanStatus plan;
  Progress progress;
  std::vector<Spending> spending;  // newest first, at most 50
  std::vector<Evaluation> evaluations;
  std::vector<Objection> feedback;  // answered objections
  ObjectionThreshold objections;
  Satisfaction satisfaction;
  std::vector<PlanEvent> history;
  std::vector<CouncilVote> council_votes;
  std::vector<Assessment> assessments;
  std::vector<Decision> decisions;  // returns and rejections with their reasons
  std::optional<Revision> revision;
  Reserve emergency;
  PlanFunding funding;  // money plans: who funds each line, pledged against received
};
Result<PlanBoard> public_plan(storage::Connection& db, std::int64_t plan_id, std::int64_t now_ms);

// Every text on the board and in the notices — objections and answers, history notes,
// spending purposes and receipts, evaluations — is what anyone may read: pii::mask_text.
// No login: the community's current plan (the newest past draft) and every plan past draft.
struct CommunityResources {
  std::optional<PlanBoard> current;
  std::vector<PlanStatus> plans;  // newest first
};
Result<CommunityResources> community_resources(storage::Connection& db, std::int64_t community_id,
                                               std::int64_t now_ms);

// "1,234.50" from 123450 fen; whole units as they are. The notice page and the quarterly
// report print amounts with it.
std::string format_amount(std::int64_t amount, const std::string& unit);

}  // namespace gz::transparency
