// The pure rules of participation (参与): activity kinds and channels, the online hall's
// default evening, the check-in window, which points rule an attendance earns, and the
// proposal (提案) machine — its states, the simplified Robert's Rules steps at a meeting, the
// quorum and majority that decide a motion, the stalled-topic warning and the response
// deadline. No database, no HTTP: activities.cpp and proposals.cpp load the facts and ask here.
//
// Proposal states (Decidim-like, with the steps of a deliberation meeting 议事会):
//   draft ──submit──▶ seconding ──(N distinct other households second)──▶ eligible
//   eligible | no_quorum | deferred ──agenda (a meeting)──▶ on_agenda
//   on_agenda ──outcome──▶ passed | rejected | no_quorum;   on_agenda ──defer──▶ deferred
//   passed | rejected ──respond (staff, public)──▶ responded
//   draft | seconding | eligible | on_agenda | no_quorum | deferred ──withdraw──▶ withdrawn
// While on_agenda the motion itself moves: scheduled ─move─▶ moved ─second─▶ debating
// ─call_vote─▶ voting ─outcome─▶ decided (or ─defer─▶ deferred from any step before decided).
//
// Quorum and majority (the exact rule): at the meeting, `present` is the number of distinct
// households with an attendance check-in at that meeting, `voted` the distinct households
// that voted yes, no or abstain on the motion. The quorum is met when
//   present >= quorum_min_households   AND   voted * 100 >= quorum_percent * present
// (defaults 5 households and 50%: at least half of the attending households take part in the
// vote). The motion passes when the quorum is met AND yes * 2 > yes + no (a strict majority of
// the votes cast; abstentions are not cast votes, a tie fails). Without quorum the outcome is
// no_quorum whatever the tally: such a proposal cannot pass and may go on a later meeting.
//
// Stalled topic (议而不决): a proposal that has been put on the agenda of three or more
// meetings without being decided (passed, rejected, responded) or withdrawn is stalled.
//
// Response deadline: after passed or rejected, staff owe a public response within
// response_days (default 15) calendar days of the decision; later it is overdue.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"

namespace gz::participation {

// ---- Activities

enum class Kind { meeting, activity, volunteer, skill_sharing };
enum class Channel { online_hall, building_corner, tenant_reps, community };

std::string_view kind_name(Kind kind);
std::optional<Kind> parse_kind(std::string_view name);
std::string_view channel_name(Channel channel);
std::optional<Channel> parse_channel(std::string_view name);

// The points rule (points module's default rules: meeting 10 per event, volunteer 5 per hour,
// skill_share 15 per event) an attendance earns, and the quantity: volunteering pays by the
// activity's minutes. A general `activity` (a festival, an outing) earns no points: nullopt.
struct PointsAward {
  const char* rule;
  std::int64_t quantity;
};
std::optional<PointsAward> points_for(Kind kind, std::int64_t starts_ms, std::int64_t ends_ms);

// The online hall's default evening: 20:00-22:00 Asia/Shanghai on the day of `day_ms` (any
// instant of that local day). Returns {starts_ms, ends_ms}.
struct Window {
  std::int64_t starts_ms = 0;
  std::int64_t ends_ms = 0;
};
Window online_hall_evening(std::int64_t day_ms);

// Residents check themselves in with the code from 30 minutes before the start until 60
// minutes after the end; staff may record attendance any time from the start on (paper
// sign-in sheets are entered afterwards).
constexpr std::int64_t kCheckinEarlyMs = 30 * kMinuteMs;
constexpr std::int64_t kCheckinLateMs = 60 * kMinuteMs;
bool self_checkin_open(const Window& window, std::int64_t now_ms);
// Code check-ins one login may try per activity before it is refused (429 too_many_attempts)
// until a correct code; the six-digit code then takes a guesser 100,000 activities on average.
constexpr std::int64_t kCheckinAttemptsMax = 10;
bool staff_checkin_open(const Window& window, std::int64_t now_ms);
// Sign-ups are taken until the activity ends.
bool signup_open(const Window& window, std::int64_t now_ms);

// ---- Proposals

enum class State {
  draft,
  seconding,
  eligible,
  on_agenda,
  passed,
  rejected,
  no_quorum,
  deferred,
  responded,
  withdrawn
};
std::string_view state_name(State state);
std::optional<State> parse_state(std::string_view name);

enum class Motion { scheduled, moved, debating, voting, decided, deferred };
std::string_view motion_name(Motion motion);
std::optional<Motion> parse_motion(std::string_view name);

struct Settings {
  std::int64_t seconds_required = 5;
  std::int64_t quorum_percent = 50;
  std::int64_t quorum_min_households = 5;
  std::int64_t response_days = 15;
};
// 400 invalid_settings unless 1 <= seconds_required <= 100, 1 <= quorum_percent <= 100,
// 1 <= quorum_min_households <= 10000, 1 <= response_days <= 90.
Result<void> check_settings(const Settings& settings);

struct Tally {
  std::int64_t present_households = 0;
  std::int64_t yes = 0;
  std::int64_t no = 0;
  std::int64_t abstain = 0;
};
bool quorum_met(const Tally& tally, const Settings& settings);
bool majority_yes(const Tally& tally);
// passed, rejected or no_quorum, per the rule above.
State decide(const Tally& tally, const Settings& settings);

// Where a second moves a proposal: seconding → eligible once `households` reaches the
// requirement, otherwise it stays.
State after_second(State current, std::int64_t households, const Settings& settings);

// Proposal actions taken outside the meeting: submit, withdraw, agenda, respond.
// Errors: 409 invalid_transition.
Result<State> next_state(State current, std::string_view action);
// Meeting steps on the current agenda item: move, second, call_vote, defer.
// Errors: 400 unknown_step, 409 invalid_step.
Result<Motion> next_motion(Motion current, std::string_view step);

constexpr int kStalledMeetings = 3;
bool is_decided(State state);
bool is_stalled(State state, std::int64_t meetings);
// The response deadline and whether it has passed unanswered.
std::int64_t response_due_ms(std::int64_t decided_ms, const Settings& settings);
bool response_overdue(State state, std::optional<std::int64_t> decided_ms, std::int64_t now_ms,
                      const Settings& settings);

}  // namespace gz::participation
