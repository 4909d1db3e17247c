// The plan lifecycle state machine; see lifecycle.hpp.
#include "modules/transparency/lifecycle.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace gz::transparency {
namespace {

enum class Taker { staff, street };

struct Step {
  std::string_view action;
  Stage from;
  Stage to;
  Taker by;
  bool internal = false;  // taken by a record (a vote, an assessment), not by a request
};

constexpr std::array<Step, 11> kSteps{{
    {"publish", Stage::draft, Stage::public_notice, Taker::staff},
    {"open_vote", Stage::public_notice, Stage::council_vote, Taker::staff},
    {"council_passed", Stage::council_vote, Stage::professional_assessment, Taker::staff, true},
    {"council_failed", Stage::council_vote, Stage::draft, Taker::staff, true},
    {"assessment_rejected", Stage::professional_assessment, Stage::draft, Taker::staff, true},
    {"submit_review", Stage::professional_assessment, Stage::street_review, Taker::staff},
    {"approve", Stage::street_review, Stage::executing, Taker::street},
    {"return", Stage::street_review, Stage::draft, Taker::street},
    {"reject", Stage::street_review, Stage::rejected, Taker::street},
    {"close", Stage::executing, Stage::closed, Taker::staff},
    {"supersede", Stage::draft, Stage::superseded, Taker::staff, true},
}};

constexpr std::array<std::string_view, 9> kStageNames{
    "draft",         "public_notice", "council_vote", "professional_assessment",
    "street_review", "executing",     "closed",       "rejected",
    "superseded"};

bool may_take(Role role, Taker by) {
  if (role == Role::admin) return true;
  return by == Taker::staff ? role == Role::staff : role == Role::street;
}

}  // namespace

std::string_view stage_name(Stage stage) {
  return kStageNames.at(static_cast<std::size_t>(stage));
}

std::optional<Stage> parse_stage(std::string_view name) {
  for (std::size_t i = 0; i < kStageNames.size(); ++i) {
    if (kStageNames[i] == name) return static_cast<Stage>(i);
  }
  return std::nullopt;
}

std::int64_t notice_ends_ms(std::int64_t notice_started_ms, std::int64_t notice_days) {
  return notice_started_ms + std::max(notice_days, kNoticeDaysMin) * kDayMs;
}

bool notice_running(std::int64_t notice_started_ms, std::int64_t now_ms, std::int64_t notice_days) {
  return now_ms < notice_ends_ms(notice_started_ms, notice_days);
}

std::int64_t notice_days_left(std::int64_t notice_started_ms, std::int64_t now_ms,
                              std::int64_t notice_days) {
  std::int64_t remaining_ms = notice_ends_ms(notice_started_ms, notice_days) - now_ms;
  if (remaining_ms <= 0) return 0;
  return (remaining_ms + kDayMs - 1) / kDayMs;
}

bool needs_third_party(std::int64_t objecting_households, std::int64_t households,
                       std::int64_t threshold_bp) {
  if (objecting_households <= 0) return false;
  return objecting_households * 10000 > threshold_bp * households;
}

bool is_refusal(std::string_view action) {
  return action == "council_failed" || action == "assessment_rejected" || action == "return" ||
         action == "reject";
}

Result<Stage> next_stage(Stage current, std::string_view action, Role role,
                         const NoticeFacts& facts, bool internal) {
  if (action == "assess") {
    return conflict("council_vote_required",
                    "record the council vote (POST /api/v1/plans/{id}/council-votes): a passing "
                    "vote moves the plan to professional assessment (请录入议事会表决结果)");
  }
  const auto* step = std::find_if(kSteps.begin(), kSteps.end(), [&](const Step& candidate) {
    return candidate.action == action && (internal || !candidate.internal);
  });
  if (step == kSteps.end()) {
    return bad_request("unknown_action", "unknown action '" + std::string(action) + "'");
  }
  if (!may_take(role, step->by)) {
    return forbidden(step->by == Taker::staff
                         ? "only community staff may " + std::string(action)
                         : "only the street may " + std::string(action) + " a plan");
  }
  if (step->from != current) {
    return conflict("invalid_transition", "a plan in " + std::string(stage_name(current)) +
                                              " cannot " + std::string(action));
  }
  if (current == Stage::public_notice) {
    if (!facts.notice_started_ms ||
        notice_running(*facts.notice_started_ms, facts.now_ms, facts.notice_days)) {
      // Never shorter than the legal minimum, whatever the caller configured.
      return conflict("notice_period_running",
                      "the public notice lasts at least " +
                          std::to_string(std::max(facts.notice_days, kNoticeDaysMin)) + " days");
    }
    if (facts.unanswered_objections > 0) {
      return conflict("objections_unanswered", std::to_string(facts.unanswered_objections) +
                                                   " objection(s) still need a public answer");
    }
    if (facts.third_party_required && !facts.third_party_recorded) {
      return conflict("third_party_evaluation_required",
                      "objections exceed the community's threshold: a third-party evaluation "
                      "must be on record before the council vote");
    }
  }
  if (action == "submit_review" && !facts.assessment_approves) {
    return conflict("assessment_missing",
                    "record the professional assessment first; a plan the assessment rejects "
                    "goes back to draft (请先录入专业评估意见)");
  }
  if (current == Stage::executing && !facts.final_evaluation_recorded) {
    return conflict("final_evaluation_missing",
                    "record the plan's final evaluation before closing it");
  }
  return step->to;
}

}  // namespace gz::transparency
