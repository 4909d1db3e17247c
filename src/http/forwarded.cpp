#include "http/forwarded.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <charconv>

namespace gz::http {
namespace {

// The address's bytes (v4 in the first four); nullopt when it is not an address.
std::optional<Network> parse_address(std::string_view text) {
  std::string address(text);
  Network out;
  if (inet_pton(AF_INET, address.c_str(), out.bytes.data()) == 1) return out;
  out.v4 = false;
  out.prefix_bits = 128;
  if (inet_pton(AF_INET6, address.c_str(), out.bytes.data()) != 1) return std::nullopt;
  // ::ffff:a.b.c.d is the IPv4 address a.b.c.d.
  static constexpr std::uint8_t kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (std::equal(kMapped, kMapped + 12, out.bytes.begin())) {
    std::array<std::uint8_t, 16> v4{};
    std::copy(out.bytes.begin() + 12, out.bytes.end(), v4.begin());
    out.bytes = v4;
    out.v4 = true;
    out.prefix_bits = 32;
  }
  return out;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

std::optional<Network> parse_network(std::string_view text) {
  auto slash = text.find('/');
  auto network = parse_address(text.substr(0, slash));
  if (!network) return std::nullopt;
  if (slash == std::string_view::npos) return network;
  std::string_view bits = text.substr(slash + 1);
  int prefix = -1;
  auto [end, error] = std::from_chars(bits.data(), bits.data() + bits.size(), prefix);
  if (error != std::errc() || end != bits.data() + bits.size() || prefix < 0 ||
      prefix > (network->v4 ? 32 : 128)) {
    return std::nullopt;
  }
  network->prefix_bits = prefix;
  return network;
}

bool network_contains(const Network& network, std::string_view text) {
  auto address = parse_address(text);
  if (!address || address->v4 != network.v4) return false;
  int bits = network.prefix_bits;
  for (std::size_t i = 0; bits > 0; ++i, bits -= 8) {
    std::uint8_t mask = bits >= 8 ? 0xff : static_cast<std::uint8_t>(0xff << (8 - bits));
    if ((address->bytes[i] & mask) != (network.bytes[i] & mask)) return false;
  }
  return true;
}

std::string client_address(const std::string& peer, std::optional<std::string_view> forwarded_for,
                           const std::vector<Network>& trusted) {
  auto is_trusted = [&](std::string_view address) {
    for (const auto& network : trusted) {
      if (network_contains(network, address)) return true;
    }
    return false;
  };
  if (!forwarded_for || !is_trusted(peer)) return peer;
  std::string_view list = *forwarded_for;
  std::string client = peer;
  // From the right: each trusted hop vouches for the address to its left.
  while (!list.empty()) {
    auto comma = list.rfind(',');
    std::string_view hop = trim(comma == std::string_view::npos ? list : list.substr(comma + 1));
    list = comma == std::string_view::npos ? std::string_view{} : list.substr(0, comma);
    if (!parse_address(hop)) break;  // garbage: trust nothing further left
    client = std::string(hop);
    if (!is_trusted(hop)) break;
  }
  return client;
}

namespace {
std::string& configured_public_url() {
  static std::string url;
  return url;
}

// Letters, digits, '-', '.', ':' and brackets only: a host[:port], never markup or a path.
bool plain_host(std::string_view host) {
  if (host.empty() || host.size() > 255) return false;
  for (char c : host) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '.' || c == ':' || c == '[' || c == ']';
    if (!ok) return false;
  }
  return true;
}
}  // namespace

void set_public_url(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  configured_public_url() = std::move(url);
}

std::string public_base_url(std::optional<std::string_view> host_header, bool https) {
  if (!configured_public_url().empty()) return configured_public_url();
  std::string_view host = host_header.value_or("");
  return std::string(https ? "https" : "http") + "://" +
         (plain_host(host) ? std::string(host) : std::string("localhost"));
}

}  // namespace gz::http
