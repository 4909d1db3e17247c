// CSV as staff's spreadsheets write it (RFC 4180: quoted fields, doubled quotes, CRLF or LF,
// newlines inside quotes). Pure functions over UTF-8 text; encoding is handled by
// core/text before parsing.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace gz::registry::csv {

struct Record {
  std::size_t line = 0;  // 1-based physical line where the record starts (for error reports)
  std::vector<std::string> fields;
};

// Parses the whole text. Fails (bad_request, code "csv_malformed") on an unterminated quote
// or a stray quote inside an unquoted field, naming the line. Blank lines are skipped.
Result<std::vector<Record>> parse(std::string_view text);

// Quotes a field when it holds a comma, quote, CR or LF, or starts with a character a
// spreadsheet would treat as a formula (= + - @ tab CR), which is prefixed with a ' to stop
// CSV injection.
std::string escape_field(std::string_view field);
std::string format_row(const std::vector<std::string>& fields);  // ends with "\r\n"

}  // namespace gz::registry::csv
