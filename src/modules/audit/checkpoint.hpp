// Signed checkpoints of the audit chain. The chain's hash is unkeyed: whoever can write the
// database can rewrite entries from any point on and recompute every later hash, and the
// chain still verifies. A checkpoint is the server's Ed25519 signature over {seq, hash, time}
// of the chain's head at that moment, made with a key kept in a file outside the database
// (crypto::load_or_create_key_file), at least hourly and on demand. Checkpoints are stored in
// the database and published (GET /api/v1/ledger/checkpoints, the public board) with the
// public key; what makes one trustworthy is the signature plus the copies people keep outside
// the database: `gongzhi ledger verify --checkpoint FILE` fails when the chain no longer leads
// to a checkpoint someone saved.
//
// What a checkpoint cannot do: entries appended after the newest checkpoint are protected by
// the hash chain alone until the next one, and the server signs whatever head it finds. It
// refuses, though, when the chain no longer leads to its own newest stored checkpoint.
//
// The signed message is "gongzhi-checkpoint-v1\n" followed by the canonical JSON of
// {"hash","seq","time"}; anyone can check it with any Ed25519 implementation.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/crypto.hpp"
#include "core/result.hpp"
#include "storage/database.hpp"

namespace gz::audit {

inline constexpr const char* kCheckpointFormat = "gongzhi-checkpoint-v1";

struct Checkpoint {
  std::int64_t seq = 0;
  std::string hash;        // the chain's hash of entry `seq`
  std::string time;        // ISO 8601 with offset, when it was signed
  std::string public_key;  // hex Ed25519 public key
  std::string signature;   // hex Ed25519 signature of checkpoint_message()
};

// --- pure ---------------------------------------------------------------------------------
std::string checkpoint_message(std::int64_t seq, const std::string& hash, const std::string& time);
Checkpoint sign_checkpoint(const crypto::SigningKey& key, std::int64_t seq, const std::string& hash,
                           const std::string& time);
bool signature_valid(const Checkpoint& checkpoint);
// As published: format, algorithm, seq, hash, time, public_key, signature.
boost::json::object checkpoint_json(const Checkpoint& checkpoint);
// A saved file: one checkpoint as published, the route's list ({"checkpoints":[…]}) or an
// array of checkpoints. Error bad_request "invalid_checkpoint" naming what is wrong.
Result<std::vector<Checkpoint>> parse_checkpoints(std::string_view text);

// --- with the database --------------------------------------------------------------------
// Newest first; at most `limit`.
std::vector<Checkpoint> list_checkpoints(storage::Connection& db, std::int64_t limit);
std::optional<Checkpoint> latest_checkpoint(storage::Connection& db);

// Signs the chain's head now and stores the checkpoint. First checks that the chain still
// leads to the newest stored checkpoint (its entry keeps its hash, and every entry since then
// links to the one before); conflict "chain_broken" when it does not, so the server never
// signs a chain rewritten behind its back. conflict "empty_chain" when there are no entries.
Result<Checkpoint> make_checkpoint(storage::Connection& db, const crypto::SigningKey& key,
                                   std::int64_t now_ms);

// The hourly job: a checkpoint when the newest is an hour old (also when the chain did not
// move: a signed, dated statement that it still stood there), or when there is none yet.
// Nothing when not due, or when the chain is empty. Several servers may ask: the others find
// the first one's checkpoint fresh (two asking at the same instant may both sign: harmless).
inline constexpr std::int64_t kCheckpointEveryMs = 3600 * 1000;
Result<std::optional<Checkpoint>> checkpoint_if_due(storage::Connection& db,
                                                    const crypto::SigningKey& key,
                                                    std::int64_t now_ms);

struct CheckpointCheck {
  bool ok = true;
  std::int64_t checked = 0;
  std::vector<std::string> problems;  // one line per failed checkpoint
  // The keys that signed them, in order of first use: a key nobody knows is worth a look
  // (anyone can sign a checkpoint with a key of their own; only the server's counts).
  std::vector<std::string> public_keys;
};
// Each checkpoint's signature, and that the chain's entry at its seq still has its hash. With
// an intact chain (audit::verify) that means the head descends from every checkpoint.
CheckpointCheck check_checkpoints(storage::Connection& db,
                                  const std::vector<Checkpoint>& checkpoints);
// The same for every checkpoint stored in the database.
CheckpointCheck check_stored_checkpoints(storage::Connection& db);

}  // namespace gz::audit
