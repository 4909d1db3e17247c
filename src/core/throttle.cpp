// Fixed-window counting per address; see throttle.hpp.
#include "core/throttle.hpp"

namespace gz {

bool Throttle::allow(const std::string& key, std::int64_t now_ms) {
  std::lock_guard lock(mutex_);
  if (windows_.size() > 10000) {  // forget finished windows so memory stays bounded
    for (auto it = windows_.begin(); it != windows_.end();) {
      it = now_ms - it->second.started_ms >= window_ms_ ? windows_.erase(it) : std::next(it);
    }
  }
  auto& window = windows_[key];
  if (now_ms - window.started_ms >= window_ms_) window = {now_ms, 0};
  if (window.calls >= limit_) return false;
  ++window.calls;
  return true;
}

}  // namespace gz
