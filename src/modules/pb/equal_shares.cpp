// The Method of Equal Shares and its Add1 completion (see rules.hpp), in exact arithmetic.
//
// How it stays exact and fast. Voters with the same ballot always hold the same budget, so
// they are one group (Łódź 2022: 90,494 voters, 23,571 groups). A group's budget is an id
// into a table of values; a value is the initial share, zero, or "a parent value minus a
// payment" — the exact rational is only computed (lazily, boost::multiprecision) when a
// comparison needs it. Every value also carries a double and a bound on that double's
// error; each decision — is this supporter capped, is this rho lower, does this budget
// exceed that payment — is taken from the doubles when the bound proves it and from the
// exact rationals otherwise (exact ties always go the exact way). So the outcome is the
// exact-arithmetic outcome, and the common case costs a few double operations.
//
// Within a run, a project's rho can only grow as budgets shrink, so its last rho is a lower
// bound: projects are scanned from the lowest last rho, only those whose supporters paid
// since are re-evaluated, and the scan stops once the last rho exceeds the best found.
#include <algorithm>
#include <boost/multiprecision/cpp_int.hpp>
#include <cmath>
#include <limits>
#include <numeric>
#include <optional>
#include <unordered_map>

#include "modules/pb/rules.hpp"

namespace gz::pb {
namespace {

using Rational = boost::multiprecision::cpp_rational;

// A generous bound on the relative rounding error of one double operation (the unit
// roundoff is 2^-53); the slack also covers the rounding of the error bounds themselves.
constexpr double kRounding = 0x1p-50;
constexpr double kExactLimit = 0x1p53;

// A double x with |x - true value| <= err.
struct Approx {
  double x = 0;
  double err = 0;
};

Approx from_integer(std::int64_t k) {
  double x = static_cast<double>(k);
  return {x, std::abs(x) < kExactLimit ? 0.0 : std::abs(x) * kRounding};
}
Approx add(Approx a, Approx b) {
  double x = a.x + b.x;
  return {x, a.err + b.err + std::abs(x) * kRounding};
}
Approx sub(Approx a, Approx b) {
  double x = a.x - b.x;
  return {x, a.err + b.err + std::abs(x) * kRounding};
}
Approx mul(Approx a, std::int64_t k) {
  Approx f = from_integer(k);
  double x = a.x * f.x;
  return {x,
          a.err * std::abs(f.x) + std::abs(a.x) * f.err + a.err * f.err + std::abs(x) * kRounding};
}
Approx div(Approx a, std::int64_t k) {  // k > 0
  Approx f = from_integer(k);
  double x = a.x / f.x;
  double err = (a.err + std::abs(x) * f.err) / (f.x - f.err) * (1 + kRounding);
  return {x, err + std::abs(x) * kRounding};
}
// +1 or -1 when the bounds prove a > b or a < b, 0 when they cannot tell.
int certain_sign(Approx a, Approx b) {
  double d = a.x - b.x;
  double bound = (a.err + b.err) * (1 + kRounding) + std::abs(d) * kRounding;
  if (d > bound) return 1;
  if (-d > bound) return -1;
  return 0;
}
double lower_bound(Approx a) {
  return a.x - a.err - std::abs(a.x) * kRounding * 4;
}
double upper_bound(Approx a) {
  return a.x + a.err + std::abs(a.x) * kRounding * 4;
}

template <typename T>
int sign_of(const T& value) {
  return value > 0 ? 1 : value < 0 ? -1 : 0;
}

constexpr int kZero = 0;     // value id of an empty budget
constexpr int kInitial = 1;  // value id of the initial share

struct Supporter {
  int group = 0;
  std::int64_t weight = 1;
};

using Entry = std::pair<int, std::int64_t>;  // (project, weight) on a ballot

struct Group {
  std::int64_t voters = 0;
  std::size_t begin = 0;  // the group's ballot is entries[begin, end)
  std::size_t end = 0;
};

// Voters with the same ballot (and weights), grouped; every group's ballot in one array.
struct Grouping {
  std::vector<Group> groups;
  std::vector<Entry> entries;
};

struct Value {
  Approx approx;
  int parent = -1;  // exact = exact(parent) - exact(payment unit) * weight
  int payment = -1;
  std::int64_t weight = 0;
};

// Supporters of one project holding the same value with the same weight.
struct Slice {
  int value = 0;
  std::int64_t weight = 1;
  std::int64_t voters = 0;
};

struct Payment {
  std::int64_t cost = 0;
  std::int64_t uncapped_weight = 0;
  std::vector<Slice> capped;  // supporters who paid all they had
  std::optional<Rational> exact_unit;
};

struct Candidate {
  bool remaining = false;
  bool dirty = true;
  Approx rho;   // price per unit of utility; a lower bound while dirty
  Approx unit;  // payment per unit of ballot weight (rho * base)
  std::int64_t uncapped_weight = 0;
  std::vector<Slice> capped;
};

struct RunResult {
  std::vector<std::size_t> selected;
  std::int64_t cost = 0;
  bool tie_broken_by_position = false;
};

class Engine {
 public:
  Engine(const Election& election, Utility utility, std::vector<std::vector<Supporter>> supporters,
         Grouping grouping)
      : supporters_(std::move(supporters)),
        groups_(std::move(grouping.groups)),
        entries_(std::move(grouping.entries)) {
    const std::size_t count = election.projects.size();
    voters_ = static_cast<std::int64_t>(election.ballots.size());
    costs_.resize(count);
    base_.resize(count);
    votes_.resize(count, 0);
    for (std::size_t c = 0; c < count; ++c) {
      costs_[c] = election.projects[c].cost;
      base_[c] = utility == Utility::cost ? std::max<std::int64_t>(costs_[c], 1) : 1;
      for (const Supporter& s : supporters_[c]) {
        votes_[c] += groups_[static_cast<std::size_t>(s.group)].voters;
        if (s.weight != 1) unit_weights_ = false;
      }
    }
  }

  std::int64_t exact_comparisons() const { return exact_comparisons_; }

  RunResult run(std::int64_t virtual_budget) {
    reset(virtual_budget);
    RunResult result;
    const std::size_t count = costs_.size();
    // A free project with a supporter costs nobody anything: it is funded first.
    for (std::size_t c = 0; c < count; ++c) {
      if (costs_[c] == 0 && !supporters_[c].empty()) {
        result.selected.push_back(c);
        candidates_[c].remaining = false;
      }
    }
    std::vector<int> order;
    std::vector<int> tied;
    while (true) {
      order.clear();
      for (std::size_t c = 0; c < count; ++c) {
        if (candidates_[c].remaining) order.push_back(static_cast<int>(c));
      }
      std::sort(order.begin(), order.end(), [&](int a, int b) {
        double la = lower_bound(candidates_[static_cast<std::size_t>(a)].rho);
        double lb = lower_bound(candidates_[static_cast<std::size_t>(b)].rho);
        return la != lb ? la < lb : a < b;
      });
      int best = -1;
      tied.clear();
      for (int c : order) {
        Candidate& candidate = candidates_[static_cast<std::size_t>(c)];
        if (best >= 0 && lower_bound(candidate.rho) >
                             upper_bound(candidates_[static_cast<std::size_t>(best)].rho)) {
          break;
        }
        if (candidate.dirty) {
          evaluate(c);
          if (!candidate.remaining) continue;
        }
        if (best < 0) {
          best = c;
          tied.assign(1, c);
          continue;
        }
        int s = compare_rho(c, best);
        if (s < 0) {
          best = c;
          tied.assign(1, c);
        } else if (s == 0) {
          tied.push_back(c);
        }
      }
      if (best < 0) break;
      if (tied.size() > 1) best = break_tie(tied, result.tie_broken_by_position);
      result.selected.push_back(static_cast<std::size_t>(best));
      select(best);
    }
    for (std::size_t c : result.selected) result.cost += costs_[c];
    return result;
  }

 private:
  void reset(std::int64_t virtual_budget) {
    values_.clear();
    values_.push_back(Value{});  // kZero
    Value initial;
    initial.approx = div(from_integer(virtual_budget), voters_);
    values_.push_back(initial);
    exact_values_.clear();
    exact_values_.resize(2);
    exact_values_[kZero] = Rational(0);
    exact_values_[kInitial] = Rational(virtual_budget, voters_);
    payments_.clear();
    value_of_.assign(groups_.size(), kInitial);
    candidates_.assign(costs_.size(), Candidate{});
    for (std::size_t c = 0; c < costs_.size(); ++c) {
      candidates_[c].remaining = costs_[c] > 0 && !supporters_[c].empty();
    }
    stamp_value_.assign(values_.size(), -1);
    scratch_count_.assign(values_.size(), 0);
    capped_stamp_.assign(values_.size(), -1);
    memo_stamp_.assign(values_.size(), -1);
    memo_value_.assign(values_.size(), 0);
    evaluation_stamp_ = 0;
  }

  int add_value(const Value& value) {
    values_.push_back(value);
    exact_values_.emplace_back();
    stamp_value_.push_back(-1);
    scratch_count_.push_back(0);
    capped_stamp_.push_back(-1);
    memo_stamp_.push_back(-1);
    memo_value_.push_back(0);
    return static_cast<int>(values_.size()) - 1;
  }

  const Rational& exact_value(int id) {
    std::optional<Rational>& slot = exact_values_[static_cast<std::size_t>(id)];
    if (!slot) {
      const Value& value = values_[static_cast<std::size_t>(id)];
      Rational result = exact_value(value.parent) - exact_unit(value.payment) * value.weight;
      exact_values_[static_cast<std::size_t>(id)] = std::move(result);
    }
    return *exact_values_[static_cast<std::size_t>(id)];
  }

  Rational capped_sum(const std::vector<Slice>& capped) {
    Rational sum = 0;
    for (const Slice& slice : capped) sum += exact_value(slice.value) * slice.voters;
    return sum;
  }

  const Rational& exact_unit(int id) {
    Payment& payment = payments_[static_cast<std::size_t>(id)];
    if (!payment.exact_unit) {
      Rational unit =
          (Rational(payment.cost) - capped_sum(payment.capped)) / Rational(payment.uncapped_weight);
      payments_[static_cast<std::size_t>(id)].exact_unit = std::move(unit);
    }
    return *payments_[static_cast<std::size_t>(id)].exact_unit;
  }

  // Orders two slices by budget per unit of weight (who runs out first).
  bool slice_less(const Slice& a, const Slice& b) {
    if (a.value == b.value && a.weight == b.weight) return false;
    const Value& va = values_[static_cast<std::size_t>(a.value)];
    const Value& vb = values_[static_cast<std::size_t>(b.value)];
    int s = a.weight == b.weight ? certain_sign(va.approx, vb.approx)
                                 : certain_sign(mul(va.approx, b.weight), mul(vb.approx, a.weight));
    if (s == 0) {
      ++exact_comparisons_;
      s = sign_of(Rational(exact_value(a.value) * b.weight - exact_value(b.value) * a.weight));
    }
    return s < 0;
  }

  // Computes rho for project c from its supporters' current budgets.
  void evaluate(int c) {
    Candidate& candidate = candidates_[static_cast<std::size_t>(c)];
    candidate.dirty = false;
    slices_.clear();
    const int stamp = ++evaluation_stamp_;
    if (unit_weights_) {
      for (const Supporter& s : supporters_[static_cast<std::size_t>(c)]) {
        int v = value_of_[static_cast<std::size_t>(s.group)];
        if (v == kZero) continue;
        auto index = static_cast<std::size_t>(v);
        if (stamp_value_[index] != stamp) {
          stamp_value_[index] = stamp;
          scratch_count_[index] = 0;
          slices_.push_back(Slice{v, 1, 0});
        }
        scratch_count_[index] += groups_[static_cast<std::size_t>(s.group)].voters;
      }
      for (Slice& slice : slices_)
        slice.voters = scratch_count_[static_cast<std::size_t>(slice.value)];
    } else {
      for (const Supporter& s : supporters_[static_cast<std::size_t>(c)]) {
        int v = value_of_[static_cast<std::size_t>(s.group)];
        if (v == kZero) continue;
        slices_.push_back(Slice{v, s.weight, groups_[static_cast<std::size_t>(s.group)].voters});
      }
      std::sort(slices_.begin(), slices_.end(), [](const Slice& a, const Slice& b) {
        return a.value != b.value ? a.value < b.value : a.weight < b.weight;
      });
      std::size_t out = 0;
      for (std::size_t k = 0; k < slices_.size(); ++k) {
        if (out > 0 && slices_[out - 1].value == slices_[k].value &&
            slices_[out - 1].weight == slices_[k].weight) {
          slices_[out - 1].voters += slices_[k].voters;
        } else {
          slices_[out++] = slices_[k];
        }
      }
      slices_.resize(out);
    }
    std::sort(slices_.begin(), slices_.end(),
              [this](const Slice& a, const Slice& b) { return slice_less(a, b); });

    const std::int64_t cost = costs_[static_cast<std::size_t>(c)];
    const Approx cost_approx = from_integer(cost);
    std::int64_t weight = 0;
    for (const Slice& slice : slices_) weight += slice.voters * slice.weight;
    Approx paid_by_capped;
    candidate.capped.clear();
    for (const Slice& slice : slices_) {
      // Capped when the equal payment of the rest, (cost - paid) / weight per unit of
      // weight, is more than this slice holds per unit: (cost - paid) * w > value * weight.
      const Value& value = values_[static_cast<std::size_t>(slice.value)];
      Approx left = sub(cost_approx, paid_by_capped);
      int s = certain_sign(mul(left, slice.weight), mul(value.approx, weight));
      if (s == 0) {
        ++exact_comparisons_;
        Rational exact_left = Rational(cost) - capped_sum(candidate.capped);
        s = sign_of(Rational(exact_left * slice.weight - exact_value(slice.value) * weight));
      }
      if (s <= 0) break;
      paid_by_capped = add(paid_by_capped, mul(value.approx, slice.voters));
      weight -= slice.voters * slice.weight;
      candidate.capped.push_back(slice);
    }
    if (weight == 0) {  // even everything its supporters hold does not pay for it
      candidate.remaining = false;
      return;
    }
    candidate.uncapped_weight = weight;
    candidate.unit = div(sub(cost_approx, paid_by_capped), weight);
    const std::int64_t base = base_[static_cast<std::size_t>(c)];
    candidate.rho = base == 1 ? candidate.unit : div(candidate.unit, base);
  }

  // Sign of rho(a) - rho(b), exactly.
  int compare_rho(int a, int b) {
    const Candidate& ca = candidates_[static_cast<std::size_t>(a)];
    const Candidate& cb = candidates_[static_cast<std::size_t>(b)];
    int s = certain_sign(ca.rho, cb.rho);
    if (s != 0) return s;
    ++exact_comparisons_;
    // rho = (cost - paid by capped) / (uncapped weight * base)
    auto numerator = [this](int c, const Candidate& candidate) {
      return Rational(costs_[static_cast<std::size_t>(c)]) - capped_sum(candidate.capped);
    };
    Rational da = Rational(ca.uncapped_weight) * base_[static_cast<std::size_t>(a)];
    Rational db = Rational(cb.uncapped_weight) * base_[static_cast<std::size_t>(b)];
    return sign_of(Rational(numerator(a, ca) * db - numerator(b, cb) * da));
  }

  // Lower cost, then more votes, then the project listed first.
  int break_tie(const std::vector<int>& tied, bool& used_position) {
    auto key = [this](int c) {
      return std::make_pair(costs_[static_cast<std::size_t>(c)],
                            -votes_[static_cast<std::size_t>(c)]);
    };
    int best = tied.front();
    for (int c : tied) {
      if (key(c) < key(best) || (key(c) == key(best) && c < best)) best = c;
    }
    for (int c : tied) {
      if (c != best && key(c) == key(best)) used_position = true;
    }
    return best;
  }

  void select(int j) {
    Candidate& chosen = candidates_[static_cast<std::size_t>(j)];
    chosen.remaining = false;
    const int payment_id = static_cast<int>(payments_.size());
    payments_.push_back(Payment{costs_[static_cast<std::size_t>(j)], chosen.uncapped_weight,
                                chosen.capped, std::nullopt});
    const Approx unit = chosen.unit;
    std::unordered_map<std::uint64_t, int> memo;  // (value, weight) -> new value, when weighted
    std::unordered_map<std::uint64_t, bool> capped_pairs;
    auto pair_key = [](int value, std::int64_t weight) {
      return (static_cast<std::uint64_t>(value) << 32) ^ static_cast<std::uint64_t>(weight);
    };
    for (const Slice& slice : chosen.capped) {
      if (unit_weights_) {
        capped_stamp_[static_cast<std::size_t>(slice.value)] = payment_id;
      } else {
        capped_pairs[pair_key(slice.value, slice.weight)] = true;
      }
    }
    auto next_value = [&](int v, std::int64_t weight) {
      bool capped = unit_weights_ ? capped_stamp_[static_cast<std::size_t>(v)] == payment_id
                                  : capped_pairs.count(pair_key(v, weight)) > 0;
      if (capped) return kZero;
      const Approx pay = mul(unit, weight);
      const Approx held = values_[static_cast<std::size_t>(v)].approx;
      int s = certain_sign(held, pay);
      if (s == 0) {
        ++exact_comparisons_;
        s = sign_of(Rational(exact_value(v) - exact_unit(payment_id) * weight));
      }
      if (s <= 0) return kZero;  // pays exactly what it holds
      Value next;
      double x = held.x - pay.x;
      next.approx = {x, held.err + pay.err + std::abs(x) * kRounding};
      next.parent = v;
      next.payment = payment_id;
      next.weight = weight;
      return add_value(next);
    };
    for (const Supporter& s : supporters_[static_cast<std::size_t>(j)]) {
      const auto group = static_cast<std::size_t>(s.group);
      const int v = value_of_[group];
      if (v == kZero) continue;
      int next = kZero;
      if (unit_weights_) {
        auto index = static_cast<std::size_t>(v);
        if (memo_stamp_[index] != payment_id) {
          int computed = next_value(v, 1);
          memo_stamp_[index] = payment_id;  // next_value may have grown the arrays
          memo_value_[index] = computed;
        }
        next = memo_value_[index];
      } else {
        auto key = pair_key(v, s.weight);
        auto it = memo.find(key);
        if (it == memo.end()) it = memo.emplace(key, next_value(v, s.weight)).first;
        next = it->second;
      }
      value_of_[group] = next;
      for (std::size_t k = groups_[group].begin; k < groups_[group].end; ++k) {
        candidates_[static_cast<std::size_t>(entries_[k].first)].dirty = true;
      }
    }
  }

  // Election data.
  std::vector<std::vector<Supporter>> supporters_;
  std::vector<Group> groups_;
  std::vector<Entry> entries_;
  std::vector<std::int64_t> costs_, base_, votes_;
  std::int64_t voters_ = 0;
  bool unit_weights_ = true;

  // State of one run.
  std::vector<Value> values_;
  std::vector<std::optional<Rational>> exact_values_;
  std::vector<Payment> payments_;
  std::vector<int> value_of_;  // group -> value id
  std::vector<Candidate> candidates_;
  std::vector<Slice> slices_;
  std::vector<int> stamp_value_;
  std::vector<std::int64_t> scratch_count_;
  std::vector<int> capped_stamp_, memo_stamp_, memo_value_;
  int evaluation_stamp_ = 0;
  std::int64_t exact_comparisons_ = 0;
};

// A voter's weight for the k-th project on the ballot: 1 for approval, the points otherwise
// (Borda points max_length - position for ordinal ballots without points).
std::int64_t ballot_weight(const Election& election, const Ballot& ballot, std::size_t k,
                           std::int64_t borda_top) {
  if (election.vote_type == VoteType::approval) return 1;
  if (!ballot.points.empty()) return ballot.points[k];
  return std::max<std::int64_t>(borda_top - static_cast<std::int64_t>(k), 0);
}

// Groups the ballots without a hash map: each ballot's (project, weight) list, sorted, is
// hashed; ballots are ordered by hash (then by content) and equal neighbours merged. Two
// allocations instead of one per ballot: the flat lists and the order.
Result<Grouping> group_ballots(const Election& election) {
  const std::size_t n = election.ballots.size();
  const std::int64_t borda_top = meta_int(election, "max_length")
                                     .value_or(static_cast<std::int64_t>(election.projects.size()));
  std::size_t total = 0;
  for (const Ballot& ballot : election.ballots) total += ballot.projects.size();
  std::vector<Entry> flat;
  flat.reserve(total);
  std::vector<std::size_t> begin(n + 1, 0);
  std::vector<std::uint64_t> hash(n, 0);
  for (std::size_t v = 0; v < n; ++v) {
    const Ballot& ballot = election.ballots[v];
    begin[v] = flat.size();
    for (std::size_t k = 0; k < ballot.projects.size(); ++k) {
      const std::int64_t weight = ballot_weight(election, ballot, k, borda_top);
      if (weight < 0) {
        return bad_request("unsupported_ballots", "equal shares needs non-negative points (voter " +
                                                      ballot.voter_id + ")");
      }
      if (weight > 0) flat.emplace_back(static_cast<int>(ballot.projects[k]), weight);
    }
    std::sort(flat.begin() + static_cast<std::ptrdiff_t>(begin[v]), flat.end());
    std::uint64_t h = 0x9e3779b97f4a7c15ULL;
    for (std::size_t k = begin[v]; k < flat.size(); ++k) {
      std::uint64_t x = (static_cast<std::uint64_t>(flat[k].first) << 32) ^
                        static_cast<std::uint64_t>(flat[k].second);
      h = (h ^ x) * 0xff51afd7ed558ccdULL;  // deterministic on every machine
      h ^= h >> 33;
    }
    hash[v] = h;
  }
  begin[n] = flat.size();
  auto same = [&](std::size_t a, std::size_t b) {
    return std::equal(flat.begin() + static_cast<std::ptrdiff_t>(begin[a]),
                      flat.begin() + static_cast<std::ptrdiff_t>(begin[a + 1]),
                      flat.begin() + static_cast<std::ptrdiff_t>(begin[b]),
                      flat.begin() + static_cast<std::ptrdiff_t>(begin[b + 1]));
  };
  std::vector<std::size_t> order(n);
  for (std::size_t v = 0; v < n; ++v) order[v] = v;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (hash[a] != hash[b]) return hash[a] < hash[b];
    return std::lexicographical_compare(flat.begin() + static_cast<std::ptrdiff_t>(begin[a]),
                                        flat.begin() + static_cast<std::ptrdiff_t>(begin[a + 1]),
                                        flat.begin() + static_cast<std::ptrdiff_t>(begin[b]),
                                        flat.begin() + static_cast<std::ptrdiff_t>(begin[b + 1]));
  });
  Grouping grouping;
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t v = order[k];
    if (k == 0 || hash[v] != hash[order[k - 1]] || !same(v, order[k - 1])) {
      Group group;
      group.begin = grouping.entries.size();
      grouping.entries.insert(grouping.entries.end(),
                              flat.begin() + static_cast<std::ptrdiff_t>(begin[v]),
                              flat.begin() + static_cast<std::ptrdiff_t>(begin[v + 1]));
      group.end = grouping.entries.size();
      grouping.groups.push_back(group);
    }
    ++grouping.groups.back().voters;
  }
  return grouping;
}

// The comparison step: each voter counts the approved projects each outcome funds; when
// more voters are better off under greedy than under equal shares, greedy's outcome is used.
void apply_comparison_step(const Election& election, Outcome& outcome) {
  Outcome by_greedy = greedy(election);
  std::vector<bool> in_mes(election.projects.size(), false),
      in_greedy(election.projects.size(), false);
  for (std::size_t c : outcome.selected) in_mes[c] = true;
  for (std::size_t c : by_greedy.selected) in_greedy[c] = true;
  std::int64_t prefer_mes = 0, prefer_greedy = 0;
  for (const Ballot& ballot : election.ballots) {
    std::int64_t mes = 0, greedy_count = 0;
    for (std::size_t c : ballot.projects) {
      mes += in_mes[c] ? 1 : 0;
      greedy_count += in_greedy[c] ? 1 : 0;
    }
    if (mes > greedy_count) ++prefer_mes;
    if (greedy_count > mes) ++prefer_greedy;
  }
  if (prefer_greedy > prefer_mes) {
    outcome.selected = std::move(by_greedy.selected);
    outcome.cost = by_greedy.cost;
    outcome.replaced_by_greedy = true;
  }
}

}  // namespace

Result<Outcome> equal_shares(const Election& election, const EqualSharesOptions& options) {
  Outcome outcome;
  const std::size_t count = election.projects.size();
  const auto voters = static_cast<std::int64_t>(election.ballots.size());
  if (voters == 0 || count == 0) return outcome;

  auto grouped = group_ballots(election);
  if (!grouped.ok()) return grouped.take_error();
  Grouping& grouping = grouped.value();
  std::vector<std::vector<Supporter>> supporters(count);
  for (std::size_t g = 0; g < grouping.groups.size(); ++g) {
    const Group& group = grouping.groups[g];
    for (std::size_t k = group.begin; k < group.end; ++k) {
      const auto& [project, weight] = grouping.entries[k];
      supporters[static_cast<std::size_t>(project)].push_back(
          Supporter{static_cast<int>(g), weight});
    }
  }
  std::int64_t supported_cost = 0;
  std::vector<std::int64_t> votes(count, 0);  // voters who list the project with weight > 0
  for (std::size_t c = 0; c < count; ++c) {
    if (!supporters[c].empty()) supported_cost += election.projects[c].cost;
    for (const Supporter& s : supporters[c]) {
      votes[c] += grouping.groups[static_cast<std::size_t>(s.group)].voters;
    }
  }
  Engine engine(election, options.utility, std::move(supporters), std::move(grouping));

  auto finish = [&](RunResult run, std::int64_t virtual_budget) {
    outcome.selected = std::move(run.selected);
    outcome.cost = run.cost;
    outcome.virtual_budget = virtual_budget;
    outcome.tie_broken_by_position = run.tie_broken_by_position;
  };

  if (options.completion == Completion::none) {
    finish(engine.run(election.budget), election.budget);
    outcome.exact_comparisons = engine.exact_comparisons();
    if (options.comparison_step) apply_comparison_step(election, outcome);
    return outcome;
  }

  if (supported_cost <= election.budget) {
    // Every step of Add1 stays within the budget, and once each voter's share exceeds the
    // total cost every supported project is funded: that is where Add1 ends.
    for (std::size_t c = 0; c < count; ++c) {
      if (votes[c] > 0) outcome.selected.push_back(c);
    }
    std::stable_sort(outcome.selected.begin(), outcome.selected.end(),
                     [&](std::size_t a, std::size_t b) {
                       if (votes[a] != votes[b]) return votes[a] > votes[b];
                       return election.projects[a].cost < election.projects[b].cost;
                     });
    outcome.cost = supported_cost;
    return outcome;  // greedy funds the same projects: no comparison needed
  }

  std::int64_t currency_unit = 1;
  for (int k = 0; k < election.amount_decimals; ++k) currency_unit *= 10;
  const std::int64_t step = voters * currency_unit;
  std::int64_t budget = options.start == Add1Start::whole_units_per_voter
                            ? (election.budget / step) * step
                            : election.budget;
  RunResult current = engine.run(budget);
  while (true) {
    if (options.stop_when_exhaustive) {
      bool exhaustive = true;
      std::vector<bool> chosen(count, false);
      for (std::size_t c : current.selected) chosen[c] = true;
      for (std::size_t c = 0; c < count && exhaustive; ++c) {
        if (!chosen[c] && current.cost + election.projects[c].cost <= election.budget) {
          exhaustive = false;
        }
      }
      if (exhaustive) break;
    }
    if (outcome.add1_steps >= options.max_add1_steps) {
      return make_error(
          ErrorKind::unprocessable, "add1_did_not_converge",
          "Add1 completion took more than " + std::to_string(options.max_add1_steps) + " steps");
    }
    if (budget > std::numeric_limits<std::int64_t>::max() - step) break;
    RunResult next = engine.run(budget + step);
    ++outcome.add1_steps;
    if (next.cost > election.budget) break;
    budget += step;
    current = std::move(next);
  }
  finish(std::move(current), budget);
  outcome.exact_comparisons = engine.exact_comparisons();

  if (options.completion == Completion::add1_then_greedy) {
    std::vector<bool> chosen(count, false);
    for (std::size_t c : outcome.selected) chosen[c] = true;
    for (std::size_t c : greedy_order(election)) {
      if (chosen[c] || outcome.cost + election.projects[c].cost > election.budget) continue;
      chosen[c] = true;
      outcome.cost += election.projects[c].cost;
      outcome.selected.push_back(c);
    }
  }
  if (options.comparison_step) apply_comparison_step(election, outcome);
  return outcome;
}

}  // namespace gz::pb
