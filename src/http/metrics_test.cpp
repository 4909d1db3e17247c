#include "http/metrics.hpp"

#include <gtest/gtest.h>

namespace gz::http {
namespace {

TEST(Metrics, CountsByStatusClassAndFillsCumulativeBuckets) {
  Metrics metrics;
  auto slot = metrics.register_route("GET /x");
  metrics.record(slot, 200, 0.0005);
  metrics.record(slot, 404, 0.02);
  metrics.record(slot, 200, 9.0);
  std::string text = metrics.render_prometheus();
  EXPECT_NE(text.find("gongzhi_http_requests_total{route=\"GET /x\",status=\"2xx\"} 2"),
            std::string::npos);
  EXPECT_NE(text.find("gongzhi_http_requests_total{route=\"GET /x\",status=\"4xx\"} 1"),
            std::string::npos);
  EXPECT_NE(text.find("le=\"0.001\"} 1\n"), std::string::npos);
  EXPECT_NE(text.find("le=\"0.025\"} 2\n"), std::string::npos);
  EXPECT_NE(text.find("le=\"5\"} 2\n"), std::string::npos);
  EXPECT_NE(text.find("le=\"+Inf\"} 3\n"), std::string::npos);
  EXPECT_NE(text.find("_count{route=\"GET /x\"} 3\n"), std::string::npos);
}

}  // namespace
}  // namespace gz::http
