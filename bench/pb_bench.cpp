// Issue 5's figures, single thread: the Method of Equal Shares with Add1 completion and the
// greedy rule on Łódź 2022 (90,494 voters, 160 projects), reading that file, scoring
// 1,000,000 households with the needs matrix, and planning a quarter with 20 categories.
// After the runs it prints the peak resident memory of the process (getrusage).
//
//   build-bench/pb_bench                               # the file from ../shared/data/pabulib
//   GONGZHI_PABULIB_DIR=/path/to/pabulib build-bench/pb_bench
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "modules/allocation/pools.hpp"
#include "modules/needs/matrix.hpp"
#include "modules/pb/pabulib.hpp"
#include "modules/pb/rules.hpp"
#include "modules/pb/test_data.hpp"

namespace {

using namespace gz;

const std::string kLodz = "poland_lodz_2022_.pb";

long peak_rss_kb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;  // kilobytes on Linux
}

// The process's high-water mark so far; the benchmarks run in the order they are declared,
// so the Łódź figures are taken before the million households are generated.
void record_peak(benchmark::State& state) {
  state.counters["peak_rss_mb"] = static_cast<double>(peak_rss_kb()) / 1024.0;
}

const pb::Election* lodz() {
  static const pb::Election* election = []() -> const pb::Election* {
    auto parsed = pb::read_pb_file(pb::testing::pabulib_file(kLodz));
    if (!parsed.ok()) {
      std::fprintf(stderr, "cannot read %s: %s\n", kLodz.c_str(), parsed.error().message.c_str());
      return nullptr;
    }
    return new pb::Election(std::move(parsed.value()));
  }();
  return election;
}

void BM_ReadLodz2022(benchmark::State& state) {
  for (auto _ : state) {
    auto parsed = pb::read_pb_file(pb::testing::pabulib_file(kLodz));
    if (!parsed.ok()) {
      state.SkipWithError("cannot read the Łódź 2022 file");
      return;
    }
    benchmark::DoNotOptimize(parsed.value().ballots.size());
  }
  record_peak(state);
}
BENCHMARK(BM_ReadLodz2022)->Unit(benchmark::kMillisecond);

void BM_EqualSharesAdd1Lodz2022(benchmark::State& state) {
  const pb::Election* election = lodz();
  if (!election) {
    state.SkipWithError("cannot read the Łódź 2022 file");
    return;
  }
  pb::Outcome outcome;
  for (auto _ : state) {
    auto result = pb::equal_shares(*election);
    if (!result.ok()) {
      state.SkipWithError(result.error().message.c_str());
      return;
    }
    outcome = std::move(result.value());
    benchmark::DoNotOptimize(outcome.cost);
  }
  state.counters["projects"] = static_cast<double>(outcome.selected.size());
  state.counters["cost"] = static_cast<double>(outcome.cost);
  state.counters["add1_steps"] = static_cast<double>(outcome.add1_steps);
  state.counters["exact_comparisons"] = static_cast<double>(outcome.exact_comparisons);
  record_peak(state);
}
BENCHMARK(BM_EqualSharesAdd1Lodz2022)->Unit(benchmark::kMillisecond);

void BM_EqualSharesLodz2022(benchmark::State& state) {  // one run, no completion
  const pb::Election* election = lodz();
  if (!election) {
    state.SkipWithError("cannot read the Łódź 2022 file");
    return;
  }
  pb::EqualSharesOptions options;
  options.completion = pb::Completion::none;
  for (auto _ : state) {
    auto result = pb::equal_shares(*election, options);
    benchmark::DoNotOptimize(result.ok());
  }
  record_peak(state);
}
BENCHMARK(BM_EqualSharesLodz2022)->Unit(benchmark::kMillisecond);

void BM_GreedyLodz2022(benchmark::State& state) {
  const pb::Election* election = lodz();
  if (!election) {
    state.SkipWithError("cannot read the Łódź 2022 file");
    return;
  }
  for (auto _ : state) {
    pb::Outcome outcome = pb::greedy(*election);
    benchmark::DoNotOptimize(outcome.cost);
  }
  record_peak(state);
}
BENCHMARK(BM_GreedyLodz2022)->Unit(benchmark::kMillisecond);

// A million households of one to five members, generated once.
const std::vector<needs::HouseholdFacts>& households() {
  static const std::vector<needs::HouseholdFacts> all = [] {
    std::mt19937 random(5);
    std::vector<needs::HouseholdFacts> out(1'000'000);
    for (auto& h : out) {
      int members = 1 + static_cast<int>(random() % 5);
      for (int m = 0; m < members; ++m) h.member_ages.push_back(static_cast<int>(random() % 95));
      h.disabled_members = random() % 20 == 0 ? 1 : 0;
      h.chronic_illness_members = static_cast<int>(random() % 3);
      h.income_band = static_cast<needs::IncomeBand>(random() % 6);
      h.participation_count = static_cast<int>(random() % 15);
      h.willing_to_take_part = random() % 3 == 0;
      h.tags = static_cast<std::uint32_t>(random() % 512);
    }
    return out;
  }();
  return all;
}

void BM_ScoreOneMillionHouseholds(benchmark::State& state) {
  const auto& all = households();
  const needs::NeedsWeights weights;
  const needs::NeedsRules rules;
  for (auto _ : state) {
    std::int64_t checksum = 0;
    needs::CategoryDemand demand{};
    for (const auto& h : all) {
      checksum += needs::overall_hundredths(needs::compute_sub_scores(h, rules), weights);
      needs::CategoryDemand d = needs::category_demand(h, rules);
      for (std::size_t c = 0; c < needs::kCategoryCount; ++c) demand[c] += d[c];
    }
    benchmark::DoNotOptimize(checksum);
    benchmark::DoNotOptimize(demand);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(all.size()));
  record_peak(state);
}
BENCHMARK(BM_ScoreOneMillionHouseholds)->Unit(benchmark::kMillisecond);

void BM_PlanTwentyCategories(benchmark::State& state) {
  std::vector<allocation::CategoryInput> categories;
  for (int i = 0; i < 20; ++i) {
    allocation::CategoryInput c;
    c.name = "category_" + std::to_string(i);
    c.policy_weight = 100 + i * 37;
    c.demand_weight = 1 + (i * 53) % 97;
    if (i % 3 == 0) c.demand = 400'000 + i * 10'000;  // some categories capped
    categories.push_back(std::move(c));
  }
  for (auto _ : state) {
    auto plan = allocation::plan_allocation(123'456'789, categories);
    benchmark::DoNotOptimize(plan.ok());
  }
  record_peak(state);
}
BENCHMARK(BM_PlanTwentyCategories)->Unit(benchmark::kMicrosecond);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  std::printf("peak resident memory: %.1f MB\n", static_cast<double>(peak_rss_kb()) / 1024.0);
  return 0;
}
