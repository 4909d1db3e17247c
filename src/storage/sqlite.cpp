// SQLite driver: WAL journal, a busy timeout so concurrent writers wait instead of failing,
// foreign keys on, and synchronous=FULL so an acknowledged commit survives power loss.
#include <sqlite3.h>
#include <cctype>

#include <string>

#include "storage/database.hpp"

namespace gz::storage {
namespace {

DbErrorKind classify(int code) {
  switch (code & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return DbErrorKind::busy;
    case SQLITE_CONSTRAINT:
      if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY) {
        return DbErrorKind::unique_violation;
      }
      if (code == SQLITE_CONSTRAINT_FOREIGNKEY) return DbErrorKind::foreign_key_violation;
      if (code == SQLITE_CONSTRAINT_CHECK) return DbErrorKind::check_violation;
      return DbErrorKind::other;
    default:
      return DbErrorKind::other;
  }
}

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(const std::string& path) {
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
    int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
      std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw DbError(DbErrorKind::other, "cannot open SQLite database " + path + ": " + message);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, 10000);
    execute_script(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
        "PRAGMA temp_store=MEMORY;");
  }
  ~SqliteConnection() override {
    for (auto& [sql, statement] : cache_) sqlite3_finalize(statement);
    sqlite3_close(db_);
  }

  Dialect dialect() const override { return Dialect::sqlite; }

  Rows query(std::string_view sql, const std::vector<Value>& params) override {
    sqlite3_stmt* statement = prepare(sql);
    Reset reset{statement};
    bind(statement, params);
    Rows rows;
    int columns = sqlite3_column_count(statement);
    for (;;) {
      int rc = sqlite3_step(statement);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) fail(rc);
      std::vector<std::optional<std::string>> values;
      values.reserve(columns);
      for (int i = 0; i < columns; ++i) {
        if (sqlite3_column_type(statement, i) == SQLITE_NULL) {
          values.emplace_back(std::nullopt);
        } else {
          const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, i));
          values.emplace_back(std::string(text, sqlite3_column_bytes(statement, i)));
        }
      }
      rows.emplace_back(std::move(values));
    }
    return rows;
  }

  std::int64_t execute(std::string_view sql, const std::vector<Value>& params) override {
    sqlite3_stmt* statement = prepare(sql);
    Reset reset{statement};
    bind(statement, params);
    for (;;) {
      int rc = sqlite3_step(statement);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) fail(rc);
    }
    return sqlite3_changes(db_);
  }

  void execute_script(std::string_view sql) override {
    // One statement (savepoints, per request): through the statement cache, parsed once.
    auto first = sql.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && std::isalpha(static_cast<unsigned char>(sql[first])) &&
        sql.find(';') == std::string_view::npos && sql.find("--") == std::string_view::npos) {
      execute(sql, {});
      return;
    }
    std::string text(sql);
    char* message = nullptr;
    int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
      std::string error = message ? message : "unknown error";
      sqlite3_free(message);
      throw DbError(classify(rc), error);
    }
  }

  // Prepared once and kept in the statement cache, like any query: not parsed again per call.
  void begin(TxMode mode) override {
    execute(mode == TxMode::write ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED", {});
  }
  void commit() override { execute("COMMIT", {}); }
  void rollback() override {
    if (!sqlite3_get_autocommit(db_)) execute_script("ROLLBACK");
  }
  bool in_transaction() const override { return sqlite3_get_autocommit(db_) == 0; }

 private:
  struct Reset {
    sqlite3_stmt* statement;
    ~Reset() {
      sqlite3_reset(statement);
      sqlite3_clear_bindings(statement);
    }
  };

  [[noreturn]] void fail(int rc) { throw DbError(classify(rc), std::string(sqlite3_errmsg(db_))); }

  sqlite3_stmt* prepare(std::string_view sql) {
    std::string key(sql);
    for (auto& [cached_sql, statement] : cache_) {
      if (cached_sql == key) return statement;
    }
    sqlite3_stmt* statement = nullptr;
    int rc = sqlite3_prepare_v3(db_, key.data(), static_cast<int>(key.size()),
                                SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
    if (rc != SQLITE_OK) fail(rc);
    // A small cache; evict the oldest when full so memory stays bounded.
    if (cache_.size() >= kCacheSize) {
      sqlite3_finalize(cache_.front().second);
      cache_.erase(cache_.begin());
    }
    cache_.emplace_back(std::move(key), statement);
    return statement;
  }

  void bind(sqlite3_stmt* statement, const std::vector<Value>& params) {
    int expected = sqlite3_bind_parameter_count(statement);
    if (expected != static_cast<int>(params.size())) {
      throw DbError(DbErrorKind::other, "expected " + std::to_string(expected) +
                                            " parameters, got " + std::to_string(params.size()));
    }
    for (std::size_t i = 0; i < params.size(); ++i) {
      int index = static_cast<int>(i) + 1;
      int rc = SQLITE_OK;
      if (std::holds_alternative<std::monostate>(params[i])) {
        rc = sqlite3_bind_null(statement, index);
      } else if (const auto* number = std::get_if<std::int64_t>(&params[i])) {
        rc = sqlite3_bind_int64(statement, index, *number);
      } else {
        const auto& text = std::get<std::string>(params[i]);
        rc = sqlite3_bind_text(statement, index, text.data(), static_cast<int>(text.size()),
                               SQLITE_TRANSIENT);
      }
      if (rc != SQLITE_OK) fail(rc);
    }
  }

  static constexpr std::size_t kCacheSize = 128;
  sqlite3* db_ = nullptr;
  std::vector<std::pair<std::string, sqlite3_stmt*>> cache_;
};

class SqliteDatabase final : public Database {
 public:
  explicit SqliteDatabase(std::string path) : path_(std::move(path)) {}
  Dialect dialect() const override { return Dialect::sqlite; }
  std::unique_ptr<Connection> connect() override {
    return std::make_unique<SqliteConnection>(path_);
  }
  std::string describe() const override { return "sqlite:" + path_; }

 private:
  std::string path_;
};

}  // namespace

std::unique_ptr<Database> open_sqlite(const std::string& path) {
  if (path.empty()) throw std::invalid_argument("empty SQLite path");
  return std::make_unique<SqliteDatabase>(path);
}

}  // namespace gz::storage
