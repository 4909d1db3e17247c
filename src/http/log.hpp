// The server's log lines on standard error, in one of two formats chosen at start-up
// (serve --log-format text|json):
//   text  2026-12-07T10:00:00.123+08:00 level=info event=request request_id=… status=200 …
//   json  {"time":"2026-12-07T10:00:00.123+08:00","level":"info","event":"request",…}
// Every value is made safe: in text (logfmt), a value with a space, '=', a quote or a control
// character is quoted with \" \\ \n \r \t \u00XX escapes, so a client's decoded path cannot
// end a line or forge fields; in JSON, the serializer escapes.
// Requests go through the batched access log (http/access_log.hpp); everything else (errors,
// jobs, start and stop) is written at once, after the access lines gathered before it.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace gz::log {

enum class Level { info, warn, error };
enum class Format { text, json };

void set_format(Format format);
Format format();

// One field of a line: text or a number.
struct Field {
  Field(std::string_view key, std::string_view text) : key(key), text(text) {}
  Field(std::string_view key, const std::string& text) : key(key), text(text) {}
  Field(std::string_view key, const char* text) : key(key), text(text) {}
  Field(std::string_view key, long long number)
      : key(key), text(std::to_string(number)), number(true) {}
  Field(std::string_view key, long number) : Field(key, static_cast<long long>(number)) {}
  Field(std::string_view key, int number) : Field(key, static_cast<long long>(number)) {}
  Field(std::string_view key, double number);
  std::string_view key;
  std::string text;
  bool number = false;
};

// The line (without its '\n') in the chosen format.
std::string line(Level level, std::string_view event, std::initializer_list<Field> fields);

// Writes a line now, after whatever the access log has gathered.
void write(Level level, std::string_view event, std::initializer_list<Field> fields);

// A text-format (logfmt) value: bare when it can be, else quoted and escaped.
std::string escape_text(std::string_view text);

}  // namespace gz::log
