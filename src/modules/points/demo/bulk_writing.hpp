// Settings for writing the demo in bulk, restored afterwards (also when the demo throws). The
// demo commits thousands of small transactions (each use case commits its own), and on a busy
// disk every SQLite commit with synchronous=FULL waits milliseconds for fsync: 25 s instead of
// 3 for one community. A demo can be generated again, so while it is written the connection
// commits without waiting for the disk (synchronous=NORMAL in WAL mode; on PostgreSQL
// synchronous_commit=off): the database stays consistent and only the last commits could be
// lost to a power failure. On SQLite a larger page cache and rarer checkpoints (one at the
// end) halve the time spent copying pages between SQLite, the WAL and the kernel.
// Internal to the points demo.
#pragma once

#include <cstdint>

#include "storage/database.hpp"

namespace gz::points::demo {

class BulkWriting {
 public:
  explicit BulkWriting(storage::Connection& db);
  ~BulkWriting();
  BulkWriting(const BulkWriting&) = delete;
  BulkWriting& operator=(const BulkWriting&) = delete;

 private:
  storage::Connection& db_;
  std::int64_t synchronous_ = 2;  // FULL
  std::int64_t autocheckpoint_pages_ = 1000;
  std::int64_t cache_size_ = -2000;
};

}  // namespace gz::points::demo
