// Council votes, professional assessments, returns and revisions; see decisions.hpp.
#include "modules/transparency/decisions.hpp"

#include <algorithm>
#include <array>
#include <boost/json.hpp>

#include "core/clock.hpp"
#include "core/text.hpp"
#include "modules/audit/audit.hpp"
#include "modules/transparency/moves.hpp"
#include "modules/transparency/permissions.hpp"
#include "modules/transparency/transparency.hpp"
#include "storage/transact.hpp"

namespace gz::transparency {
namespace {

constexpr std::int64_t kMembersMin = 3;
constexpr std::int64_t kMembersMax = 500;
constexpr std::array<std::string_view, 3> kRecommendations{"approve", "approve_with_changes",
                                                           "reject"};

Result<void> check_optional(const std::optional<std::string>& text, const char* field,
                            std::size_t max_bytes) {
  if (text && text->size() > max_bytes) {
    return bad_request("invalid_field", std::string(field) + " must be at most " +
                                            std::to_string(max_bytes) + " bytes");
  }
  return {};
}

std::optional<std::string> non_empty(const std::optional<std::string>& text) {
  if (!text || text->empty()) return std::nullopt;
  return text;
}

std::int64_t current_round(storage::Connection& db, std::int64_t plan_id) {
  return db.query_int("SELECT COUNT(*) FROM plan_events WHERE plan_id = ? AND action = 'publish'",
                      {plan_id});
}

// The plan for a manager's record, locked, in its write transaction.
Result<PlanStatus> managed_plan(storage::Connection& db, const Actor& actor, std::int64_t plan_id,
                                std::int64_t now_ms) {
  lock_lifecycle(db, plan_id);
  auto status = visible_plan(db, actor, plan_id, now_ms);
  if (!status) return status.take_error();
  if (!may_manage(actor, status->community_id)) {
    return forbidden("only community staff record the plan's decisions");
  }
  return status;
}

constexpr const char* kVoteColumns =
    "SELECT id, plan_id, meeting, held_at, place, members_total, members_present, votes_for, "
    "votes_against, votes_abstain, quorum_met, passed, minutes, reasons, created_at FROM "
    "plan_council_votes ";

CouncilVote vote_from(const storage::Row& row) {
  CouncilVote vote;
  vote.id = row.integer(0);
  vote.plan_id = row.integer(1);
  vote.meeting = row.text(2);
  vote.held_at = row.text(3);
  vote.place = row.opt_text(4);
  vote.members_total = row.integer(5);
  vote.members_present = row.integer(6);
  vote.votes_for = row.integer(7);
  vote.votes_against = row.integer(8);
  vote.votes_abstain = row.integer(9);
  vote.quorum_met = row.integer(10) != 0;
  vote.passed = row.integer(11) != 0;
  vote.minutes = row.text(12);
  vote.reasons = row.opt_text(13);
  vote.created_at = row.text(14);
  return vote;
}

constexpr const char* kAssessmentColumns =
    "SELECT id, plan_id, assessor, organisation, findings, recommendation, conditions, created_at "
    "FROM plan_assessments ";

Assessment assessment_from(const storage::Row& row) {
  return {row.integer(0), row.integer(1), row.text(2),     row.text(3),
          row.text(4),    row.text(5),    row.opt_text(6), row.text(7)};
}

// Why a vote failed, in the words the board shows.
std::string failing_note(const CouncilVote& vote) {
  std::string note = "议事会表决未通过：";
  if (!vote.quorum_met) {
    note += "出席 " + std::to_string(vote.members_present) + "/" +
            std::to_string(vote.members_total) + " 人，未达法定人数（须过半数出席）";
  } else {
    note += "赞成 " + std::to_string(vote.votes_for) + "、反对 " +
            std::to_string(vote.votes_against) + "、弃权 " + std::to_string(vote.votes_abstain) +
            "，赞成票未过出席人数半数";
  }
  if (vote.reasons) note += "。理由：" + *vote.reasons;
  return note;
}

}  // namespace

bool valid_recommendation(const std::string& name) {
  return std::find(kRecommendations.begin(), kRecommendations.end(), name) !=
         kRecommendations.end();
}

Result<VoteOutcome> council_outcome(const CouncilVoteInput& input) {
  if (input.members_total < kMembersMin || input.members_total > kMembersMax) {
    return bad_request("invalid_votes", "a council has " + std::to_string(kMembersMin) + "-" +
                                            std::to_string(kMembersMax) + " members");
  }
  if (input.members_present < 0 || input.members_present > input.members_total) {
    return bad_request("invalid_votes", "members present must be 0 to the number of members");
  }
  if (input.votes_for < 0 || input.votes_against < 0 || input.votes_abstain < 0 ||
      input.votes_for + input.votes_against + input.votes_abstain > input.members_present) {
    return bad_request("invalid_votes",
                       "for, against and abstaining votes cannot exceed the members present "
                       "(赞成、反对、弃权之和不能超过出席人数)");
  }
  VoteOutcome outcome;
  outcome.quorum_met = input.members_present * 2 > input.members_total;
  outcome.passed = outcome.quorum_met && input.votes_for * 2 > input.members_present;
  return outcome;
}

bool assessment_approves(storage::Connection& db, std::int64_t plan_id) {
  return db.query_int(
             "SELECT COUNT(*) FROM plan_assessments WHERE plan_id = ? AND round = ? AND "
             "recommendation <> 'reject'",
             {plan_id, current_round(db, plan_id)}) > 0;
}

Result<CouncilVote> record_council_vote(storage::Connection& db, const Actor& actor,
                                        std::int64_t plan_id, const CouncilVoteInput& input,
                                        std::int64_t now_ms, PlanStatus& moved) {
  GZ_TRY(text::require_text(input.meeting, "meeting", 200));
  GZ_TRY(text::require_text(input.minutes, "minutes", 8000));
  GZ_TRY(check_optional(input.place, "place", 200));
  GZ_TRY(check_optional(input.reasons, "reasons", 2000));
  if (input.held_ms > now_ms) {
    return bad_request("invalid_field", "held_at cannot be in the future");
  }
  GZ_ASSIGN_OR_RETURN(auto outcome, council_outcome(input));
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<CouncilVote> {
    GZ_ASSIGN_OR_RETURN(auto status, managed_plan(db, actor, plan_id, now_ms));
    if (status.stage != Stage::council_vote) {
      return conflict("not_in_council_vote",
                      "the plan is not awaiting its council vote (方案不在议事会表决阶段)");
    }
    CouncilVote vote;
    vote.plan_id = plan_id;
    vote.meeting = input.meeting;
    vote.held_at = format_iso8601(input.held_ms);
    vote.place = non_empty(input.place);
    vote.members_total = input.members_total;
    vote.members_present = input.members_present;
    vote.votes_for = input.votes_for;
    vote.votes_against = input.votes_against;
    vote.votes_abstain = input.votes_abstain;
    vote.quorum_met = outcome.quorum_met;
    vote.passed = outcome.passed;
    vote.minutes = input.minutes;
    vote.reasons = non_empty(input.reasons);
    vote.created_at = format_iso8601(now_ms);
    vote.id =
        db.query_one(
              "INSERT INTO plan_council_votes (plan_id, community_id, meeting, held_at, place, "
              "members_total, members_present, votes_for, votes_against, votes_abstain, "
              "quorum_met, passed, minutes, reasons, round, user_id, created_at) VALUES (?, ?, ?, "
              "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
              {plan_id, status.community_id, vote.meeting, vote.held_at,
               storage::opt_text(vote.place), vote.members_total, vote.members_present,
               vote.votes_for, vote.votes_against, vote.votes_abstain,
               std::int64_t{vote.quorum_met}, std::int64_t{vote.passed}, vote.minutes,
               storage::opt_text(vote.reasons), current_round(db, plan_id), actor.user_id,
               vote.created_at})
            ->integer(0);
    audit::append(
        db, actor,
        {status.community_id, "plan.council_vote", "allocation_plan", std::to_string(plan_id),
         boost::json::object{{"vote_id", vote.id},
                             {"members_total", vote.members_total},
                             {"members_present", vote.members_present},
                             {"for", vote.votes_for},
                             {"against", vote.votes_against},
                             {"abstain", vote.votes_abstain},
                             {"passed", vote.passed}}});
    std::string note = vote.passed
                           ? "议事会表决通过：出席 " + std::to_string(vote.members_present) + "/" +
                                 std::to_string(vote.members_total) + " 人，赞成 " +
                                 std::to_string(vote.votes_for) + "、反对 " +
                                 std::to_string(vote.votes_against) + "、弃权 " +
                                 std::to_string(vote.votes_abstain)
                           : failing_note(vote);
    GZ_TRY(move_plan(db, actor, status, vote.passed ? "council_passed" : "council_failed", note,
                     now_ms, true));
    moved = status;
    return vote;
  });
}

Result<Assessment> record_assessment(storage::Connection& db, const Actor& actor,
                                     std::int64_t plan_id, const AssessmentInput& input,
                                     std::int64_t now_ms, PlanStatus& moved) {
  GZ_TRY(text::require_text(input.assessor, "assessor", 100));
  GZ_TRY(text::require_text(input.organisation, "organisation", 200));
  GZ_TRY(text::require_text(input.findings, "findings", 8000));
  GZ_TRY(check_optional(input.conditions, "conditions", 4000));
  if (!valid_recommendation(input.recommendation)) {
    return bad_request("invalid_field",
                       "recommendation is one of approve, approve_with_changes, reject");
  }
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Assessment> {
    GZ_ASSIGN_OR_RETURN(auto status, managed_plan(db, actor, plan_id, now_ms));
    if (status.stage != Stage::professional_assessment) {
      return conflict(
          "not_in_assessment",
          "the plan is not awaiting its professional assessment (方案不在专业评估阶段)");
    }
    Assessment assessment{0,
                          plan_id,
                          input.assessor,
                          input.organisation,
                          input.findings,
                          input.recommendation,
                          non_empty(input.conditions),
                          format_iso8601(now_ms)};
    assessment.id =
        db.query_one(
              "INSERT INTO plan_assessments (plan_id, community_id, assessor, organisation, "
              "findings, recommendation, conditions, round, user_id, created_at) VALUES (?, ?, ?, "
              "?, ?, ?, ?, ?, ?, ?) RETURNING id",
              {plan_id, status.community_id, assessment.assessor, assessment.organisation,
               assessment.findings, assessment.recommendation,
               storage::opt_text(assessment.conditions), current_round(db, plan_id), actor.user_id,
               assessment.created_at})
            ->integer(0);
    audit::append(
        db, actor,
        {status.community_id, "plan.assessment", "allocation_plan", std::to_string(plan_id),
         boost::json::object{{"assessment_id", assessment.id},
                             {"organisation", assessment.organisation},
                             {"recommendation", assessment.recommendation}}});
    if (assessment.recommendation == "reject") {
      GZ_TRY(
          move_plan(db, actor, status, "assessment_rejected",
                    "专业评估不建议通过（" + assessment.organisation + "）：" + assessment.findings,
                    now_ms, true));
    }
    moved = status;
    return assessment;
  });
}

std::vector<CouncilVote> council_votes_of(storage::Connection& db, std::int64_t plan_id) {
  std::vector<CouncilVote> out;
  for (const auto& row :
       db.query(std::string(kVoteColumns) + "WHERE plan_id = ? ORDER BY id", {plan_id})) {
    out.push_back(vote_from(row));
  }
  return out;
}

std::vector<Assessment> assessments_of(storage::Connection& db, std::int64_t plan_id) {
  std::vector<Assessment> out;
  for (const auto& row :
       db.query(std::string(kAssessmentColumns) + "WHERE plan_id = ? ORDER BY id", {plan_id})) {
    out.push_back(assessment_from(row));
  }
  return out;
}

namespace {

Result<PlanStatus> readable_plan(storage::Connection& db, const Actor& actor,
                                 std::int64_t plan_id) {
  auto status = visible_plan(db, actor, plan_id, now_epoch_ms());
  if (!status) return status.take_error();
  if (!may_read_records(actor, status->community_id)) {
    return forbidden("residents read the plan's decisions on the public board");
  }
  return status;
}

}  // namespace

Result<std::vector<CouncilVote>> list_council_votes(storage::Connection& db, const Actor& actor,
                                                    std::int64_t plan_id) {
  GZ_TRY(readable_plan(db, actor, plan_id));
  return council_votes_of(db, plan_id);
}

Result<std::vector<Assessment>> list_assessments(storage::Connection& db, const Actor& actor,
                                                 std::int64_t plan_id) {
  GZ_TRY(readable_plan(db, actor, plan_id));
  return assessments_of(db, plan_id);
}

std::vector<Decision> decisions_of(storage::Connection& db, std::int64_t plan_id) {
  std::vector<Decision> out;
  for (const auto& row : db.query("SELECT action, from_stage, to_stage, note, created_at FROM "
                                  "plan_events WHERE plan_id = ? AND action IN ('council_failed', "
                                  "'assessment_rejected', 'return', 'reject') ORDER BY id",
                                  {plan_id})) {
    out.push_back({row.text(0), row.text(1), row.text(2), row.text(3), row.text(4)});
  }
  return out;
}

std::optional<Revision> revision_of(storage::Connection& db, const PlanStatus& status) {
  if (!status.revises_plan_id) return std::nullopt;
  Revision revision;
  revision.revises_plan_id = *status.revises_plan_id;
  std::vector<std::pair<std::string, std::int64_t>> before;
  for (const auto& row : db.query("SELECT category, total FROM allocation_plan_lines WHERE "
                                  "plan_id = ? ORDER BY position",
                                  {*status.revises_plan_id})) {
    before.emplace_back(row.text(0), row.integer(1));
    revision.total_before += row.integer(1);
  }
  for (const auto& row : db.query("SELECT category, total FROM allocation_plan_lines WHERE "
                                  "plan_id = ? ORDER BY position",
                                  {status.plan_id})) {
    RevisionLine line{row.text(0), std::nullopt, row.integer(1)};
    auto found = std::find_if(before.begin(), before.end(),
                              [&](const auto& item) { return item.first == line.category; });
    if (found != before.end()) {
      line.before = found->second;
      before.erase(found);
    }
    revision.total_after += line.after;
    revision.lines.push_back(std::move(line));
  }
  for (const auto& [category, total] : before) revision.lines.push_back({category, total, 0});
  return revision;
}

}  // namespace gz::transparency
