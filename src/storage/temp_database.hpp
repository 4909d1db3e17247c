// For tests: a fresh, migrated SQLite file that is removed (with its WAL) afterwards, and a
// dump of a query's rows as text lines for comparing two databases.
#pragma once

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "storage/database.hpp"
#include "storage/migrate.hpp"

namespace gz::storage {

class TempDatabase {
 public:
  TempDatabase() {
    static std::atomic<int> counter{0};
    path_ = (std::filesystem::temp_directory_path() /
             ("gz_test_" + std::to_string(::getpid()) + "_" + std::to_string(++counter) + ".db"))
                .string();
    remove_files();
    database_ = open_sqlite(path_);
    connection_ = database_->connect();
    migrate(*connection_);
  }
  ~TempDatabase() {
    connection_.reset();
    database_.reset();
    remove_files();
  }
  TempDatabase(const TempDatabase&) = delete;
  TempDatabase& operator=(const TempDatabase&) = delete;

  Connection& connection() { return *connection_; }
  Database& database() { return *database_; }
  const std::string& path() const { return path_; }

 private:
  void remove_files() {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
      std::error_code ec;
      std::filesystem::remove(path_ + suffix, ec);
    }
  }
  std::string path_;
  std::unique_ptr<Database> database_;
  std::unique_ptr<Connection> connection_;
};

// Each row as "v1|v2|...|", NULL as "NULL".
inline std::vector<std::string> dump_rows(Connection& connection, const std::string& sql) {
  std::vector<std::string> lines;
  for (const auto& row : connection.query(sql)) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      line += (row.is_null(i) ? std::string("NULL") : row.text(i)) + "|";
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace gz::storage
