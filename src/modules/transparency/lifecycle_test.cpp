// The plan lifecycle: every step by its role, in order, and public notice held by its period
// and by unanswered objections.
#include "modules/transparency/lifecycle.hpp"

#include <gtest/gtest.h>

namespace gz::transparency {
namespace {

constexpr std::int64_t kStart = 1'800'000'000'000;

NoticeFacts after_days(std::int64_t days, std::int64_t unanswered = 0) {
  NoticeFacts facts{kStart, kStart + days * kDayMs, kNoticeDaysMin, unanswered};
  facts.final_evaluation_recorded = true;
  facts.assessment_approves = true;
  return facts;
}

TEST(Lifecycle, RunsFromDraftToClosedEachStepByItsRole) {
  auto facts = after_days(7);
  EXPECT_EQ(*next_stage(Stage::draft, "publish", Role::staff, facts), Stage::public_notice);
  EXPECT_EQ(*next_stage(Stage::public_notice, "open_vote", Role::staff, facts),
            Stage::council_vote);
  EXPECT_EQ(*next_stage(Stage::council_vote, "council_passed", Role::staff, facts, true),
            Stage::professional_assessment);
  EXPECT_EQ(*next_stage(Stage::professional_assessment, "submit_review", Role::staff, facts),
            Stage::street_review);
  EXPECT_EQ(*next_stage(Stage::street_review, "approve", Role::street, facts), Stage::executing);
  EXPECT_EQ(*next_stage(Stage::executing, "close", Role::staff, facts), Stage::closed);
}

TEST(Lifecycle, RefusesTheWrongRole) {
  auto facts = after_days(8);
  for (Role role : {Role::resident, Role::guide, Role::street}) {
    auto result = next_stage(Stage::draft, "publish", role, facts);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().kind, ErrorKind::forbidden);
  }
  auto staff_approves = next_stage(Stage::street_review, "approve", Role::staff, facts);
  ASSERT_FALSE(staff_approves.ok());
  EXPECT_EQ(staff_approves.error().kind, ErrorKind::forbidden);
  EXPECT_TRUE(next_stage(Stage::street_review, "approve", Role::admin, facts).ok());
}

TEST(Lifecycle, RefusesStepsOutOfOrderAndUnknownActions) {
  auto facts = after_days(8);
  auto skip = next_stage(Stage::draft, "approve", Role::street, facts);
  ASSERT_FALSE(skip.ok());
  EXPECT_EQ(skip.error().code, "invalid_transition");
  auto reopen = next_stage(Stage::closed, "publish", Role::staff, facts);
  ASSERT_FALSE(reopen.ok());
  EXPECT_EQ(reopen.error().code, "invalid_transition");
  auto unknown = next_stage(Stage::draft, "execute_now", Role::admin, facts);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, "unknown_action");
}

TEST(Lifecycle, HoldsPublicNoticeForSevenDays) {
  auto early = next_stage(Stage::public_notice, "open_vote", Role::staff,
                          {kStart, kStart + 7 * kDayMs - 1, kNoticeDaysMin, 0});
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().code, "notice_period_running");
  EXPECT_EQ(early.error().kind, ErrorKind::conflict);
  EXPECT_EQ(*next_stage(Stage::public_notice, "open_vote", Role::staff,
                        {kStart, kStart + 7 * kDayMs, kNoticeDaysMin, 0}),
            Stage::council_vote);
}

TEST(Lifecycle, NoticeMayBeLongerButNeverShorterThanSevenDays) {
  auto longer = next_stage(Stage::public_notice, "open_vote", Role::staff,
                           {kStart, kStart + 9 * kDayMs, 10, 0});
  ASSERT_FALSE(longer.ok());
  EXPECT_EQ(longer.error().code, "notice_period_running");
  auto shorter = next_stage(Stage::public_notice, "open_vote", Role::staff,
                            {kStart, kStart + 3 * kDayMs, 2, 0});
  ASSERT_FALSE(shorter.ok());
  EXPECT_EQ(shorter.error().code, "notice_period_running");
}

TEST(Lifecycle, UnansweredObjectionsHoldPublicNoticeAfterItsPeriod) {
  auto held = next_stage(Stage::public_notice, "open_vote", Role::staff, after_days(30, 1));
  ASSERT_FALSE(held.ok());
  EXPECT_EQ(held.error().code, "objections_unanswered");
  EXPECT_TRUE(next_stage(Stage::public_notice, "open_vote", Role::staff, after_days(30, 0)).ok());
}

TEST(Lifecycle, CountsNoticeDaysLeftRoundingUp) {
  EXPECT_EQ(notice_days_left(kStart, kStart, 7), 7);
  EXPECT_EQ(notice_days_left(kStart, kStart + 1, 7), 7);
  EXPECT_EQ(notice_days_left(kStart, kStart + 6 * kDayMs + 1, 7), 1);
  EXPECT_EQ(notice_days_left(kStart, kStart + 7 * kDayMs, 7), 0);
  EXPECT_EQ(notice_days_left(kStart, kStart + 70 * kDayMs, 7), 0);
}

TEST(Lifecycle, StageNamesRoundTrip) {
  for (Stage stage : {Stage::draft, Stage::public_notice, Stage::council_vote,
                      Stage::professional_assessment, Stage::street_review, Stage::executing,
                      Stage::closed, Stage::rejected, Stage::superseded}) {
    EXPECT_EQ(parse_stage(stage_name(stage)), stage);
  }
  EXPECT_FALSE(parse_stage("published").has_value());
}

TEST(Lifecycle, ManyObjectionsRequireAThirdPartyEvaluationBeforeTheVote) {
  // 5% of 400 households is 20: the 21st objecting household crosses the threshold.
  EXPECT_FALSE(needs_third_party(0, 400, 500));
  EXPECT_FALSE(needs_third_party(20, 400, 500));
  EXPECT_TRUE(needs_third_party(21, 400, 500));
  EXPECT_TRUE(needs_third_party(1, 0, 500));  // any objection in an empty registry
  auto facts = after_days(8);
  facts.third_party_required = true;
  auto held = next_stage(Stage::public_notice, "open_vote", Role::staff, facts);
  ASSERT_FALSE(held.ok());
  EXPECT_EQ(held.error().code, "third_party_evaluation_required");
  facts.third_party_recorded = true;
  EXPECT_EQ(*next_stage(Stage::public_notice, "open_vote", Role::staff, facts),
            Stage::council_vote);
}

TEST(Lifecycle, ClosingNeedsTheFinalEvaluation) {
  auto facts = after_days(30);
  facts.final_evaluation_recorded = false;
  auto held = next_stage(Stage::executing, "close", Role::staff, facts);
  ASSERT_FALSE(held.ok());
  EXPECT_EQ(held.error().code, "final_evaluation_missing");
}

TEST(Lifecycle, TheCouncilVoteMovesThePlanOnlyThroughItsRecord) {
  auto facts = after_days(8);
  auto old_step = next_stage(Stage::council_vote, "assess", Role::staff, facts);
  ASSERT_FALSE(old_step.ok());
  EXPECT_EQ(old_step.error().code, "council_vote_required");
  // The record's outcomes are internal actions: a request cannot take them.
  for (const char* action :
       {"council_passed", "council_failed", "assessment_rejected", "supersede"}) {
    auto by_request = next_stage(Stage::council_vote, action, Role::admin, facts);
    ASSERT_FALSE(by_request.ok()) << action;
    EXPECT_EQ(by_request.error().code, "unknown_action") << action;
  }
  EXPECT_EQ(*next_stage(Stage::council_vote, "council_failed", Role::staff, facts, true),
            Stage::draft);
  EXPECT_EQ(
      *next_stage(Stage::professional_assessment, "assessment_rejected", Role::staff, facts, true),
      Stage::draft);
  EXPECT_EQ(*next_stage(Stage::draft, "supersede", Role::staff, facts, true), Stage::superseded);
}

TEST(Lifecycle, StreetReviewNeedsAnAssessmentAndMayReturnOrReject) {
  auto facts = after_days(8);
  facts.assessment_approves = false;
  auto unassessed = next_stage(Stage::professional_assessment, "submit_review", Role::staff, facts);
  ASSERT_FALSE(unassessed.ok());
  EXPECT_EQ(unassessed.error().code, "assessment_missing");
  EXPECT_EQ(*next_stage(Stage::street_review, "return", Role::street, facts), Stage::draft);
  EXPECT_EQ(*next_stage(Stage::street_review, "reject", Role::street, facts), Stage::rejected);
  auto staff_returns = next_stage(Stage::street_review, "return", Role::staff, facts);
  ASSERT_FALSE(staff_returns.ok());
  EXPECT_EQ(staff_returns.error().kind, ErrorKind::forbidden);
  // A returned plan is a draft again and may be published again; a rejected plan is final.
  EXPECT_EQ(*next_stage(Stage::draft, "publish", Role::staff, facts), Stage::public_notice);
  auto revive = next_stage(Stage::rejected, "publish", Role::staff, facts);
  ASSERT_FALSE(revive.ok());
  EXPECT_EQ(revive.error().code, "invalid_transition");
  EXPECT_TRUE(is_refusal("return"));
  EXPECT_TRUE(is_refusal("council_failed"));
  EXPECT_FALSE(is_refusal("approve"));
}

}  // namespace
}  // namespace gz::transparency
