// Risk warnings and improvement (PDCA) tasks on the stored histories (rules in rules.hpp):
// the evaluation a scheduled job runs for every community, the read-outs, and staff's
// handling. A warning is raised once per subject (UNIQUE community, kind, subject, inserted
// with ON CONFLICT DO NOTHING), so several server processes evaluating at once raise it once;
// the same holds for the automatic improvement task of a quarter.
//
// Subjects: participation_falling "activities:<kind>:<channel>:<latest activity id>";
// complaints_rising "complaints:<quarter>"; allocation_dispute "plan:<id>"; stalled_topic
// "proposal:<id>"; platform_fault "<event kind>:<event id>"; emergency_unsigned
// "emergency:<spend id>". The quarters evaluated are the
// complete ones before `now` (Asia/Shanghai).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/result.hpp"
#include "modules/warnings/rules.hpp"
#include "storage/database.hpp"

namespace gz::warnings {

struct Evaluation {
  int raised = 0;
  int improvements_opened = 0;
  int checks_recorded = 0;
};
// No permission check (the job, the demo); the route checks.
Evaluation evaluate(storage::Connection& db, std::int64_t community_id, std::int64_t now_ms);
// Staff and admins of the community: the evaluation now.
Result<Evaluation> evaluate_now(storage::Connection& db, const Actor& actor,
                                std::int64_t community_id, std::int64_t now_ms);

// The job: every community's evaluation, and a ledger verification when none is on record in
// the last 24 hours (its outcome kept as a platform event). Returns warnings raised.
int run_job(storage::Connection& db, std::int64_t now_ms);

// `gongzhi backup` and the verification record their outcome here.
void record_platform_event(storage::Connection& db, std::int64_t community_id,
                           const std::string& kind, bool ok, const std::string& detail,
                           std::int64_t now_ms);

struct Warning {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::string kind;
  std::string subject;
  std::string evidence_json;
  std::string suggestion_zh;
  std::string suggestion_en;
  std::string raised_at;
  std::optional<std::string> resolved_at;
  std::optional<std::string> resolution;
};
// Guides, staff, street users of the community and admins. state: open | resolved | all.
Result<std::vector<Warning>> list_warnings(storage::Connection& db, const Actor& actor,
                                           std::int64_t community_id, const std::string& state);
// Staff and admins; once (409 already_resolved).
Result<Warning> resolve_warning(storage::Connection& db, const Actor& actor,
                                std::int64_t warning_id, const std::string& resolution,
                                std::int64_t now_ms);

struct Improvement {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::string indicator;
  std::string period;
  std::string title;
  std::optional<std::int64_t> trigger_value_bp;
  std::optional<std::int64_t> target_bp;
  std::string stage;
  std::optional<std::int64_t> owner_user_id;
  std::optional<std::string> owner_name;  // filled by list_improvements
  std::string due_on;
  std::optional<std::string> plan_note, do_note, check_note, act_note;
  std::optional<std::string> check_period;
  std::optional<std::int64_t> check_value_bp;
  std::optional<bool> check_met;
  bool automatic = false;
  std::string created_at;
  std::string updated_at;
};
Result<std::vector<Improvement>> list_improvements(storage::Connection& db, const Actor& actor,
                                                   std::int64_t community_id);

struct ImprovementInput {
  std::int64_t community_id = 0;
  std::string indicator;
  std::string period;  // "2026Q3"
  std::string title;
  std::string due_on;  // YYYY-MM-DD
  std::optional<std::int64_t> owner_user_id;
};
// Staff and admins. 409 improvement_exists for the same indicator and period.
Result<Improvement> open_improvement(storage::Connection& db, const Actor& actor,
                                     const ImprovementInput& input, std::int64_t now_ms);

struct ImprovementChange {
  std::optional<std::string> stage;  // the next stage, with its note
  std::optional<std::string> note;
  std::optional<std::int64_t> owner_user_id;
  std::optional<std::string> due_on;
};
// Staff and admins. Errors: 409 invalid_stage, check_pending; 400 note_required (a stage move
// needs its note), unknown_owner (not staff or a guide of the community).
Result<Improvement> change_improvement(storage::Connection& db, const Actor& actor,
                                       std::int64_t improvement_id, const ImprovementChange& change,
                                       std::int64_t now_ms);

// The demo: when complaints rose, the task staff opened for it, moved from plan to do with
// its notes (as the system actor, backdated to the demo date). Returns tasks opened (0 or 1).
int demo_improvement(storage::Connection& db, std::int64_t community_id, std::int64_t as_of_ms);

}  // namespace gz::warnings
