// Error values shared by every layer. A module reports failure as an Error whose `kind`
// decides the HTTP status (one table, in http/errors.cpp) and whose `code` is the
// snake_case string clients see; `message` is for people.
#pragma once

#include <string>
#include <utility>

namespace gz {

enum class ErrorKind {
  bad_request,         // 400: malformed input (bad JSON, wrong types, missing fields)
  unauthorized,        // 401: no or expired login
  forbidden,           // 403: logged in, but the role may not do this
  not_found,           // 404: no such object, or one the actor may not know of
  method_not_allowed,  // 405
  conflict,            // 409: duplicates, state conflicts, idempotency mismatch
  payload_too_large,   // 413
  unprocessable,       // 422: well-formed but fails a domain rule (row errors in an import)
  too_many_requests,   // 429: throttled
  header_too_large,    // 431
  unavailable,         // 503: shutting down, database busy
  internal,            // 500: a bug or an infrastructure failure, never bad input
};

struct Error {
  ErrorKind kind = ErrorKind::internal;
  std::string code;          // snake_case, stable, documented
  std::string message;       // human readable
  std::string details_json;  // optional JSON text with structured details ("" = none)
};

inline Error make_error(ErrorKind kind, std::string code, std::string message) {
  return Error{kind, std::move(code), std::move(message), {}};
}
inline Error bad_request(std::string code, std::string message) {
  return make_error(ErrorKind::bad_request, std::move(code), std::move(message));
}
inline Error not_found(std::string message) {
  return make_error(ErrorKind::not_found, "not_found", std::move(message));
}
inline Error forbidden(std::string message) {
  return make_error(ErrorKind::forbidden, "forbidden", std::move(message));
}
inline Error conflict(std::string code, std::string message) {
  return make_error(ErrorKind::conflict, std::move(code), std::move(message));
}

}  // namespace gz
