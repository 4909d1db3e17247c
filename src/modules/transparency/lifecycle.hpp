// The allocation-plan lifecycle (公示) as a pure state machine: which action moves a plan from
// which stage to which, who may take it, and the two rules that hold a plan in public notice
// (the notice period, and objections still waiting for a public answer). No database, no HTTP:
// transparency.cpp loads the facts, asks here, and stores the answer.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"

namespace gz::transparency {

enum class Stage {
  draft,
  public_notice,
  council_vote,
  professional_assessment,
  street_review,
  executing,
  closed,
  rejected,    // the street said no: final, kept public with its reason
  superseded,  // a returned plan replaced by its revision: final, kept public
};

std::string_view stage_name(Stage stage);
std::optional<Stage> parse_stage(std::string_view name);

// The minimum the rules allow; a community may only lengthen it.
constexpr std::int64_t kNoticeDaysMin = 7;
// Objections of one household on one plan that may await an answer at the same time.
constexpr std::int64_t kOpenObjectionsMax = 3;

// What the machine needs to know about the plan besides its stage.
struct NoticeFacts {
  std::optional<std::int64_t> notice_started_ms;  // set once the plan entered public notice
  std::int64_t now_ms = 0;
  std::int64_t notice_days = kNoticeDaysMin;
  std::int64_t unanswered_objections = 0;
  // Objections from more than the community's threshold share of households (default 5%)
  // require a third-party evaluation on record before the council vote.
  bool third_party_required = false;
  bool third_party_recorded = false;
  // A plan closes only with its final evaluation on record (the final accounts are computed
  // at closing from the spending records).
  bool final_evaluation_recorded = false;
  // submit_review needs a professional assessment on record that does not recommend
  // rejection (decisions.hpp).
  bool assessment_approves = false;
};

// Whether objecting households exceed the threshold, in basis points of all households
// (500 = 5%): objecting × 10000 > threshold_bp × households. Never with no objection.
bool needs_third_party(std::int64_t objecting_households, std::int64_t households,
                       std::int64_t threshold_bp);

// Actions, in order: publish (draft → public_notice; a returned draft again), open_vote
// (→ council_vote), submit_review (professional_assessment → street_review) and close
// (executing → closed) are staff's; approve (street_review → executing), return
// (street_review → draft) and reject (street_review → rejected) are the street's. Admins may
// take any. The council vote and the assessment move a plan by their records, through the
// internal actions council_passed (→ professional_assessment), council_failed (→ draft),
// assessment_rejected (→ draft) and supersede (a returned draft → superseded), which only
// `internal` callers may take. Errors: 400 unknown_action, 403 forbidden, 409
// invalid_transition, 409 notice_period_running, 409 objections_unanswered, 409
// third_party_evaluation_required (open_vote), 409 council_vote_required (the old assess),
// 409 assessment_missing (submit_review), 409 final_evaluation_missing (close).
Result<Stage> next_stage(Stage current, std::string_view action, Role role,
                         const NoticeFacts& facts, bool internal = false);

// Actions that send a plan back to draft or end it without execution: what the board lists
// as decisions, each with its reason.
bool is_refusal(std::string_view action);

// The one rule for when a public notice ends, which every reader of it (the lifecycle, the
// objection desk, the board, the printed notice, the web) takes from here: `notice_days`
// (never fewer than the legal minimum) whole 24-hour days after it started. Objections are
// taken before this instant; the plan may leave notice from it on.
std::int64_t notice_ends_ms(std::int64_t notice_started_ms, std::int64_t notice_days);
// Whether objections are taken at `now_ms`: before the notice ends.
bool notice_running(std::int64_t notice_started_ms, std::int64_t now_ms, std::int64_t notice_days);
// Days left until the notice ends, rounded up: the full length at its start, 1 in its last 24
// hours, 0 exactly when it has ended (so "0 days left" and "ended" never disagree).
std::int64_t notice_days_left(std::int64_t notice_started_ms, std::int64_t now_ms,
                              std::int64_t notice_days);

}  // namespace gz::transparency
