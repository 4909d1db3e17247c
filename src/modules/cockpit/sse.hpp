// Server-Sent Events framing (the text/event-stream format of the HTML standard), pure and
// unit-tested. Our HTTP layer sends complete responses, so a cockpit stream is one
// `retry:` line and one event, after which the server ends the response; the browser's
// EventSource reconnects on its own after `retry` milliseconds and gets the next snapshot.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace gz::cockpit {

// "retry: <ms>\n" — how long the browser waits before reconnecting after the stream ends.
std::string sse_retry(std::int64_t retry_ms);

// "event: <name>\ndata: <line>\n…\n\n": every line of `data` becomes its own data: line (the
// browser joins them with "\n" again); "\r\n" and "\r" count as line ends too.
std::string sse_event(std::string_view name, std::string_view data);

}  // namespace gz::cockpit
