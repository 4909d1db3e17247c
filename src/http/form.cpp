#include "http/form.hpp"

#include "core/text.hpp"

namespace gz::http {
namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

Result<std::string> form_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out += ' ';
    } else if (text[i] == '%') {
      int high = i + 2 < text.size() ? hex_digit(text[i + 1]) : -1;
      int low = i + 2 < text.size() ? hex_digit(text[i + 2]) : -1;
      if (high < 0 || low < 0) {
        return bad_request("invalid_form", "malformed %-escape in the form body");
      }
      out += static_cast<char>(high * 16 + low);
      i += 2;
    } else {
      out += text[i];
    }
  }
  if (!text::is_valid_utf8(out)) return bad_request("invalid_form", "form fields must be UTF-8");
  return out;
}

Result<Form> parse_form(std::string_view body) {
  while (!body.empty() && (body.back() == '\n' || body.back() == '\r')) body.remove_suffix(1);
  Form form;
  std::size_t start = 0;
  while (start < body.size()) {
    std::size_t end = body.find('&', start);
    if (end == std::string_view::npos) end = body.size();
    std::string_view pair = body.substr(start, end - start);
    if (!pair.empty()) {
      std::size_t equals = pair.find('=');
      auto name = form_decode(pair.substr(0, equals));
      if (!name) return name.error();
      auto value = form_decode(equals == std::string_view::npos ? std::string_view()
                                                                : pair.substr(equals + 1));
      if (!value) return value.error();
      form.emplace_back(std::move(*name), std::move(*value));
    }
    start = end + 1;
  }
  return form;
}

}  // namespace gz::http
