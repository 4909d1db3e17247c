// An outbound HTTP(S) POST for notifications: WeCom and DingTalk robots, integrators' webhooks
// and SMS gateways. One request per call, a deadline for the whole exchange, TLS with the
// system's trust store and host-name verification. Kept to one translation unit (Beast, Asio,
// OpenSSL) so the modules that send never include them.
#pragma once

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace gz::http {

struct OutboundRequest {
  std::string url;  // http:// or https://
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string content_type = "application/json";
  // Refuse (403 destination_refused) when the host resolves to a loopback, private, link-local
  // or unspecified address: a URL someone typed must not reach into the server's own network.
  bool public_only = false;
};

struct OutboundResponse {
  int status = 0;
  std::string body;  // at most 64 KiB are kept
};

// A network failure, a timeout or a malformed URL is an error (unavailable / bad_request);
// any HTTP status is a response.
Result<OutboundResponse> post(const OutboundRequest& request,
                              std::chrono::milliseconds timeout = std::chrono::seconds(10));

}  // namespace gz::http
