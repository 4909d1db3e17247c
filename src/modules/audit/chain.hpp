// The audit chain's pure rules: how an entry is hashed and how a walk over the entries finds
// the first one that was altered, deleted or inserted. No database here; the walk is fed
// entries in sequence order by whoever reads them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace gz::audit {

inline constexpr const char* kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

struct Entry {
  std::int64_t seq = 0;
  std::optional<std::int64_t> community_id;
  std::string at;
  std::optional<std::int64_t> actor_user_id;
  std::string actor;  // username or "system"
  std::string action;
  std::string object_type;
  std::string object_id;
  std::string change;  // canonical JSON text
  // The rows the write left, as canonical JSON {"table":{"id":{field:value}}} (row_states.hpp);
  // "" for entries that record none, which includes every entry written before 0017.
  std::string row_states;
  std::string prev_hash;
  std::string hash;
};

// SHA-256 over the previous hash and the canonical JSON of every other field. row_states is
// hashed only when there are some, so entries written before it existed keep their hashes.
std::string compute_hash(const Entry& entry);

enum class Problem {
  none,
  altered,       // the entry's content no longer matches its hash
  deleted,       // a sequence number is missing before this entry
  inserted,      // this entry does not link to the one before it, or repeats a number
  head_mismatch  // the stored head does not match the last entry (tail deleted/rewritten)
};

struct Finding {
  Problem problem = Problem::none;
  std::int64_t seq = 0;  // the first bad entry (for head_mismatch: the head's seq)
  std::string message;
};

class Verifier {
 public:
  Verifier() = default;
  // Continues a walk from a known entry (a checkpoint): the next entry must be after_seq + 1
  // and link to after_hash.
  Verifier(std::int64_t after_seq, std::string after_hash)
      : expected_seq_(after_seq + 1), previous_hash_(std::move(after_hash)) {}
  // Feed entries in ascending seq order; stops collecting at the first problem.
  void feed(const Entry& entry);
  // After the last entry, compares with the stored head.
  Finding finish(std::int64_t head_seq, const std::string& head_hash);
  std::int64_t checked() const { return checked_; }
  bool failed() const { return finding_.problem != Problem::none; }

 private:
  std::int64_t expected_seq_ = 1;
  std::string previous_hash_ = kGenesisHash;
  std::int64_t checked_ = 0;
  Finding finding_;
};

const char* problem_name(Problem problem);

}  // namespace gz::audit
