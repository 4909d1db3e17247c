#include "http/client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/url/parse.hpp>

#include "core/error.hpp"

namespace gz::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

constexpr std::size_t kKeptBody = 64 * 1024;

template <typename Stream>
OutboundResponse round_trip(Stream& stream, const bhttp::request<bhttp::string_body>& message) {
  bhttp::write(stream, message);
  beast::flat_buffer buffer;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(1024 * 1024);
  bhttp::read(stream, buffer, parser);
  auto& response = parser.get();
  OutboundResponse out;
  out.status = static_cast<int>(response.result_int());
  out.body = response.body().substr(0, kKeptBody);
  return out;
}

bool is_public(const asio::ip::address& address) {
  if (address.is_unspecified() || address.is_loopback() || address.is_multicast()) return false;
  if (address.is_v6()) {
    auto v6 = address.to_v6();
    if (v6.is_v4_mapped()) return is_public(asio::ip::make_address_v4(asio::ip::v4_mapped, v6));
    auto bytes = v6.to_bytes();
    if ((bytes[0] & 0xfe) == 0xfc) return false;                      // fc00::/7 unique local
    if (bytes[0] == 0xfe && (bytes[1] & 0xc0) == 0x80) return false;  // fe80::/10 link-local
    return true;
  }
  auto bytes = address.to_v4().to_bytes();
  if (bytes[0] == 10 || bytes[0] == 127 || bytes[0] == 0) return false;
  if (bytes[0] == 172 && (bytes[1] & 0xf0) == 16) return false;  // 172.16.0.0/12
  if (bytes[0] == 192 && bytes[1] == 168) return false;          // 192.168.0.0/16
  if (bytes[0] == 169 && bytes[1] == 254) return false;          // link-local, cloud metadata
  if (bytes[0] == 100 && (bytes[1] & 0xc0) == 64) return false;  // 100.64.0.0/10 shared
  return true;
}

}  // namespace

Result<OutboundResponse> post(const OutboundRequest& request, std::chrono::milliseconds timeout) {
  auto parsed = boost::urls::parse_absolute_uri(request.url);
  if (!parsed) return bad_request("invalid_url", "not an absolute URL: " + request.url);
  std::string scheme(parsed->scheme());
  if (scheme != "http" && scheme != "https") {
    return bad_request("invalid_url", "only http and https URLs are supported");
  }
  bool tls = scheme == "https";
  std::string host(parsed->host());
  std::string port = parsed->has_port() ? std::string(parsed->port()) : (tls ? "443" : "80");
  std::string target(parsed->encoded_target());
  if (target.empty()) target = "/";

  bhttp::request<bhttp::string_body> message{bhttp::verb::post, target, 11};
  message.set(bhttp::field::host, parsed->has_port() ? host + ":" + port : host);
  message.set(bhttp::field::user_agent, "gongzhi-notifications");
  message.set(bhttp::field::content_type, request.content_type);
  for (const auto& [name, value] : request.headers) message.set(name, value);
  message.body() = request.body;
  message.prepare_payload();

  try {
    asio::io_context io;
    tcp::resolver resolver(io);
    auto endpoints = resolver.resolve(host, port);
    if (request.public_only) {
      // Checked on the addresses connected to, so a name cannot resolve elsewhere later.
      for (const auto& entry : endpoints) {
        if (!is_public(entry.endpoint().address())) {
          return make_error(ErrorKind::forbidden, "destination_refused",
                            "POST " + host + ": " + entry.endpoint().address().to_string() +
                                " is not a public address");
        }
      }
    }
    if (!tls) {
      beast::tcp_stream stream(io);
      stream.expires_after(timeout);
      stream.connect(endpoints);
      auto out = round_trip(stream, message);
      beast::error_code ignored;
      stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
      return out;
    }
    asio::ssl::context context(asio::ssl::context::tls_client);
    context.set_default_verify_paths();
    context.set_verify_mode(asio::ssl::verify_peer);
    beast::ssl_stream<beast::tcp_stream> stream(io, context);
    if (!SSL_set_tlsext_host_name(stream.native_handle(), host.c_str())) {
      return make_error(ErrorKind::unavailable, "tls_failed", "cannot set the server name " + host);
    }
    stream.set_verify_callback(asio::ssl::host_name_verification(host));
    beast::get_lowest_layer(stream).expires_after(timeout);
    beast::get_lowest_layer(stream).connect(endpoints);
    stream.handshake(asio::ssl::stream_base::client);
    auto out = round_trip(stream, message);
    beast::error_code ignored;
    stream.shutdown(ignored);
    return out;
  } catch (const boost::system::system_error& error) {
    // "Connection refused", "Operation timed out": the reason, not the library's source line.
    return make_error(ErrorKind::unavailable, "send_failed",
                      "POST " + host + ":" + port + ": " + error.code().message());
  } catch (const std::exception& error) {
    return make_error(ErrorKind::unavailable, "send_failed",
                      std::string("POST ") + host + ": " + error.what());
  }
}

}  // namespace gz::http
