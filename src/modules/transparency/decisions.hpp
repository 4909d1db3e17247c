// The three-level decision on a plan (社区议事会 + 专业评估 + 街道审核, seed 7.1) as records, and
// what the board shows of it: every council vote, every professional assessment, every return
// and rejection with its reason, and a revision's difference from the plan it revises.
//
// Rules:
//   council vote   recorded while the plan is in council_vote (409 not_in_council_vote) by
//                  staff and admins of the community. Counts: 3–500 members, present ≤ members,
//                  for + against + abstain ≤ present (400 invalid_votes). Quorum (法定人数):
//                  more than half the members present. Passed: quorum and more than half of
//                  those present for. A passing vote moves the plan to professional assessment;
//                  a failing one returns it to draft, the reason (quorum or votes, and the
//                  meeting's reasons) in its public history.
//   assessment     recorded while the plan is in professional_assessment (409
//                  not_in_assessment): assessor, organisation, findings, recommendation
//                  approve | approve_with_changes | reject. A rejection returns the plan to
//                  draft with the findings as the reason; submit_review needs an approving
//                  assessment of the current round (lifecycle.hpp: assessment_missing).
//   round          a plan published again goes through both again: records carry the number of
//                  publications they were recorded in.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/result.hpp"
#include "storage/database.hpp"

namespace gz::transparency {

struct PlanStatus;

struct CouncilVoteInput {
  std::string meeting;
  std::int64_t held_ms = 0;
  std::optional<std::string> place;
  std::int64_t members_total = 0;
  std::int64_t members_present = 0;
  std::int64_t votes_for = 0;
  std::int64_t votes_against = 0;
  std::int64_t votes_abstain = 0;
  std::string minutes;
  std::optional<std::string> reasons;
};

struct VoteOutcome {
  bool quorum_met = false;
  bool passed = false;
};
// The pure rule above; 400 invalid_votes for counts that cannot be.
Result<VoteOutcome> council_outcome(const CouncilVoteInput& input);

struct CouncilVote {
  std::int64_t id = 0;
  std::int64_t plan_id = 0;
  std::string meeting;
  std::string held_at;
  std::optional<std::string> place;
  std::int64_t members_total = 0;
  std::int64_t members_present = 0;
  std::int64_t votes_for = 0;
  std::int64_t votes_against = 0;
  std::int64_t votes_abstain = 0;
  bool quorum_met = false;
  bool passed = false;
  std::string minutes;
  std::optional<std::string> reasons;
  std::string created_at;
};

struct AssessmentInput {
  std::string assessor;
  std::string organisation;
  std::string findings;
  std::string recommendation;  // approve | approve_with_changes | reject
  std::optional<std::string> conditions;
};
struct Assessment {
  std::int64_t id = 0;
  std::int64_t plan_id = 0;
  std::string assessor;
  std::string organisation;
  std::string findings;
  std::string recommendation;
  std::optional<std::string> conditions;
  std::string created_at;
};
bool valid_recommendation(const std::string& name);

// Staff and admins of the plan's community (others of it 403, outsiders 404). Audited; the
// plan moves in the same transaction. Returns the record; `moved` is the plan afterwards.
Result<CouncilVote> record_council_vote(storage::Connection& db, const Actor& actor,
                                        std::int64_t plan_id, const CouncilVoteInput& input,
                                        std::int64_t now_ms, PlanStatus& moved);
Result<Assessment> record_assessment(storage::Connection& db, const Actor& actor,
                                     std::int64_t plan_id, const AssessmentInput& input,
                                     std::int64_t now_ms, PlanStatus& moved);

// As stored, oldest first (no permission check: the board and the routes check).
std::vector<CouncilVote> council_votes_of(storage::Connection& db, std::int64_t plan_id);
std::vector<Assessment> assessments_of(storage::Connection& db, std::int64_t plan_id);
// Guides, staff, street users of the community and admins.
Result<std::vector<CouncilVote>> list_council_votes(storage::Connection& db, const Actor& actor,
                                                    std::int64_t plan_id);
Result<std::vector<Assessment>> list_assessments(storage::Connection& db, const Actor& actor,
                                                 std::int64_t plan_id);

// Every return and rejection of the plan (failing votes, rejecting assessments, the street's
// returns and rejections), oldest first, with its public reason.
struct Decision {
  std::string action;
  std::string from_stage;
  std::string to_stage;
  std::string reason;
  std::string created_at;
};
std::vector<Decision> decisions_of(storage::Connection& db, std::int64_t plan_id);

// A revision's difference from the plan it revises, per category in the revision's order,
// then categories the revision dropped (after 0).
struct RevisionLine {
  std::string category;
  std::optional<std::int64_t> before;
  std::int64_t after = 0;
};
struct Revision {
  std::int64_t revises_plan_id = 0;
  std::int64_t total_before = 0;
  std::int64_t total_after = 0;
  std::vector<RevisionLine> lines;
};
std::optional<Revision> revision_of(storage::Connection& db, const PlanStatus& status);

}  // namespace gz::transparency
