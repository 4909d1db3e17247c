#include "storage/migrate.hpp"

#include "core/clock.hpp"

namespace gz::storage {
namespace {

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at)) {
    text.replace(at, from.size(), to);
    at += to.size();
  }
}

void ensure_table(Connection& connection) {
  try {
    connection.execute_script(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
        "name TEXT NOT NULL, applied_at TEXT NOT NULL)");
  } catch (const DbError&) {
    // Two PostgreSQL migrators creating it at once: IF NOT EXISTS does not see the other's
    // uncommitted table, and the loser fails (duplicate type or unique index) once the winner
    // commits. The table exists by then; anything else fails this query too.
    connection.query("SELECT COUNT(*) FROM schema_migrations");
  }
}

// Holds PostgreSQL's session advisory lock for the whole migration run, so servers starting
// together apply migrations one after the other.
class MigrationLock {
 public:
  explicit MigrationLock(Connection& connection) : connection_(connection) {
    if (connection_.dialect() == Dialect::postgresql) {
      connection_.query("SELECT pg_advisory_lock(727001)");
    }
  }
  ~MigrationLock() {
    if (connection_.dialect() != Dialect::postgresql) return;
    try {
      connection_.query("SELECT pg_advisory_unlock(727001)");
    } catch (...) {
    }
  }
  MigrationLock(const MigrationLock&) = delete;
  MigrationLock& operator=(const MigrationLock&) = delete;

 private:
  Connection& connection_;
};

}  // namespace

std::string render_migration(const std::string& sql, Dialect dialect) {
  std::string out = sql;
  replace_all(
      out, "{{PK}}",
      dialect == Dialect::sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGSERIAL PRIMARY KEY");
  return out;
}

int current_version(Connection& connection) {
  ensure_table(connection);
  return static_cast<int>(
      connection.query_int("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
}

std::vector<int> migrate(Connection& connection) {
  MigrationLock lock(connection);
  ensure_table(connection);
  std::vector<int> applied;
  for (const Migration& migration : embedded_migrations()) {
    bool applied_now = false;
    with_transaction(connection, TxMode::write, [&] {
      applied_now = false;
      auto done = connection.query_one("SELECT version FROM schema_migrations WHERE version = ?",
                                       {std::int64_t{migration.version}});
      if (done) return;
      connection.execute_script(render_migration(migration.sql, connection.dialect()));
      connection.execute(
          "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
          {std::int64_t{migration.version}, migration.name, now_iso8601()});
      applied_now = true;
    });
    if (applied_now) applied.push_back(migration.version);
  }
  return applied;
}

}  // namespace gz::storage
