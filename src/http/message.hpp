// Plain request and response values that handlers see. No Beast types here: the server
// converts at the edge, so handlers and their tests compile fast and stay framework-free.
#pragma once

#include <boost/json/fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.hpp"

namespace gz::http {

using Fields = std::vector<std::pair<std::string, std::string>>;

struct Request {
  std::string method;  // "GET"
  std::string target;  // "/api/v1/households?page=2"
  std::string path;    // "/api/v1/households" (percent-decoded)
  Fields query;        // decoded query parameters, in order
  Fields headers;      // names lower-case
  std::string body;
  std::string remote_ip;  // the client's: behind a trusted proxy, from X-Forwarded-For
  std::string request_id;
  // Reached over HTTPS: a trusted proxy said so (X-Forwarded-Proto), since this server itself
  // speaks plain HTTP. Session cookies are then Secure.
  bool secure = false;

  std::optional<std::string> header(std::string_view name) const;  // name lower-case
  std::optional<std::string> query_param(std::string_view name) const;
  std::optional<std::string> cookie(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  Fields headers;
};

int http_status(ErrorKind kind);
Response json_response(int status, const boost::json::value& body);
Response error_response(const Error& error);
Response error_response(ErrorKind kind, std::string code, std::string message);

}  // namespace gz::http
