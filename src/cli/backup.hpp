// `gongzhi backup` and `gongzhi restore`: a consistent copy of a live database and its way
// back. SQLite uses the online backup API (a snapshot taken while the server keeps writing);
// PostgreSQL hands the work to pg_dump / pg_restore of the matching major version.
#pragma once

#include <string>

namespace gz::cli {

enum class RestoreTarget { must_be_empty, may_be_overwritten };

// Copies the database at `database_url` into FILE. Throws std::runtime_error on failure.
void backup_database(const std::string& database_url, const std::string& file);

// Puts the backup in FILE into the database at `database_url`. A target that already holds
// communities or users is refused unless `target` is RestoreTarget::may_be_overwritten.
void restore_database(const std::string& database_url, const std::string& file,
                      RestoreTarget target);

// SQLite only: online backup of the file `source_path` into `destination_path`.
void backup_sqlite(const std::string& source_path, const std::string& destination_path);

}  // namespace gz::cli
