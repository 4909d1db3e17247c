// What requests and answers look like, written down while the API tests run, so the OpenAPI
// document can describe every operation from what the code really reads and answers
// (tools/openapi/build.mjs) and a later run can check it still does (tools/openapi/check.mjs).
//
// With GONGZHI_SCHEMA_TRACE=DIR in a server's environment, each request's handler records the
// body fields it reads through JsonReader (type, required, bounds), the query and path
// parameters it reads, and the server appends one JSON line per request to
// DIR/trace-PID.jsonl: the route, the status, those facts, and the request body (of a success)
// and response body when they are JSON — at most 40 lines per route and status per process.
// Without the variable nothing is recorded (a thread-local null check per read).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gz::http {
struct Request;
struct Response;
}  // namespace gz::http

namespace gz::http::schema_trace {

struct Read {
  std::string in;    // "body", "query", "path"
  std::string name;  // the field or parameter
  std::string type;  // "string", "integer", "boolean", "string_array"
  bool required = false;
  std::optional<std::int64_t> minimum, maximum, max_length, max_items;
  bool closed = false;  // body: JsonReader::only listed the fields (no others allowed)
  // The JSON object read from: reads from one that is not the body itself (an item of a list
  // in the body) are written as "nested".
  const void* object = nullptr;
};

// Whether this process traces (GONGZHI_SCHEMA_TRACE set at start).
bool enabled();

// Records a read into the request being traced on this thread, if any.
void read(Read fact);
// JsonReader::only: the body takes these fields and no others.
void closed_body(const std::vector<std::string>& names, const void* object);

// Traces the request handled on this thread from construction to destruction.
class Scope {
 public:
  Scope();
  ~Scope();
  Scope(const Scope&) = delete;
  Scope& operator=(const Scope&) = delete;
  const std::vector<Read>& reads() const { return reads_; }
  std::vector<Read> reads_;

 private:
  Scope* previous_;
};

// Appends the request's line (see above).
void write(const Request& request, const std::string& route, const Response& response,
           const Scope& scope);

}  // namespace gz::http::schema_trace
