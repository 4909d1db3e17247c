#include "modules/pb/rules.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/multiprecision/cpp_int.hpp>
#include <random>
#include <set>
#include <string>

#include "modules/pb/test_data.hpp"

namespace gz::pb {
namespace {

using Rational = boost::multiprecision::cpp_rational;

// An election from costs and ballots (project indexes; points when given).
Election make_election(std::int64_t budget, const std::vector<std::int64_t>& costs,
                       const std::vector<std::vector<std::size_t>>& ballots,
                       VoteType type = VoteType::approval,
                       const std::vector<std::vector<std::int64_t>>& points = {}) {
  Election e;
  e.budget = budget;
  e.vote_type = type;
  e.has_points = !points.empty();
  for (std::size_t p = 0; p < costs.size(); ++p) {
    e.projects.push_back(Project{std::to_string(p + 1), costs[p], {}});
  }
  for (std::size_t v = 0; v < ballots.size(); ++v) {
    Ballot ballot{"v" + std::to_string(v + 1), ballots[v], {}, {}};
    if (!points.empty()) ballot.points = points[v];
    e.ballots.push_back(std::move(ballot));
  }
  return e;
}

std::vector<std::size_t> repeat(std::size_t times, std::vector<std::size_t> ballot,
                                std::vector<std::vector<std::size_t>>& into) {
  for (std::size_t k = 0; k < times; ++k) into.push_back(ballot);
  return ballot;
}

std::set<std::size_t> as_set(const std::vector<std::size_t>& v) {
  return {v.begin(), v.end()};
}

Outcome mes(const Election& e, Utility utility, Completion completion = Completion::none) {
  EqualSharesOptions options;
  options.utility = utility;
  options.completion = completion;
  auto outcome = equal_shares(e, options);
  EXPECT_TRUE(outcome.ok()) << (outcome.ok() ? "" : outcome.error().message);
  return outcome.ok() ? outcome.value() : Outcome{};
}

Election read(const std::string& name) {
  auto e = read_pb_file(testing::pabulib_file(name));
  EXPECT_TRUE(e.ok()) << name << ": " << (e.ok() ? "" : e.error().message);
  return e.ok() ? std::move(e.value()) : Election{};
}

// --- greedy -------------------------------------------------------------------------------

TEST(Greedy, skips_a_project_that_no_longer_fits_and_goes_on) {
  // Votes: project 1: 3, project 2: 2, project 3: 1. 60 + 50 > 100, so 2 is skipped.
  Election e = make_election(100, {60, 50, 40}, {{0, 1}, {0}, {0, 1, 2}});
  Outcome outcome = greedy(e);
  EXPECT_EQ(outcome.selected, (std::vector<std::size_t>{0, 2}));
  EXPECT_EQ(outcome.cost, 100);
}

TEST(Greedy, breaks_ties_by_lower_cost_then_lower_id) {
  Election e = make_election(100, {50, 40, 50}, {{0, 1, 2}});
  e.projects[0].id = "10";
  e.projects[2].id = "9";  // numerically lower than "10"
  EXPECT_EQ(greedy(e).selected, (std::vector<std::size_t>{1, 2}));
  EXPECT_TRUE(project_id_less("9", "10"));
  EXPECT_TRUE(project_id_less("007", "10"));
  EXPECT_TRUE(project_id_less("B10", "B9"));  // not numbers: byte order
}

TEST(Greedy, never_funds_a_project_nobody_voted_for) {
  Election e = make_election(100, {50, 10}, {{0}});
  EXPECT_EQ(greedy(e).selected, (std::vector<std::size_t>{0}));
  set_meta(e, "min_project_score_threshold", "2");
  EXPECT_TRUE(greedy(e).selected.empty());
}

TEST(Greedy, the_no_skip_variant_stops_at_the_first_project_that_does_not_fit) {
  // Votes 3, 2, 1: 60 fits, 50 does not -> stop (plain greedy would go on to 40).
  Election e = make_election(100, {60, 50, 40}, {{0, 1}, {0}, {0, 1, 2}});
  EXPECT_EQ(greedy(e, GreedyVariant::no_skip).selected, (std::vector<std::size_t>{0}));
  // pabulib marks withdrawn projects with cost 999,999,999: passed over, not a stop.
  e.projects[1].cost = 999'999'999;
  EXPECT_EQ(greedy(e, GreedyVariant::no_skip).selected, (std::vector<std::size_t>{0, 2}));
}

TEST(Greedy, sorts_cumulative_and_ordinal_ballots_by_points) {
  // Project 1 is on more ballots, project 2 has more points.
  Election e =
      make_election(10, {10, 10}, {{0, 1}, {0}, {1}}, VoteType::cumulative, {{1, 2}, {1}, {3}});
  EXPECT_EQ(project_votes(e), (std::vector<std::int64_t>{2, 2}));
  EXPECT_EQ(project_scores(e), (std::vector<std::int64_t>{2, 5}));
  EXPECT_EQ(greedy(e).selected, (std::vector<std::size_t>{1}));
  // Ordinal without points: Borda points max_length - position.
  Election ranked = make_election(10, {10, 10, 10}, {{2, 0}, {0, 2}, {2, 1}}, VoteType::ordinal);
  set_meta(ranked, "max_length", "2");
  EXPECT_EQ(project_scores(ranked), (std::vector<std::int64_t>{3, 1, 5}));
  EXPECT_EQ(greedy(ranked).selected, (std::vector<std::size_t>{2}));
}

TEST(Greedy, reproduces_the_official_result_of_every_greedy_file) {
  const char* names[] = {"poland_katowice_2021_osiedle-tysiaclecia.pb",
                         "poland_krakow_2022_pradnik-bialy.pb",
                         "poland_lodz_2020_radogoszcz.pb",
                         "poland_lodz_2022_.pb",
                         "poland_warszawa_2019_bemowo.pb",
                         "poland_warszawa_2023_rembertow.pb"};
  int checked = 0;
  for (const char* name : names) {
    if (!testing::have_pabulib_file(name)) continue;
    Election e = read(name);
    ASSERT_EQ(meta_value(e, "rule"), "greedy") << name;
    auto official = official_selection(e);
    ASSERT_TRUE(official.has_value()) << name;
    Outcome outcome = greedy(e);
    EXPECT_EQ(as_set(outcome.selected), as_set(*official)) << name;
    EXPECT_LE(outcome.cost, e.budget) << name;
    // The scores greedy sorts by are the file's own votes / score columns.
    std::vector<std::int64_t> scores = project_scores(e), votes = project_votes(e);
    for (std::size_t p = 0; p < e.projects.size(); ++p) {
      auto score_column = project_field(e, p, "score");
      auto votes_column = project_field(e, p, "votes");
      if (score_column) {
        EXPECT_EQ(std::to_string(scores[p]), *score_column) << name;
      }
      if (votes_column) {
        EXPECT_EQ(std::to_string(votes[p]), *votes_column) << name;
      }
    }
    ++checked;
  }
  if (checked == 0) GTEST_SKIP() << "no pabulib files in " << testing::pabulib_dir();
  EXPECT_EQ(checked, 6);
}

// --- equal shares: hand-checked examples --------------------------------------------------

// Six voters with 10 each (budget 60). A costs 10 {v1,v2}, B costs 36 {v1..v6}, C costs 12
// {v3,v4}. Approval utilities (rho = payment per voter):
//   round 1: A 10/2 = 5, B 36/6 = 6, C 12/2 = 6          -> A; v1, v2 keep 5
//   round 2: B: 6 each, but v1, v2 hold 5 -> they pay 5, the other four (36-10)/4 = 6.5;
//            C 6                                          -> C; v3, v4 keep 4
//   round 3: B: v3, v4 pay their 4, then (36-8)/4 = 7 > 5 so v1, v2 pay their 5 too, and
//            v5, v6 pay (36-18)/2 = 9 each                -> B
// Cost utilities (rho = payment / cost): B 6/36 is lowest at once and everyone pays 6;
// then A needs 10 from 4+4 and C 12 from 4+4: neither is affordable.
Election capping_example() {
  return make_election(60, {10, 36, 12}, {{0, 1}, {0, 1}, {1, 2}, {1, 2}, {1}, {1}});
}

TEST(EqualShares, caps_voters_who_cannot_pay_an_equal_share) {
  Outcome approval = mes(capping_example(), Utility::approval);
  EXPECT_EQ(approval.selected, (std::vector<std::size_t>{0, 2, 1}));
  EXPECT_EQ(approval.cost, 58);
  Outcome cost = mes(capping_example(), Utility::cost);
  EXPECT_EQ(cost.selected, (std::vector<std::size_t>{1}));
  EXPECT_EQ(cost.cost, 36);
}

TEST(EqualShares, a_fifth_of_the_voters_controls_a_fifth_of_the_budget) {
  // 80 voters approve five "red" projects, 20 voters five "blue" ones; each costs 200 and
  // the budget is 1000. Greedy funds the five red projects. Equal shares gives each voter
  // 10: the 80 red voters (800) pay for four red projects, the 20 blue voters (200) for one.
  std::vector<std::vector<std::size_t>> ballots;
  repeat(80, {0, 1, 2, 3, 4}, ballots);
  repeat(20, {5, 6, 7, 8, 9}, ballots);
  Election e = make_election(1000, std::vector<std::int64_t>(10, 200), ballots);
  auto blue_share = [](const Outcome& outcome) {
    std::int64_t blue = 0;
    for (std::size_t p : outcome.selected) blue += p >= 5 ? 200 : 0;
    return blue;
  };
  Outcome by_greedy = greedy(e);
  EXPECT_EQ(by_greedy.cost, 1000);
  EXPECT_EQ(blue_share(by_greedy), 0);
  for (Utility utility : {Utility::cost, Utility::approval}) {
    for (Completion completion : {Completion::none, Completion::add1}) {
      Outcome outcome = mes(e, utility, completion);
      EXPECT_EQ(outcome.cost, 1000);
      EXPECT_EQ(blue_share(outcome), 200);  // 20% of the budget for 20% of the voters
    }
  }
  // Add1 raises each share to 12 (red 960: still four projects; blue 240: one); at 13 the
  // red voters could pay for a fifth and the total would be 1200.
  Outcome add1 = mes(e, Utility::cost, Completion::add1);
  EXPECT_EQ(add1.virtual_budget, 1200);
  EXPECT_EQ(add1.add1_steps, 3);
}

TEST(EqualShares, the_comparison_step_can_hand_the_outcome_back_to_greedy) {
  // In the 80/20 example above, the 80 red voters have four approved projects under equal
  // shares and five under greedy; the 20 blue voters one and none. 80 prefer greedy, so
  // the comparison step (pabulib's "-comparison" rules) takes the greedy outcome.
  std::vector<std::vector<std::size_t>> ballots;
  repeat(80, {0, 1, 2, 3, 4}, ballots);
  repeat(20, {5, 6, 7, 8, 9}, ballots);
  Election e = make_election(1000, std::vector<std::int64_t>(10, 200), ballots);
  EqualSharesOptions options;
  options.comparison_step = true;
  auto outcome = equal_shares(e, options);
  ASSERT_TRUE(outcome.ok());
  EXPECT_TRUE(outcome->replaced_by_greedy);
  EXPECT_EQ(as_set(outcome->selected), as_set(greedy(e).selected));
  // Three groups of 40, 30 and 30 voters, five projects of 200 each: greedy funds the
  // five of the 40; equal shares (Add1 stops at 13 each) two of theirs and one each for
  // the others. 40 prefer greedy, 60 equal shares: the equal-shares outcome stays.
  ballots.clear();
  repeat(40, {0, 1, 2, 3, 4}, ballots);
  repeat(30, {5, 6, 7, 8, 9}, ballots);
  repeat(30, {10, 11, 12, 13, 14}, ballots);
  e = make_election(1000, std::vector<std::int64_t>(15, 200), ballots);
  outcome = equal_shares(e, options);
  ASSERT_TRUE(outcome.ok());
  EXPECT_FALSE(outcome->replaced_by_greedy);
  EXPECT_EQ(outcome->selected.size(), 4u);
  EXPECT_EQ(outcome->virtual_budget, 1300);
}

TEST(EqualShares, breaks_ties_by_lower_cost) {
  // v1 and v2 (10 each) approve X (20) and Y (10); with cost utilities both have rho 1/2.
  // The cheaper Y wins; afterwards X is out of reach.
  Election e = make_election(20, {20, 10}, {{0, 1}, {0, 1}});
  Outcome outcome = mes(e, Utility::cost);
  EXPECT_EQ(outcome.selected, (std::vector<std::size_t>{1}));
  EXPECT_FALSE(outcome.tie_broken_by_position);
  EXPECT_GT(outcome.exact_comparisons, 0);  // an exact tie is always settled exactly
}

TEST(EqualShares, breaks_ties_between_equal_costs_by_more_votes) {
  // Nine voters with 4 each. S (24) is approved by v0 and w1..w5: rho 1/6, funded first,
  // and they pay all they have. Then P (12, approved by v1..v3) and Q (12, approved by
  // v0..v3) both cost v1..v3 4 each: rho 1/3 for both. Q has the more votes (4 to 3).
  std::vector<std::vector<std::size_t>> ballots = {{0, 2}, {1, 2}, {1, 2}, {1, 2}};
  repeat(5, {0}, ballots);
  Election e = make_election(36, {24, 12, 12}, ballots);
  Outcome outcome = mes(e, Utility::cost);
  EXPECT_EQ(outcome.selected, (std::vector<std::size_t>{0, 2}));
  EXPECT_FALSE(outcome.tie_broken_by_position);
}

TEST(EqualShares, falls_back_to_file_order_and_says_so) {
  Election e = make_election(20, {10, 10}, {{0, 1}, {0, 1}});
  Outcome outcome = mes(e, Utility::cost);
  EXPECT_EQ(outcome.selected, (std::vector<std::size_t>{0, 1}));
  EXPECT_TRUE(outcome.tie_broken_by_position);
}

TEST(EqualShares, decides_a_difference_below_double_precision) {
  // Three voters hold k = 2^53 each. X costs 3k - 1 (approved by all three): 1/3 less than
  // k each. Y costs k (approved by v1 alone): k. In doubles k - 1/3 rounds to k, a tie that
  // would go to the cheaper Y; exactly, X is cheaper per voter and wins, and then v1 has
  // 1/3 left, not enough for Y.
  const std::int64_t k = std::int64_t{1} << 53;
  Election e = make_election(3 * k, {3 * k - 1, k}, {{0, 1}, {0}, {0}});
  Outcome outcome = mes(e, Utility::approval);
  EXPECT_EQ(outcome.selected, (std::vector<std::size_t>{0}));
  EXPECT_GT(outcome.exact_comparisons, 0);
}

TEST(EqualShares, funds_nothing_without_voters_and_never_funds_unsupported_projects) {
  EXPECT_TRUE(mes(make_election(100, {10}, {}), Utility::cost).selected.empty());
  Election e = make_election(100, {10, 10}, {{0}, {}});
  EXPECT_EQ(mes(e, Utility::cost).selected, (std::vector<std::size_t>{0}));
}

TEST(EqualShares, refuses_negative_points) {
  Election e = make_election(100, {10}, {{0}}, VoteType::scoring, {{-1}});
  auto outcome = equal_shares(e);
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.error().code, "unsupported_ballots");
}

// --- equal shares against a plain exact implementation ------------------------------------

// The rule written out voter by voter in exact rationals, nothing clever.
std::vector<std::size_t> reference_mes(const Election& e, Utility utility, std::int64_t budget) {
  const std::size_t n = e.ballots.size(), m = e.projects.size();
  std::vector<Rational> money(n, Rational(budget, static_cast<std::int64_t>(n)));
  std::vector<std::vector<std::pair<std::size_t, std::int64_t>>> supporters(m);
  std::vector<std::int64_t> votes(m, 0);
  for (std::size_t v = 0; v < n; ++v) {
    const Ballot& b = e.ballots[v];
    for (std::size_t k = 0; k < b.projects.size(); ++k) {
      std::int64_t weight = b.points.empty() ? 1 : b.points[k];
      if (weight <= 0) continue;
      supporters[b.projects[k]].push_back({v, weight});
      ++votes[b.projects[k]];
    }
  }
  std::vector<bool> open(m);
  for (std::size_t c = 0; c < m; ++c) open[c] = !supporters[c].empty() && e.projects[c].cost > 0;
  std::vector<std::size_t> chosen;
  while (true) {
    std::optional<Rational> best_rho;
    std::vector<std::size_t> best;
    std::vector<Rational> unit_of(m);
    for (std::size_t c = 0; c < m; ++c) {
      if (!open[c]) continue;
      auto sup = supporters[c];
      std::sort(sup.begin(), sup.end(), [&](auto a, auto b) {
        return money[a.first] * b.second < money[b.first] * a.second;
      });
      Rational paid = 0;
      std::int64_t weight = 0;
      for (auto [v, w] : sup) weight += w;
      const std::int64_t cost = e.projects[c].cost;
      for (auto [v, w] : sup) {
        if ((Rational(cost) - paid) * w > money[v] * weight) {
          paid += money[v];
          weight -= w;
        } else {
          break;
        }
      }
      if (weight == 0) {
        open[c] = false;
        continue;
      }
      unit_of[c] = (Rational(cost) - paid) / weight;
      Rational rho = unit_of[c] / (utility == Utility::cost ? cost : 1);
      if (!best_rho || rho < *best_rho) {
        best_rho = rho;
        best.assign(1, c);
      } else if (rho == *best_rho) {
        best.push_back(c);
      }
    }
    if (best.empty()) break;
    std::size_t j = *std::min_element(best.begin(), best.end(), [&](std::size_t a, std::size_t b) {
      if (e.projects[a].cost != e.projects[b].cost) return e.projects[a].cost < e.projects[b].cost;
      if (votes[a] != votes[b]) return votes[a] > votes[b];
      return a < b;
    });
    chosen.push_back(j);
    open[j] = false;
    for (auto [v, w] : supporters[j]) {
      Rational pay = unit_of[j] * w;
      money[v] = money[v] > pay ? Rational(money[v] - pay) : Rational(0);
    }
  }
  return chosen;
}

TEST(EqualShares, agrees_with_a_plain_exact_implementation_on_random_elections) {
  std::mt19937_64 random(20260701);
  int cases = 0;
  for (int round = 0; round < 600; ++round) {
    const bool cardinal = round % 3 == 2;
    const std::size_t voters = 1 + random() % 14, projects = 1 + random() % 7;
    std::vector<std::int64_t> costs(projects);
    // Few distinct costs and small numbers: plenty of exact ties and capped voters.
    for (auto& cost : costs) cost = 1 + static_cast<std::int64_t>(random() % 6) * 3;
    std::vector<std::vector<std::size_t>> ballots(voters);
    std::vector<std::vector<std::int64_t>> points(voters);
    for (std::size_t v = 0; v < voters; ++v) {
      for (std::size_t p = 0; p < projects; ++p) {
        if (random() % 2 == 0) continue;
        ballots[v].push_back(p);
        points[v].push_back(1 + static_cast<std::int64_t>(random() % 3));
      }
    }
    const std::int64_t budget = 1 + static_cast<std::int64_t>(random() % 40);
    Election e = cardinal ? make_election(budget, costs, ballots, VoteType::cumulative, points)
                          : make_election(budget, costs, ballots);
    for (Utility utility : {Utility::cost, Utility::approval}) {
      Outcome outcome = mes(e, utility);
      ASSERT_EQ(outcome.selected, reference_mes(e, utility, budget))
          << "round " << round << (cardinal ? " cardinal" : " approval")
          << (utility == Utility::cost ? " cost" : " approval-utility");
      ++cases;
    }
  }
  EXPECT_EQ(cases, 1200);
}

// --- equal shares on real elections -------------------------------------------------------

TEST(EqualShares, add1_reproduces_wieliczka_2023) {
  const char* name = "poland_wieliczka_2023.pb";
  if (!testing::have_pabulib_file(name)) GTEST_SKIP() << "no " << name;
  Election e = read(name);
  ASSERT_EQ(meta_value(e, "rule"), "equalshares/add1");
  auto outcome = equal_shares(e);  // defaults: cost utilities, Add1 from whole units
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(as_set(outcome->selected), as_set(*official_selection(e)));
  EXPECT_EQ(outcome->selected.size(), 30u);
  EXPECT_EQ(outcome->cost, 995079);  // as published on equalshares.net
  // Shares from 306 to 315 zł give this outcome; at 316 project 16 joins and the total
  // passes the budget, so Add1 stops at 315.
  EXPECT_EQ(outcome->virtual_budget, 315 * 6586);
  EXPECT_FALSE(outcome->tie_broken_by_position);

  // Starting from the exact share 1,000,000 / 6586 gives the same projects.
  EqualSharesOptions exact_start;
  exact_start.start = Add1Start::exact_share;
  auto from_exact = equal_shares(e, exact_start);
  ASSERT_TRUE(from_exact.ok());
  EXPECT_EQ(as_set(from_exact->selected), as_set(*official_selection(e)));

  // Stopping at the first exhaustive outcome (302 zł, nothing else fits) would not.
  EqualSharesOptions exhaustive;
  exhaustive.stop_when_exhaustive = true;
  auto early = equal_shares(e, exhaustive);
  ASSERT_TRUE(early.ok());
  EXPECT_EQ(early->cost, 984579);
  EXPECT_EQ(early->virtual_budget, 302 * 6586);
}

TEST(EqualShares, greedy_differs_from_the_official_wieliczka_result) {
  const char* name = "poland_wieliczka_2023.pb";
  if (!testing::have_pabulib_file(name)) GTEST_SKIP() << "no " << name;
  Election e = read(name);
  EXPECT_NE(as_set(greedy(e).selected), as_set(*official_selection(e)));
}

TEST(EqualShares, add1_on_lodz_2022_stays_within_the_budget) {
  const char* name = "poland_lodz_2022_.pb";
  if (!testing::have_pabulib_file(name)) GTEST_SKIP() << "no " << name;
  Election e = read(name);
  auto outcome = equal_shares(e);
  ASSERT_TRUE(outcome.ok());
  EXPECT_LE(outcome->cost, e.budget);
  // Checked against an independent exact implementation (Python fractions) at 126 zł.
  EXPECT_EQ(outcome->virtual_budget, 126 * 90494);
  EXPECT_EQ(outcome->selected.size(), 44u);
  EXPECT_EQ(outcome->cost, 5985880);
  EXPECT_EQ(e.projects[outcome->selected.front()].id, "L010");
}

TEST(EqualShares, add1_funds_everything_when_everything_fits) {
  const char* name = "poland_warszawa_2019_bemowo.pb";  // 550,808 of 588,000 for all 17
  if (!testing::have_pabulib_file(name)) GTEST_SKIP() << "no " << name;
  Election e = read(name);
  auto outcome = equal_shares(e);
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(as_set(outcome->selected), as_set(*official_selection(e)));
  EXPECT_EQ(outcome->selected.size(), 17u);
}

TEST(EqualShares, add1_then_greedy_fills_what_is_left) {
  // Budget 40, four voters. A (30) is approved by v1..v3, F (11) by v4, E (2) by v1.
  // At 10 each: A is funded (10 from each of v1..v3); F needs 11 from v4; E needs 2 from v1,
  // who has nothing left. At 11 each F is funded too and the total is 41: Add1 stops at 10
  // with A alone. The greedy fill then adds E (F no longer fits).
  Election e = make_election(40, {30, 11, 2}, {{0, 2}, {0}, {0}, {1}});
  EqualSharesOptions options;
  auto add1 = equal_shares(e, options);
  ASSERT_TRUE(add1.ok());
  EXPECT_EQ(add1->selected, (std::vector<std::size_t>{0}));
  EXPECT_EQ(add1->virtual_budget, 40);
  EXPECT_EQ(add1->add1_steps, 1);
  options.completion = Completion::add1_then_greedy;
  auto filled = equal_shares(e, options);
  ASSERT_TRUE(filled.ok());
  EXPECT_EQ(filled->selected, (std::vector<std::size_t>{0, 2}));
  EXPECT_EQ(filled->cost, 32);
}

}  // namespace
}  // namespace gz::pb
