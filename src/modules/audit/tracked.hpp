// Tables whose rows the audit chain records. A write that changes such a row names it in its
// audit record (Record::rows); the entry then carries the row's tracked fields as they stand
// after the write, inside the entry's hash. `ledger verify` reads every tracked table and
// compares each row with the newest content the chain recorded for it, so an UPDATE, INSERT
// or DELETE made behind the application's back is named: table, id and the fields that differ.
//
// A module describes its own tables here (the SQL stays in the module that owns the table);
// the audit module only runs it. Values are compared as the text both engines return for
// them. Personal data and secrets (ID and mobile numbers, password hashes, free text) are
// recorded as a SHA-256 digest: the chain then never shows them, though a digest of an
// 11-digit number is no secret from someone who tries every number: the log is as
// confidential as the database beside it.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "storage/database.hpp"

namespace gz::audit {

// A list kept with each row, from another table of the same module (a user's communities, a
// household's labels): `select` yields the owner's id, then one value per line.
struct TrackedList {
  std::string field;         // "communities"
  std::string select;        // "SELECT user_id, community_id FROM user_communities"
  std::string owner_column;  // "user_id"
};

struct Tracked {
  std::string table;      // "users": the name findings and the chain use
  std::string id_column;  // "id" (qualified when the select joins)
  // The id first, then one column per name in `fields`, with no WHERE clause (one is added).
  std::string select;
  std::vector<std::string> fields;
  std::vector<std::string> digested;  // fields recorded only as a digest
  std::vector<TrackedList> lists;
};

// A row a write changed (or deleted), to be recorded with its audit entry.
struct RowRef {
  const Tracked* table = nullptr;
  std::int64_t id = 0;
};

// One row's tracked content: each field as text (or null), digested fields as
// "sha256:<hex>", lists as sorted arrays of text. `values` follow `table.fields`.
boost::json::object row_content(const Tracked& table,
                                const std::vector<std::optional<std::string>>& values,
                                const std::map<std::string, std::vector<std::string>>& lists);
std::string digest_value(std::string_view value);

// The content of the rows with these ids (absent ids: no row, i.e. deleted).
std::map<std::int64_t, boost::json::object> read_rows(storage::Connection& db, const Tracked& table,
                                                      const std::vector<std::int64_t>& ids);
// Rows with id > after_id in id order, at most `limit`: how verify walks a whole table.
std::vector<std::pair<std::int64_t, boost::json::object>> read_page(storage::Connection& db,
                                                                    const Tracked& table,
                                                                    std::int64_t after_id,
                                                                    std::int64_t limit);

// Only the ids of such a page (no lists, no digests): what adopt() needs to find the rows
// the chain has not recorded.
std::vector<std::int64_t> read_page_ids(storage::Connection& db, const Tracked& table,
                                        std::int64_t after_id, std::int64_t limit);

// The canonical JSON an entry stores for the rows: {"table":{"id":content-or-null}}.
std::string read_row_states(storage::Connection& db, const std::vector<RowRef>& rows);

}  // namespace gz::audit
