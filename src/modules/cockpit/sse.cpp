// Server-Sent Events framing: see sse.hpp.
#include "modules/cockpit/sse.hpp"

namespace gz::cockpit {

std::string sse_retry(std::int64_t retry_ms) {
  return "retry: " + std::to_string(retry_ms) + "\n";
}

std::string sse_event(std::string_view name, std::string_view data) {
  std::string out = "event: ";
  out += name;
  out += "\n";
  std::size_t start = 0;
  while (true) {
    std::size_t end = data.find_first_of("\r\n", start);
    out += "data: ";
    out += data.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    out += "\n";
    if (end == std::string_view::npos) break;
    start = end + 1;
    if (data[end] == '\r' && start < data.size() && data[start] == '\n') ++start;
  }
  out += "\n";
  return out;
}

}  // namespace gz::cockpit
