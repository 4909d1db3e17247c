#include "core/text.hpp"

#include <iconv.h>

#include <cerrno>
#include <utility>

namespace gz::text {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
// glibc's name for the Chinese national standard; it decodes everything GBK/CP936 does
// and can encode every Unicode character, so UTF-8 -> GB18030 never loses text.
constexpr const char* kChineseCharset = "GB18030";

bool is_continuation(unsigned char byte) {
  return (byte & 0xC0) == 0x80;
}

// Converts with iconv, growing the output when iconv reports E2BIG. nullopt on invalid
// (EILSEQ) or truncated (EINVAL) input, or when glibc lacks the charset.
std::optional<std::string> convert(std::string_view input, const char* to, const char* from) {
  if (input.empty()) return std::string();
  iconv_t descriptor = iconv_open(to, from);
  // (iconv_t)-1 is iconv_open's documented failure value.
  if (descriptor == reinterpret_cast<iconv_t>(-1)) {  // NOLINT(performance-no-int-to-ptr)
    return std::nullopt;
  }

  // Sized for the input plus a little: exact for ASCII; Han text grows by half from GBK to
  // UTF-8 and "ß" doubles from UTF-8 to GB18030, which the E2BIG branch below handles.
  std::string output(input.size() + 16, '\0');
  char* in_pointer = const_cast<char*>(input.data());  // iconv's API is not const-correct
  std::size_t in_left = input.size();
  std::size_t written = 0;
  bool flushing = false;
  std::optional<std::string> result;
  for (;;) {
    char* out_pointer = output.data() + written;
    std::size_t out_left = output.size() - written;
    // After the input is consumed, one call with a null input writes any shift sequence a
    // stateful encoding needs; none of ours do, but it keeps the loop correct.
    const std::size_t status =
        flushing ? iconv(descriptor, nullptr, nullptr, &out_pointer, &out_left)
                 : iconv(descriptor, &in_pointer, &in_left, &out_pointer, &out_left);
    written = output.size() - out_left;
    if (status != static_cast<std::size_t>(-1)) {
      if (flushing) {
        output.resize(written);
        result = std::move(output);
        break;
      }
      flushing = true;
      continue;
    }
    if (errno == E2BIG) {
      output.resize(output.size() * 2);
      continue;
    }
    break;  // EILSEQ: invalid sequence; EINVAL: input ends inside a sequence
  }
  iconv_close(descriptor);
  return result;
}

}  // namespace

// Follows the Unicode well-formed byte sequence table (Unicode 15, table 3-7): the ranges
// for the second byte exclude overlong forms (E0, F0), surrogates (ED) and code points above
// U+10FFFF (F4); C0, C1 and F5..FF never appear.
bool is_valid_utf8(std::string_view bytes) {
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t size = bytes.size();
  std::size_t i = 0;
  while (i < size) {
    const unsigned char lead = data[i];
    if (lead < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    unsigned char second_min = 0x80;
    unsigned char second_max = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) second_min = 0xA0;
      if (lead == 0xED) second_max = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) second_min = 0x90;
      if (lead == 0xF4) second_max = 0x8F;
    } else {
      return false;
    }
    if (size - i < length) return false;
    if (data[i + 1] < second_min || data[i + 1] > second_max) return false;
    for (std::size_t k = 2; k < length; ++k) {
      if (!is_continuation(data[i + k])) return false;
    }
    i += length;
  }
  return true;
}

std::string_view strip_utf8_bom(std::string_view bytes) {
  if (bytes.starts_with(kUtf8Bom)) bytes.remove_prefix(kUtf8Bom.size());
  return bytes;
}

// Strict validation is what keeps GBK from passing as UTF-8: GBK's lead bytes 0x81-0xFE are
// followed by trail bytes 0x40-0xFE, and typical Han text soon has a pair that is no valid
// UTF-8 sequence (the classic "联通" C1 AA CD A8 starts with an overlong lead).
Encoding detect_encoding(std::string_view bytes) {
  if (bytes.starts_with(kUtf8Bom)) return Encoding::utf8_bom;
  if (is_valid_utf8(bytes)) return Encoding::utf8;
  return Encoding::gbk;
}

std::optional<std::string> gbk_to_utf8(std::string_view bytes) {
  return convert(bytes, "UTF-8", kChineseCharset);
}

// Validated first so the result does not depend on how lenient glibc's UTF-8 decoder is.
std::optional<std::string> utf8_to_gbk(std::string_view utf8) {
  if (!is_valid_utf8(utf8)) return std::nullopt;
  return convert(utf8, kChineseCharset, "UTF-8");
}

std::optional<std::string> to_utf8(std::string_view bytes) {
  switch (detect_encoding(bytes)) {
    case Encoding::utf8:
      return std::string(bytes);
    case Encoding::utf8_bom: {
      // A BOM followed by invalid bytes is a damaged file, not GBK: refuse it.
      const std::string_view body = strip_utf8_bom(bytes);
      if (!is_valid_utf8(body)) return std::nullopt;
      return std::string(body);
    }
    case Encoding::gbk:
      return gbk_to_utf8(bytes);
  }
  return std::nullopt;
}

namespace {

// Length of the whitespace sequence at the start of `text`, 0 when there is none.
std::size_t leading_space_length(std::string_view text) {
  if (text.empty()) return 0;
  switch (text.front()) {
    case ' ':
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
      return 1;
    default:
      break;
  }
  if (text.starts_with("\xC2\xA0")) return 2;      // U+00A0 NO-BREAK SPACE
  if (text.starts_with("\xE3\x80\x80")) return 3;  // U+3000 IDEOGRAPHIC SPACE
  return 0;
}

std::size_t trailing_space_length(std::string_view text) {
  if (text.empty()) return 0;
  switch (text.back()) {
    case ' ':
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
      return 1;
    default:
      break;
  }
  if (text.ends_with("\xC2\xA0")) return 2;
  if (text.ends_with("\xE3\x80\x80")) return 3;
  return 0;
}

}  // namespace

// Excel and Chinese input methods leave full-width and no-break spaces around cells, which
// look blank to staff but would make "张三　" a different name from "张三".
std::string trim(std::string_view text) {
  while (std::size_t length = leading_space_length(text)) text.remove_prefix(length);
  while (std::size_t length = trailing_space_length(text)) text.remove_suffix(length);
  return std::string(text);
}

std::string to_lower_ascii(std::string_view text) {
  std::string lowered(text);
  for (char& c : lowered) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lowered;
}

bool natural_less(std::string_view a, std::string_view b) {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (digit(a[i]) && digit(b[j])) {
      std::size_t i_end = i, j_end = j;
      while (i_end < a.size() && digit(a[i_end])) ++i_end;
      while (j_end < b.size() && digit(b[j_end])) ++j_end;
      // Compare the runs by value: strip leading zeros, then the longer run is larger.
      std::size_t i_start = i, j_start = j;
      while (i_start + 1 < i_end && a[i_start] == '0') ++i_start;
      while (j_start + 1 < j_end && b[j_start] == '0') ++j_start;
      std::string_view x = a.substr(i_start, i_end - i_start);
      std::string_view y = b.substr(j_start, j_end - j_start);
      if (x.size() != y.size()) return x.size() < y.size();
      if (x != y) return x < y;
      i = i_end;
      j = j_end;
      continue;
    }
    if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
    ++i;
    ++j;
  }
  return a.size() - i < b.size() - j;
}

std::size_t utf8_length(std::string_view text) {
  std::size_t count = 0;
  for (unsigned char c : text) count += (c & 0xC0) != 0x80;
  return count;
}

std::string escape_markup(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

Result<void> require_text(const std::string& text, const char* field, std::size_t max_bytes) {
  if (text.empty() || text.size() > max_bytes) {
    return bad_request("invalid_field",
                       std::string(field) + " must be 1-" + std::to_string(max_bytes) + " bytes");
  }
  return {};
}

}  // namespace gz::text
