// PostgreSQL driver (libpq). Statements arrive with `?` placeholders, are renumbered to $n
// once, prepared once per connection under a generated name and kept in a bounded LRU
// cache. Everything crosses the wire as text, so results read the same as SQLite's.
//
// Parameter types. The server infers each parameter's type from where it stands, which covers
// `id = ?`, `VALUES (?, ?)` and `LIMIT ? OFFSET ?`; integer arguments are declared bigint so
// `? + 1` and `INSERT ... SELECT ?` keep 64 bits, text and NULL arguments are left for the
// server to infer. Where that guess does not fit the statement, the driver re-prepares:
// a parameter the server cannot type at all (`? IS NULL`) becomes text, and an integer
// argument compared with a text column goes back to being inferred. Types are fixed at the
// first preparation of a statement on a connection.
#include <libpq-fe.h>
#include <poll.h>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <list>
#include <string>
#include <unordered_map>
#include <utility>

#include "storage/database.hpp"

namespace gz::storage {
namespace {

constexpr Oid kUnknownOid = 0;  // let the server infer
constexpr Oid kInt8Oid = 20;
constexpr Oid kTextOid = 25;

bool is_identifier_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Replaces each `?` that is not inside a string literal, a quoted identifier, a dollar-quoted
// string or a comment with $1..$n; `count` receives n.
std::string number_placeholders(std::string_view sql, int& count) {
  std::string out;
  out.reserve(sql.size() + 16);
  count = 0;
  std::size_t i = 0;
  const std::size_t n = sql.size();
  auto copy_until = [&](std::size_t end) {
    out.append(sql.substr(i, end - i));
    i = end;
  };
  while (i < n) {
    char c = sql[i];
    if (c == '?') {
      out += '$';
      out += std::to_string(++count);
      ++i;
    } else if (c == '\'') {
      // E'...' strings let a backslash escape the quote; '' is an escaped quote in both kinds.
      bool backslash_escapes = i > 0 && (sql[i - 1] == 'E' || sql[i - 1] == 'e') &&
                               (i < 2 || !is_identifier_char(sql[i - 2]));
      std::size_t j = i + 1;
      while (j < n) {
        if (backslash_escapes && sql[j] == '\\') {
          j += 2;
        } else if (sql[j] == '\'') {
          if (j + 1 < n && sql[j + 1] == '\'') {
            j += 2;
          } else {
            break;
          }
        } else {
          ++j;
        }
      }
      copy_until(std::min(j + 1, n));
    } else if (c == '"') {
      std::size_t j = sql.find('"', i + 1);
      copy_until(j == std::string_view::npos ? n : j + 1);
    } else if (c == '-' && i + 1 < n && sql[i + 1] == '-') {
      std::size_t j = sql.find('\n', i);
      copy_until(j == std::string_view::npos ? n : j + 1);
    } else if (c == '/' && i + 1 < n && sql[i + 1] == '*') {
      // PostgreSQL block comments nest.
      int depth = 0;
      std::size_t j = i;
      while (j < n) {
        if (sql.compare(j, 2, "/*") == 0) {
          ++depth;
          j += 2;
        } else if (sql.compare(j, 2, "*/") == 0) {
          j += 2;
          if (--depth == 0) break;
        } else {
          ++j;
        }
      }
      copy_until(std::min(j, n));
    } else if (c == '$' && (i == 0 || !is_identifier_char(sql[i - 1]))) {
      // $tag$ ... $tag$ (tag may be empty, must not start with a digit); $1 is not a quote.
      std::size_t j = i + 1;
      if (j < n && !(sql[j] >= '0' && sql[j] <= '9')) {
        while (j < n && is_identifier_char(sql[j])) ++j;
      }
      if (j < n && sql[j] == '$') {
        std::string_view tag = sql.substr(i, j - i + 1);
        std::size_t end = sql.find(tag, j + 1);
        copy_until(end == std::string_view::npos ? n : end + tag.size());
      } else {
        out += c;
        ++i;
      }
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

DbErrorKind classify(const char* sqlstate) {
  std::string_view state = sqlstate ? sqlstate : "";
  if (state == "23505") return DbErrorKind::unique_violation;
  if (state == "23503") return DbErrorKind::foreign_key_violation;
  if (state == "23514") return DbErrorKind::check_violation;
  // serialization_failure, deadlock_detected, lock_not_available: worth retrying.
  if (state == "40001" || state == "40P01" || state == "55P03") return DbErrorKind::busy;
  return DbErrorKind::other;
}

std::string trim(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

// "postgresql://user:secret@host/db?password=x" -> "postgresql://user:***@host/db?password=***";
// key=value strings get "password=***".
std::string redact(const std::string& conninfo) {
  std::string out = conninfo;
  std::size_t scheme = out.find("://");
  if (scheme != std::string::npos) {
    std::size_t start = scheme + 3;
    std::size_t end = out.find_first_of("/?#", start);
    if (end == std::string::npos) end = out.size();
    std::size_t at = out.rfind('@', end);
    if (at != std::string::npos && at >= start) {
      std::size_t colon = out.find(':', start);
      if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
    }
  }
  for (std::size_t at = out.find("password"); at != std::string::npos;
       at = out.find("password", at + 1)) {
    std::size_t j = at + 8;
    while (j < out.size() && out[j] == ' ') ++j;
    if (j >= out.size() || out[j] != '=') continue;
    ++j;
    while (j < out.size() && out[j] == ' ') ++j;
    std::size_t end = j;
    if (end < out.size() && out[end] == '\'') {
      ++end;
      while (end < out.size() && out[end] != '\'') end += out[end] == '\\' ? 2 : 1;
      end = std::min(end + 1, out.size());
    } else {
      while (end < out.size() && out[end] != '&' && out[end] != ' ' && out[end] != '#') ++end;
    }
    out.replace(j, end - j, "***");
  }
  return out;
}

// Owns a PGresult.
class Result {
 public:
  explicit Result(PGresult* result) : result_(result) {}
  Result(Result&& other) noexcept : result_(std::exchange(other.result_, nullptr)) {}
  Result(const Result&) = delete;
  Result& operator=(const Result&) = delete;
  ~Result() { PQclear(result_); }
  PGresult* get() const { return result_; }
  ExecStatusType status() const { return PQresultStatus(result_); }
  bool ok() const {
    return result_ && (status() == PGRES_COMMAND_OK || status() == PGRES_TUPLES_OK);
  }
  std::string_view sqlstate() const {
    const char* state = result_ ? PQresultErrorField(result_, PG_DIAG_SQLSTATE) : nullptr;
    return state ? state : "";
  }

 private:
  PGresult* result_;
};

class PostgresConnection final : public Connection {
 public:
  PostgresConnection(const std::string& conninfo, const std::string& described) {
    conn_ = PQconnectdb(conninfo.c_str());
    if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
      std::string message = conn_ ? trim(PQerrorMessage(conn_)) : "out of memory";
      PQfinish(conn_);
      throw DbError(DbErrorKind::other,
                    "cannot connect to PostgreSQL " + described + ": " + message);
    }
    configure_session();
  }
  PostgresConnection(const PostgresConnection&) = delete;
  PostgresConnection& operator=(const PostgresConnection&) = delete;
  ~PostgresConnection() override { PQfinish(conn_); }

  Dialect dialect() const override { return Dialect::postgresql; }

  Rows query(std::string_view sql, const std::vector<Value>& params) override {
    Result result = run(sql, params);
    Rows rows;
    if (result.status() != PGRES_TUPLES_OK) return rows;
    int tuples = PQntuples(result.get());
    int fields = PQnfields(result.get());
    rows.reserve(tuples);
    for (int r = 0; r < tuples; ++r) {
      std::vector<std::optional<std::string>> values;
      values.reserve(fields);
      for (int f = 0; f < fields; ++f) {
        if (PQgetisnull(result.get(), r, f)) {
          values.emplace_back(std::nullopt);
        } else {
          values.emplace_back(
              std::string(PQgetvalue(result.get(), r, f), PQgetlength(result.get(), r, f)));
        }
      }
      rows.emplace_back(std::move(values));
    }
    return rows;
  }

  std::int64_t execute(std::string_view sql, const std::vector<Value>& params) override {
    Result result = run(sql, params);
    const char* tuples = PQcmdTuples(result.get());
    return tuples && *tuples ? std::strtoll(tuples, nullptr, 10) : 0;
  }

  void execute_script(std::string_view sql) override {
    ensure_connected();
    exec_simple(std::string(sql));
  }

  void begin(TxMode mode) override {
    ensure_connected();
    // Writers run at READ COMMITTED and take row locks (SELECT ... FOR UPDATE) where order
    // matters; readers get one snapshot for the whole transaction.
    exec_simple(mode == TxMode::write ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ");
  }

  void commit() override {
    in_transaction_ = false;
    Result result(PQexec(conn_, "COMMIT"));
    check(result);
    // COMMIT of a transaction already failed by an error answers "ROLLBACK" without an error;
    // a caller that swallowed that error must not believe its writes were kept.
    if (std::string_view(PQcmdStatus(result.get())) == "ROLLBACK") {
      throw DbError(DbErrorKind::other,
                    "transaction was rolled back at COMMIT: an earlier statement in it failed");
    }
  }

  bool in_transaction() const override {
    return conn_ != nullptr && PQstatus(conn_) == CONNECTION_OK &&
           PQtransactionStatus(conn_) != PQTRANS_IDLE;
  }

  void rollback() override {
    in_transaction_ = false;
    if (PQstatus(conn_) != CONNECTION_OK) return;  // the server already discarded it
    if (PQtransactionStatus(conn_) == PQTRANS_IDLE) return;
    exec_simple("ROLLBACK");
  }

 private:
  struct Prepared {
    std::string sql;  // the key, as the caller wrote it
    std::string name;
    int parameter_count;
  };
  using Cache = std::list<Prepared>;
  // Lets the cache be searched with the caller's string_view, without a copy.
  struct SqlHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view sql) const {
      return std::hash<std::string_view>{}(sql);
    }
  };

  void configure_session() {
    // Server notices would otherwise go to stderr; the application has no use for them (errors
    // arrive as results), except the one that says the server is ending this connection.
    PQsetNoticeReceiver(conn_, &PostgresConnection::receive_notice, this);
    exec_simple("SET client_min_messages = warning; SET TIME ZONE 'UTC'");
  }

  static void receive_notice(void* self, const PGresult* notice) {
    const char* severity = PQresultErrorField(notice, PG_DIAG_SEVERITY_NONLOCALIZED);
    std::string_view level = severity ? severity : "";
    if (level == "FATAL" || level == "PANIC") {
      static_cast<PostgresConnection*>(self)->ended_by_server_ = true;
    }
  }

  // An idle connection has nothing to read unless the server is ending it (restart,
  // terminated backend, idle timeout): it then sends a FATAL message and closes. Reading that
  // here lets the statement about to run go to a fresh connection instead of failing.
  // Costs one poll() when nothing is pending.
  void notice_if_dropped() {
    for (int reads = 0; reads < 4 && PQstatus(conn_) == CONNECTION_OK; ++reads) {
      pollfd socket{PQsocket(conn_), POLLIN, 0};
      if (::poll(&socket, 1, 0) <= 0) return;
      if (!PQconsumeInput(conn_)) return;  // end of stream: the status is now bad
      PQisBusy(conn_);                     // parses what arrived, calling receive_notice
    }
  }

  // Reconnects a connection the server dropped (restart, idle timeout), but never in the
  // middle of a transaction: its earlier statements are gone, and running the rest outside
  // it would be wrong.
  void ensure_connected() {
    if (!in_transaction_ && PQstatus(conn_) == CONNECTION_OK &&
        PQtransactionStatus(conn_) == PQTRANS_IDLE) {
      notice_if_dropped();
    }
    if (PQstatus(conn_) == CONNECTION_OK && !ended_by_server_) return;
    if (in_transaction_) {
      throw DbError(DbErrorKind::other, "PostgreSQL connection lost inside a transaction");
    }
    cache_.clear();
    index_.clear();
    ended_by_server_ = false;
    PQreset(conn_);
    if (PQstatus(conn_) != CONNECTION_OK) {
      throw DbError(DbErrorKind::other, "PostgreSQL connection lost and reconnecting failed: " +
                                            trim(PQerrorMessage(conn_)));
    }
    configure_session();
  }

  void exec_simple(const std::string& sql) {
    Result result(PQexec(conn_, sql.c_str()));
    note_transaction_state();
    check(result);
  }

  // Follows the server's view, so a transaction opened by a script ("BEGIN; ...") counts too;
  // a connection that just broke keeps the last known state.
  void note_transaction_state() {
    PGTransactionStatusType status = PQtransactionStatus(conn_);
    if (status != PQTRANS_UNKNOWN) in_transaction_ = status != PQTRANS_IDLE;
  }

  void check(const Result& result) {
    if (result.ok()) return;
    std::string message;
    if (result.get()) message = trim(PQresultErrorMessage(result.get()));
    if (message.empty()) message = trim(PQerrorMessage(conn_));
    if (message.empty()) message = "PostgreSQL error";
    const char* state = result.get() ? PQresultErrorField(result.get(), PG_DIAG_SQLSTATE) : nullptr;
    throw DbError(classify(state), message);
  }

  Result run(std::string_view sql, const std::vector<Value>& params) {
    ensure_connected();
    const Prepared& statement = prepared(sql, params);
    if (statement.parameter_count != static_cast<int>(params.size())) {
      throw DbError(DbErrorKind::other, "expected " + std::to_string(statement.parameter_count) +
                                            " parameters, got " + std::to_string(params.size()));
    }
    // Text format throughout: strings are passed as they are, integers as decimal digits
    // (short enough to stay in std::string's inline buffer), NULL as a null pointer.
    std::vector<std::string> digits(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (std::size_t i = 0; i < params.size(); ++i) {
      if (const auto* number = std::get_if<std::int64_t>(&params[i])) {
        digits[i] = std::to_string(*number);
        values[i] = digits[i].c_str();
      } else if (const auto* text = std::get_if<std::string>(&params[i])) {
        values[i] = text->c_str();
      }
    }
    Result result(PQexecPrepared(conn_, statement.name.c_str(), static_cast<int>(params.size()),
                                 values.data(), nullptr, nullptr, 0));
    note_transaction_state();
    check(result);
    return result;
  }

  // The prepared statement for `sql`, preparing it on a miss.
  const Prepared& prepared(std::string_view sql, const std::vector<Value>& params) {
    if (auto found = index_.find(sql); found != index_.end()) {
      cache_.splice(cache_.begin(), cache_, found->second);  // most recently used first
      return *found->second;
    }
    int count = 0;
    std::string text = number_placeholders(sql, count);
    if (count != static_cast<int>(params.size())) {
      throw DbError(DbErrorKind::other, "expected " + std::to_string(count) + " parameters, got " +
                                            std::to_string(params.size()));
    }
    std::vector<Oid> types(count, kUnknownOid);
    for (int i = 0; i < count; ++i) {
      if (std::holds_alternative<std::int64_t>(params[i])) types[i] = kInt8Oid;
    }
    std::string name = "gz" + std::to_string(++statements_prepared_);
    prepare_with_fallbacks(name, text, types);

    if (cache_.size() >= kCacheSize) {
      Prepared& oldest = cache_.back();
      // Statements outlive transactions; a failure here (an aborted transaction) only leaks
      // the statement until the connection closes.
      Result ignored(PQexec(conn_, ("DEALLOCATE " + oldest.name).c_str()));
      index_.erase(oldest.sql);
      cache_.pop_back();
    }
    cache_.push_front(Prepared{std::string(sql), std::move(name), count});
    index_.emplace(cache_.front().sql, cache_.begin());
    return cache_.front();
  }

  void prepare_with_fallbacks(const std::string& name, const std::string& text,
                              std::vector<Oid>& types) {
    // A failed Parse aborts the enclosing transaction; a savepoint keeps it usable across
    // the retries below. Only first use on a connection pays for it.
    bool in_block = PQtransactionStatus(conn_) == PQTRANS_INTRANS;
    if (in_block) exec_simple("SAVEPOINT gz_prepare");
    bool untyped_integers = false;
    for (std::size_t attempt = 0;; ++attempt) {
      Result result(PQprepare(conn_, name.c_str(), text.c_str(), static_cast<int>(types.size()),
                              types.data()));
      if (result.ok()) break;
      std::string_view state = result.sqlstate();
      bool retry = false;
      if (attempt <= types.size() + 1) {
        if (state == "42P18") {
          // "could not determine data type of parameter $N": make it text.
          retry = type_parameter_as_text(result, types);
        } else if ((state == "42883" || state == "42804" || state == "42725") &&
                   !untyped_integers) {
          // An integer argument where the statement wants another type (a text column
          // compared with ?): let the server infer it instead.
          for (Oid& type : types) {
            if (type == kInt8Oid) {
              type = kUnknownOid;
              retry = true;
            }
          }
          untyped_integers = true;
        }
      }
      if (in_block) exec_simple("ROLLBACK TO SAVEPOINT gz_prepare");
      if (!retry) {
        if (in_block) exec_simple("RELEASE SAVEPOINT gz_prepare");
        check(result);
      }
    }
    if (in_block) exec_simple("RELEASE SAVEPOINT gz_prepare");
  }

  static bool type_parameter_as_text(const Result& result, std::vector<Oid>& types) {
    const char* message = PQresultErrorField(result.get(), PG_DIAG_MESSAGE_PRIMARY);
    std::string_view text = message ? message : "";
    std::size_t dollar = text.find('$');
    if (dollar != std::string_view::npos) {
      std::size_t index = std::strtoul(std::string(text.substr(dollar + 1)).c_str(), nullptr, 10);
      if (index >= 1 && index <= types.size() && types[index - 1] != kTextOid) {
        types[index - 1] = kTextOid;
        return true;
      }
    }
    // Message not understood (translated?): type every inferred parameter as text.
    bool changed = false;
    for (Oid& type : types) {
      if (type == kUnknownOid) {
        type = kTextOid;
        changed = true;
      }
    }
    return changed;
  }

  static constexpr std::size_t kCacheSize = 256;
  PGconn* conn_ = nullptr;
  bool in_transaction_ = false;
  bool ended_by_server_ = false;
  std::uint64_t statements_prepared_ = 0;
  Cache cache_;
  std::unordered_map<std::string, Cache::iterator, SqlHash, std::equal_to<>> index_;
};

class PostgresDatabase final : public Database {
 public:
  explicit PostgresDatabase(std::string conninfo)
      : conninfo_(std::move(conninfo)), described_(redact(conninfo_)) {}
  Dialect dialect() const override { return Dialect::postgresql; }
  std::unique_ptr<Connection> connect() override {
    return std::make_unique<PostgresConnection>(conninfo_, described_);
  }
  std::string describe() const override { return described_; }

 private:
  std::string conninfo_;
  std::string described_;
};

}  // namespace

std::unique_ptr<Database> open_postgresql(const std::string& conninfo) {
  if (conninfo.empty()) throw std::invalid_argument("empty PostgreSQL connection string");
  return std::make_unique<PostgresDatabase>(conninfo);
}

}  // namespace gz::storage
