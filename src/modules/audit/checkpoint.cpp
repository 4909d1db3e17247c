#include "modules/audit/checkpoint.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "core/clock.hpp"
#include "core/json.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/audit/chain.hpp"

namespace gz::audit {
namespace {

constexpr const char* kCheckpointColumns =
    "SELECT seq, hash, at, public_key, signature FROM audit_checkpoints";

Checkpoint checkpoint_from(const storage::Row& row) {
  return {row.integer(0), row.text(1), row.text(2), row.text(3), row.text(4)};
}

bool is_hex(std::string_view text, std::size_t size) {
  if (text.size() != size) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

Result<Checkpoint> checkpoint_from_json(const boost::json::value& value, std::size_t index) {
  std::string where = "checkpoint " + std::to_string(index + 1);
  auto invalid = [&](const std::string& why) {
    return bad_request("invalid_checkpoint", where + ": " + why);
  };
  if (!value.is_object()) return invalid("is not a JSON object");
  const auto& object = value.as_object();
  if (const auto* format = object.if_contains("format");
      format && (!format->is_string() || format->get_string() != kCheckpointFormat)) {
    return invalid(std::string("format is not ") + kCheckpointFormat);
  }
  Checkpoint out;
  const auto* seq = object.if_contains("seq");
  if (!seq || !seq->is_int64() || seq->as_int64() < 1)
    return invalid("seq must be an entry number");
  out.seq = seq->as_int64();
  auto text = [&](const char* name, std::string& into) -> bool {
    const auto* field = object.if_contains(name);
    if (!field || !field->is_string()) return false;
    into = std::string(field->get_string());
    return true;
  };
  if (!text("hash", out.hash) || !is_hex(out.hash, 64)) {
    return invalid("hash must be 64 hex digits");
  }
  if (!text("time", out.time) || out.time.empty()) return invalid("time is missing");
  if (!text("public_key", out.public_key) || !is_hex(out.public_key, 64)) {
    return invalid("public_key must be 64 hex digits (Ed25519)");
  }
  if (!text("signature", out.signature) || !is_hex(out.signature, 128)) {
    return invalid("signature must be 128 hex digits (Ed25519)");
  }
  return out;
}

std::string seq_name(std::int64_t seq) {
  return "entry " + std::to_string(seq);
}

// Whether the chain after `from` still links entry by entry from it up to the head (then the
// head it reached); without a checkpoint (the first one) the whole chain from its start.
Result<Head> chain_leads_from(storage::Connection& db, const std::optional<Checkpoint>& from) {
  std::string what =
      from ? "its checkpoint at " + seq_name(from->seq) : std::string("its first entry");
  if (from) {
    auto row = db.query_one("SELECT hash FROM audit_log WHERE seq = ?", {from->seq});
    if (!row || row->text(0) != from->hash) {
      return conflict("chain_broken",
                      "the audit chain no longer leads to " + what + ": " +
                          (row ? "that entry's hash changed" : "that entry is gone"));
    }
  }
  Verifier verifier = from ? Verifier(from->seq, from->hash) : Verifier();
  std::int64_t after = from ? from->seq : -1;
  constexpr std::int64_t kPage = 1000;  // as audit::verify: entries with rows can be large
  for (;;) {
    auto rows = db.query(
        "SELECT seq, community_id, at, actor_user_id, actor, action, object_type, object_id, "
        "change, prev_hash, hash, row_states FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?",
        {after, kPage});
    for (const auto& entry_row : rows) {
      Entry entry;
      entry.seq = entry_row.integer(0);
      entry.community_id = entry_row.opt_integer(1);
      entry.at = entry_row.text(2);
      entry.actor_user_id = entry_row.opt_integer(3);
      entry.actor = entry_row.text(4);
      entry.action = entry_row.text(5);
      entry.object_type = entry_row.text(6);
      entry.object_id = entry_row.text(7);
      entry.change = entry_row.text(8);
      entry.prev_hash = entry_row.text(9);
      entry.hash = entry_row.text(10);
      entry.row_states = entry_row.opt_text(11).value_or("");
      verifier.feed(entry);
      after = entry.seq;
    }
    if (verifier.failed() || static_cast<std::int64_t>(rows.size()) < kPage) break;
  }
  Head current = head(db);
  Finding finding = verifier.finish(current.seq, current.hash);
  if (finding.problem != Problem::none) {
    return conflict("chain_broken",
                    "the audit chain no longer leads to " + what + ": " + finding.message);
  }
  return current;
}

}  // namespace

std::string checkpoint_message(std::int64_t seq, const std::string& hash, const std::string& time) {
  boost::json::object body{{"seq", seq}, {"hash", hash}, {"time", time}};
  return std::string(kCheckpointFormat) + "\n" + canonical_json(body);
}

Checkpoint sign_checkpoint(const crypto::SigningKey& key, std::int64_t seq, const std::string& hash,
                           const std::string& time) {
  return {seq, hash, time, key.public_key_hex(), key.sign_hex(checkpoint_message(seq, hash, time))};
}

bool signature_valid(const Checkpoint& checkpoint) {
  return crypto::verify_ed25519(
      checkpoint.public_key, checkpoint_message(checkpoint.seq, checkpoint.hash, checkpoint.time),
      checkpoint.signature);
}

boost::json::object checkpoint_json(const Checkpoint& checkpoint) {
  return {{"format", kCheckpointFormat},
          {"algorithm", "Ed25519"},
          {"seq", checkpoint.seq},
          {"hash", checkpoint.hash},
          {"time", checkpoint.time},
          {"public_key", checkpoint.public_key},
          {"signature", checkpoint.signature}};
}

Result<std::vector<Checkpoint>> parse_checkpoints(std::string_view text) {
  boost::system::error_code error;
  auto parsed = boost::json::parse(text, error);
  if (error) return bad_request("invalid_checkpoint", "the file is not JSON: " + error.message());
  const boost::json::array* list = nullptr;
  boost::json::array single;
  if (parsed.is_array()) {
    list = &parsed.as_array();
  } else if (parsed.is_object() && parsed.as_object().contains("checkpoints")) {
    const auto& inner = parsed.as_object().at("checkpoints");
    if (!inner.is_array()) return bad_request("invalid_checkpoint", "checkpoints is not a list");
    list = &inner.as_array();
  } else {
    single.push_back(parsed);
    list = &single;
  }
  if (list->empty()) return bad_request("invalid_checkpoint", "the file holds no checkpoint");
  std::vector<Checkpoint> out;
  for (std::size_t i = 0; i < list->size(); ++i) {
    auto checkpoint = checkpoint_from_json((*list)[i], i);
    if (!checkpoint) return checkpoint.take_error();
    out.push_back(std::move(*checkpoint));
  }
  return out;
}

std::vector<Checkpoint> list_checkpoints(storage::Connection& db, std::int64_t limit) {
  std::vector<Checkpoint> out;
  for (const auto& row :
       db.query(std::string(kCheckpointColumns) + " ORDER BY id DESC LIMIT ?", {limit})) {
    out.push_back(checkpoint_from(row));
  }
  return out;
}

std::optional<Checkpoint> latest_checkpoint(storage::Connection& db) {
  auto list = list_checkpoints(db, 1);
  if (list.empty()) return std::nullopt;
  return list.front();
}

Result<Checkpoint> make_checkpoint(storage::Connection& db, const crypto::SigningKey& key,
                                   std::int64_t now_ms) {
  // The walk since the last checkpoint (the whole chain, for the first) in one read snapshot,
  // which holds no lock: writers go on meanwhile, and the checkpoint names the head the walk
  // reached, which is then merely a little older than the newest entry.
  std::optional<Result<Head>> walked;
  storage::with_transaction(db, storage::TxMode::read,
                            [&] { walked = chain_leads_from(db, latest_checkpoint(db)); });
  if (!walked->ok()) return walked->take_error();
  const Head& reached = walked->value();
  if (reached.seq == 0) return conflict("empty_chain", "the audit chain has no entries yet");
  Checkpoint checkpoint = sign_checkpoint(key, reached.seq, reached.hash, format_iso8601(now_ms));
  db.execute(
      "INSERT INTO audit_checkpoints (seq, hash, at, created_ms, public_key, signature) VALUES "
      "(?, ?, ?, ?, ?, ?)",
      {checkpoint.seq, checkpoint.hash, checkpoint.time, now_ms, checkpoint.public_key,
       checkpoint.signature});
  return checkpoint;
}

Result<std::optional<Checkpoint>> checkpoint_if_due(storage::Connection& db,
                                                    const crypto::SigningKey& key,
                                                    std::int64_t now_ms) {
  auto last =
      db.query_one("SELECT seq, created_ms FROM audit_checkpoints ORDER BY id DESC LIMIT 1");
  Head current = head(db);
  if (current.seq == 0) return std::optional<Checkpoint>();
  if (last && now_ms - last->integer(1) < kCheckpointEveryMs) return std::optional<Checkpoint>();
  auto made = make_checkpoint(db, key, now_ms);
  if (!made) return made.take_error();
  return std::optional<Checkpoint>(std::move(*made));
}

CheckpointCheck check_checkpoints(storage::Connection& db,
                                  const std::vector<Checkpoint>& checkpoints) {
  CheckpointCheck check;
  Head current = head(db);
  for (const auto& checkpoint : checkpoints) {
    ++check.checked;
    if (std::find(check.public_keys.begin(), check.public_keys.end(), checkpoint.public_key) ==
        check.public_keys.end()) {
      check.public_keys.push_back(checkpoint.public_key);
    }
    std::string name = "the checkpoint at " + seq_name(checkpoint.seq) + " (" + checkpoint.time +
                       ", key " + checkpoint.public_key.substr(0, 16) + "…)";
    if (!signature_valid(checkpoint)) {
      check.problems.push_back(name +
                               " is not validly signed: its signature does not match "
                               "its seq, hash and time under its public key");
      continue;
    }
    auto row = db.query_one("SELECT hash FROM audit_log WHERE seq = ?", {checkpoint.seq});
    if (!row) {
      check.problems.push_back(name + ": the chain no longer reaches that entry (it ends at " +
                               seq_name(current.seq) + "): entries were deleted");
    } else if (row->text(0) != checkpoint.hash) {
      check.problems.push_back(name +
                               ": the chain no longer leads to it: " + seq_name(checkpoint.seq) +
                               " has another hash now, so the chain was rewritten at or "
                               "before that entry");
    }
  }
  check.ok = check.problems.empty();
  return check;
}

CheckpointCheck check_stored_checkpoints(storage::Connection& db) {
  std::vector<Checkpoint> stored;
  for (const auto& row : db.query(std::string(kCheckpointColumns) + " ORDER BY id")) {
    stored.push_back(checkpoint_from(row));
  }
  return check_checkpoints(db, stored);
}

}  // namespace gz::audit
