#include "cli/backup.hpp"

#include <spawn.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <vector>

#include "storage/database.hpp"

extern char** environ;

namespace gz::cli {
namespace {

constexpr const char* kSqlitePrefix = "sqlite:";

bool is_sqlite(const std::string& url) {
  return url.rfind(kSqlitePrefix, 0) == 0;
}

std::string sqlite_path(const std::string& url) {
  return url.substr(std::string(kSqlitePrefix).size());
}

// An open sqlite3 handle that closes itself.
class SqliteHandle {
 public:
  SqliteHandle(const std::string& path, int flags) {
    if (sqlite3_open_v2(path.c_str(), &handle_, flags, nullptr) != SQLITE_OK) {
      std::string message = handle_ ? sqlite3_errmsg(handle_) : "out of memory";
      sqlite3_close(handle_);
      throw std::runtime_error("cannot open " + path + ": " + message);
    }
    // The server may hold a write lock for a moment; wait rather than fail.
    sqlite3_busy_timeout(handle_, 10'000);
  }
  ~SqliteHandle() { sqlite3_close(handle_); }
  SqliteHandle(const SqliteHandle&) = delete;
  SqliteHandle& operator=(const SqliteHandle&) = delete;
  sqlite3* get() const { return handle_; }

 private:
  sqlite3* handle_ = nullptr;
};

// Copies every page of `source` into `destination` with the online backup API. Steps of 256
// pages release the source lock between steps so a running server keeps writing; a write in
// between restarts the copy, which then reflects one consistent moment.
void copy_pages(sqlite3* source, sqlite3* destination) {
  sqlite3_backup* backup = sqlite3_backup_init(destination, "main", source, "main");
  if (!backup) throw std::runtime_error(std::string("backup: ") + sqlite3_errmsg(destination));
  int rc = SQLITE_OK;
  do {
    rc = sqlite3_backup_step(backup, 256);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(20);
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) {
    throw std::runtime_error(std::string("backup: ") + sqlite3_errstr(rc));
  }
}

std::int64_t count_rows(sqlite3* database, const std::string& table) {
  sqlite3_stmt* statement = nullptr;
  std::string sql = "SELECT COUNT(*) FROM " + table;
  if (sqlite3_prepare_v2(database, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
    return 0;  // no such table: an empty or unmigrated database
  }
  std::int64_t count = 0;
  if (sqlite3_step(statement) == SQLITE_ROW) count = sqlite3_column_int64(statement, 0);
  sqlite3_finalize(statement);
  return count;
}

bool file_exists(const std::string& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0;
}

// pg_dump and pg_restore must match the server's major version (15); Debian keeps them in
// /usr/lib/postgresql/15/bin, and /usr/bin holds a wrapper.
std::string postgres_tool(const std::string& name) {
  for (const char* directory : {"/usr/lib/postgresql/15/bin/", "/usr/bin/"}) {
    std::string path = std::string(directory) + name;
    if (::access(path.c_str(), X_OK) == 0) return path;
  }
  return name;  // let posix_spawnp search PATH
}

void run_tool(const std::vector<std::string>& command) {
  std::vector<char*> argv;
  for (const auto& arg : command) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawnp(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0) {
    throw std::runtime_error("cannot run " + command[0]);
  }
  int status = 0;
  if (::waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw std::runtime_error(command[0] + " failed (exit status " +
                             std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + ")");
  }
}

bool postgres_has_data(const std::string& database_url) {
  auto database = storage::open_database(database_url);
  auto connection = database->connect();
  if (connection->query_int("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = "
                            "'public' AND table_name IN ('communities', 'users')") < 2) {
    return false;
  }
  return connection->query_int(
             "SELECT (SELECT COUNT(*) FROM communities) + "
             "(SELECT COUNT(*) FROM users)") > 0;
}

}  // namespace

void backup_sqlite(const std::string& source_path, const std::string& destination_path) {
  SqliteHandle source(source_path, SQLITE_OPEN_READONLY);
  SqliteHandle destination(destination_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  copy_pages(source.get(), destination.get());
}

void backup_database(const std::string& database_url, const std::string& file) {
  if (is_sqlite(database_url)) {
    if (!file_exists(sqlite_path(database_url))) {
      throw std::runtime_error("no database at " + sqlite_path(database_url));
    }
    std::remove(file.c_str());  // the backup replaces FILE whole
    backup_sqlite(sqlite_path(database_url), file);
    return;
  }
  run_tool(
      {postgres_tool("pg_dump"), "--format=custom", "--file", file, "--dbname=" + database_url});
}

void restore_database(const std::string& database_url, const std::string& file,
                      RestoreTarget target) {
  if (!file_exists(file)) throw std::runtime_error("no backup file " + file);
  if (is_sqlite(database_url)) {
    std::string path = sqlite_path(database_url);
    SqliteHandle backup(file, SQLITE_OPEN_READONLY);
    SqliteHandle destination(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (target == RestoreTarget::must_be_empty &&
        count_rows(destination.get(), "communities") + count_rows(destination.get(), "users") > 0) {
      throw std::runtime_error(path + " already holds data; give --force to overwrite it");
    }
    copy_pages(backup.get(), destination.get());
    return;
  }
  // pg_restore --clean drops what the dump holds, so a non-empty target is overwritten only
  // on request, as with SQLite.
  if (target == RestoreTarget::must_be_empty && postgres_has_data(database_url)) {
    throw std::runtime_error(
        "the target database already holds data; give --force to overwrite it");
  }
  run_tool({postgres_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--exit-on-error",
            "--dbname=" + database_url, file});
}

}  // namespace gz::cli
