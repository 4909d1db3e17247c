#include "http/access_log.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace gz::http {
namespace {

// Standard error pointed at a file for the life of the object.
class CapturedStderr {
 public:
  CapturedStderr() : path_("/tmp/gz_access_log_" + std::to_string(::getpid()) + ".txt") {
    access_log::flush();
    saved_ = ::dup(STDERR_FILENO);
    int file = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(file, STDERR_FILENO);
    ::close(file);
  }
  ~CapturedStderr() {
    ::dup2(saved_, STDERR_FILENO);
    ::close(saved_);
    std::remove(path_.c_str());
  }
  std::string text() const {
    std::ifstream in(path_);
    std::stringstream out;
    out << in.rdbuf();
    return out.str();
  }

 private:
  std::string path_;
  int saved_ = -1;
};

TEST(AccessLog, EveryLineArrivesWholeAndInOrderPerThread) {
  CapturedStderr captured;
  constexpr int kThreads = 4, kLines = 5000;  // about 100 KiB each: crosses the batch size
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([t] {
      for (int i = 0; i < kLines; ++i) {
        access_log::add("thread=" + std::to_string(t) + " line=" + std::to_string(i) +
                        " padding=xxxxxxxxxxxxxxxxxxxx");
      }
    });
  }
  for (auto& thread : threads) thread.join();
  access_log::flush();
  std::istringstream lines(captured.text());
  std::vector<int> next(kThreads, 0);
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    int thread = -1, number = -1;
    ASSERT_EQ(std::sscanf(line.c_str(), "thread=%d line=%d", &thread, &number), 2) << line;
    ASSERT_TRUE(thread >= 0 && thread < kThreads);
    EXPECT_EQ(number, next[thread]) << "a line lost or out of order";
    next[thread] = number + 1;
    EXPECT_NE(line.find("padding=xxxxxxxxxxxxxxxxxxxx"), std::string::npos) << "a torn line";
    ++count;
  }
  EXPECT_EQ(count, kThreads * kLines);
}

TEST(AccessLog, ALineIsWrittenSoonWithoutAFlush) {
  CapturedStderr captured;
  access_log::add("a quiet server's only request");
  // The background writer's period is 100 ms; allow a slow machine ample time.
  for (int i = 0; i < 100 && captured.text().empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(captured.text(), "a quiet server's only request\n");
}

// L1 of the December review: a decoded path forged a second log line.

}  // namespace
}  // namespace gz::http
