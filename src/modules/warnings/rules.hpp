// The pure rules of risk warnings and improvement (PDCA) tasks. No database, no HTTP:
// warnings.cpp gathers the histories, asks here, and stores what fires.
//
// Warnings (the seed's risk table, 风险预警与应对):
//   participation_falling  the households attending fell at three activities in a row of the
//                          same kind and channel (four activities, each below the one before:
//                          连续3次活动参与率下降). Suggested: new formats — family activities,
//                          youth salons, another time or channel.
//   complaints_rising      the complaint rate rose two quarters running (three quarters, each
//                          above the one before). Suggested: supervision and training of the
//                          guides, outside expert support.
//   allocation_dispute     objections to a plan from more than the community's threshold share
//                          of households. Suggested: a third-party evaluation and an open
//                          decision process.
//   stalled_topic          a proposal on the agenda of three meetings without a decision
//                          (议而不决). Suggested: a working group, a clear motion, or a vote.
//   platform_fault         a failed backup or a failed ledger verification in the last 7 days.
//                          Suggested: the offline channel, restore from the last good backup.
// Improvement tasks: a satisfaction rate below 85% in a quarter opens one automatically; its
// stages run plan → do → check → act → closed, each step by staff with a note; the check
// is settled by the next quarter's figure (recorded by the evaluation job), and the task
// cannot move to act before it is.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace gz::warnings {

enum class Kind {
  participation_falling,
  complaints_rising,
  allocation_dispute,
  stalled_topic,
  platform_fault,
  calendar_expiring,   // the working-day calendar does not cover the next 60 days
  emergency_unsigned,  // an emergency spend without the street's sign-off after 7 days
};
std::string_view kind_name(Kind kind);
std::optional<Kind> parse_kind(std::string_view name);

struct Suggestion {
  std::string_view zh;
  std::string_view en;
};
Suggestion suggestion_for(Kind kind);
// The kind's name as a heading: "参与度连续下降" / "Participation falling".
Suggestion title_for(Kind kind);

// True when the last `steps` + 1 values each fall below the one before (oldest first).
bool falling_run(std::span<const std::int64_t> counts, int steps = 3);
// True when the last `steps` + 1 rates each rise above the one before (oldest first).
bool rising_run(std::span<const double> rates, int steps = 2);

enum class Stage { plan, do_, check, act, closed };
std::string_view stage_name(Stage stage);
std::optional<Stage> parse_stage(std::string_view name);

// The next stage a task may move to: only forward by one. 409 invalid_stage otherwise; 409
// check_pending when moving to act before the next quarter's figure is recorded.
Result<Stage> next_stage(Stage current, Stage wanted, bool check_recorded);

constexpr std::int64_t kSatisfactionFloorBp = 8500;  // below 85% opens an improvement task
constexpr std::int64_t kFaultWindowMs = 7LL * 24 * 60 * 60 * 1000;

}  // namespace gz::warnings
