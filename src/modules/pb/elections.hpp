// Participatory-budgeting elections kept in the database: the use cases behind
// /api/v1/pb/*. An election is converted to the pabulib model (pabulib.hpp) to check ballots
// and to compute results (compute.hpp), so the app and `gongzhi pb compute` agree.
//
// Rules of the app (beyond pabulib's):
//   - A resident login stands for its household: one ballot per household and election
//     (409 already_voted), cast inside the voting window [opens, closes) (409
//     voting_not_open / voting_closed). Only resident users vote.
//   - Approval ballots name project ids; META min_length / max_length apply (400
//     invalid_ballot), and so do max_sum_cost / min_sum_cost when META sets them (the total
//     cost of the approved projects; 400 ballot_over_budget / ballot_under_budget).
//   - Projects may be proposed (residents, guides, staff) until the first ballot is cast or
//     the window closes (409 voting_started / voting_closed).
//   - An imported election keeps the file's META, projects (id, cost, name) and ballots; its
//     voting window is empty, so it takes no new ballots or projects. Other project columns
//     (score, votes, selected, ...) are not kept; ordinal ballots fall back to Borda points.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/result.hpp"
#include "modules/pb/compute.hpp"
#include "modules/pb/pabulib.hpp"
#include "storage/database.hpp"

namespace gz::pb {

struct StoredElection {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::string name;
  std::int64_t budget = 0;
  int amount_decimals = 0;
  std::string vote_type = "approval";
  std::string rule = "greedy";
  std::optional<std::int64_t> voting_opens_ms;
  std::optional<std::int64_t> voting_closes_ms;
  std::vector<MetaEntry> meta;
  std::int64_t created_by_user_id = 0;
  std::string created_at;
  std::int64_t project_count = 0;
  std::int64_t ballot_count = 0;
  // When the reading resident's household cast its ballot here (residents only).
  std::optional<std::string> my_ballot_at;
};

// Where an election's voting window stands at an instant: ballots are taken from the opening
// instant up to (not including) the closing one. The ballot desk, the project desk and the
// pages (election JSON "voting") all read this one rule.
enum class VotingWindow { not_open, open, closed };
VotingWindow voting_window(const StoredElection& election, std::int64_t now_ms);
std::string_view voting_window_name(VotingWindow window);

struct StoredProject {
  std::int64_t id = 0;
  std::int64_t election_id = 0;
  std::string project_key;
  std::string name;
  std::int64_t cost = 0;
  std::optional<std::string> description;
  std::optional<std::int64_t> proposer_user_id;
};

struct ElectionInput {
  std::int64_t community_id = 0;
  std::string name;
  std::int64_t budget = 0;
  std::string vote_type = "approval";
  std::string rule = "greedy";
  std::string voting_opens_at;   // ISO 8601 with offset
  std::string voting_closes_at;  // ISO 8601 with offset
  std::optional<std::int64_t> min_length;
  std::optional<std::int64_t> max_length;
  std::optional<std::int64_t> max_sum_cost;
};
// Staff and admins of the community.
Result<StoredElection> create_election(storage::Connection& db, const Actor& actor,
                                       const ElectionInput& input);
Result<StoredElection> get_election(storage::Connection& db, const Actor& actor,
                                    std::int64_t election_id);
// A community's elections, newest first (members of the community; 404 otherwise).
Result<std::vector<StoredElection>> list_elections(storage::Connection& db, const Actor& actor,
                                                   std::int64_t community_id);

struct ProjectInput {
  std::int64_t election_id = 0;
  std::string name;
  std::int64_t cost = 0;
  std::optional<std::string> description;
};
Result<StoredProject> add_project(storage::Connection& db, const Actor& actor,
                                  const ProjectInput& input, std::int64_t now_ms);

struct StoredBallot {
  std::int64_t id = 0;
  std::int64_t election_id = 0;
  std::int64_t household_id = 0;
  std::vector<std::int64_t> project_ids;
  std::string created_at;
};
Result<StoredBallot> cast_ballot(storage::Connection& db, const Actor& actor,
                                 std::int64_t election_id,
                                 const std::vector<std::int64_t>& project_ids, std::int64_t now_ms);

struct ElectionResults {
  StoredElection election;
  RuleName rule = RuleName::greedy;
  std::vector<StoredProject> projects;  // pabulib project index order
  std::vector<std::int64_t> votes;      // per project
  Outcome outcome;
};
// Members of the community (residents too: results are public to them). rule: nullopt =
// the election's own rule.
Result<ElectionResults> election_results(storage::Connection& db, const Actor& actor,
                                         std::int64_t election_id, std::optional<RuleName> rule);

// The election as a `.pb` file (pabulib's format, written by write_pb): META (description,
// country, unit = the community's name, budget, vote_type, rule, num_projects, num_votes),
// PROJECTS with name and votes, plus `selected` under the election's rule once voting has
// closed, and VOTES. Voter ids are anonymous: ballots are sorted by their content and
// numbered 1..n, so neither a household nor the order of voting can be read back. Members of
// the community (the same people who may see the results).
Result<std::string> export_election(storage::Connection& db, const Actor& actor,
                                    std::int64_t election_id, std::int64_t now_ms);

// A `.pb` file → a new election with its projects and ballots. Staff and admins.
Result<StoredElection> import_election(storage::Connection& db, const Actor& actor,
                                       std::int64_t community_id, std::string_view pb_text);

}  // namespace gz::pb
