#include "modules/audit/chain.hpp"

#include <boost/json.hpp>

#include "core/crypto.hpp"
#include "core/json.hpp"

namespace gz::audit {

std::string compute_hash(const Entry& entry) {
  boost::json::object body{
      {"seq", entry.seq},
      {"at", entry.at},
      {"actor", entry.actor},
      {"action", entry.action},
      {"object_type", entry.object_type},
      {"object_id", entry.object_id},
      {"change", entry.change},
  };
  body["community_id"] =
      entry.community_id ? boost::json::value(*entry.community_id) : boost::json::value(nullptr);
  body["actor_user_id"] =
      entry.actor_user_id ? boost::json::value(*entry.actor_user_id) : boost::json::value(nullptr);
  if (!entry.row_states.empty()) body["rows"] = entry.row_states;
  return crypto::sha256_hex(entry.prev_hash + "\n" + canonical_json(body));
}

const char* problem_name(Problem problem) {
  switch (problem) {
    case Problem::none:
      return "none";
    case Problem::altered:
      return "altered";
    case Problem::deleted:
      return "deleted";
    case Problem::inserted:
      return "inserted";
    case Problem::head_mismatch:
      return "head_mismatch";
  }
  return "none";
}

void Verifier::feed(const Entry& entry) {
  if (failed()) return;
  auto fail = [&](Problem problem, std::string message) {
    finding_ = {problem, entry.seq, std::move(message)};
  };
  if (entry.seq < expected_seq_) {
    return fail(Problem::inserted, "entry " + std::to_string(entry.seq) +
                                       " repeats or precedes a sequence number already seen");
  }
  if (entry.seq > expected_seq_) {
    return fail(Problem::deleted, "entries " + std::to_string(expected_seq_) + ".." +
                                      std::to_string(entry.seq - 1) + " are missing before entry " +
                                      std::to_string(entry.seq));
  }
  if (compute_hash(entry) != entry.hash) {
    return fail(Problem::altered, "entry " + std::to_string(entry.seq) +
                                      " was altered: its content does not match its hash");
  }
  if (entry.prev_hash != previous_hash_) {
    return fail(Problem::inserted, "entry " + std::to_string(entry.seq) +
                                       " does not link to the entry before it (inserted or "
                                       "replaced)");
  }
  previous_hash_ = entry.hash;
  ++expected_seq_;
  ++checked_;
}

Finding Verifier::finish(std::int64_t head_seq, const std::string& head_hash) {
  if (failed()) return finding_;
  std::int64_t last_seq = expected_seq_ - 1;
  if (head_seq != last_seq || head_hash != previous_hash_) {
    finding_ = {Problem::head_mismatch, head_seq,
                "the chain head (seq " + std::to_string(head_seq) +
                    ") does not match the last entry (seq " + std::to_string(last_seq) +
                    "): entries at the end were deleted or rewritten"};
    if (head_seq > last_seq) {
      finding_.problem = Problem::deleted;
      finding_.seq = last_seq + 1;
      finding_.message = "entries " + std::to_string(last_seq + 1) + ".." +
                         std::to_string(head_seq) + " at the end of the chain are missing";
    }
  }
  return finding_;
}

}  // namespace gz::audit
