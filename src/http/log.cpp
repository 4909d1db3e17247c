#include "http/log.hpp"

#include <unistd.h>

#include <atomic>
#include <boost/json.hpp>
#include <cstdio>

#include "core/clock.hpp"
#include "http/access_log.hpp"

namespace gz::log {
namespace {

std::atomic<Format> chosen{Format::text};

const char* level_name(Level level) {
  switch (level) {
    case Level::info:
      return "info";
    case Level::warn:
      return "warn";
    case Level::error:
      return "error";
  }
  return "info";
}

}  // namespace

Field::Field(std::string_view key, double number) : key(key), number(true) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", number);
  text = buffer;
}

void set_format(Format format) {
  chosen.store(format);
}
Format format() {
  return chosen.load();
}

std::string escape_text(std::string_view text) {
  bool bare = !text.empty();
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7f || c == '"' || c == '=' || c == '\\') bare = false;
  }
  if (bare) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (byte < 0x20 || byte == 0x7f) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04X", byte);
      out += escaped;
    } else {
      out += c;
    }
  }
  out += '"';
  return out;
}

std::string line(Level level, std::string_view event, std::initializer_list<Field> fields) {
  std::string time = now_iso8601();
  if (chosen.load() == Format::json) {
    // Keys come from code; values through the serializer (numbers as written: "ms":0.02).
    std::string out = "{\"time\":\"" + time + "\",\"level\":\"" + level_name(level) +
                      "\",\"event\":" + boost::json::serialize(boost::json::string(event));
    for (const auto& field : fields) {
      out += ",\"";
      out += field.key;
      out += "\":";
      out += field.number ? field.text : boost::json::serialize(boost::json::string(field.text));
    }
    out += '}';
    return out;
  }
  std::string out = time;
  out += " level=";
  out += level_name(level);
  out += " event=";
  out += escape_text(event);
  for (const auto& field : fields) {
    out += ' ';
    out += field.key;
    out += '=';
    out += field.number ? field.text : escape_text(field.text);
  }
  return out;
}

void write(Level level, std::string_view event, std::initializer_list<Field> fields) {
  http::access_log::flush();
  std::string text = line(level, event, fields) + "\n";
  std::size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(STDERR_FILENO, text.data() + done, text.size() - done);
    if (n <= 0) return;
    done += static_cast<std::size_t>(n);
  }
}

}  // namespace gz::log
