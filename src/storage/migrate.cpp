#include "storage/migrate.hpp"

#include "storage/advisory_lock.hpp"

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

// Keeps only the lines meant for this dialect: a line "-- dialect: sqlite" or
// "-- dialect: postgresql" starts a section for that engine alone (an FTS5 table, a pg_trgm
// index), "-- dialect: all" ends it. Migrations without markers are unchanged.
std::string select_dialect(const std::string& sql, Dialect dialect) {
  if (sql.find("-- dialect: ") == std::string::npos) return sql;
  std::string out;
  bool keep = true;
  std::size_t start = 0;
  while (start < sql.size()) {
    std::size_t end = sql.find('\n', start);
    if (end == std::string::npos) end = sql.size();
    std::string line = sql.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line == "-- dialect: sqlite") {
      keep = dialect == Dialect::sqlite;
    } else if (line == "-- dialect: postgresql") {
      keep = dialect == Dialect::postgresql;
    } else if (line == "-- dialect: all") {
      keep = true;
    } else if (keep) {
      out += line;
      out += '\n';
    }
    start = end + 1;
  }
  return out;
}

}  // namespace

std::string render_migration(const std::string& sql, Dialect dialect) {
  std::string out = select_dialect(sql, dialect);
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

std::vector<int> migrate(Connection& connection, int last_version) {
  // Servers starting together apply migrations one after the other.
  AdvisoryLock lock(connection, kMigrationLock, AdvisoryLock::Wait::until_held);
  ensure_table(connection);
  std::vector<int> applied;
  for (const Migration& migration : embedded_migrations()) {
    if (migration.version > last_version) break;
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
