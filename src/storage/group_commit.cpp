// Group commit; see group_commit.hpp.
#include "storage/group_commit.hpp"

#include <future>
#include <vector>

namespace gz::storage {

struct GroupCommit::Job {
  const std::function<void(Connection&)>* work = nullptr;
  std::exception_ptr error;
  std::promise<void> done;
};

GroupCommit::GroupCommit(Database& database, std::size_t max_batch)
    : database_(database), max_batch_(max_batch == 0 ? 1 : max_batch) {
  writer_ = std::thread([this] { loop(); });
}

GroupCommit::~GroupCommit() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (writer_.joinable()) writer_.join();
}

GroupCommit::Stats GroupCommit::stats() const {
  std::lock_guard lock(mutex_);
  return stats_;
}

void GroupCommit::run(const std::function<void(Connection&)>& work) {
  auto job = std::make_shared<Job>();
  job->work = &work;
  auto finished = job->done.get_future();
  {
    std::lock_guard lock(mutex_);
    if (stopping_) throw DbError(DbErrorKind::other, "the database writer is shutting down");
    queue_.push_back(job);
  }
  wake_.notify_one();
  finished.get();  // rethrows the job's or the commit's exception
}

void GroupCommit::loop() {
  std::unique_ptr<Connection> connection;
  for (;;) {
    std::vector<std::shared_ptr<Job>> batch;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, nothing left
      while (!queue_.empty() && batch.size() < max_batch_) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    std::exception_ptr batch_error;
    constexpr int kAttempts = 5;
    for (int attempt = 1; attempt <= kAttempts; ++attempt) {
      batch_error = nullptr;
      try {
        if (!connection) connection = database_.connect();
        connection->begin(TxMode::write);
        for (auto& job : batch) {
          job->error = nullptr;
          try {
            (*job->work)(*connection);
          } catch (const DbError& error) {
            // A busy or broken connection fails the batch; anything else is the job's own
            // (transact has rolled its savepoint back).
            if (error.kind() == DbErrorKind::busy || !connection->in_transaction()) throw;
            job->error = std::current_exception();
          } catch (...) {
            job->error = std::current_exception();
          }
        }
        connection->commit();
        break;
      } catch (const DbError& error) {
        batch_error = std::current_exception();
        try {
          if (connection) connection->rollback();
        } catch (...) {
          connection.reset();
        }
        // Another writer held the lock past the busy timeout: run the whole batch again.
        if (error.kind() != DbErrorKind::busy) break;
      } catch (...) {
        batch_error = std::current_exception();
        try {
          if (connection) connection->rollback();
        } catch (...) {
          connection.reset();
        }
        break;
      }
    }
    {
      std::lock_guard lock(mutex_);
      ++stats_.batches;
      stats_.jobs += batch.size();
    }
    for (auto& job : batch) {
      if (batch_error) {
        job->done.set_exception(batch_error);
      } else if (job->error) {
        job->done.set_exception(job->error);
      } else {
        job->done.set_value();
      }
    }
  }
}

}  // namespace gz::storage
