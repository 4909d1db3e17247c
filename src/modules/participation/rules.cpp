// The pure participation rules; see rules.hpp.
#include "modules/participation/rules.hpp"

#include <array>
#include <utility>

#include "core/clock.hpp"

namespace gz::participation {
namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> parse_from(const std::array<std::pair<Enum, const char*>, N>& names,
                               std::string_view text) {
  for (const auto& [value, name] : names) {
    if (text == name) return value;
  }
  return std::nullopt;
}

template <typename Enum, std::size_t N>
std::string_view name_of(const std::array<std::pair<Enum, const char*>, N>& names, Enum value) {
  for (const auto& [candidate, name] : names) {
    if (candidate == value) return name;
  }
  return names.front().second;
}

constexpr std::array<std::pair<Kind, const char*>, 4> kKinds{
    {{Kind::meeting, "meeting"},
     {Kind::activity, "activity"},
     {Kind::volunteer, "volunteer"},
     {Kind::skill_sharing, "skill_sharing"}}};
constexpr std::array<std::pair<Channel, const char*>, 4> kChannels{
    {{Channel::online_hall, "online_hall"},
     {Channel::building_corner, "building_corner"},
     {Channel::tenant_reps, "tenant_reps"},
     {Channel::community, "community"}}};
constexpr std::array<std::pair<State, const char*>, 10> kStates{{{State::draft, "draft"},
                                                                 {State::seconding, "seconding"},
                                                                 {State::eligible, "eligible"},
                                                                 {State::on_agenda, "on_agenda"},
                                                                 {State::passed, "passed"},
                                                                 {State::rejected, "rejected"},
                                                                 {State::no_quorum, "no_quorum"},
                                                                 {State::deferred, "deferred"},
                                                                 {State::responded, "responded"},
                                                                 {State::withdrawn, "withdrawn"}}};
constexpr std::array<std::pair<Motion, const char*>, 6> kMotions{{{Motion::scheduled, "scheduled"},
                                                                  {Motion::moved, "moved"},
                                                                  {Motion::debating, "debating"},
                                                                  {Motion::voting, "voting"},
                                                                  {Motion::decided, "decided"},
                                                                  {Motion::deferred, "deferred"}}};

}  // namespace

std::string_view kind_name(Kind kind) {
  return name_of(kKinds, kind);
}
std::optional<Kind> parse_kind(std::string_view name) {
  return parse_from(kKinds, name);
}
std::string_view channel_name(Channel channel) {
  return name_of(kChannels, channel);
}
std::optional<Channel> parse_channel(std::string_view name) {
  return parse_from(kChannels, name);
}
std::string_view state_name(State state) {
  return name_of(kStates, state);
}
std::optional<State> parse_state(std::string_view name) {
  return parse_from(kStates, name);
}
std::string_view motion_name(Motion motion) {
  return name_of(kMotions, motion);
}
std::optional<Motion> parse_motion(std::string_view name) {
  return parse_from(kMotions, name);
}

std::optional<PointsAward> points_for(Kind kind, std::int64_t starts_ms, std::int64_t ends_ms) {
  switch (kind) {
    case Kind::meeting:
      return PointsAward{"meeting", 1};
    case Kind::skill_sharing:
      return PointsAward{"skill_share", 1};
    case Kind::volunteer:
      return PointsAward{"volunteer", (ends_ms - starts_ms) / kMinuteMs};
    case Kind::activity:
      return std::nullopt;
  }
  return std::nullopt;
}

Window online_hall_evening(std::int64_t day_ms) {
  const std::int64_t starts = shanghai_time_ms(shanghai_day(day_ms), 20 * 3600);
  return {starts, starts + 2 * kHourMs};
}

bool self_checkin_open(const Window& window, std::int64_t now_ms) {
  return now_ms >= window.starts_ms - kCheckinEarlyMs && now_ms <= window.ends_ms + kCheckinLateMs;
}

bool staff_checkin_open(const Window& window, std::int64_t now_ms) {
  return now_ms >= window.starts_ms - kCheckinEarlyMs;
}

bool signup_open(const Window& window, std::int64_t now_ms) {
  return now_ms < window.ends_ms;
}

Result<void> check_settings(const Settings& settings) {
  auto within = [](std::int64_t value, std::int64_t low, std::int64_t high) {
    return value >= low && value <= high;
  };
  if (!within(settings.seconds_required, 1, 100) || !within(settings.quorum_percent, 1, 100) ||
      !within(settings.quorum_min_households, 1, 10000) || !within(settings.response_days, 1, 90)) {
    return bad_request("invalid_settings",
                       "seconds_required 1-100, quorum_percent 1-100, quorum_min_households "
                       "1-10000, response_days 1-90");
  }
  return {};
}

bool quorum_met(const Tally& tally, const Settings& settings) {
  const std::int64_t voted = tally.yes + tally.no + tally.abstain;
  return tally.present_households >= settings.quorum_min_households &&
         voted * 100 >= settings.quorum_percent * tally.present_households;
}

bool majority_yes(const Tally& tally) {
  return tally.yes * 2 > tally.yes + tally.no;
}

State decide(const Tally& tally, const Settings& settings) {
  if (!quorum_met(tally, settings)) return State::no_quorum;
  return majority_yes(tally) ? State::passed : State::rejected;
}

State after_second(State current, std::int64_t households, const Settings& settings) {
  if (current == State::seconding && households >= settings.seconds_required) {
    return State::eligible;
  }
  return current;
}

Result<State> next_state(State current, std::string_view action) {
  auto refuse = [&]() -> Result<State> {
    return conflict("invalid_transition", "a proposal in state " +
                                              std::string(state_name(current)) + " cannot " +
                                              std::string(action));
  };
  if (action == "submit") {
    if (current == State::draft) return State::seconding;
    return refuse();
  }
  if (action == "agenda") {
    if (current == State::eligible || current == State::no_quorum || current == State::deferred) {
      return State::on_agenda;
    }
    return refuse();
  }
  if (action == "respond") {
    if (current == State::passed || current == State::rejected) return State::responded;
    return refuse();
  }
  if (action == "withdraw") {
    if (current == State::draft || current == State::seconding || current == State::eligible ||
        current == State::on_agenda || current == State::no_quorum || current == State::deferred) {
      return State::withdrawn;
    }
    return refuse();
  }
  return bad_request("unknown_action", "unknown action '" + std::string(action) + "'");
}

Result<Motion> next_motion(Motion current, std::string_view step) {
  std::optional<Motion> next;
  if (step == "move" && current == Motion::scheduled) next = Motion::moved;
  if (step == "second" && current == Motion::moved) next = Motion::debating;
  if (step == "call_vote" && current == Motion::debating) next = Motion::voting;
  if (step == "defer" && current != Motion::decided && current != Motion::deferred) {
    next = Motion::deferred;
  }
  if (next) return *next;
  if (step != "move" && step != "second" && step != "call_vote" && step != "defer") {
    return bad_request("unknown_step", "step must be move, second, call_vote or defer");
  }
  return conflict("invalid_step", "the motion is " + std::string(motion_name(current)) +
                                      "; it cannot take the step " + std::string(step));
}

bool is_decided(State state) {
  return state == State::passed || state == State::rejected || state == State::responded;
}

bool is_stalled(State state, std::int64_t meetings) {
  return meetings >= kStalledMeetings && !is_decided(state) && state != State::withdrawn;
}

std::int64_t response_due_ms(std::int64_t decided_ms, const Settings& settings) {
  return decided_ms + settings.response_days * kDayMs;
}

bool response_overdue(State state, std::optional<std::int64_t> decided_ms, std::int64_t now_ms,
                      const Settings& settings) {
  if (state != State::passed && state != State::rejected) return false;
  return decided_ms && now_ms > response_due_ms(*decided_ms, settings);
}

}  // namespace gz::participation
