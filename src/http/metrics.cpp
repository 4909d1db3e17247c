#include "http/metrics.hpp"

#include <cstdio>

namespace gz::http {
namespace {

std::string escape_label(const std::string& value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out;
}

}  // namespace

std::size_t Metrics::register_route(const std::string& name) {
  auto found = index_.find(name);
  if (found != index_.end()) return found->second;
  auto series = std::make_unique<Series>();
  series->name = name;
  series_.push_back(std::move(series));
  index_[name] = series_.size() - 1;
  return series_.size() - 1;
}

std::size_t Metrics::slot(const std::string& name) const {
  return index_.at(name);
}

void Metrics::record(std::size_t slot, int status, double seconds) {
  Series& series = *series_[slot];
  int status_class = status / 100 - 1;
  if (status_class >= 0 && status_class < 5) {
    series.by_status_class[status_class].fetch_add(1, std::memory_order_relaxed);
  }
  std::size_t bucket = 0;
  while (bucket < kBucketsSeconds.size() && seconds > kBucketsSeconds[bucket]) ++bucket;
  series.buckets[bucket].fetch_add(1, std::memory_order_relaxed);
  series.count.fetch_add(1, std::memory_order_relaxed);
  series.sum_microseconds.fetch_add(static_cast<std::uint64_t>(seconds * 1e6),
                                    std::memory_order_relaxed);
}

std::string Metrics::render_prometheus() const {
  std::string out;
  out += "# HELP gongzhi_http_requests_total HTTP requests served, by route and status class.\n";
  out += "# TYPE gongzhi_http_requests_total counter\n";
  for (const auto& series : series_) {
    for (int i = 0; i < 5; ++i) {
      auto value = series->by_status_class[i].load(std::memory_order_relaxed);
      if (value == 0) continue;
      out += "gongzhi_http_requests_total{route=\"" + escape_label(series->name) + "\",status=\"" +
             std::to_string(i + 1) + "xx\"} " + std::to_string(value) + "\n";
    }
  }
  out += "# HELP gongzhi_http_request_duration_seconds Time from request read to response ready.\n";
  out += "# TYPE gongzhi_http_request_duration_seconds histogram\n";
  char number[32];
  for (const auto& series : series_) {
    std::uint64_t count = series->count.load(std::memory_order_relaxed);
    if (count == 0) continue;
    std::string label = "route=\"" + escape_label(series->name) + "\"";
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < kBucketsSeconds.size(); ++i) {
      cumulative += series->buckets[i].load(std::memory_order_relaxed);
      std::snprintf(number, sizeof number, "%g", kBucketsSeconds[i]);
      out += "gongzhi_http_request_duration_seconds_bucket{" + label + ",le=\"" + number + "\"} " +
             std::to_string(cumulative) + "\n";
    }
    cumulative += series->buckets.back().load(std::memory_order_relaxed);
    out += "gongzhi_http_request_duration_seconds_bucket{" + label + ",le=\"+Inf\"} " +
           std::to_string(cumulative) + "\n";
    std::snprintf(
        number, sizeof number, "%.6f",
        static_cast<double>(series->sum_microseconds.load(std::memory_order_relaxed)) / 1e6);
    out += "gongzhi_http_request_duration_seconds_sum{" + label + "} " + number + "\n";
    out += "gongzhi_http_request_duration_seconds_count{" + label + "} " +
           std::to_string(cumulative) + "\n";
  }
  return out;
}

}  // namespace gz::http
