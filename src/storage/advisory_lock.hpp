// A PostgreSQL session advisory lock held for a scope: several servers on one database take
// turns at something (migrations, start-up, a job) by key. The lock goes with the connection if
// its server dies. SQLite serves one process, so there it is always held.
#pragma once

#include <cstdint>

#include "storage/database.hpp"

namespace gz::storage {

class AdvisoryLock {
 public:
  enum class Wait { until_held, try_once };

  AdvisoryLock(Connection& connection, std::int64_t key, Wait wait)
      : connection_(connection), key_(key) {
    if (connection_.dialect() != Dialect::postgresql) {
      held_ = true;
      return;
    }
    if (wait == Wait::until_held) {
      connection_.query("SELECT pg_advisory_lock(?)", {key_});
      held_ = true;
    } else {
      auto row = connection_.query_one("SELECT pg_try_advisory_lock(?)", {key_});
      held_ = row && row->text(0) == "t";
    }
    locked_ = held_;
  }
  ~AdvisoryLock() {
    if (!locked_) return;
    try {
      connection_.query("SELECT pg_advisory_unlock(?)", {key_});
    } catch (...) {
      // The connection is gone, and the lock with it.
    }
  }
  AdvisoryLock(const AdvisoryLock&) = delete;
  AdvisoryLock& operator=(const AdvisoryLock&) = delete;

  bool held() const { return held_; }

 private:
  Connection& connection_;
  std::int64_t key_;
  bool held_ = false;
  bool locked_ = false;
};

// The keys, in one place so no two uses share one by accident.
inline constexpr std::int64_t kMigrationLock = 727001;
inline constexpr std::int64_t kStartupLock = 727002;
inline constexpr std::int64_t kNotificationsJobLock = 727101;
inline constexpr std::int64_t kCheckpointJobLock = 727102;
inline constexpr std::int64_t kWarningsJobLock = 727103;
inline constexpr std::int64_t kDeadlinesJobLock = 727104;

}  // namespace gz::storage
