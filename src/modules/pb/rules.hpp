// Winner determination for participatory budgeting: the greedy rule most cities use and the
// Method of Equal Shares (equalshares.net), optionally completed by Add1. Pure functions over
// an Election (modules/pb/pabulib.hpp); amounts are the election's integer units.
//
// Greedy: projects in order of score, highest first — for approval ballots the number of
// approvals, for cumulative and scoring ballots the sum of points, for ordinal ballots the
// points the file gives (pabulib's `score` column; Borda points max_length - position when
// the file has none) — ties to the lower cost, then the lower project id (numerically when
// both ids are numbers). A project is funded when it still fits in what is left of the
// budget; the others are skipped and the scan goes on. A project nobody voted for (score 0)
// is never funded, nor one below META min_project_score_threshold. This reproduces the
// official `selected` column of the pabulib files whose rule is greedy.
//
// Method of Equal Shares: the budget is split equally among all voters (also those whose
// ballot is empty). Each round, every project still affordable gets its price per unit of
// utility rho: the smallest rho with sum over its supporters of min(budget_i, rho * u_i) =
// cost (the supporters who cannot pay their share pay what they have). The project with the
// lowest rho is funded, each supporter pays min(budget_i, rho * u_i), and the rounds go on
// until no project is affordable. Utility u_i is the project's cost per approval (`cost`,
// equalshares.net and pabulib's equalshares) or 1 per approval (`approval`); with points on
// the ballot (cumulative, scoring, ordinal) u_i is scaled by the voter's points. Ties in rho
// go to the lower cost, then the project more voters listed (equalshares.net), then the one
// listed first in the file (reported in Outcome::tie_broken_by_position).
//
// Comparison step (optional): voters count how many of their approved projects each
// outcome funds; if more voters prefer the greedy outcome than the equal-shares one, the
// greedy outcome is used (equalshares.net, "satisfaction" comparison).
//
// Add1 completion: the voters' shares are raised one currency unit at a time (starting from
// the budget per voter rounded down to whole units, as the equalshares.net tool does) and
// the last outcome that still fits in the real budget is kept: the steps stop as soon as the
// next one would exceed it. This is pabulib's equalshares/add1 and reproduces the Wieliczka
// 2023 result. Stopping early at an exhaustive outcome and a greedy fill afterwards (Add1U)
// are options, off by default. When every project with a supporter fits in the budget,
// Add1 ends with all of them.
//
// Arithmetic is exact: every decision (who is capped, which rho is lower, whether a project
// is affordable) is made on exact rationals. The hot loop computes in double with a
// rigorous error bound per value and only falls back to exact rationals
// (boost::multiprecision) when the bound cannot decide, so results never depend on rounding.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "modules/pb/pabulib.hpp"

namespace gz::pb {

struct Outcome {
  std::vector<std::size_t> selected;  // project indexes, in the order the rule chose them
  std::int64_t cost = 0;              // total cost of the selected projects
  // Equal shares only: the voters' shares summed (per voter = virtual_budget / voters) in the
  // run that gave the outcome, the Add1 steps taken, the comparisons the floating-point
  // filter left to exact arithmetic, and whether a tie had to fall back to file order.
  std::int64_t virtual_budget = 0;
  std::int64_t add1_steps = 0;
  std::int64_t exact_comparisons = 0;
  bool tie_broken_by_position = false;
  bool replaced_by_greedy = false;  // the comparison step preferred the greedy outcome
};

// Scores used by greedy (see above) and the number of ballots that list each project.
std::vector<std::int64_t> project_scores(const Election& election);
std::vector<std::int64_t> project_votes(const Election& election);

// Whether project id a sorts before b: numerically when both are unsigned whole numbers,
// byte-wise otherwise.
bool project_id_less(std::string_view a, std::string_view b);

// The projects greedy considers, best first: score > 0 and at least META
// min_project_score_threshold, ordered by score, then lower cost, then lower id.
std::vector<std::size_t> greedy_order(const Election& election);

// `skip` goes on past a project that does not fit (pabulib's greedy and greedy-threshold);
// `no_skip` stops at the first one that does not fit (pabulib's greedy-no-skip), passing
// over only projects with pabulib's sentinel cost 999,999,999 (withdrawn projects).
enum class GreedyVariant { skip, no_skip };
Outcome greedy(const Election& election, GreedyVariant variant = GreedyVariant::skip);

enum class Utility { cost, approval };
enum class Completion { none, add1, add1_then_greedy };
enum class Add1Start { whole_units_per_voter, exact_share };

struct EqualSharesOptions {
  Utility utility = Utility::cost;
  Completion completion = Completion::add1;
  Add1Start start = Add1Start::whole_units_per_voter;
  bool stop_when_exhaustive = false;  // Add1 also stops once no further project would fit
  // The comparison step (pabulib's "-comparison" rules): the greedy outcome replaces the
  // equal-shares one when more voters have more approved winners under greedy than under
  // equal shares.
  bool comparison_step = false;
  std::int64_t max_add1_steps = 1'000'000;
};

// Errors: bad_request "unsupported_ballots" for negative points; unprocessable
// "add1_did_not_converge" past max_add1_steps.
Result<Outcome> equal_shares(const Election& election, const EqualSharesOptions& options = {});

}  // namespace gz::pb
