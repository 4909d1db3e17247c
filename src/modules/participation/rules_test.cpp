// The participation rules without a database: quorum and majority as documented in
// rules.hpp, the seconding threshold, the proposal and motion machines, the stalled-topic
// count, the response deadline, the online hall's evening, the check-in window and the
// points each kind of activity pays.
#include "modules/participation/rules.hpp"

#include <gtest/gtest.h>

#include "core/clock.hpp"

namespace gz::participation {
namespace {

const Settings kDefaults;

TEST(ParticipationRules, QuorumNeedsTheMinimumPresentAndHalfOfThemVoting) {
  EXPECT_TRUE(quorum_met({10, 3, 1, 1}, kDefaults));   // 5 of 10 voted
  EXPECT_FALSE(quorum_met({10, 3, 1, 0}, kDefaults));  // 4 of 10
  EXPECT_FALSE(quorum_met({4, 4, 0, 0}, kDefaults));   // below the 5-household minimum
  EXPECT_TRUE(quorum_met({5, 0, 0, 3}, kDefaults));    // abstentions count for the quorum
  Settings strict = kDefaults;
  strict.quorum_percent = 75;
  EXPECT_FALSE(quorum_met({8, 5, 0, 0}, strict));
  EXPECT_TRUE(quorum_met({8, 6, 0, 0}, strict));
}

TEST(ParticipationRules, MajorityIsMoreThanHalfOfVotesCastAbstentionsAside) {
  EXPECT_TRUE(majority_yes({0, 3, 2, 10}));
  EXPECT_FALSE(majority_yes({0, 2, 2, 0}));  // a tie fails
  EXPECT_FALSE(majority_yes({0, 0, 0, 5}));  // nobody for it
  EXPECT_FALSE(majority_yes({0, 1, 2, 0}));
}

TEST(ParticipationRules, WithoutQuorumAMotionCannotPassHoweverItIsVoted) {
  EXPECT_EQ(decide({3, 3, 0, 0}, kDefaults), State::no_quorum);
  EXPECT_EQ(decide({20, 2, 1, 0}, kDefaults), State::no_quorum);  // 3 of 20 voted
  EXPECT_EQ(decide({6, 4, 1, 0}, kDefaults), State::passed);
  EXPECT_EQ(decide({6, 2, 2, 2}, kDefaults), State::rejected);
}

TEST(ParticipationRules, SecondingReachesEligibleAtTheThreshold) {
  EXPECT_EQ(after_second(State::seconding, 4, kDefaults), State::seconding);
  EXPECT_EQ(after_second(State::seconding, 5, kDefaults), State::eligible);
  EXPECT_EQ(after_second(State::draft, 9, kDefaults), State::draft);
}

TEST(ParticipationRules, ProposalMachineAllowsOnlyDocumentedMoves) {
  EXPECT_EQ(*next_state(State::draft, "submit"), State::seconding);
  EXPECT_EQ(next_state(State::seconding, "agenda").error().code, "invalid_transition");
  EXPECT_EQ(*next_state(State::eligible, "agenda"), State::on_agenda);
  EXPECT_EQ(*next_state(State::no_quorum, "agenda"), State::on_agenda);
  EXPECT_EQ(*next_state(State::deferred, "agenda"), State::on_agenda);
  EXPECT_EQ(*next_state(State::passed, "respond"), State::responded);
  EXPECT_EQ(*next_state(State::rejected, "respond"), State::responded);
  EXPECT_FALSE(next_state(State::no_quorum, "respond").ok());
  EXPECT_FALSE(next_state(State::responded, "respond").ok());
  EXPECT_EQ(*next_state(State::on_agenda, "withdraw"), State::withdrawn);
  EXPECT_FALSE(next_state(State::passed, "withdraw").ok());
  EXPECT_EQ(next_state(State::draft, "fly").error().code, "unknown_action");
}

TEST(ParticipationRules, MotionGoesMoveSecondVoteAndMayBeDeferredBeforeTheDecision) {
  EXPECT_EQ(*next_motion(Motion::scheduled, "move"), Motion::moved);
  EXPECT_EQ(*next_motion(Motion::moved, "second"), Motion::debating);
  EXPECT_EQ(*next_motion(Motion::debating, "call_vote"), Motion::voting);
  EXPECT_EQ(next_motion(Motion::scheduled, "call_vote").error().code, "invalid_step");
  EXPECT_EQ(*next_motion(Motion::voting, "defer"), Motion::deferred);
  EXPECT_FALSE(next_motion(Motion::decided, "defer").ok());
  EXPECT_EQ(next_motion(Motion::moved, "table").error().code, "unknown_step");
}

TEST(ParticipationRules, ATopicIsStalledFromItsThirdMeetingWithoutADecision) {
  EXPECT_FALSE(is_stalled(State::deferred, 2));
  EXPECT_TRUE(is_stalled(State::on_agenda, 3));
  EXPECT_TRUE(is_stalled(State::no_quorum, 4));
  EXPECT_FALSE(is_stalled(State::passed, 3));
  EXPECT_FALSE(is_stalled(State::responded, 5));
  EXPECT_FALSE(is_stalled(State::withdrawn, 3));
}

TEST(ParticipationRules, ResponseIsOverdueAfterTheDeadlineUntilAnswered) {
  const std::int64_t decided = 1'790'000'000'000;
  EXPECT_EQ(response_due_ms(decided, kDefaults), decided + 15 * kDayMs);
  EXPECT_FALSE(response_overdue(State::passed, decided, decided + 15 * kDayMs, kDefaults));
  EXPECT_TRUE(response_overdue(State::passed, decided, decided + 15 * kDayMs + 1, kDefaults));
  EXPECT_TRUE(response_overdue(State::rejected, decided, decided + 20 * kDayMs, kDefaults));
  EXPECT_FALSE(response_overdue(State::responded, decided, decided + 20 * kDayMs, kDefaults));
  EXPECT_FALSE(response_overdue(State::no_quorum, std::nullopt, decided, kDefaults));
}

TEST(ParticipationRules, OnlineHallDefaultsToTwentyToTwentyTwoShanghaiTime) {
  // 2026-11-29T10:00:00+08:00
  const std::int64_t morning = days_from_civil(2026, 11, 29) * kDayMs + 2 * kHourMs;
  Window window = online_hall_evening(morning);
  EXPECT_EQ(format_iso8601(window.starts_ms), "2026-11-29T20:00:00.000+08:00");
  EXPECT_EQ(window.ends_ms - window.starts_ms, 2 * kHourMs);
  // 23:30 local is still the same local day.
  Window late =
      online_hall_evening(days_from_civil(2026, 11, 29) * kDayMs + 15 * kHourMs + 30 * kMinuteMs);
  EXPECT_EQ(late.starts_ms, window.starts_ms);
}

TEST(ParticipationRules, SelfCheckinOnlyAroundTheActivity) {
  Window window{10 * kHourMs, 12 * kHourMs};
  EXPECT_FALSE(self_checkin_open(window, window.starts_ms - kCheckinEarlyMs - 1));
  EXPECT_TRUE(self_checkin_open(window, window.starts_ms - kCheckinEarlyMs));
  EXPECT_TRUE(self_checkin_open(window, window.ends_ms + kCheckinLateMs));
  EXPECT_FALSE(self_checkin_open(window, window.ends_ms + kCheckinLateMs + 1));
  EXPECT_TRUE(staff_checkin_open(window, window.ends_ms + 30 * kDayMs));
}

TEST(ParticipationRules, EachKindPaysItsPointsRule) {
  EXPECT_STREQ(points_for(Kind::meeting, 0, kHourMs)->rule, "meeting");
  EXPECT_STREQ(points_for(Kind::skill_sharing, 0, kHourMs)->rule, "skill_share");
  auto volunteer = points_for(Kind::volunteer, 0, 3 * kHourMs);
  EXPECT_STREQ(volunteer->rule, "volunteer");
  EXPECT_EQ(volunteer->quantity, 180);
  EXPECT_FALSE(points_for(Kind::activity, 0, kHourMs).has_value());
}

TEST(ParticipationRules, SettingsOutOfRangeAreRefused) {
  EXPECT_TRUE(check_settings(kDefaults).ok());
  Settings bad = kDefaults;
  bad.quorum_percent = 0;
  EXPECT_EQ(check_settings(bad).error().code, "invalid_settings");
  bad = kDefaults;
  bad.response_days = 91;
  EXPECT_FALSE(check_settings(bad).ok());
}

}  // namespace
}  // namespace gz::participation
