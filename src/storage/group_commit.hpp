// Group commit: many small write transactions from concurrent requests share one database
// transaction and one durable commit (one fsync), the way databases batch their log writes.
// Each caller's work runs in its own savepoint inside the batch (storage::transact nests), so
// its error result or exception undoes only its own writes; the caller gets its answer only
// after the batch has committed — an acknowledged write is as durable as with its own commit.
// If the commit itself fails, every caller of that batch gets the DbError.
//
// Used for SQLite, whose single writer and synchronous=FULL commit (an fsync each) bound
// one-transaction-per-request throughput by the disk; PostgreSQL callers keep their own
// transactions (it overlaps commits itself). One writer thread, one dedicated connection.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "storage/database.hpp"

namespace gz::storage {

class GroupCommit {
 public:
  explicit GroupCommit(Database& database, std::size_t max_batch = 512);
  ~GroupCommit();  // finishes the queued work, then stops
  GroupCommit(const GroupCommit&) = delete;
  GroupCommit& operator=(const GroupCommit&) = delete;

  // Runs `work` in the next batch (inside its transaction) and blocks until that batch has
  // committed; rethrows what `work` threw, or the commit's DbError.
  void run(const std::function<void(Connection&)>& work);

  struct Stats {
    std::size_t batches = 0;
    std::size_t jobs = 0;
  };
  Stats stats() const;

 private:
  struct Job;
  void loop();

  Database& database_;
  std::size_t max_batch_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::shared_ptr<Job>> queue_;
  bool stopping_ = false;
  Stats stats_;
  std::thread writer_;
};

}  // namespace gz::storage
