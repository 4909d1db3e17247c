// The client address behind trusted proxies, and only behind them.
#include "http/forwarded.hpp"

#include <gtest/gtest.h>

namespace gz::http {
namespace {

std::vector<Network> trusted(std::initializer_list<const char*> cidrs) {
  std::vector<Network> out;
  for (const char* cidr : cidrs) out.push_back(*parse_network(cidr));
  return out;
}

TEST(Forwarded, networks_parse_and_contain_addresses_by_prefix) {
  auto loopback = parse_network("127.0.0.0/8");
  ASSERT_TRUE(loopback.has_value());
  EXPECT_TRUE(network_contains(*loopback, "127.0.0.1"));
  EXPECT_TRUE(network_contains(*loopback, "::ffff:127.9.9.9"));
  EXPECT_FALSE(network_contains(*loopback, "128.0.0.1"));
  EXPECT_FALSE(network_contains(*loopback, "::1"));
  auto host = parse_network("10.1.2.3");
  EXPECT_TRUE(network_contains(*host, "10.1.2.3"));
  EXPECT_FALSE(network_contains(*host, "10.1.2.4"));
  auto v6 = parse_network("fd00::/8");
  EXPECT_TRUE(network_contains(*v6, "fd12::1"));
  EXPECT_FALSE(network_contains(*v6, "fe80::1"));
  for (const char* bad : {"10.0.0.0/33", "10.0.0/8", "nonsense", "::/129", "1.2.3.4/x", ""}) {
    EXPECT_FALSE(parse_network(bad).has_value()) << bad;
  }
}

TEST(Forwarded, a_peer_that_is_no_trusted_proxy_is_the_client_whatever_it_claims) {
  EXPECT_EQ(client_address("203.0.113.9", "1.2.3.4", trusted({"10.0.0.0/8"})), "203.0.113.9");
  EXPECT_EQ(client_address("203.0.113.9", "1.2.3.4", {}), "203.0.113.9");
}

TEST(Forwarded, behind_trusted_proxies_the_client_is_the_right_most_untrusted_hop) {
  auto proxies = trusted({"10.0.0.0/8", "127.0.0.1"});
  // A client that writes its own X-Forwarded-For cannot choose its address.
  EXPECT_EQ(client_address("127.0.0.1", "6.6.6.6, 198.51.100.7", proxies), "198.51.100.7");
  EXPECT_EQ(client_address("127.0.0.1", "198.51.100.7, 10.0.0.5", proxies), "198.51.100.7");
  EXPECT_EQ(client_address("127.0.0.1", " 198.51.100.7 ", proxies), "198.51.100.7");
  EXPECT_EQ(client_address("127.0.0.1", "not-an-address", proxies), "127.0.0.1");
  EXPECT_EQ(client_address("127.0.0.1", std::nullopt, proxies), "127.0.0.1");
}

}  // namespace
}  // namespace gz::http
