#include "modules/audit/tracked.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <set>

#include "core/crypto.hpp"
#include "core/json.hpp"

namespace gz::audit {
namespace {

// Large enough to read a page in few statements, small enough for any engine's parameter limit.
constexpr std::size_t kIdsPerStatement = 500;

bool is_digested(const Tracked& table, const std::string& field) {
  return std::find(table.digested.begin(), table.digested.end(), field) != table.digested.end();
}

// The lists of the rows with these ids, by field then owner id.
std::map<std::string, std::map<std::int64_t, std::vector<std::string>>> read_lists(
    storage::Connection& db, const Tracked& table, const std::vector<std::int64_t>& ids) {
  std::map<std::string, std::map<std::int64_t, std::vector<std::string>>> out;
  if (ids.empty()) return out;
  for (const auto& list : table.lists) {
    auto& by_owner = out[list.field];
    std::vector<storage::Value> params;
    std::string sql = list.select + " WHERE " + storage::in_list(list.owner_column, ids, params);
    for (const auto& row : db.query(sql, params)) {
      by_owner[row.integer(0)].push_back(row.opt_text(1).value_or(""));
    }
  }
  return out;
}

std::vector<std::pair<std::int64_t, boost::json::object>> contents_of(storage::Connection& db,
                                                                      const Tracked& table,
                                                                      const storage::Rows& rows) {
  std::vector<std::int64_t> ids;
  ids.reserve(rows.size());
  for (const auto& row : rows) ids.push_back(row.integer(0));
  auto lists = read_lists(db, table, ids);
  std::vector<std::pair<std::int64_t, boost::json::object>> out;
  out.reserve(rows.size());
  for (const auto& row : rows) {
    std::int64_t id = row.integer(0);
    std::vector<std::optional<std::string>> values;
    values.reserve(table.fields.size());
    for (std::size_t i = 0; i < table.fields.size(); ++i) values.push_back(row.opt_text(i + 1));
    std::map<std::string, std::vector<std::string>> row_lists;
    for (const auto& list : table.lists) {
      auto& owners = lists[list.field];
      auto found = owners.find(id);
      row_lists[list.field] =
          found == owners.end() ? std::vector<std::string>{} : std::move(found->second);
    }
    out.emplace_back(id, row_content(table, values, row_lists));
  }
  return out;
}

}  // namespace

std::string digest_value(std::string_view value) {
  return "sha256:" + crypto::sha256_hex(value);
}

boost::json::object row_content(const Tracked& table,
                                const std::vector<std::optional<std::string>>& values,
                                const std::map<std::string, std::vector<std::string>>& lists) {
  boost::json::object content;
  for (std::size_t i = 0; i < table.fields.size(); ++i) {
    const auto& field = table.fields[i];
    const auto& value = i < values.size() ? values[i] : std::nullopt;
    if (!value) {
      content[field] = nullptr;
    } else if (is_digested(table, field)) {
      content[field] = digest_value(*value);
    } else {
      content[field] = *value;
    }
  }
  for (const auto& list : table.lists) {
    auto found = lists.find(list.field);
    std::vector<std::string> sorted =
        found == lists.end() ? std::vector<std::string>{} : found->second;
    std::sort(sorted.begin(), sorted.end());
    boost::json::array array;
    for (auto& item : sorted) array.emplace_back(item);
    content[list.field] = std::move(array);
  }
  return content;
}

std::map<std::int64_t, boost::json::object> read_rows(storage::Connection& db, const Tracked& table,
                                                      const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, boost::json::object> out;
  std::set<std::int64_t> unique(ids.begin(), ids.end());
  std::vector<std::int64_t> all(unique.begin(), unique.end());
  for (std::size_t start = 0; start < all.size(); start += kIdsPerStatement) {
    std::vector<std::int64_t> chunk(
        all.begin() + static_cast<std::ptrdiff_t>(start),
        all.begin() + static_cast<std::ptrdiff_t>(std::min(all.size(), start + kIdsPerStatement)));
    std::vector<storage::Value> params;
    std::string sql = table.select + " WHERE " + storage::in_list(table.id_column, chunk, params);
    for (auto& [id, content] : contents_of(db, table, db.query(sql, params))) {
      out.emplace(id, std::move(content));
    }
  }
  return out;
}

std::vector<std::pair<std::int64_t, boost::json::object>> read_page(storage::Connection& db,
                                                                    const Tracked& table,
                                                                    std::int64_t after_id,
                                                                    std::int64_t limit) {
  auto rows = db.query(
      table.select + " WHERE " + table.id_column + " > ? ORDER BY " + table.id_column + " LIMIT ?",
      {after_id, limit});
  return contents_of(db, table, rows);
}

std::vector<std::int64_t> read_page_ids(storage::Connection& db, const Tracked& table,
                                        std::int64_t after_id, std::int64_t limit) {
  std::vector<std::int64_t> ids;
  for (const auto& row : db.query(table.select + " WHERE " + table.id_column + " > ? ORDER BY " +
                                      table.id_column + " LIMIT ?",
                                  {after_id, limit})) {
    ids.push_back(row.integer(0));
  }
  return ids;
}

std::string read_row_states(storage::Connection& db, const std::vector<RowRef>& rows) {
  // Grouped by table, so each table is read with one statement per 500 rows.
  std::map<const Tracked*, std::vector<std::int64_t>> by_table;
  for (const auto& row : rows) {
    if (row.table) by_table[row.table].push_back(row.id);
  }
  boost::json::object states;
  for (const auto& [table, ids] : by_table) {
    auto contents = read_rows(db, *table, ids);
    boost::json::object of_table;
    if (auto* existing = states.if_contains(table->table)) of_table = existing->as_object();
    for (std::int64_t id : ids) {
      auto found = contents.find(id);
      of_table[std::to_string(id)] =
          found == contents.end() ? boost::json::value(nullptr) : boost::json::value(found->second);
    }
    states[table->table] = std::move(of_table);
  }
  return canonical_json(states);
}

}  // namespace gz::audit
