// The one small database interface every module talks to, with a SQLite driver and a
// PostgreSQL driver behind it. SQL is written once with `?` placeholders; the PostgreSQL
// driver renumbers them to $1..$n. Values cross the boundary as NULL, 64-bit integers or
// text, which both engines store exactly.
//
// Failures are exceptions of type DbError here (infrastructure, not user input); modules
// catch the kinds they expect (a unique violation means a duplicate) and turn them into
// Result errors.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace gz::storage {

enum class Dialect { sqlite, postgresql };

using Value = std::variant<std::monostate, std::int64_t, std::string>;
inline Value null_value() {
  return Value{};
}
inline Value opt_text(const std::optional<std::string>& text) {
  return text ? Value{*text} : Value{};
}
inline Value opt_int(const std::optional<std::int64_t>& number) {
  return number ? Value{*number} : Value{};
}

enum class DbErrorKind { unique_violation, foreign_key_violation, check_violation, busy, other };

class DbError : public std::runtime_error {
 public:
  DbError(DbErrorKind kind, const std::string& message)
      : std::runtime_error(message), kind_(kind) {}
  DbErrorKind kind() const { return kind_; }

 private:
  DbErrorKind kind_;
};

class Row {
 public:
  explicit Row(std::vector<std::optional<std::string>> columns) : columns_(std::move(columns)) {}
  std::size_t size() const { return columns_.size(); }
  bool is_null(std::size_t i) const { return !columns_.at(i).has_value(); }
  const std::string& text(std::size_t i) const;  // throws on NULL
  std::int64_t integer(std::size_t i) const;     // throws on NULL or non-integer
  std::optional<std::string> opt_text(std::size_t i) const { return columns_.at(i); }
  std::optional<std::int64_t> opt_integer(std::size_t i) const;

 private:
  std::vector<std::optional<std::string>> columns_;
};

using Rows = std::vector<Row>;

enum class TxMode {
  read,   // a consistent snapshot for reads
  write,  // takes the write lock up front (SQLite BEGIN IMMEDIATE), avoiding upgrade deadlocks
};

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  virtual Rows query(std::string_view sql, const std::vector<Value>& params = {}) = 0;
  // Runs a statement; returns the number of rows changed.
  virtual std::int64_t execute(std::string_view sql, const std::vector<Value>& params = {}) = 0;
  // Runs a script of several statements without parameters (migrations).
  virtual void execute_script(std::string_view sql) = 0;
  virtual void begin(TxMode mode) = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;
  // Whether a transaction is open on this connection (transact() nests as a savepoint then).
  virtual bool in_transaction() const = 0;
  // Single-row helpers.
  std::optional<Row> query_one(std::string_view sql, const std::vector<Value>& params = {});
  std::int64_t query_int(std::string_view sql, const std::vector<Value>& params = {});
};

class Database {
 public:
  virtual ~Database() = default;
  virtual Dialect dialect() const = 0;
  virtual std::unique_ptr<Connection> connect() = 0;
  // Text safe to log (a PostgreSQL URL without its password).
  virtual std::string describe() const = 0;
};

// "sqlite:PATH", "sqlite::memory:", "postgresql://..." or "postgres://...".
std::unique_ptr<Database> open_database(const std::string& url);
std::unique_ptr<Database> open_sqlite(const std::string& path);
std::unique_ptr<Database> open_postgresql(const std::string& conninfo);

// A fixed set of connections shared by worker threads; lease() blocks until one is free.
class Pool {
 public:
  Pool(Database& database, std::size_t size);
  ~Pool();
  class Lease {
   public:
    Lease(Pool* pool, std::unique_ptr<Connection> connection)
        : pool_(pool), connection_(std::move(connection)) {}
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    Connection& operator*() { return *connection_; }
    Connection* operator->() { return connection_.get(); }

   private:
    Pool* pool_;
    std::unique_ptr<Connection> connection_;
  };
  Lease lease();
  Database& database() { return database_; }
  // Runs a write `work(connection)` — which opens its own transaction(s) with transact() —
  // so that it is durable when this returns: on SQLite in the group commit's next batch
  // (group_commit.hpp), elsewhere on a leased connection. Rethrows what `work` throws.
  void write_grouped(const std::function<void(Connection&)>& work);

 private:
  struct State;
  Database& database_;
  std::unique_ptr<State> state_;
};

// Runs `work` inside a transaction: commits when it returns, rolls back when it throws.
// SQLite "busy" and PostgreSQL serialization failures are retried a few times.
void with_transaction(Connection& connection, TxMode mode, const std::function<void()>& work);

// "column IN (?,?,…)" for the ids, their parameters appended to `params` (ids not empty).
std::string in_list(std::string_view column, const std::vector<std::int64_t>& ids,
                    std::vector<Value>& params);

// "%text%" for `column LIKE ? ESCAPE '\'`, the text's own % _ and \ taken literally.
std::string contains_pattern(std::string_view text);

}  // namespace gz::storage
