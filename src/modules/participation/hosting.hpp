// 社区主理人 (young residents who plan and run activities, seed §6): a resident proposes an
// activity they will host; staff approve it, with a budget from an executing plan's line, or
// decline it with a reason. An approved activity is like any other (residents sign up and
// check in), except that its host runs its check-in by name and its minutes, and earns the
// activity_host points when the minutes are recorded with at least one attendee
// (activities.hpp).
//
// Rules:
//   propose   a resident of the community with a household; kinds activity, volunteer or
//             skill_sharing (a meeting is the community's to call: 400 invalid_kind); a title,
//             a plan (agenda) of what, for whom and how, a window starting in the future and at
//             most 12 hours long (400 invalid_time); capacity 1–100000; a requested budget
//             0–5,000,000 fen (50,000 元). At most kOpenProposalsMax proposals of one
//             household await a decision (429 proposal_limit). Proposed, the activity is seen
//             only by its host and those who run activities.
//   decide    staff and admins of the community, while proposed (409 already_decided) and
//             before it starts (409 activity_started). approve: a budget > 0 names a plan and a
//             line; it is recorded as spending on the plan (transparency execution.hpp: the plan
//             executes, the line has it left, payee resident_group), so it is public on the
//             board. decline: a reason (note) is required. The host hears of it either way.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/actor.hpp"
#include "core/result.hpp"
#include "modules/participation/activities.hpp"
#include "storage/database.hpp"

namespace gz::participation {

inline constexpr std::int64_t kOpenProposalsMax = 3;
inline constexpr std::int64_t kHostedBudgetMaxFen = 5'000'000;

struct HostingInput {
  std::int64_t community_id = 0;
  std::string kind;
  std::string title;
  std::string agenda;
  std::int64_t starts_ms = 0;
  std::int64_t ends_ms = 0;
  std::optional<std::int64_t> capacity;
  std::int64_t budget_fen = 0;  // requested
};
Result<Activity> propose_hosting(storage::Connection& db, const Actor& actor,
                                 const HostingInput& input, std::int64_t now_ms);

struct HostingDecision {
  std::string decision;  // approve | decline
  std::string note;
  std::optional<std::int64_t> plan_id;
  std::optional<std::string> category;
  std::int64_t budget_fen = 0;  // approved
};
Result<Activity> decide_hosting(storage::Connection& db, const Actor& actor,
                                std::int64_t activity_id, const HostingDecision& decision,
                                std::int64_t now_ms);

}  // namespace gz::participation
