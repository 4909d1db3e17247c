// The emergency reserve (应急储备金) of an executing plan: staff spend from it for a declared
// emergency without a plan line; each spend is on the public board at once and needs the
// street's sign-off within 7 days (a warning otherwise, warnings.hpp); what a plan leaves of
// its reserve is carried into the dynamic pool of the community's next quarterly plan of the
// same unit (allocation plans.hpp: carried_in).
//
// Rules:
//   reserve     the plan's emergency pool plus its surplus (dynamic units no category needed);
//               left = reserve − emergency spends. A spend is > 0 and ≤ left (409
//               reserve_exceeded, the message names what is left); only while the plan
//               executes (409 not_executing); kind one of kEmergencyKinds; reason 1–2000;
//               households served 0–100000; spent_on a past or today's date.
//   sign-off    street users of the community and admins, once (409 already_signed_off); due
//               kSignOffDays × 24 h after the spend was recorded; overdue after that.
//   carried     at quarter end the reserve is no longer needed for its quarter: what the
//               latest executing or closed plan of a quarter that has ended (same community
//               and unit, an earlier quarter than the new plan's) has left goes into the next
//               plan created, once (a plan whose carry went to a plan later superseded or
//               rejected carries again). Next quarter's plan is usually made before this
//               quarter ends, so a quarter's rest shows in the plan after. What is carried is
//               no longer left to spend.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/actor.hpp"
#include "core/result.hpp"
#include "modules/allocation/allocation.hpp"
#include "modules/audit/audit.hpp"
#include "storage/database.hpp"

namespace gz::transparency {

inline constexpr std::int64_t kSignOffDays = 7;
// 自然灾害, 事故灾难, 公共卫生事件, 社会安全事件 (the four classes of the national emergency
// plan), and 临时救助 for a household in sudden hardship.
inline constexpr std::array<std::string_view, 5> kEmergencyKinds{
    "natural_disaster", "accident", "public_health", "social_safety", "urgent_relief"};

// Emergency spends as the audit chain records them; reason and receipt as digests.
const audit::Tracked& emergency_rows();

struct EmergencyInput {
  std::string kind;
  std::string reason;
  std::int64_t households_served = 0;
  std::int64_t amount = 0;
  std::string payee_category;
  std::string receipt_ref;
  std::optional<std::string> spent_on;  // YYYY-MM-DD; today (Asia/Shanghai) when absent
};

// Public by design: no household, no user.
struct EmergencySpend {
  std::int64_t id = 0;
  std::int64_t plan_id = 0;
  std::string kind;
  std::string reason;
  std::int64_t households_served = 0;
  std::int64_t amount = 0;
  std::string payee_category;
  std::string receipt_ref;
  std::string spent_on;
  std::string created_at;
  std::int64_t sign_off_due_ms = 0;
  std::optional<std::string> signed_off_at;
  std::optional<std::string> sign_off_note;
  bool overdue = false;
};

struct Reserve {
  std::int64_t reserve = 0;
  std::int64_t spent = 0;
  std::int64_t left = 0;
  std::int64_t carried_out = 0;        // left over, carried into the next quarter's plan
  std::int64_t carried_in = 0;         // what the previous quarter's plan left, in the dynamic pool
  std::vector<EmergencySpend> spends;  // newest first
};

// Staff and admins of the plan's community. Audited.
Result<EmergencySpend> spend_reserve(storage::Connection& db, const Actor& actor,
                                     std::int64_t plan_id, const EmergencyInput& input,
                                     std::int64_t now_ms);
// Street users of the plan's community and admins. Audited.
Result<EmergencySpend> sign_off_spend(storage::Connection& db, const Actor& actor,
                                      std::int64_t plan_id, std::int64_t spend_id,
                                      const std::string& note, std::int64_t now_ms);
// No permission check (the board); texts as stored.
Reserve reserve_of(storage::Connection& db, std::int64_t plan_id, std::int64_t now_ms);
// Guides, staff, street users of the community and admins.
Result<Reserve> read_reserve(storage::Connection& db, const Actor& actor, std::int64_t plan_id,
                             std::int64_t now_ms);

// What the plan has left of its reserve (no check).
std::int64_t reserve_left(storage::Connection& db, std::int64_t plan_id);

// The rule above, for allocation::create_plan (the app hands it to the allocation routes;
// the demo passes it too).
allocation::CarryFinder carry_finder();

// Spends of the community still without the street's sign-off after their due time.
struct OverdueSignOff {
  std::int64_t spend_id = 0;
  std::int64_t plan_id = 0;
  std::string quarter;
  std::string kind;
  std::int64_t amount = 0;
  std::string due_at;
};
std::vector<OverdueSignOff> overdue_sign_offs(storage::Connection& db, std::int64_t community_id,
                                              std::int64_t now_ms);

}  // namespace gz::transparency
