#include "app/replica.hpp"

#include <cstdio>

#include "http/log.hpp"

namespace gz::app {

std::optional<std::uint64_t> parse_lsn(const std::string& text) {
  auto slash = text.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 >= text.size()) return std::nullopt;
  try {
    std::size_t used_high = 0, used_low = 0;
    std::uint64_t high = std::stoull(text.substr(0, slash), &used_high, 16);
    std::uint64_t low = std::stoull(text.substr(slash + 1), &used_low, 16);
    if (used_high != slash || used_low != text.size() - slash - 1) return std::nullopt;
    if (high > 0xFFFFFFFFull || low > 0xFFFFFFFFull) return std::nullopt;
    return (high << 32) | low;
  } catch (...) {
    return std::nullopt;
  }
}

ReplicaMonitor::ReplicaMonitor(storage::Database& primary, storage::Database& replica,
                               std::chrono::milliseconds max_lag)
    : primary_(primary), replica_(replica), max_lag_(max_lag) {
  check();  // the first answer before the server takes requests
  thread_ = std::jthread([this](std::stop_token stop) { loop(stop); });
}

ReplicaMonitor::~ReplicaMonitor() {
  thread_.request_stop();
  if (thread_.joinable()) thread_.join();
}

void ReplicaMonitor::loop(std::stop_token stop) {
  while (!stop.stop_requested()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
    check();
  }
}

void ReplicaMonitor::check() {
  auto now = std::chrono::steady_clock::now();
  bool was_usable = usable_.load();
  // The primary's position now (unknown while it is unreachable).
  std::optional<std::uint64_t> primary_lsn;
  try {
    if (!primary_connection_) primary_connection_ = primary_.connect();
    auto row = primary_connection_->query_one("SELECT pg_current_wal_lsn()::text");
    if (row) primary_lsn = parse_lsn(row->text(0));
  } catch (const std::exception&) {
    primary_connection_.reset();
  }
  if (primary_lsn) {
    samples_.push_back({now, *primary_lsn});
    while (!samples_.empty() && now - samples_.front().at > std::chrono::minutes(1)) {
      samples_.pop_front();
    }
  }
  bool usable = false;
  std::int64_t lag = -1;
  try {
    if (!replica_connection_) replica_connection_ = replica_.connect();
    auto row = replica_connection_->query_one(
        "SELECT pg_is_in_recovery()::text, COALESCE(pg_last_wal_replay_lsn()::text, '')");
    if (row) {
      bool standby = row->text(0) == "true";
      auto replayed = parse_lsn(row->text(1));
      if (!standby || !primary_lsn) {
        // Promoted (it is the primary now), or the primary cannot be asked: current as far as
        // anyone can tell.
        lag = 0;
      } else if (replayed) {
        // The newest sample of the primary the replica has replayed up to.
        lag =
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::minutes(1)).count();
        for (auto sample = samples_.rbegin(); sample != samples_.rend(); ++sample) {
          if (sample->lsn <= *replayed) {
            lag = std::chrono::duration_cast<std::chrono::milliseconds>(now - sample->at).count();
            break;
          }
        }
      }
      usable = lag >= 0 && std::chrono::milliseconds(lag) <= max_lag_;
    }
  } catch (const std::exception&) {
    replica_connection_.reset();
  }
  lag_ms_.store(lag);
  usable_.store(usable);
  if (usable != was_usable) {
    log::write(usable ? log::Level::info : log::Level::warn,
               usable ? "replica_usable" : "replica_unusable",
               {{"lag_ms", static_cast<long long>(lag)}});
  }
}

std::string ReplicaMonitor::metrics_text() const {
  char lag[32];
  std::snprintf(lag, sizeof lag, "%.3f", static_cast<double>(lag_ms_.load()) / 1000.0);
  return std::string(
             "# HELP gongzhi_replica_usable Whether public reads go to the streaming replica.\n"
             "# TYPE gongzhi_replica_usable gauge\n"
             "gongzhi_replica_usable ") +
         (usable_.load() ? "1" : "0") +
         "\n# HELP gongzhi_replica_lag_seconds How far the replica is behind the primary (-0.001 "
         "when unreachable).\n# TYPE gongzhi_replica_lag_seconds gauge\n"
         "gongzhi_replica_lag_seconds " +
         lag + "\n";
}

}  // namespace gz::app
