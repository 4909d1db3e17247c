// Who the client is behind a reverse proxy. The socket's peer is the client unless it is one
// of the proxies the deployment trusts (serve --trusted-proxy CIDR); then the client is the
// right-most address in X-Forwarded-For that is not itself a trusted proxy (each proxy appends
// the address it saw, so anything left of that may have been written by the client itself).
// Addresses are compared as bytes: IPv4 and IPv6, an IPv4-mapped IPv6 peer as its IPv4.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gz::http {

struct Network {
  std::array<std::uint8_t, 16> bytes{};  // IPv4 in the first 4
  bool v4 = true;
  int prefix_bits = 32;
};

// "10.0.0.0/8", "192.168.1.10" (a single host), "fd00::/8"; nullopt when malformed.
std::optional<Network> parse_network(std::string_view text);
bool network_contains(const Network& network, std::string_view address);

std::string client_address(const std::string& peer, std::optional<std::string_view> forwarded_for,
                           const std::vector<Network>& trusted);

// The address the public reaches this server at, for links printed on paper (a notice's QR
// code): serve --public-url https://gongzhi.example.org, set once at start. Without it, links
// are built from the request's Host (a plain host name or address only), which a client can
// choose: deployments set it.
void set_public_url(std::string url);
// "https://gongzhi.example.org" (no trailing slash), or "http://<Host>" when not set.
std::string public_base_url(std::optional<std::string_view> host_header, bool https);

}  // namespace gz::http
