// A request budget per key (a client address, an API key): at most `limit` calls per window
// of `window_ms`, counted in this process (several servers behind one proxy each allow the
// budget; the point is to keep one client from flooding, not exact accounting). Used by the
// assistant's no-login routes and Open311's POST per key.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace gz {

class Throttle {
 public:
  Throttle(int limit, std::int64_t window_ms) : limit_(limit), window_ms_(window_ms) {}
  // True when the call may go ahead (and counts it).
  bool allow(const std::string& key, std::int64_t now_ms);

 private:
  struct Window {
    std::int64_t started_ms = 0;
    int calls = 0;
  };
  int limit_;
  std::int64_t window_ms_;
  std::mutex mutex_;
  std::map<std::string, Window> windows_;
};

}  // namespace gz
