// Ledger postings per second (issue 4): single awards, each its own durable transaction, and
// one batch of 10,000 awards in one transaction, against a baseline in the same run: the same
// number of plain single-row INSERTs into a table of the same database, with the same
// durability (SQLite WAL, synchronous=FULL; PostgreSQL synchronous_commit on). The ratio shows
// what the ledger's rules, balance updates and audit chain cost on top of a bare write.
//
//   build/ledger_bench                       # SQLite in a temp file
//   GONGZHI_BENCH_DB=postgresql://... build/ledger_bench
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdlib>
#include <memory>
#include <string>

#include "core/clock.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/points/points.hpp"
#include "modules/registry/registry.hpp"
#include "storage/migrate.hpp"

namespace {

using namespace gz;

struct Fixture {
  std::unique_ptr<storage::Database> database;
  std::unique_ptr<storage::Connection> db;
  std::vector<std::int64_t> residents;
  std::int64_t next_reference = 0;
};

Fixture& fixture() {
  static Fixture instance = [] {
    Fixture f;
    const char* url = std::getenv("GONGZHI_BENCH_DB");
    std::string target =
        url && *url ? url : "sqlite:/tmp/gz_ledger_bench_" + std::to_string(::getpid()) + ".db";
    f.database = storage::open_database(target);
    f.db = f.database->connect();
    storage::migrate(*f.db);
    Actor admin = audit::system_actor();
    auto community = registry::create_community(
        *f.db, admin,
        {"基准社区", "BENCH-" + std::to_string(::getpid()), std::nullopt, std::nullopt});
    registry::HouseholdFields fields;
    fields.code = "H";
    fields.address = "基准";
    auto household = registry::create_household(*f.db, admin, community->id, fields);
    for (int i = 0; i < 100; ++i) {
      registry::ResidentFields resident;
      resident.name = "居民" + std::to_string(i);
      resident.sex = "female";
      f.residents.push_back(registry::add_resident(*f.db, admin, household->id, resident)->id);
    }
    f.db->execute_script(
        "CREATE TABLE IF NOT EXISTS bench_baseline (id BIGINT PRIMARY KEY, community_id BIGINT, "
        "amount BIGINT, note TEXT)");
    return f;
  }();
  return instance;
}

points::AwardInput next_award(Fixture& f) {
  std::int64_t n = f.next_reference++;
  return {f.residents[n % f.residents.size()], "meeting", 1, "bench:" + std::to_string(n),
          std::nullopt};
}

void BM_SingleAward(benchmark::State& state) {
  Fixture& f = fixture();
  Actor admin = audit::system_actor();
  for (auto _ : state) {
    auto result = points::award(*f.db, admin, {next_award(f)}, now_epoch_ms());
    if (!result) state.SkipWithError(result.error().message.c_str());
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["postings_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_BatchOf10000Awards(benchmark::State& state) {
  Fixture& f = fixture();
  Actor admin = audit::system_actor();
  for (auto _ : state) {
    std::vector<points::AwardInput> batch;
    batch.reserve(10000);
    for (int i = 0; i < 10000; ++i) batch.push_back(next_award(f));
    auto result = points::award(*f.db, admin, batch, now_epoch_ms());
    if (!result) state.SkipWithError(result.error().message.c_str());
  }
  state.SetItemsProcessed(state.iterations() * 10000);
  state.counters["postings_per_s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * 10000), benchmark::Counter::kIsRate);
}

// Baseline: one plain INSERT per durable transaction.
void BM_BaselineSingleInsert(benchmark::State& state) {
  Fixture& f = fixture();
  static std::int64_t id = 1;
  for (auto _ : state) {
    storage::with_transaction(*f.db, storage::TxMode::write, [&] {
      f.db->execute(
          "INSERT INTO bench_baseline (id, community_id, amount, note) VALUES (?, 1, 10, 'x')",
          {id++});
    });
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["rows_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

// Baseline: 10,000 plain INSERTs in one transaction.
void BM_BaselineBatchOf10000Inserts(benchmark::State& state) {
  Fixture& f = fixture();
  static std::int64_t id = 1'000'000'000;
  for (auto _ : state) {
    storage::with_transaction(*f.db, storage::TxMode::write, [&] {
      for (int i = 0; i < 10000; ++i) {
        f.db->execute(
            "INSERT INTO bench_baseline (id, community_id, amount, note) VALUES (?, 1, 10, 'x')",
            {id++});
      }
    });
  }
  state.SetItemsProcessed(state.iterations() * 10000);
  state.counters["rows_per_s"] = benchmark::Counter(static_cast<double>(state.iterations() * 10000),
                                                    benchmark::Counter::kIsRate);
}

BENCHMARK(BM_BaselineSingleInsert)->Unit(benchmark::kMicrosecond)->MinTime(2.0)->UseRealTime();
BENCHMARK(BM_SingleAward)->Unit(benchmark::kMicrosecond)->MinTime(2.0)->UseRealTime();
BENCHMARK(BM_BaselineBatchOf10000Inserts)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3)
    ->UseRealTime();
BENCHMARK(BM_BatchOf10000Awards)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
