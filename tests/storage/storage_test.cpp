// Storage conformance: one suite run against the SQLite and the PostgreSQL driver, so SQL a
// module writes once behaves the same on both. Each test gets an empty database: a fresh
// SQLite file, or a fresh PostgreSQL schema (selected through search_path in the connection
// URL) on the server named by GONGZHI_TEST_PG. scripts/with-postgres.sh starts a throwaway
// server and sets it; without it the PostgreSQL instances are skipped.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include "storage/database.hpp"
#include "storage/group_commit.hpp"
#include "storage/migrate.hpp"
#include "storage/transact.hpp"

namespace gz::storage {

void PrintTo(DbErrorKind kind, std::ostream* out) {
  switch (kind) {
    case DbErrorKind::unique_violation:
      *out << "unique_violation";
      return;
    case DbErrorKind::foreign_key_violation:
      *out << "foreign_key_violation";
      return;
    case DbErrorKind::check_violation:
      *out << "check_violation";
      return;
    case DbErrorKind::busy:
      *out << "busy";
      return;
    case DbErrorKind::other:
      *out << "other";
      return;
  }
}

namespace {

using namespace std::chrono_literals;

enum class Engine { sqlite, postgresql };

void PrintTo(Engine engine, std::ostream* out) {
  *out << (engine == Engine::sqlite ? "SQLite" : "PostgreSQL");
}

// The kind of DbError `work` throws, or nullopt when it throws none.
template <typename Work>
std::optional<DbErrorKind> error_kind(Work&& work) {
  try {
    work();
  } catch (const DbError& error) {
    return error.kind();
  }
  return std::nullopt;
}

std::string unique_suffix() {
  static std::atomic<int> counter{0};
  return std::to_string(::getpid()) + "_" + std::to_string(++counter);
}

// A URL whose connections create every unqualified name in `schema`; "public" comes last for the
// pg_trgm operator classes scripts/with-postgres.sh installs there once for all schemas.
std::string with_search_path(const std::string& url, const std::string& schema) {
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    return url + (url.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
           schema + "%2Cpublic";
  }
  return url + " options='-csearch_path=" + schema + ",public'";
}

// Counts the connections a Pool asks for.
class CountingDatabase final : public Database {
 public:
  explicit CountingDatabase(Database& inner) : inner_(inner) {}
  Dialect dialect() const override { return inner_.dialect(); }
  std::unique_ptr<Connection> connect() override {
    ++connects;
    return inner_.connect();
  }
  std::string describe() const override { return inner_.describe(); }
  std::atomic<int> connects{0};

 private:
  Database& inner_;
};

// A database that cannot be reached while `down` is set: each connect waits a little, then
// throws, as libpq does when the server is gone.
class UnreachableDatabase final : public Database {
 public:
  explicit UnreachableDatabase(Database& inner) : inner_(inner) {}
  Dialect dialect() const override { return inner_.dialect(); }
  std::unique_ptr<Connection> connect() override {
    if (down) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      throw DbError(DbErrorKind::other, "cannot connect: the server is gone");
    }
    return inner_.connect();
  }
  std::string describe() const override { return inner_.describe(); }
  std::atomic<bool> down{true};

 private:
  Database& inner_;
};

class Storage : public testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    if (GetParam() == Engine::sqlite) {
      path_ = (std::filesystem::path(testing::TempDir()) /
               ("gz_storage_test_" + unique_suffix() + ".db"))
                  .string();
      remove_sqlite_files();
      database_ = open_sqlite(path_);
    } else {
      const char* url = std::getenv("GONGZHI_TEST_PG");
      if (url == nullptr || *url == '\0') {
        GTEST_SKIP() << "GONGZHI_TEST_PG is not set; run under scripts/with-postgres.sh";
      }
      server_ = open_postgresql(url);
      schema_ = "gz_storage_test_" + unique_suffix();
      server_->connect()->execute_script("DROP SCHEMA IF EXISTS " + schema_ +
                                         " CASCADE; CREATE SCHEMA " + schema_);
      database_ = open_postgresql(with_search_path(url, schema_));
    }
    connection_ = database_->connect();
  }

  void TearDown() override {
    connection_.reset();
    database_.reset();
    if (!path_.empty()) remove_sqlite_files();
    if (server_)
      server_->connect()->execute_script("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
  }

  bool postgres() const { return GetParam() == Engine::postgresql; }
  // SQLite's BEGIN IMMEDIATE already serialises writers; PostgreSQL needs the row lock.
  std::string for_update() const { return postgres() ? " FOR UPDATE" : ""; }

  void create_sample_table() {
    connection_->execute_script(
        "CREATE TABLE sample (id BIGINT PRIMARY KEY, number BIGINT, label TEXT)");
  }

  std::int64_t add_community(Connection& connection, const std::string& code) {
    return connection.query_int(
        "INSERT INTO communities (name, code, created_at) VALUES (?, ?, ?) RETURNING id",
        {std::string("幸福社区"), code, std::string("2026-01-01T00:00:00+08:00")});
  }

  std::int64_t count_samples() { return connection_->query_int("SELECT COUNT(*) FROM sample"); }

  std::unique_ptr<Database> database_;
  std::unique_ptr<Connection> connection_;

 private:
  void remove_sqlite_files() {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
      std::error_code ignored;
      std::filesystem::remove(path_ + suffix, ignored);
    }
  }

  std::string path_;
  std::unique_ptr<Database> server_;
  std::string schema_;
};

// --- migrations

TEST_P(Storage, MigrationsApplyOnceAndRecordTheLatestVersion) {
  const std::vector<Migration>& migrations = embedded_migrations();
  ASSERT_FALSE(migrations.empty());
  std::vector<int> all;
  all.reserve(migrations.size());
  for (const Migration& migration : migrations) all.push_back(migration.version);

  EXPECT_EQ(current_version(*connection_), 0);
  EXPECT_EQ(migrate(*connection_), all);
  EXPECT_EQ(current_version(*connection_), all.back());

  EXPECT_TRUE(migrate(*connection_).empty());
  auto other = database_->connect();
  EXPECT_TRUE(migrate(*other).empty());
  EXPECT_EQ(current_version(*other), all.back());
  EXPECT_EQ(connection_->query_int("SELECT COUNT(*) FROM audit_head"), 1);
}

TEST_P(Storage, MigrationsStartedTogetherApplyEachVersionOnce) {
  constexpr int kServers = 3;
  std::vector<std::unique_ptr<Connection>> connections;
  connections.reserve(kServers);
  for (int i = 0; i < kServers; ++i) connections.push_back(database_->connect());
  std::atomic<int> ready{0};
  std::atomic<int> applied{0};
  std::mutex errors_mutex;
  std::vector<std::string> errors;
  std::vector<std::thread> threads;
  threads.reserve(kServers);
  for (auto& connection : connections) {
    threads.emplace_back([&, connection = connection.get()] {
      ++ready;
      while (ready.load() < kServers) std::this_thread::yield();
      try {
        applied += static_cast<int>(migrate(*connection).size());
      } catch (const std::exception& error) {
        std::lock_guard lock(errors_mutex);
        errors.emplace_back(error.what());
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_TRUE(errors.empty()) << (errors.empty() ? "" : errors.front());
  EXPECT_EQ(applied.load(), static_cast<int>(embedded_migrations().size()));
  EXPECT_EQ(current_version(*connection_), embedded_migrations().back().version);
}

// --- values

TEST_P(Storage, RoundTripsNullIntegersAndText) {
  create_sample_table();
  const std::vector<std::optional<std::int64_t>> numbers = {
      std::nullopt,
      0,
      -1,
      std::int64_t{1} << 31,
      -(std::int64_t{1} << 31) - 1,
      (std::int64_t{1} << 53) + 1,
      std::numeric_limits<std::int64_t>::max(),
      std::numeric_limits<std::int64_t>::min(),
  };
  const std::vector<std::optional<std::string>> labels = {
      std::nullopt,
      std::string(),
      "一户一档：幸福社区 3 栋 2 单元 🏠",
      "it's \"quoted\", back\\slash, 100% _under_",
      "line one\nline two\ttab",
  };
  std::int64_t id = 0;
  for (const auto& number : numbers) {
    for (const auto& label : labels) {
      ++id;
      ASSERT_EQ(connection_->execute("INSERT INTO sample (id, number, label) VALUES (?, ?, ?)",
                                     {id, opt_int(number), opt_text(label)}),
                1);
      auto row = connection_->query_one("SELECT number, label FROM sample WHERE id = ?", {id});
      ASSERT_TRUE(row.has_value());
      EXPECT_EQ(row->opt_integer(0), number);
      EXPECT_EQ(row->opt_text(1), label);
    }
  }
  EXPECT_EQ(count_samples(), id);
  EXPECT_EQ(connection_->query_int("SELECT ?", {std::numeric_limits<std::int64_t>::min()}),
            std::numeric_limits<std::int64_t>::min());
  auto row = connection_->query_one(
      "SELECT number FROM sample WHERE label = ? AND number = ?",
      {std::string("一户一档：幸福社区 3 栋 2 单元 🏠"), std::numeric_limits<std::int64_t>::max()});
  ASSERT_TRUE(row.has_value());
  EXPECT_EQ(row->integer(0), std::numeric_limits<std::int64_t>::max());
}

TEST_P(Storage, NullColumnsReadAsNullopt) {
  create_sample_table();
  connection_->execute("INSERT INTO sample (id, number, label) VALUES (?, ?, ?)",
                       {std::int64_t{1}, null_value(), null_value()});
  auto row =
      connection_->query_one("SELECT number, label FROM sample WHERE id = ?", {std::int64_t{1}});
  ASSERT_TRUE(row.has_value());
  EXPECT_TRUE(row->is_null(0));
  EXPECT_TRUE(row->is_null(1));
  EXPECT_THROW(row->integer(0), DbError);
  EXPECT_THROW(row->text(1), DbError);
}

// --- errors

TEST_P(Storage, ReportsUniqueViolation) {
  migrate(*connection_);
  add_community(*connection_, "C1");
  EXPECT_EQ(error_kind([&] { add_community(*connection_, "C1"); }), DbErrorKind::unique_violation);

  create_sample_table();
  connection_->execute("INSERT INTO sample (id) VALUES (?)", {std::int64_t{7}});
  EXPECT_EQ(error_kind([&] {
              connection_->execute("INSERT INTO sample (id) VALUES (?)", {std::int64_t{7}});
            }),
            DbErrorKind::unique_violation);
}

TEST_P(Storage, ReportsForeignKeyViolation) {
  migrate(*connection_);
  EXPECT_EQ(error_kind([&] {
              connection_->execute(
                  "INSERT INTO buildings (community_id, name, created_at) VALUES (?, ?, ?)",
                  {std::int64_t{424242}, std::string("3 栋"), std::string("2026-01-01")});
            }),
            DbErrorKind::foreign_key_violation);
}

TEST_P(Storage, ReportsCheckViolation) {
  migrate(*connection_);
  EXPECT_EQ(
      error_kind([&] {
        connection_->execute(
            "INSERT INTO users (username, password_hash, role, created_at) "
            "VALUES (?, ?, ?, ?)",
            {std::string("li"), std::string("x"), std::string("mayor"), std::string("2026-01-01")});
      }),
      DbErrorKind::check_violation);
}

TEST_P(Storage, ReportsSyntaxErrorsAsOther) {
  EXPECT_EQ(error_kind([&] { connection_->query("SELEC 1"); }), DbErrorKind::other);
  EXPECT_EQ(error_kind([&] { connection_->execute_script("CREATE TABLEX t (id INTEGER)"); }),
            DbErrorKind::other);
  EXPECT_EQ(connection_->query_int("SELECT 1"), 1);  // the connection is still usable
}

TEST_P(Storage, RejectsWrongParameterCount) {
  create_sample_table();
  EXPECT_EQ(error_kind([&] {
              connection_->execute("INSERT INTO sample (id, number) VALUES (?, ?)",
                                   {std::int64_t{1}});
            }),
            DbErrorKind::other);
  EXPECT_EQ(error_kind([&] {
              connection_->query("SELECT id FROM sample WHERE id = ?",
                                 {std::int64_t{1}, std::int64_t{2}});
            }),
            DbErrorKind::other);
  EXPECT_EQ(count_samples(), 0);
}

// --- transactions

TEST_P(Storage, RollbackLeavesNothing) {
  create_sample_table();
  connection_->begin(TxMode::write);
  connection_->execute("INSERT INTO sample (id, label) VALUES (?, ?)",
                       {std::int64_t{1}, std::string("gone")});
  EXPECT_EQ(count_samples(), 1);
  connection_->rollback();
  EXPECT_EQ(count_samples(), 0);
  connection_->rollback();  // outside a transaction it does nothing
}

TEST_P(Storage, WithTransactionCommitsWhenWorkReturns) {
  create_sample_table();
  with_transaction(*connection_, TxMode::write, [&] {
    connection_->execute("INSERT INTO sample (id) VALUES (?)", {std::int64_t{1}});
    connection_->execute("INSERT INTO sample (id) VALUES (?)", {std::int64_t{2}});
  });
  auto other = database_->connect();
  EXPECT_EQ(other->query_int("SELECT COUNT(*) FROM sample"), 2);
}

TEST_P(Storage, WithTransactionRollsBackWhenWorkThrows) {
  create_sample_table();
  EXPECT_THROW(with_transaction(*connection_, TxMode::write,
                                [&] {
                                  connection_->execute("INSERT INTO sample (id) VALUES (?)",
                                                       {std::int64_t{1}});
                                  throw std::runtime_error("work failed");
                                }),
               std::runtime_error);
  EXPECT_EQ(count_samples(), 0);

  EXPECT_EQ(error_kind([&] {
              with_transaction(*connection_, TxMode::write, [&] {
                connection_->execute("INSERT INTO sample (id) VALUES (?)", {std::int64_t{2}});
                connection_->execute("INSERT INTO sample (id) VALUES (?)", {std::int64_t{2}});
              });
            }),
            DbErrorKind::unique_violation);
  EXPECT_EQ(count_samples(), 0);

  // And the connection takes new transactions afterwards.
  with_transaction(*connection_, TxMode::write, [&] {
    connection_->execute("INSERT INTO sample (id) VALUES (?)", {std::int64_t{3}});
  });
  EXPECT_EQ(count_samples(), 1);
}

TEST_P(Storage, ReadTransactionKeepsOneSnapshot) {
  create_sample_table();
  auto writer = database_->connect();
  connection_->begin(TxMode::read);
  EXPECT_EQ(count_samples(), 0);
  writer->execute("INSERT INTO sample (id) VALUES (?)", {std::int64_t{1}});
  EXPECT_EQ(count_samples(), 0);
  connection_->commit();
  EXPECT_EQ(count_samples(), 1);
}

// --- the SQL shapes modules write

TEST_P(Storage, QuestionMarksInLiteralsIdentifiersAndCommentsAreNotPlaceholders) {
  create_sample_table();
  EXPECT_EQ(connection_->execute("INSERT INTO sample (id, label) -- who? what?\n"
                                 "VALUES (?, 'why? -- not a comment /* nor this */')",
                                 {std::int64_t{1}}),
            1);
  auto row = connection_->query_one(
      "SELECT label, 'it''s ?' AS \"what?\" FROM sample /* where? */ WHERE id = ? AND "
      "label LIKE '%?%'",
      {std::int64_t{1}});
  ASSERT_TRUE(row.has_value());
  EXPECT_EQ(row->text(0), "why? -- not a comment /* nor this */");
  EXPECT_EQ(row->text(1), "it's ?");
}

TEST_P(Storage, LimitAndOffsetTakeParameters) {
  create_sample_table();
  for (std::int64_t id = 1; id <= 10; ++id) {
    connection_->execute("INSERT INTO sample (id, number) VALUES (?, ?)", {id, id * 10});
  }
  Rows rows = connection_->query("SELECT id FROM sample ORDER BY id LIMIT ? OFFSET ?",
                                 {std::int64_t{3}, std::int64_t{4}});
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].integer(0), 5);
  EXPECT_EQ(rows[2].integer(0), 7);
}

TEST_P(Storage, CoalesceOfMaxIsZeroOnAnEmptyTable) {
  create_sample_table();
  EXPECT_EQ(connection_->query_int("SELECT COALESCE(MAX(number), 0) FROM sample"), 0);
  connection_->execute("INSERT INTO sample (id, number) VALUES (?, ?)",
                       {std::int64_t{1}, std::int64_t{5'000'000'000}});
  EXPECT_EQ(
      connection_->query_int("SELECT COALESCE(MAX(number), 0) + ? FROM sample", {std::int64_t{1}}),
      5'000'000'001);
  EXPECT_EQ(connection_->query_int("SELECT COALESCE(SUM(number), 0) FROM sample"), 5'000'000'000);
}

TEST_P(Storage, ArithmeticOnParametersKeeps64Bits) {
  create_sample_table();
  const std::int64_t big = std::int64_t{1} << 40;
  EXPECT_EQ(connection_->query_int("SELECT ? + 1", {big}), big + 1);
  connection_->execute("INSERT INTO sample (id, number) VALUES (?, ?)", {std::int64_t{1}, big});
  EXPECT_EQ(connection_->execute("UPDATE sample SET number = number + ? WHERE id = ?",
                                 {big, std::int64_t{1}}),
            1);
  EXPECT_EQ(connection_->query_int("SELECT number FROM sample WHERE id = ?", {std::int64_t{1}}),
            2 * big);
}

TEST_P(Storage, OptionalFiltersWithIsNullAcceptNullOrAValue) {
  create_sample_table();
  connection_->execute("INSERT INTO sample (id, number, label) VALUES (?, ?, ?)",
                       {std::int64_t{1}, std::int64_t{10}, std::string("甲")});
  connection_->execute("INSERT INTO sample (id, number, label) VALUES (?, ?, ?)",
                       {std::int64_t{2}, std::int64_t{20}, std::string("乙")});
  const std::string by_label = "SELECT COUNT(*) FROM sample WHERE (? IS NULL OR label = ?)";
  // First seen inside a transaction, so any re-preparation must keep the transaction usable.
  connection_->begin(TxMode::write);
  connection_->execute("INSERT INTO sample (id) VALUES (?)", {std::int64_t{3}});
  EXPECT_EQ(connection_->query_int(by_label, {null_value(), null_value()}), 3);
  EXPECT_EQ(connection_->query_int(by_label, {std::string("乙"), std::string("乙")}), 1);
  connection_->commit();
  EXPECT_EQ(count_samples(), 3);

  const std::string by_number = "SELECT COUNT(*) FROM sample WHERE (? IS NULL OR number = ?)";
  EXPECT_EQ(connection_->query_int(by_number, {std::int64_t{20}, std::int64_t{20}}), 1);
  EXPECT_EQ(connection_->query_int(by_number, {null_value(), null_value()}), 3);
}

TEST_P(Storage, InsertSelectTakesParameters) {
  create_sample_table();
  const std::string insert_missing =
      "INSERT INTO sample (id, number, label) SELECT ?, ?, ? "
      "WHERE NOT EXISTS (SELECT 1 FROM sample WHERE id = ?)";
  const std::vector<Value> params = {std::int64_t{1}, std::int64_t{1} << 40, std::string("x"),
                                     std::int64_t{1}};
  EXPECT_EQ(connection_->execute(insert_missing, params), 1);
  EXPECT_EQ(connection_->execute(insert_missing, params), 0);
  EXPECT_EQ(connection_->query_int("SELECT number FROM sample WHERE id = ?", {std::int64_t{1}}),
            std::int64_t{1} << 40);
}

TEST_P(Storage, IntegerParameterMatchesTextColumnHoldingItsDigits) {
  create_sample_table();
  connection_->execute("INSERT INTO sample (id, label) VALUES (?, ?)",
                       {std::int64_t{1}, std::int64_t{42}});
  EXPECT_EQ(connection_->query_int("SELECT label FROM sample WHERE id = ?", {std::int64_t{1}}), 42);
  EXPECT_EQ(
      connection_->query_int("SELECT COUNT(*) FROM sample WHERE label = ?", {std::int64_t{42}}), 1);
}

TEST_P(Storage, ExecuteReturnsAffectedRows) {
  create_sample_table();
  for (std::int64_t id = 1; id <= 5; ++id) {
    connection_->execute("INSERT INTO sample (id, number) VALUES (?, ?)", {id, id % 2});
  }
  EXPECT_EQ(connection_->execute("UPDATE sample SET label = ? WHERE number = ?",
                                 {std::string("odd"), std::int64_t{1}}),
            3);
  EXPECT_EQ(connection_->execute("UPDATE sample SET label = ? WHERE id = ?",
                                 {std::string("none"), std::int64_t{99}}),
            0);
  EXPECT_EQ(connection_->execute("DELETE FROM sample WHERE number = ?", {std::int64_t{0}}), 2);
}

TEST_P(Storage, UpsertAndInsertOrIgnoreWorkOnBoth) {
  create_sample_table();
  const std::string upsert =
      "INSERT INTO sample (id, number) VALUES (?, ?) "
      "ON CONFLICT (id) DO UPDATE SET number = sample.number + excluded.number";
  connection_->execute(upsert, {std::int64_t{1}, std::int64_t{5}});
  connection_->execute(upsert, {std::int64_t{1}, std::int64_t{7}});
  EXPECT_EQ(connection_->query_int("SELECT number FROM sample WHERE id = ?", {std::int64_t{1}}),
            12);
  EXPECT_EQ(connection_->execute(
                "INSERT INTO sample (id, number) VALUES (?, ?) ON CONFLICT (id) DO NOTHING",
                {std::int64_t{1}, std::int64_t{0}}),
            0);
}

TEST_P(Storage, InsertReturningGivesTheNewId) {
  migrate(*connection_);
  std::int64_t first = add_community(*connection_, "A");
  std::int64_t second = add_community(*connection_, "B");
  EXPECT_GT(first, 0);
  EXPECT_GT(second, first);
}

TEST_P(Storage, ManyDistinctStatementsOutgrowTheStatementCache) {
  for (int round = 0; round < 2; ++round) {
    for (std::int64_t i = 0; i < 300; ++i) {
      ASSERT_EQ(connection_->query_int("SELECT ? + " + std::to_string(i), {std::int64_t{1}}),
                i + 1);
    }
  }
}

// --- concurrency

TEST_P(Storage, ConcurrentIncrementsInWriteTransactionsAreNotLost) {
  connection_->execute_script(
      "CREATE TABLE counters (id BIGINT PRIMARY KEY, value BIGINT NOT NULL);"
      "INSERT INTO counters (id, value) VALUES (1, 0)");
  constexpr int kThreads = 8;
  constexpr int kIncrements = 50;
  const std::string read = "SELECT value FROM counters WHERE id = ?" + for_update();
  std::atomic<int> failures{0};
  std::mutex message_mutex;
  std::string first_failure;
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      try {
        auto connection = database_->connect();
        for (int i = 0; i < kIncrements; ++i) {
          with_transaction(*connection, TxMode::write, [&] {
            std::int64_t value = connection->query_int(read, {std::int64_t{1}});
            connection->execute("UPDATE counters SET value = ? WHERE id = ?",
                                {value + 1, std::int64_t{1}});
          });
        }
      } catch (const std::exception& error) {
        ++failures;
        std::lock_guard lock(message_mutex);
        if (first_failure.empty()) first_failure = error.what();
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0) << first_failure;
  EXPECT_EQ(connection_->query_int("SELECT value FROM counters WHERE id = ?", {std::int64_t{1}}),
            kThreads * kIncrements);
}

TEST_P(Storage, PoolHandsOutAtMostItsSize) {
  constexpr int kSize = 3;
  CountingDatabase counting(*database_);
  Pool pool(counting, kSize);
  std::atomic<int> in_use{0};
  std::atomic<int> most_in_use{0};
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  threads.reserve(8);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 20; ++i) {
        auto lease = pool.lease();
        int now = ++in_use;
        int seen = most_in_use.load();
        while (now > seen && !most_in_use.compare_exchange_weak(seen, now)) {
        }
        try {
          if (lease->query_int("SELECT 1") != 1) ++failures;
        } catch (const std::exception&) {
          ++failures;
        }
        std::this_thread::sleep_for(1ms);
        --in_use;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_LE(most_in_use.load(), kSize);
  EXPECT_LE(counting.connects.load(), kSize);
  EXPECT_GE(counting.connects.load(), 1);
}

TEST_P(Storage, PoolLeaseWaitsUntilAConnectionIsReturned) {
  Pool pool(*database_, 1);
  std::atomic<bool> acquired{false};
  std::thread waiter;
  {
    auto held = pool.lease();
    waiter = std::thread([&] {
      auto lease = pool.lease();
      acquired = true;
    });
    std::this_thread::sleep_for(100ms);
    EXPECT_FALSE(acquired.load());
  }
  waiter.join();
  EXPECT_TRUE(acquired.load());
}

TEST_P(Storage, PoolLeaseFailsFastForEveryWaiterWhileTheDatabaseIsUnreachable) {
  UnreachableDatabase unreachable(*database_);
  Pool pool(unreachable, 1);
  std::atomic<int> failed{0};
  auto try_lease = [&] {
    try {
      auto lease = pool.lease();
    } catch (const DbError&) {
      ++failed;
    }
  };
  std::thread first(try_lease);
  std::this_thread::sleep_for(20ms);  // the first is connecting: the second waits for the slot
  std::thread second(try_lease);
  auto deadline = std::chrono::steady_clock::now() + 3s;
  while (failed.load() < 2 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(10ms);
  }
  EXPECT_EQ(failed.load(), 2) << "a waiter kept waiting for a slot a failed connect gave back";
  unreachable.down = false;
  { auto lease = pool.lease(); }  // frees a stuck waiter, should the check above have failed
  first.join();
  second.join();
}

// --- PostgreSQL only: behaviour SQLite has no counterpart for

TEST_P(Storage, LockNotAvailableIsBusy) {
  if (!postgres()) GTEST_SKIP() << "SQLite writers wait on the database lock instead";
  create_sample_table();
  connection_->execute("INSERT INTO sample (id) VALUES (?)", {std::int64_t{1}});
  auto other = database_->connect();
  connection_->begin(TxMode::write);
  connection_->query("SELECT id FROM sample WHERE id = ? FOR UPDATE", {std::int64_t{1}});
  other->begin(TxMode::write);
  EXPECT_EQ(error_kind([&] {
              other->query("SELECT id FROM sample WHERE id = ? FOR UPDATE NOWAIT",
                           {std::int64_t{1}});
            }),
            DbErrorKind::busy);
  other->rollback();
  connection_->rollback();
}

TEST_P(Storage, CommitAfterAFailedStatementDoesNotPretendToSucceed) {
  if (!postgres()) GTEST_SKIP() << "SQLite keeps a transaction going after a failed statement";
  create_sample_table();
  connection_->begin(TxMode::write);
  connection_->execute("INSERT INTO sample (id) VALUES (?)", {std::int64_t{1}});
  EXPECT_EQ(error_kind([&] {
              connection_->execute("INSERT INTO sample (id) VALUES (?)", {std::int64_t{1}});
            }),
            DbErrorKind::unique_violation);
  EXPECT_THROW(connection_->commit(), DbError);
  EXPECT_EQ(count_samples(), 0);
}

TEST_P(Storage, ReconnectsAfterTheServerDropsAnIdleConnection) {
  if (!postgres()) GTEST_SKIP() << "an SQLite connection cannot be dropped";
  std::int64_t pid = connection_->query_int("SELECT pg_backend_pid()");
  auto other = database_->connect();
  other->query("SELECT pg_terminate_backend(?)", {pid});
  for (int i = 0; i < 200; ++i) {
    if (other->query_int("SELECT COUNT(*) FROM pg_stat_activity WHERE pid = ?", {pid}) == 0) break;
    std::this_thread::sleep_for(10ms);
  }
  EXPECT_EQ(connection_->query_int("SELECT 1"), 1);
  EXPECT_NE(connection_->query_int("SELECT pg_backend_pid()"), pid);
  EXPECT_EQ(connection_->query_one("SELECT current_setting('TimeZone')")->text(0), "UTC");
}

TEST_P(Storage, ConnectionLostInsideATransactionFailsItThenRecovers) {
  if (!postgres()) GTEST_SKIP() << "an SQLite connection cannot be dropped";
  create_sample_table();
  std::int64_t pid = connection_->query_int("SELECT pg_backend_pid()");
  auto other = database_->connect();
  connection_->begin(TxMode::write);
  connection_->execute("INSERT INTO sample (id) VALUES (?)", {std::int64_t{1}});
  other->query("SELECT pg_terminate_backend(?)", {pid});
  for (int i = 0; i < 200; ++i) {
    if (other->query_int("SELECT COUNT(*) FROM pg_stat_activity WHERE pid = ?", {pid}) == 0) break;
    std::this_thread::sleep_for(10ms);
  }
  // The rest of the transaction must not quietly run on a new connection.
  EXPECT_EQ(error_kind([&] {
              connection_->execute("INSERT INTO sample (id) VALUES (?)", {std::int64_t{2}});
            }),
            DbErrorKind::other);
  connection_->rollback();
  EXPECT_EQ(count_samples(), 0);
}

TEST_P(Storage, PostgresqlQuotingFormsHideQuestionMarks) {
  if (!postgres()) GTEST_SKIP() << "E'' strings and dollar quotes are PostgreSQL syntax";
  auto row = connection_->query_one(
      "SELECT E'it\\'s ?', $$what?$$, $t1$who? $$ ?$t1$, ? /* nested /* ? */ ? */",
      {std::int64_t{7}});
  ASSERT_TRUE(row.has_value());
  EXPECT_EQ(row->text(0), "it's ?");
  EXPECT_EQ(row->text(1), "what?");
  EXPECT_EQ(row->text(2), "who? $$ ?");
  EXPECT_EQ(row->integer(3), 7);
}

TEST_P(Storage, SessionRunsInUtcWithQuietNotices) {
  if (!postgres()) GTEST_SKIP() << "PostgreSQL session settings";
  EXPECT_EQ(connection_->query_one("SELECT current_setting('TimeZone')")->text(0), "UTC");
  EXPECT_EQ(connection_->query_one("SELECT current_setting('client_min_messages')")->text(0),
            "warning");
}

// --- nesting and group commit

TEST_P(Storage, NestedTransactUndoesOnlyItsOwnWrites) {
  create_sample_table();
  with_transaction(*connection_, TxMode::write, [&] {
    connection_->execute("INSERT INTO sample (id) VALUES (?)", {std::int64_t{1}});
    // A nested use case that fails with an error result: its savepoint is rolled back.
    auto failed = transact(*connection_, TxMode::write, [&]() -> Result<void> {
      connection_->execute("INSERT INTO sample (id) VALUES (?)", {std::int64_t{2}});
      return conflict("nope", "refused");
    });
    EXPECT_FALSE(failed.ok());
    // One that throws a constraint violation leaves the outer transaction usable (PostgreSQL
    // would otherwise abort it).
    EXPECT_EQ(error_kind([&] {
                with_transaction(*connection_, TxMode::write, [&] {
                  connection_->execute("INSERT INTO sample (id) VALUES (?)", {std::int64_t{1}});
                });
              }),
              DbErrorKind::unique_violation);
    connection_->execute("INSERT INTO sample (id) VALUES (?)", {std::int64_t{3}});
  });
  auto other = database_->connect();
  EXPECT_EQ(other->query_int("SELECT COUNT(*) FROM sample"), 2);
  EXPECT_EQ(other->query_int("SELECT COUNT(*) FROM sample WHERE id = 2"), 0);
}

TEST_P(Storage, GroupCommitBatchesConcurrentWritesAndIsolatesFailures) {
  create_sample_table();
  GroupCommit group(*database_);
  constexpr int kThreads = 16, kEach = 25;
  std::atomic<int> refused{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        std::int64_t id = t * 1000 + i;
        try {
          group.run([&](Connection& connection) {
            with_transaction(connection, TxMode::write, [&] {
              connection.execute("INSERT INTO sample (id, number) VALUES (?, ?)", {id, id});
              // Every fifth write of thread 0 collides with itself and must fail alone.
              if (t == 0 && i % 5 == 0) {
                connection.execute("INSERT INTO sample (id, number) VALUES (?, ?)", {id, id});
              }
            });
          });
        } catch (const DbError& error) {
          EXPECT_EQ(error.kind(), DbErrorKind::unique_violation);
          ++refused;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(refused.load(), kEach / 5);
  // Every acknowledged write is committed and visible from another connection; the refused
  // ones left nothing.
  auto other = database_->connect();
  EXPECT_EQ(other->query_int("SELECT COUNT(*) FROM sample"), kThreads * kEach - kEach / 5);
  EXPECT_EQ(other->query_int("SELECT COUNT(*) FROM sample WHERE id < 1000 AND id % 5 = 0"), 0);
  auto stats = group.stats();
  EXPECT_EQ(stats.jobs, static_cast<std::size_t>(kThreads * kEach));
  EXPECT_LT(stats.batches, stats.jobs);  // writes arriving together shared commits
}

INSTANTIATE_TEST_SUITE_P(Drivers, Storage, testing::Values(Engine::sqlite, Engine::postgresql),
                         [](const testing::TestParamInfo<Engine>& info) {
                           return info.param == Engine::sqlite ? std::string("SQLite")
                                                               : std::string("PostgreSQL");
                         });

// --- no server needed

TEST(PostgresqlDescription, HidesThePassword) {
  auto url = open_postgresql("postgresql://gz:s3cret@db.example:5432/gz?sslmode=disable");
  EXPECT_EQ(url->describe(), "postgresql://gz:***@db.example:5432/gz?sslmode=disable");
  auto query = open_postgresql("postgres://gz@db.example/gz?password=s3cret&sslmode=disable");
  EXPECT_EQ(query->describe(), "postgres://gz@db.example/gz?password=***&sslmode=disable");
  auto keywords = open_postgresql("host=db.example password=s3cret dbname=gz");
  EXPECT_EQ(keywords->describe(), "host=db.example password=*** dbname=gz");
  auto plain = open_postgresql("postgresql://gz@db.example/gz");
  EXPECT_EQ(plain->describe(), "postgresql://gz@db.example/gz");
}

TEST(PostgresqlConnection, FailureNamesTheServerButNotThePassword) {
  // Port 1 on the loopback refuses at once.
  auto database = open_postgresql("postgresql://gz:s3cret@127.0.0.1:1/gz?connect_timeout=2");
  try {
    database->connect();
    FAIL() << "connected to port 1";
  } catch (const DbError& error) {
    std::string message = error.what();
    EXPECT_EQ(error.kind(), DbErrorKind::other);
    EXPECT_NE(message.find("127.0.0.1"), std::string::npos) << message;
    EXPECT_EQ(message.find("s3cret"), std::string::npos) << message;
  }
}

}  // namespace
}  // namespace gz::storage
