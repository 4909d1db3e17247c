// The use cases of resident proposals (提案): a resident drafts and submits; other households
// second (one each, never the proposer's own); at the community's threshold the proposal is
// eligible and staff put it on a meeting's agenda; at the meeting staff record the motion's
// steps (move, second, call_vote, or defer), households present vote once each, and staff
// record the outcome by the quorum and majority rule; a decision then owes a public response
// within the deadline. The state machine, quorum, majority, stalled-topic and deadline rules
// are in rules.hpp; every write is audited.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/result.hpp"
#include "modules/participation/rules.hpp"
#include "storage/database.hpp"

namespace gz::participation {

struct AgendaItem {
  std::int64_t id = 0;
  std::int64_t activity_id = 0;
  std::string meeting_title;
  std::int64_t meeting_starts_ms = 0;
  Motion motion = Motion::scheduled;
  std::optional<std::string> outcome;
  Tally tally;  // present households and votes so far (final once decided)
  std::optional<std::string> note;
  std::optional<std::string> decided_at;
  // The reading resident's household: checked in at the meeting, and its vote (yes, no, abstain).
  bool my_household_present = false;
  std::optional<std::string> my_vote;
};

struct Proposal {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::int64_t household_id = 0;  // the proposer's; encoded for staff and the proposer only
  std::string title;
  std::string body;
  State state = State::draft;
  std::int64_t seconds = 0;
  std::int64_t seconds_required = 0;
  bool seconded_by_my_household = false;  // the reading resident's household seconded it
  std::int64_t meetings = 0;
  std::optional<std::int64_t> decided_ms;
  std::optional<std::int64_t> response_due_ms;
  std::optional<std::string> response;
  std::optional<std::string> responded_at;
  bool stalled = false;
  bool response_overdue = false;
  std::string created_at;
  std::vector<AgendaItem> agenda;  // filled by get_proposal only
};

// A resident of the community; submit = true skips the draft (straight to seconding).
Result<Proposal> draft_proposal(storage::Connection& db, const Actor& actor,
                                std::int64_t community_id, const std::string& title,
                                const std::string& body, bool submit, std::int64_t now_ms);
// submit (the proposer's household) and withdraw (the proposer's household, or staff).
Result<Proposal> transition_proposal(storage::Connection& db, const Actor& actor,
                                     std::int64_t proposal_id, const std::string& action,
                                     std::int64_t now_ms);
// A resident of another household of the community, while seconding. 409 own_household,
// already_seconded, not_seconding.
Result<Proposal> second_proposal(storage::Connection& db, const Actor& actor,
                                 std::int64_t proposal_id, std::int64_t now_ms);
// Staff: onto a meeting (an activity of kind meeting of the community that has not ended).
// 409 invalid_transition, not_a_meeting, meeting_over, already_on_agenda.
Result<Proposal> put_on_agenda(storage::Connection& db, const Actor& actor,
                               std::int64_t proposal_id, std::int64_t activity_id,
                               std::int64_t now_ms);
// Staff: move, second, call_vote, defer on the current agenda item.
Result<Proposal> motion_step(storage::Connection& db, const Actor& actor, std::int64_t proposal_id,
                             const std::string& step, const std::optional<std::string>& note,
                             std::int64_t now_ms);

struct Vote {
  std::int64_t proposal_id = 0;
  std::int64_t agenda_id = 0;
  std::string choice;
  std::string created_at;
};
// A resident whose household is checked in at the meeting, while the vote is open; once per
// household (409 already_voted, enforced by the primary key), 409 voting_closed, not_present.
Result<Vote> cast_vote(storage::Connection& db, const Actor& actor, std::int64_t proposal_id,
                       const std::string& choice, std::int64_t now_ms);
// Staff: closes the vote and records passed, rejected or no_quorum (rules.hpp).
Result<Proposal> record_outcome(storage::Connection& db, const Actor& actor,
                                std::int64_t proposal_id, const std::optional<std::string>& note,
                                std::int64_t now_ms);
// Staff: the public response to a decision (once).
Result<Proposal> respond_proposal(storage::Connection& db, const Actor& actor,
                                  std::int64_t proposal_id, const std::string& response,
                                  std::int64_t now_ms);

// Everyone of the community (drafts only to their proposer), newest first.
Result<std::vector<Proposal>> list_proposals(storage::Connection& db, const Actor& actor,
                                             std::int64_t community_id, std::optional<State> state,
                                             std::int64_t now_ms);
Result<Proposal> get_proposal(storage::Connection& db, const Actor& actor, std::int64_t proposal_id,
                              std::int64_t now_ms);

// Everyone of the community reads; staff and admins change (400 invalid_settings).
Result<Settings> get_settings(storage::Connection& db, const Actor& actor,
                              std::int64_t community_id);
Result<Settings> put_settings(storage::Connection& db, const Actor& actor,
                              std::int64_t community_id, const Settings& settings);

}  // namespace gz::participation
