#include "storage/database.hpp"

#include "storage/group_commit.hpp"

#include "storage/transact.hpp"

#include <charconv>
#include <chrono>
#include <condition_variable>
#include <mutex>

namespace gz::storage {

const std::string& Row::text(std::size_t i) const {
  const auto& column = columns_.at(i);
  if (!column) throw DbError(DbErrorKind::other, "column " + std::to_string(i) + " is NULL");
  return *column;
}

std::int64_t Row::integer(std::size_t i) const {
  const std::string& value = text(i);
  std::int64_t number = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (ec != std::errc() || end != value.data() + value.size()) {
    throw DbError(DbErrorKind::other, "column is not an integer: " + value);
  }
  return number;
}

std::optional<std::int64_t> Row::opt_integer(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return integer(i);
}

std::optional<Row> Connection::query_one(std::string_view sql, const std::vector<Value>& params) {
  Rows rows = query(sql, params);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::int64_t Connection::query_int(std::string_view sql, const std::vector<Value>& params) {
  auto row = query_one(sql, params);
  if (!row) throw DbError(DbErrorKind::other, "query returned no row");
  return row->integer(0);
}

std::unique_ptr<Database> open_database(const std::string& url) {
  if (url.rfind("sqlite:", 0) == 0) return open_sqlite(url.substr(7));
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    return open_postgresql(url);
  }
  throw std::invalid_argument("unsupported database URL (use sqlite:PATH or postgresql://...): " +
                              url);
}

struct Pool::State {
  std::once_flag group_once;
  std::unique_ptr<GroupCommit> group;
  std::mutex mutex;
  std::condition_variable available;
  std::vector<std::unique_ptr<Connection>> idle;
  std::size_t created = 0;
  std::size_t size = 0;
};

Pool::Pool(Database& database, std::size_t size) : database_(database), state_(new State) {
  state_->size = size == 0 ? 1 : size;
}

Pool::~Pool() = default;

Pool::Lease Pool::lease() {
  std::unique_lock lock(state_->mutex);
  for (;;) {
    if (!state_->idle.empty()) {
      auto connection = std::move(state_->idle.back());
      state_->idle.pop_back();
      return Lease(this, std::move(connection));
    }
    if (state_->created < state_->size) {
      ++state_->created;
      lock.unlock();
      try {
        return Lease(this, database_.connect());
      } catch (...) {
        lock.lock();
        --state_->created;
        // The slot is free again: a waiter must try it (and fail fast while the database is
        // down) rather than wait for a lease that may never come back.
        state_->available.notify_one();
        throw;
      }
    }
    state_->available.wait(lock);
  }
}

Pool::Lease::~Lease() {
  if (!pool_ || !connection_) return;
  // A transaction left open by a failed caller must not carry over to the next one (it would
  // be nested into, and its writes committed with someone else's).
  try {
    if (connection_->in_transaction()) connection_->rollback();
  } catch (...) {
    connection_.reset();  // unusable: let the pool open a new one
  }
  std::lock_guard lock(pool_->state_->mutex);
  if (!connection_) {
    --pool_->state_->created;
    pool_->state_->available.notify_one();
    return;
  }
  pool_->state_->idle.push_back(std::move(connection_));
  pool_->state_->available.notify_one();
}

void Pool::write_grouped(const std::function<void(Connection&)>& work) {
  if (database_.dialect() != Dialect::sqlite) {
    auto leased = lease();
    work(*leased);
    return;
  }
  std::call_once(state_->group_once,
                 [this] { state_->group = std::make_unique<GroupCommit>(database_); });
  state_->group->run(work);
}

void with_transaction(Connection& connection, TxMode mode, const std::function<void()>& work) {
  Result<void> done = transact(connection, mode, [&]() -> Result<void> {
    work();
    return {};
  });
  (void)done;  // work() reports failure by throwing, which transact rethrows after rollback
}

std::string in_list(std::string_view column, const std::vector<std::int64_t>& ids,
                    std::vector<Value>& params) {
  std::string sql(column);
  sql += " IN (";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    sql += i ? ",?" : "?";
    params.emplace_back(ids[i]);
  }
  return sql + ")";
}

std::string contains_pattern(std::string_view text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  out += '%';
  return out;
}

}  // namespace gz::storage
