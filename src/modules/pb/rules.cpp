// Project scores and the greedy rule (see rules.hpp).
#include "modules/pb/rules.hpp"

#include <algorithm>

namespace gz::pb {
namespace {

std::string_view without_leading_zeros(std::string_view id) {
  while (id.size() > 1 && id.front() == '0') id.remove_prefix(1);
  return id;
}

bool all_digits(std::string_view id) {
  return !id.empty() &&
         std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

bool project_id_less(std::string_view a, std::string_view b) {
  if (all_digits(a) && all_digits(b)) {
    std::string_view x = without_leading_zeros(a), y = without_leading_zeros(b);
    if (x.size() != y.size()) return x.size() < y.size();
    if (x != y) return x < y;
  }
  return a < b;
}

std::vector<std::int64_t> project_votes(const Election& election) {
  std::vector<std::int64_t> votes(election.projects.size(), 0);
  for (const Ballot& ballot : election.ballots) {
    for (std::size_t project : ballot.projects) ++votes[project];
  }
  return votes;
}

std::vector<std::int64_t> project_scores(const Election& election) {
  std::vector<std::int64_t> scores(election.projects.size(), 0);
  const bool ordinal = election.vote_type == VoteType::ordinal;
  const std::int64_t borda_top = meta_int(election, "max_length")
                                     .value_or(static_cast<std::int64_t>(election.projects.size()));
  for (const Ballot& ballot : election.ballots) {
    for (std::size_t k = 0; k < ballot.projects.size(); ++k) {
      std::int64_t points = 1;
      if (!ballot.points.empty()) {
        points = ballot.points[k];
      } else if (ordinal) {
        points = std::max<std::int64_t>(borda_top - static_cast<std::int64_t>(k), 0);
      }
      scores[ballot.projects[k]] += points;
    }
  }
  return scores;
}

std::vector<std::size_t> greedy_order(const Election& election) {
  const std::vector<std::int64_t> scores = project_scores(election);
  const std::int64_t threshold = meta_int(election, "min_project_score_threshold").value_or(0);
  std::vector<std::size_t> order;
  for (std::size_t p = 0; p < election.projects.size(); ++p) {
    if (scores[p] > 0 && scores[p] >= threshold) order.push_back(p);
  }
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (scores[a] != scores[b]) return scores[a] > scores[b];
    const Project& pa = election.projects[a];
    const Project& pb = election.projects[b];
    if (pa.cost != pb.cost) return pa.cost < pb.cost;
    if (pa.id != pb.id) return project_id_less(pa.id, pb.id);
    return a < b;
  });
  return order;
}

Outcome greedy(const Election& election, GreedyVariant variant) {
  constexpr std::int64_t kSentinelCost = 999'999'999;  // pabulib: a withdrawn project
  Outcome outcome;
  std::int64_t left = election.budget;
  std::int64_t sentinel = kSentinelCost;
  for (int k = 0; k < election.amount_decimals; ++k) sentinel *= 10;
  for (std::size_t project : greedy_order(election)) {
    const std::int64_t cost = election.projects[project].cost;
    if (cost > left) {
      if (variant == GreedyVariant::no_skip && cost != sentinel) break;
      continue;
    }
    left -= cost;
    outcome.cost += cost;
    outcome.selected.push_back(project);
  }
  return outcome;
}

}  // namespace gz::pb
