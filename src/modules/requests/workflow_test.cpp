#include "modules/requests/workflow.hpp"

#include <gtest/gtest.h>

namespace gz::requests {
namespace {

TransitionContext as(Role role, bool owner = false) {
  TransitionContext context;
  context.role = role;
  context.is_owner = owner;
  context.now_ms = 1'000'000'000'000;
  return context;
}

TEST(Workflow, TheUsualPathFromSubmittedToClosed) {
  auto staff = as(Role::staff);
  EXPECT_EQ(*decide(Status::submitted, Action::accept, staff), Status::accepted);
  EXPECT_EQ(*decide(Status::accepted, Action::assign, staff), Status::assigned);
  EXPECT_EQ(*decide(Status::assigned, Action::start, as(Role::guide)), Status::in_progress);
  EXPECT_EQ(*decide(Status::in_progress, Action::resolve, as(Role::guide)), Status::resolved);
  EXPECT_EQ(*decide(Status::resolved, Action::close, staff), Status::closed);
}

TEST(Workflow, AStateThatDoesNotAllowTheActionIsAConflict) {
  auto staff = as(Role::staff);
  for (auto [from, action] :
       {std::pair{Status::accepted, Action::accept}, std::pair{Status::closed, Action::resolve},
        std::pair{Status::cancelled, Action::assign}, std::pair{Status::submitted, Action::close},
        std::pair{Status::duplicate, Action::reopen}}) {
    auto result = decide(from, action, staff);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().kind, ErrorKind::conflict);
    EXPECT_EQ(result.error().code, "transition_not_allowed");
  }
}

TEST(Workflow, RolesThatMayNeverTakeAnActionAreForbidden) {
  EXPECT_EQ(decide(Status::submitted, Action::accept, as(Role::resident, true)).error().kind,
            ErrorKind::forbidden);
  EXPECT_EQ(decide(Status::submitted, Action::reject, as(Role::guide)).error().kind,
            ErrorKind::forbidden);
  EXPECT_EQ(decide(Status::submitted, Action::accept, as(Role::street)).error().kind,
            ErrorKind::forbidden);
  EXPECT_EQ(decide(Status::accepted, Action::comment, as(Role::resident, false)).error().kind,
            ErrorKind::forbidden);
}

TEST(Workflow, AResidentReopensOwnResolvedRequestWithinSevenDaysOnly) {
  auto resident = as(Role::resident, true);
  resident.resolved_ms = resident.now_ms - 6LL * 24 * 3600 * 1000;
  EXPECT_EQ(*decide(Status::resolved, Action::reopen, resident), Status::reopened);
  resident.resolved_ms = resident.now_ms - 8LL * 24 * 3600 * 1000;
  EXPECT_EQ(decide(Status::resolved, Action::reopen, resident).error().code,
            "reopen_window_passed");
  EXPECT_EQ(decide(Status::closed, Action::reopen, as(Role::resident, true)).error().kind,
            ErrorKind::conflict);
  EXPECT_EQ(*decide(Status::closed, Action::reopen, as(Role::staff)), Status::reopened);
}

TEST(Workflow, AResidentCancelsOnlyBeforeWorkStarts) {
  EXPECT_EQ(*decide(Status::submitted, Action::cancel, as(Role::resident, true)),
            Status::cancelled);
  EXPECT_EQ(decide(Status::in_progress, Action::cancel, as(Role::resident, true)).error().kind,
            ErrorKind::conflict);
  EXPECT_EQ(*decide(Status::in_progress, Action::cancel, as(Role::staff)), Status::cancelled);
}

TEST(Workflow, FirstResponseIsLeavingSubmittedThroughStaffWork) {
  EXPECT_TRUE(counts_as_response(Status::submitted, Action::accept));
  EXPECT_TRUE(counts_as_response(Status::submitted, Action::resolve));
  EXPECT_FALSE(counts_as_response(Status::submitted, Action::comment));
  EXPECT_FALSE(counts_as_response(Status::submitted, Action::cancel));
  EXPECT_FALSE(counts_as_response(Status::accepted, Action::assign));
}

TEST(Workflow, NamesRoundTrip) {
  for (int i = 0; i <= static_cast<int>(Status::cancelled); ++i) {
    auto status = static_cast<Status>(i);
    EXPECT_EQ(parse_status(status_name(status)), status);
  }
  for (int i = 0; i <= static_cast<int>(Action::set_priority); ++i) {
    auto action = static_cast<Action>(i);
    EXPECT_EQ(parse_action(action_name(action)), action);
  }
  EXPECT_FALSE(parse_action("explode").has_value());
}

TEST(Workflow, StaffReferACaseAndTheStreetSignsForItWorksItOrReturnsIt) {
  auto street = as(Role::street);
  EXPECT_EQ(*decide(Status::accepted, Action::refer, as(Role::staff)), Status::assigned);
  EXPECT_EQ(*decide(Status::submitted, Action::refer, as(Role::admin)), Status::assigned);
  EXPECT_TRUE(counts_as_response(Status::submitted, Action::refer));
  EXPECT_EQ(decide(Status::accepted, Action::refer, as(Role::guide)).error().kind,
            ErrorKind::forbidden);
  EXPECT_EQ(decide(Status::resolved, Action::refer, as(Role::staff)).error().code,
            "transition_not_allowed");
  // Nothing pending for this street user: 409; another role: 403.
  EXPECT_EQ(decide(Status::assigned, Action::accept_referral, street).error().code,
            "no_pending_referral");
  EXPECT_EQ(decide(Status::assigned, Action::accept_referral, as(Role::staff)).error().kind,
            ErrorKind::forbidden);
  street.referral = Referral::pending;
  EXPECT_EQ(*decide(Status::assigned, Action::accept_referral, street), Status::assigned);
  // Pending, the street may not work it yet.
  EXPECT_EQ(decide(Status::assigned, Action::resolve, street).error().kind, ErrorKind::forbidden);
  EXPECT_EQ(*decide(Status::assigned, Action::return_referral, street), Status::accepted);
  street.referral = Referral::accepted;
  EXPECT_EQ(*decide(Status::assigned, Action::start, street), Status::in_progress);
  EXPECT_EQ(*decide(Status::in_progress, Action::resolve, street), Status::resolved);
  EXPECT_EQ(*decide(Status::in_progress, Action::return_referral, street), Status::accepted);
  EXPECT_EQ(decide(Status::resolved, Action::close, street).error().kind, ErrorKind::forbidden);
  // A street user without the referral works nothing.
  EXPECT_EQ(decide(Status::assigned, Action::resolve, as(Role::street)).error().kind,
            ErrorKind::forbidden);
}

}  // namespace
}  // namespace gz::requests
