// Numbered migrations (src/storage/migrations/NNNN_name.sql), embedded in the binary and
// applied in order, each in its own transaction, under a lock so that two servers starting
// together do not both apply one.
#pragma once

#include <limits>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace gz::storage {

struct Migration {
  int version;
  std::string name;
  std::string sql;  // with {{PK}} placeholders
};

const std::vector<Migration>& embedded_migrations();
// Replaces dialect placeholders.
std::string render_migration(const std::string& sql, Dialect dialect);
// Applies what is missing, up to last_version (tests build a database as an older version left
// it); returns the versions applied now.
std::vector<int> migrate(Connection& connection,
                         int last_version = std::numeric_limits<int>::max());
int current_version(Connection& connection);

}  // namespace gz::storage
