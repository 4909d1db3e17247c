// Values derived from one community's records, kept in memory until the community changes.
// Every write is audited with its community (entries of no community are defaults every
// community inherits), so a value read while the community's newest audit entry and the newest
// entry of no community were what they still are is the value reading again would give. Kept
// values also expire after max_age: a safety net for writes made outside the application and
// for values that depend on the date. Several server processes each keep their own.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "modules/audit/audit_log.hpp"

namespace gz::audit {

// Where the audit log stood for a community when its value was read.
struct Stamp {
  std::int64_t community_seq = 0;
  std::int64_t global_seq = 0;
  bool operator==(const Stamp&) const = default;
};

// The stamps of the communities, read together (before the values they will guard: a write
// landing in between makes a value look older than it is, never newer).
inline std::vector<Stamp> stamps(storage::Connection& connection,
                                 const std::vector<std::int64_t>& community_ids) {
  std::int64_t global = latest_global_seq(connection);
  std::vector<Stamp> out;
  for (std::int64_t seq : latest_seqs(connection, community_ids)) out.push_back({seq, global});
  return out;
}

template <typename Value>
class Kept {
 public:
  explicit Kept(std::chrono::seconds max_age, std::size_t max_entries = 4096)
      : max_age_(max_age), max_entries_(max_entries) {}

  // The value kept for (community, key) under this stamp, or nothing.
  std::shared_ptr<const Value> find(std::int64_t community_id, const std::string& key,
                                    const Stamp& stamp) const {
    std::lock_guard lock(mutex_);
    auto found = entries_.find({community_id, key});
    if (found == entries_.end() || !(found->second.stamp == stamp) ||
        std::chrono::steady_clock::now() - found->second.kept_at >= max_age_) {
      return nullptr;
    }
    ++hits_;
    return found->second.value;
  }

  void keep(std::int64_t community_id, const std::string& key, const Stamp& stamp,
            std::shared_ptr<const Value> value) {
    std::lock_guard lock(mutex_);
    ++kept_;
    if (entries_.size() >= max_entries_ && !entries_.contains({community_id, key})) {
      entries_.clear();  // bounded; a street of 100 communities fits many times over
    }
    entries_[{community_id, key}] = {stamp, std::chrono::steady_clock::now(), std::move(value)};
  }

  // The kept value if still valid, else `read()` kept and returned.
  template <typename Read>
  std::shared_ptr<const Value> get(std::int64_t community_id, const std::string& key,
                                   const Stamp& stamp, Read&& read) {
    if (auto value = find(community_id, key, stamp)) return value;
    auto value = std::make_shared<const Value>(read());
    keep(community_id, key, stamp, value);
    return value;
  }

  std::uint64_t hits() const {
    std::lock_guard lock(mutex_);
    return hits_;
  }
  std::uint64_t reads() const {  // values read (and kept) so far
    std::lock_guard lock(mutex_);
    return kept_;
  }
  void clear() {
    std::lock_guard lock(mutex_);
    entries_.clear();
  }

 private:
  struct Entry {
    Stamp stamp;
    std::chrono::steady_clock::time_point kept_at;
    std::shared_ptr<const Value> value;
  };
  std::chrono::seconds max_age_;
  std::size_t max_entries_;
  mutable std::mutex mutex_;
  std::map<std::pair<std::int64_t, std::string>, Entry> entries_;
  mutable std::uint64_t hits_ = 0;
  std::uint64_t kept_ = 0;
};

}  // namespace gz::audit
