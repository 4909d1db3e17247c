// A real HTTP receiver on loopback for the notification tests: it accepts connections on its
// own thread, records every request (method, target, headers, body) and answers each with the
// next status of a script (then 200). `hang_first` keeps the first request unanswered until
// release(), as a slow or dead peer would.
#pragma once

#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace gz::test {

struct Received {
  std::string method;
  std::string target;
  std::map<std::string, std::string> headers;  // names lower-case
  std::string body;
};

class Receiver {
 public:
  explicit Receiver(std::vector<int> statuses = {}, bool hang_first = false);
  ~Receiver();
  int port() const { return port_; }
  std::string url(const std::string& path = "/hook") const;
  // Waits up to `seconds` until at least `count` requests arrived; returns what arrived.
  std::vector<Received> wait_for(std::size_t count, int seconds = 20);
  std::vector<Received> received();
  void release();

 private:
  void serve();
  int listen_fd_ = -1;
  int port_ = 0;
  std::vector<int> statuses_;
  bool hang_first_;
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<Received> received_;
  bool released_ = false;
  std::thread thread_;
};

}  // namespace gz::test
