#include "modules/audit/row_check.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <limits>
#include <optional>

#include "core/json.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/audit/row_states.hpp"

namespace gz::audit {
namespace {

// Entries carrying rows are read this many at a time: a baseline entry holds up to 100 rows
// (some 30-50 KB), so a page stays within tens of megabytes.
constexpr std::int64_t kEntriesPerPage = 1000;
constexpr std::int64_t kRowsPerPage = 1000;
// Baseline entries record this many rows each: a few hundred entries vouch for a large
// community instead of one entry per row.
constexpr std::size_t kRowsPerBaselineEntry = 100;

void load_markers(storage::Connection& db, RecordedRows& recorded) {
  for (const auto& row :
       db.query("SELECT seq, object_id FROM audit_log WHERE object_type = 'audit_table' AND "
                "action = 'audit.track' ORDER BY seq")) {
    recorded.mark_tracked(row.text(1), row.integer(0));
  }
}

std::int64_t load_recorded(storage::Connection& db, RecordedRows& recorded) {
  std::int64_t malformed = 0;
  std::int64_t after = std::numeric_limits<std::int64_t>::min();
  for (;;) {
    auto rows = db.query(
        "SELECT seq, row_states FROM audit_log WHERE row_states IS NOT NULL AND seq > ? ORDER BY "
        "seq LIMIT ?",
        {after, kEntriesPerPage});
    for (const auto& row : rows) {
      after = row.integer(0);
      if (!recorded.feed(after, row.text(1))) ++malformed;
    }
    if (static_cast<std::int64_t>(rows.size()) < kEntriesPerPage) break;
  }
  return malformed;
}

// Walks a table in id order; `visit(id, content)` for every row.
template <typename Visit>
void for_each_row(storage::Connection& db, const Tracked& table, Visit&& visit) {
  std::int64_t after = std::numeric_limits<std::int64_t>::min();
  for (;;) {
    auto page = read_page(db, table, after, kRowsPerPage);
    for (auto& [id, content] : page) {
      after = id;
      visit(id, content);
    }
    if (static_cast<std::int64_t>(page.size()) < kRowsPerPage) break;
  }
}

std::string row_name(const std::string& table, std::int64_t id) {
  return table + " " + std::to_string(id);
}

void add_problem(RowCheck& check, RowProblem problem) {
  check.ok = false;
  ++check.problems_total;
  if (check.problems.size() < kMaxListed) check.problems.push_back(std::move(problem));
}

// Names the fields of a changed row, from the entry that recorded it last.
void explain_change(storage::Connection& db, const boost::json::object& current,
                    RowProblem& problem) {
  problem.message = row_name(problem.table, problem.id) +
                    " differs from what the audit chain recorded (entry " +
                    std::to_string(problem.seq) + ")";
  auto row = db.query_one("SELECT row_states FROM audit_log WHERE seq = ?", {problem.seq});
  if (!row || row->is_null(0)) return;
  auto recorded = recorded_content(row->text(0), problem.table, problem.id);
  if (!recorded || !recorded->is_object()) return;
  auto difference = describe_difference(recorded->as_object(), current);
  problem.fields = difference.fields;
  if (!difference.message.empty()) problem.message += ": " + difference.message;
}

}  // namespace

RecordedRows read_recorded_rows(storage::Connection& db) {
  RecordedRows recorded;
  load_markers(db, recorded);
  load_recorded(db, recorded);
  return recorded;
}

RowCheck verify_rows(storage::Connection& db, const std::vector<const Tracked*>& tables) {
  RowCheck check;
  RecordedRows recorded;
  load_markers(db, recorded);
  check.malformed_entries = load_recorded(db, recorded);
  for (const Tracked* table : tables) {
    TableCheck counts;
    counts.table = table->table;
    auto since = recorded.tracked_since(table->table);
    counts.tracked_since_seq = since.value_or(0);
    std::vector<RowProblem> changed;
    for_each_row(db, *table, [&](std::int64_t id, const boost::json::object& content) {
      ++counts.rows;
      RecordedRows::Row* row = recorded.find(table->table, id);
      if (row) row->seen = true;
      if (row && !row->deleted) {
        ++counts.checked;
        if (fingerprint(canonical_json(content)) == row->fingerprint) return;
        RowProblem problem{table->table, id, "changed", row->seq, {}, ""};
        // Only the listed problems are explained: one more read each.
        if (check.problems.size() < kMaxListed) explain_change(db, content, problem);
        add_problem(check, std::move(problem));
      } else if (row) {
        add_problem(check, {table->table,
                            id,
                            "changed",
                            row->seq,
                            {},
                            row_name(table->table, id) + " exists, but the audit chain (entry " +
                                std::to_string(row->seq) + ") recorded its deletion"});
      } else if (since) {
        add_problem(
            check, {table->table,
                    id,
                    "unrecorded",
                    *since,
                    {},
                    row_name(table->table, id) +
                        " is not in the audit chain: it was written outside the "
                        "application (every row of " +
                        table->table + " is recorded since entry " + std::to_string(*since) + ")"});
      } else {
        ++counts.unrecorded;
      }
    });
    std::vector<std::pair<std::int64_t, std::int64_t>> missing;  // id, seq
    for (auto& [id, row] : recorded.rows_of(table->table)) {
      if (!row.seen && !row.deleted) missing.emplace_back(id, row.seq);
      row.seen = false;
    }
    std::sort(missing.begin(), missing.end());
    for (const auto& [id, seq] : missing) {
      add_problem(check, {table->table,
                          id,
                          "deleted",
                          seq,
                          {},
                          row_name(table->table, id) +
                              " is missing: it was deleted outside the application (the audit "
                              "chain recorded it in entry " +
                              std::to_string(seq) + ")"});
    }
    check.tables.push_back(counts);
  }
  return check;
}

Adoption adopt(storage::Connection& db, const std::vector<const Tracked*>& tables,
               Baseline baseline) {
  Adoption out;
  if (baseline == Baseline::untracked_tables) {
    // Every start of every server asks: answer from the markers alone when nothing is to do.
    RecordedRows markers;
    load_markers(db, markers);
    bool all_tracked = std::all_of(tables.begin(), tables.end(), [&](const Tracked* table) {
      return markers.tracked_since(table->table).has_value();
    });
    if (all_tracked) return out;
  }
  storage::with_transaction(db, storage::TxMode::write, [&] {
    out = {};
    Appender appender(db);  // holds the chain's head: adopters take turns
    RecordedRows recorded;
    load_markers(db, recorded);
    std::vector<const Tracked*> to_do;
    for (const Tracked* table : tables) {
      if (baseline == Baseline::every_unrecorded_row || !recorded.tracked_since(table->table)) {
        to_do.push_back(table);
      }
    }
    if (to_do.empty()) return;
    load_recorded(db, recorded);
    const Actor system = system_actor();
    for (const Tracked* table : to_do) {
      std::vector<RowRef> batch;
      auto flush = [&] {
        if (batch.empty()) return;
        appender.append(system, {std::nullopt, "audit.baseline", "audit_table", table->table,
                                 boost::json::object{{"rows", batch.size()}}, batch});
        out.rows += static_cast<std::int64_t>(batch.size());
        batch.clear();
      };
      std::int64_t after = std::numeric_limits<std::int64_t>::min();
      for (;;) {
        auto ids = read_page_ids(db, *table, after, kRowsPerPage);
        for (std::int64_t id : ids) {
          after = id;
          const RecordedRows::Row* row = recorded.find(table->table, id);
          if (row && !row->deleted) continue;
          batch.push_back({table, id});
          if (batch.size() == kRowsPerBaselineEntry) flush();
        }
        if (static_cast<std::int64_t>(ids.size()) < kRowsPerPage) break;
      }
      flush();
      if (!recorded.tracked_since(table->table)) {
        appender.append(system, {std::nullopt, "audit.track", "audit_table", table->table,
                                 boost::json::object{{"table", table->table}}});
        out.tables_marked.push_back(table->table);
      }
    }
    appender.finish();
  });
  return out;
}

}  // namespace gz::audit
