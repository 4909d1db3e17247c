// The access log: one line per request on standard error, written in batches. Lines gather in
// memory and a background thread writes them at most 100 ms later (sooner once 64 KiB have
// gathered), so a request does not cost a system call of its own. A kill -9 can lose the last
// tenth of a second of access lines, never data; errors are still written at once by their
// callers. Lines appear in the order they were added.
#pragma once

#include <string>
#include <string_view>

namespace gz::http::access_log {

// Adds one line (a '\n' is appended).
void add(std::string_view line);
// Writes whatever has gathered, now (also done at exit).
void flush();

}  // namespace gz::http::access_log
