#include "modules/registry/csv.hpp"

#include <string>
#include <utility>

namespace gz::registry::csv {
namespace {

bool is_line_end(char c) {
  return c == '\r' || c == '\n';
}

// Consumes one line end (CRLF, LF or a lone CR, as old Mac spreadsheets write) at `position`.
void skip_line_end(std::string_view text, std::size_t& position) {
  if (text[position] == '\r' && position + 1 < text.size() && text[position + 1] == '\n') {
    position += 2;
  } else {
    ++position;
  }
}

Error malformed(std::size_t line, const std::string& problem) {
  Error error = bad_request("csv_malformed", "CSV line " + std::to_string(line) + ": " + problem);
  error.details_json = "{\"line\":" + std::to_string(line) + "}";
  return error;
}

// Reads the field at `position` up to (not including) the comma or line end that ends it.
// `line` advances over line ends inside a quoted field, so the next record's line is right.
Result<std::string> read_field(std::string_view text, std::size_t& position, std::size_t& line) {
  std::string field;
  if (position < text.size() && text[position] == '"') {
    const std::size_t opening_line = line;
    ++position;
    for (;;) {
      if (position >= text.size()) {
        return malformed(opening_line, "a quoted field opened on this line is never closed");
      }
      const char c = text[position];
      if (c == '"') {
        if (position + 1 < text.size() && text[position + 1] == '"') {
          field.push_back('"');
          position += 2;
          continue;
        }
        ++position;
        break;
      }
      if (is_line_end(c)) {
        // Kept byte for byte: a cell with a line break in it means what its author typed.
        const std::size_t start = position;
        skip_line_end(text, position);
        field.append(text.substr(start, position - start));
        ++line;
        continue;
      }
      field.push_back(c);
      ++position;
    }
    if (position < text.size() && text[position] != ',' && !is_line_end(text[position])) {
      return malformed(line,
                       "unexpected text after a closing quote (a quote inside a quoted field "
                       "must be doubled)");
    }
    return field;
  }
  const std::size_t start = position;
  while (position < text.size() && text[position] != ',' && !is_line_end(text[position])) {
    if (text[position] == '"') {
      return malformed(line,
                       "quote inside an unquoted field (quote the whole field and double the "
                       "quote)");
    }
    ++position;
  }
  field.assign(text.substr(start, position - start));
  return field;
}

// Spreadsheets run a cell starting with these as a formula ("=HYPERLINK(...)", "@SUM(...)"),
// and some also after a leading tab or CR.
bool starts_like_formula(std::string_view field) {
  if (field.empty()) return false;
  switch (field.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
      return true;
    default:
      return false;
  }
}

}  // namespace

Result<std::vector<Record>> parse(std::string_view text) {
  std::vector<Record> records;
  std::size_t position = 0;
  std::size_t line = 1;
  while (position < text.size()) {
    if (is_line_end(text[position])) {  // a blank line
      skip_line_end(text, position);
      ++line;
      continue;
    }
    Record record;
    record.line = line;
    for (;;) {
      Result<std::string> field = read_field(text, position, line);
      if (!field.ok()) return field.take_error();
      record.fields.push_back(std::move(field).value());
      if (position < text.size() && text[position] == ',') {
        ++position;
        continue;
      }
      break;
    }
    if (position < text.size()) {
      skip_line_end(text, position);
      ++line;
    }
    records.push_back(std::move(record));
  }
  return records;
}

// Follows OWASP's advice for CSV injection: prefix a ' and quote the field. The reader then
// sees the text as typed, with a visible leading ', rather than a running formula; this
// applies to negative numbers too ("-5" becomes "'-5"), the price of not guessing.
std::string escape_field(std::string_view field) {
  const bool formula = starts_like_formula(field);
  const bool needs_quotes = formula || field.find_first_of(",\"\r\n") != std::string_view::npos;
  if (!needs_quotes) return std::string(field);
  std::string escaped;
  escaped.reserve(field.size() + 4);
  escaped.push_back('"');
  if (formula) escaped.push_back('\'');
  for (char c : field) {
    if (c == '"') escaped.push_back('"');
    escaped.push_back(c);
  }
  escaped.push_back('"');
  return escaped;
}

std::string format_row(const std::vector<std::string>& fields) {
  // A row of one empty field is written "" so that it is not read back as a blank line.
  if (fields.size() == 1 && fields.front().empty()) return "\"\"\r\n";
  std::string row;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) row.push_back(',');
    row.append(escape_field(fields[i]));
  }
  row.append("\r\n");
  return row;
}

}  // namespace gz::registry::csv
