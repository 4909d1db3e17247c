#include "http/message.hpp"

#include "http/schema_trace.hpp"

#include <boost/json.hpp>

namespace gz::http {

std::optional<std::string> Request::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (key == name) return value;
  }
  return std::nullopt;
}

std::optional<std::string> Request::query_param(std::string_view name) const {
  if (schema_trace::enabled()) schema_trace::read({"query", std::string(name), "string"});
  for (const auto& [key, value] : query) {
    if (key == name) return value;
  }
  return std::nullopt;
}

std::optional<std::string> Request::cookie(std::string_view name) const {
  auto header_value = header("cookie");
  if (!header_value) return std::nullopt;
  std::string_view rest = *header_value;
  while (!rest.empty()) {
    std::size_t end = rest.find(';');
    std::string_view pair = rest.substr(0, end);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    std::size_t equals = pair.find('=');
    if (equals != std::string_view::npos && pair.substr(0, equals) == name) {
      return std::string(pair.substr(equals + 1));
    }
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
  return std::nullopt;
}

// The one table from error kinds to HTTP statuses.
int http_status(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::bad_request:
      return 400;
    case ErrorKind::unauthorized:
      return 401;
    case ErrorKind::forbidden:
      return 403;
    case ErrorKind::not_found:
      return 404;
    case ErrorKind::method_not_allowed:
      return 405;
    case ErrorKind::conflict:
      return 409;
    case ErrorKind::payload_too_large:
      return 413;
    case ErrorKind::unprocessable:
      return 422;
    case ErrorKind::too_many_requests:
      return 429;
    case ErrorKind::header_too_large:
      return 431;
    case ErrorKind::unavailable:
      return 503;
    case ErrorKind::internal:
      return 500;
  }
  return 500;
}

Response json_response(int status, const boost::json::value& body) {
  Response response;
  response.status = status;
  response.body = boost::json::serialize(body);
  return response;
}

Response error_response(const Error& error) {
  boost::json::object inner{{"code", error.code}, {"message", error.message}};
  if (!error.details_json.empty()) {
    boost::system::error_code ec;
    auto details = boost::json::parse(error.details_json, ec);
    if (!ec) inner["details"] = std::move(details);
  }
  return json_response(http_status(error.kind), boost::json::object{{"error", std::move(inner)}});
}

Response error_response(ErrorKind kind, std::string code, std::string message) {
  return error_response(make_error(kind, std::move(code), std::move(message)));
}

}  // namespace gz::http
