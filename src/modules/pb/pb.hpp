// The participatory-budgeting module's contract: elections kept in the database, their
// projects, ballots and results under the greedy rule or the Method of Equal Shares. Other
// modules may call the use cases of elections.hpp (create_election, add_project,
// cast_ballot, election_results, voting_window, …) and the types they are written in: the
// pabulib model (pabulib.hpp) and the rule names (compute.hpp: RuleName, parse_rule_name).
// `gongzhi pb compute` and the routes are wired by src/cli and src/app.
#pragma once

#include "modules/pb/elections.hpp"
