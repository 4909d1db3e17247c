// The batched access log; see access_log.hpp.
#include "http/access_log.hpp"

#include <cstdio>

#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <string>
#include <thread>

namespace gz::http::access_log {

namespace {

constexpr std::size_t kFlushBytes = 64 * 1024;
constexpr auto kFlushDelay = std::chrono::milliseconds(100);

void write_all(const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(STDERR_FILENO, text.data() + done, text.size() - done);
    if (n <= 0) return;  // standard error closed or full: the log is not worth blocking for
    done += static_cast<std::size_t>(n);
  }
}

class Writer {
 public:
  Writer() : thread_([this] { loop(); }) {}
  ~Writer() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
  }
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  void add(std::string_view line) {
    bool wake = false;
    {
      std::lock_guard lock(mutex_);
      pending_.append(line);
      pending_.push_back('\n');
      wake = pending_.size() >= kFlushBytes;
    }
    if (wake) wake_.notify_one();
  }

  void flush() {
    std::lock_guard write_lock(write_mutex_);
    std::string out;
    {
      std::lock_guard lock(mutex_);
      out.swap(pending_);
    }
    write_all(out);
  }

 private:
  void loop() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
      wake_.wait_for(lock, kFlushDelay,
                     [this] { return stopping_ || pending_.size() >= kFlushBytes; });
      lock.unlock();
      flush();
      lock.lock();
    }
    lock.unlock();
    flush();
  }

  std::mutex mutex_;        // guards pending_ and stopping_
  std::mutex write_mutex_;  // keeps batches in order when flush() is called from outside
  std::condition_variable wake_;
  std::string pending_;
  bool stopping_ = false;
  std::thread thread_;  // last: starts once the members above exist
};

Writer& writer() {
  static Writer instance;
  return instance;
}

}  // namespace

void add(std::string_view line) {
  writer().add(line);
}

void flush() {
  writer().flush();
}

}  // namespace gz::http::access_log
