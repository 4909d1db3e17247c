// Whether a PostgreSQL streaming replica may answer public reads (serve --db-replica): a
// thread asks, four times a second, how far behind the primary it is, and says "usable" while
// it is reachable, still a standby or promoted, and at most `max_lag` behind.
//
// The lag is measured against the primary, not by the replica's own clock: each check samples
// the primary's WAL position (pg_current_wal_lsn) with the time, and the replica is as far
// behind as the newest sample its replayed position (pg_last_wal_replay_lsn) has reached. An
// idle primary does not make an idle replica look late, and a replica cut off from its
// primary does look late while the primary takes writes. With the primary unreachable the
// replica stays usable (public reads go on during a failover).
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "storage/database.hpp"

namespace gz::app {

// "16/B374D848" → its 64-bit position; nullopt when malformed.
std::optional<std::uint64_t> parse_lsn(const std::string& text);

class ReplicaMonitor {
 public:
  ReplicaMonitor(storage::Database& primary, storage::Database& replica,
                 std::chrono::milliseconds max_lag);
  ~ReplicaMonitor();
  ReplicaMonitor(const ReplicaMonitor&) = delete;
  ReplicaMonitor& operator=(const ReplicaMonitor&) = delete;

  bool usable() const { return usable_.load(); }
  // A read on the replica failed: unusable until the next check finds it well.
  void failed() { usable_.store(false); }
  // The last measured lag in milliseconds (-1 while unreachable or unmeasured).
  std::int64_t lag_ms() const { return lag_ms_.load(); }
  // Prometheus lines: gongzhi_replica_usable, gongzhi_replica_lag_seconds.
  std::string metrics_text() const;

 private:
  void loop(std::stop_token stop);
  void check();

  storage::Database& primary_;
  storage::Database& replica_;
  std::chrono::milliseconds max_lag_;
  std::unique_ptr<storage::Connection> primary_connection_;
  std::unique_ptr<storage::Connection> replica_connection_;
  struct Sample {
    std::chrono::steady_clock::time_point at;
    std::uint64_t lsn;
  };
  std::deque<Sample> samples_;
  std::atomic<bool> usable_{false};
  std::atomic<std::int64_t> lag_ms_{-1};
  std::jthread thread_;
};

}  // namespace gz::app
