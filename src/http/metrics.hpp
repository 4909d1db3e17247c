// Request counts and latency histograms per route, lock-free on the hot path, rendered in
// Prometheus text format at GET /metrics.
#pragma once

#include <array>
#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace gz::http {

class Metrics {
 public:
  static constexpr std::array<double, 12> kBucketsSeconds = {
      0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0};

  // Call for every route (and "unmatched") before serving; returns its slot.
  std::size_t register_route(const std::string& name);
  std::size_t slot(const std::string& name) const;
  void record(std::size_t slot, int status, double seconds);
  std::string render_prometheus() const;

 private:
  struct Series {
    std::string name;
    std::array<std::atomic<std::uint64_t>, 5> by_status_class{};  // 1xx..5xx
    std::array<std::atomic<std::uint64_t>, kBucketsSeconds.size() + 1> buckets{};
    std::atomic<std::uint64_t> count{0};
    std::atomic<std::uint64_t> sum_microseconds{0};
  };
  std::vector<std::unique_ptr<Series>> series_;
  std::map<std::string, std::size_t> index_;
};

}  // namespace gz::http
