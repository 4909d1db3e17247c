#include "modules/audit/audit_log.hpp"

#include <algorithm>

#include "core/clock.hpp"
#include "core/json.hpp"

namespace gz::audit {

Actor system_actor() {
  Actor actor;
  actor.user_id = 0;
  actor.username = "system";
  actor.role = Role::admin;
  return actor;
}

namespace {
// The appender collecting on this thread. A connection is used by one thread at a time, and a
// batch lives on one call stack, so "this thread's appender on this connection" is the batch.
thread_local Appender* t_collecting = nullptr;
}  // namespace

Appender::Appender(storage::Connection& connection) : connection_(connection) {
  for (Appender* active = t_collecting; active; active = active->previous_) {
    if (&active->connection_ == &connection) {
      outer_ = active;
      return;
    }
  }
  // Lock the head row so concurrent appenders (threads or processes) take turns.
  const char* head_sql = connection.dialect() == storage::Dialect::postgresql
                             ? "SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE"
                             : "SELECT seq, hash FROM audit_head WHERE id = 1";
  auto head_row = connection.query_one(head_sql);
  if (!head_row) throw storage::DbError(storage::DbErrorKind::other, "audit_head row is missing");
  seq_ = head_row->integer(0);
  hash_ = head_row->text(1);
  previous_ = t_collecting;
  t_collecting = this;
  collecting_ = true;
}

Appender::~Appender() {
  stop_collecting();
}

void Appender::stop_collecting() {
  if (!collecting_) return;
  collecting_ = false;
  // Appenders end in the reverse order they began (they live on one call stack).
  if (t_collecting == this) t_collecting = previous_;
}

std::int64_t Appender::append(const Actor& actor, const Record& record) {
  if (outer_) return outer_->append(actor, record);
  Entry entry;
  entry.seq = seq_ + 1;
  entry.prev_hash = hash_;
  entry.community_id = record.community_id;
  entry.at = now_iso8601();
  if (actor.user_id > 0) entry.actor_user_id = actor.user_id;
  entry.actor = actor.username;
  entry.action = record.action;
  entry.object_type = record.object_type;
  entry.object_id = record.object_id;
  entry.change = canonical_json(record.change);
  if (!record.rows.empty()) entry.row_states = read_row_states(connection_, record.rows);
  entry.hash = compute_hash(entry);
  connection_.execute(
      "INSERT INTO audit_log (seq, community_id, at, actor_user_id, actor, action, object_type, "
      "object_id, change, row_states, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?)",
      {entry.seq, storage::opt_int(entry.community_id), entry.at,
       storage::opt_int(entry.actor_user_id), entry.actor, entry.action, entry.object_type,
       entry.object_id, entry.change,
       entry.row_states.empty() ? storage::Value{} : storage::Value{entry.row_states},
       entry.prev_hash, entry.hash});
  seq_ = entry.seq;
  hash_ = entry.hash;
  dirty_ = true;
  return entry.seq;
}

void Appender::finish() {
  if (outer_) return;  // the batch it joined writes the head
  stop_collecting();
  if (!dirty_) return;
  connection_.execute("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", {seq_, hash_});
  dirty_ = false;
}

std::int64_t append(storage::Connection& connection, const Actor& actor, const Record& record) {
  Appender appender(connection);
  std::int64_t seq = appender.append(actor, record);
  appender.finish();
  return seq;
}

std::vector<std::int64_t> latest_seqs(storage::Connection& connection,
                                      const std::vector<std::int64_t>& community_ids) {
  std::vector<std::int64_t> seqs;
  seqs.reserve(community_ids.size());
  for (auto id : community_ids) {
    auto row = connection.query_one("SELECT MAX(seq) FROM audit_log WHERE community_id = ?", {id});
    seqs.push_back(row ? row->opt_integer(0).value_or(0) : 0);
  }
  return seqs;
}

std::int64_t latest_global_seq(storage::Connection& connection) {
  std::int64_t newest = 0;
  for (const char* sql : {"SELECT MAX(seq) FROM audit_log WHERE community_id IS NULL",
                          "SELECT MAX(seq) FROM audit_log WHERE community_id = 0"}) {
    if (auto row = connection.query_one(sql)) {
      newest = std::max(newest, row->opt_integer(0).value_or(0));
    }
  }
  return newest;
}

Head head(storage::Connection& connection) {
  auto row = connection.query_one("SELECT seq, hash FROM audit_head WHERE id = 1");
  if (!row) return {0, kGenesisHash};
  return {row->integer(0), row->text(1)};
}

VerifyResult verify(storage::Connection& connection) {
  VerifyResult result;
  Verifier verifier;
  // Entries that record rows can be tens of kilobytes (a baseline's): pages of 1000 keep a
  // page within tens of megabytes.
  constexpr std::int64_t kPage = 1000;
  std::int64_t after = -1;  // also catches rows with seq <= 0 inserted by hand
  bool first = true;
  for (;;) {
    auto rows = connection.query(
        first ? "SELECT seq, community_id, at, actor_user_id, actor, action, object_type, "
                "object_id, change, prev_hash, hash, row_states FROM audit_log ORDER BY seq "
                "LIMIT ?"
              : "SELECT seq, community_id, at, actor_user_id, actor, action, object_type, "
                "object_id, change, prev_hash, hash, row_states FROM audit_log WHERE seq > ? "
                "ORDER BY seq LIMIT ?",
        first ? std::vector<storage::Value>{kPage} : std::vector<storage::Value>{after, kPage});
    first = false;
    for (const auto& row : rows) {
      Entry entry;
      entry.seq = row.integer(0);
      entry.community_id = row.opt_integer(1);
      entry.at = row.text(2);
      entry.actor_user_id = row.opt_integer(3);
      entry.actor = row.text(4);
      entry.action = row.text(5);
      entry.object_type = row.text(6);
      entry.object_id = row.text(7);
      entry.change = row.text(8);
      entry.prev_hash = row.text(9);
      entry.hash = row.text(10);
      entry.row_states = row.opt_text(11).value_or("");
      verifier.feed(entry);
      after = entry.seq;
    }
    if (verifier.failed() || static_cast<std::int64_t>(rows.size()) < kPage) break;
  }
  result.head = head(connection);
  result.finding = verifier.finish(result.head.seq, result.head.hash);
  result.checked = verifier.checked();
  result.ok = result.finding.problem == Problem::none;
  return result;
}

}  // namespace gz::audit
