#include "core/pii.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "core/clock.hpp"

namespace gz::pii {
namespace {

constexpr std::size_t kIdNumberLength = 18;
constexpr std::size_t kOldIdNumberLength = 15;  // first-generation cards, still in old files
constexpr std::size_t kMobileLength = 11;

// ISO 7064 MOD 11-2 as GB 11643-1999 states it: weight i is 2^(17-i) mod 11, and the
// remainder of the weighted sum indexes the check characters.
constexpr int kIdWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr char kIdCheckCharacters[] = "10X98765432";

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool is_all_digits(std::string_view text) {
  for (char c : text) {
    if (!is_digit(c)) return false;
  }
  return true;
}

bool is_trimmed_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::string_view trim_spaces(std::string_view text) {
  while (!text.empty() && is_trimmed_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_trimmed_space(text.back())) text.remove_suffix(1);
  return text;
}

// Today's calendar date in Shanghai, as days since the epoch: a baby born this morning in
// Beijing has a valid ID even while it is still yesterday in UTC.
std::int64_t today_days_shanghai() {
  const std::int64_t local_ms = now_epoch_ms() + std::int64_t{kShanghaiOffsetSeconds} * 1000;
  constexpr std::int64_t kMsPerDay = 86400000;
  return local_ms >= 0 ? local_ms / kMsPerDay : (local_ms - kMsPerDay + 1) / kMsPerDay;
}

// "YYYY-MM-DD" from positions 7-14, without judging whether it is a real date.
std::string birth_date_text(std::string_view id_number) {
  std::string date;
  date.reserve(10);
  date.append(id_number.substr(6, 4)).append("-");
  date.append(id_number.substr(10, 2)).append("-");
  date.append(id_number.substr(12, 2));
  return date;
}

bool is_acceptable_birth_date(std::string_view id_number) {
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
  if (!parse_date(birth_date_text(id_number), year, month, day)) return false;
  if (year < 1900) return false;
  return days_from_civil(year, month, day) <= today_days_shanghai();
}

// Splits UTF-8 text into characters (a lead byte and its continuation bytes) so a mask never
// cuts a multi-byte character in half, even for input that was not an ID or a number at all.
std::vector<std::string_view> split_characters(std::string_view text) {
  std::vector<std::string_view> characters;
  std::size_t start = 0;
  for (std::size_t i = 1; i <= text.size(); ++i) {
    const bool boundary = i == text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    if (boundary) {
      characters.push_back(text.substr(start, i - start));
      start = i;
    }
  }
  return characters;
}

std::string join_masked(const std::vector<std::string_view>& characters, std::size_t keep_first,
                        std::size_t keep_last) {
  std::string masked;
  for (std::size_t i = 0; i < characters.size(); ++i) {
    if (i < keep_first || i + keep_last >= characters.size()) {
      masked.append(characters[i]);
    } else {
      masked.push_back('*');
    }
  }
  return masked;
}

// Keeps the first `keep_first` and last `keep_last` characters, but never shows more than
// half of them: input that fails validation may be anything (a name typed into the ID
// column, a number with digits missing), so short text keeps at most its last two.
std::string mask(std::string_view text, std::size_t keep_first, std::size_t keep_last) {
  const std::vector<std::string_view> characters = split_characters(text);
  const std::size_t count = characters.size();
  if (2 * (keep_first + keep_last) > count) {
    keep_first = 0;
    keep_last = std::min<std::size_t>(2, count / 2);
  }
  return join_masked(characters, keep_first, keep_last);
}

}  // namespace

// Length counts characters, not bytes, so eighteen full-width digits copied from a Word
// document are reported as bad characters rather than as the wrong length.
IdNumberProblem check_id_number(std::string_view id_number) {
  if (split_characters(id_number).size() != kIdNumberLength) return IdNumberProblem::wrong_length;
  if (id_number.size() != kIdNumberLength) return IdNumberProblem::bad_characters;
  const std::string_view first17 = id_number.substr(0, 17);
  const char last = id_number[17];
  if (!is_all_digits(first17) || !(is_digit(last) || last == 'X' || last == 'x')) {
    return IdNumberProblem::bad_characters;
  }
  if (!is_acceptable_birth_date(id_number)) return IdNumberProblem::bad_birth_date;
  const char expected = id_check_character(first17);
  const char actual = last == 'x' ? 'X' : last;
  if (actual != expected) return IdNumberProblem::bad_check_character;
  return IdNumberProblem::none;
}

std::string normalize_id_number(std::string_view id_number) {
  std::string normalized(trim_spaces(id_number));
  if (!normalized.empty() && normalized.back() == 'x') normalized.back() = 'X';
  return normalized;
}

// Returns '\0' when the text does not start with 17 digits: there is no check character to
// give, and '\0' can never match a real one.
char id_check_character(std::string_view first17) {
  if (first17.size() < 17) return '\0';
  first17 = first17.substr(0, 17);
  if (!is_all_digits(first17)) return '\0';
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) sum += (first17[i] - '0') * kIdWeights[i];
  return kIdCheckCharacters[sum % 11];
}

// Both readers return "" for an ID that is not valid rather than guess from bad data.
std::string birth_date_from_id(std::string_view id_number) {
  if (!is_valid_id_number(id_number)) return {};
  return birth_date_text(id_number);
}

std::string sex_from_id(std::string_view id_number) {
  if (!is_valid_id_number(id_number)) return {};
  return (id_number[16] - '0') % 2 == 1 ? "male" : "female";
}

bool is_valid_mobile(std::string_view mobile) {
  const std::string normalized = normalize_mobile(mobile);
  return normalized.size() == kMobileLength && is_all_digits(normalized) && normalized[0] == '1' &&
         normalized[1] >= '3' && normalized[1] <= '9';
}

// Removes separators first so "+86 138-1234-5678" and "86-13812345678" both work. A bare
// "86" is only a country code when 11 digits follow it; otherwise the text is left for
// is_valid_mobile to reject.
std::string normalize_mobile(std::string_view mobile) {
  std::string compact;
  compact.reserve(mobile.size());
  for (char c : mobile) {
    if (c != ' ' && c != '-') compact.push_back(c);
  }
  if (compact.starts_with("+86")) {
    compact.erase(0, 3);
  } else if (compact.starts_with("86") && compact.size() == kMobileLength + 2) {
    compact.erase(0, 2);
  }
  return compact;
}

// 4 + 2 of 18 characters is under half, so an ID of the right length gets the usual mask
// from the general rule whether or not its check character is right.
std::string mask_id_number(std::string_view id_number) {
  return mask(normalize_id_number(id_number), 4, 2);
}

// A valid mobile shows 7 of its 11 digits, as operators' own masks do; anything else falls
// under the at-most-half rule.
std::string mask_mobile(std::string_view mobile) {
  if (!is_valid_mobile(mobile)) return mask(trim_spaces(mobile), 3, 4);
  const std::string normalized = normalize_mobile(mobile);
  return join_masked(split_characters(normalized), 3, 4);
}

// ---------------------------------------------------------------------------------------
// Free text. The text is read as characters; runs of digits joined by at most three
// separators (spaces, dashes) form one group, because "138 - 1234 - 5678" is one number to
// whoever reads it. A group that is a mobile or an ID number as a whole is masked as one;
// otherwise dates inside it are kept and each stretch between them is masked on its own
// when it is long enough, so "13812345678 2026-12-07" keeps its date.

namespace {

constexpr std::size_t kMaskedDigitsMin = 7;
constexpr std::size_t kMaxSeparatorsInNumber = 3;

enum class GlyphKind { digit, separator, other };

struct Glyph {
  std::size_t begin = 0;  // byte range in the text
  std::size_t end = 0;
  char32_t code_point = 0;
  GlyphKind kind = GlyphKind::other;
  char digit = 0;           // '0'..'9' when kind is digit
  bool date_digit = false;  // ASCII or full-width: the digits dates are written in
};

// One code point from valid UTF-8; a stray byte reads as itself (length 1) and is "other".
char32_t decode_at(std::string_view text, std::size_t at, std::size_t& length) {
  const auto lead = static_cast<unsigned char>(text[at]);
  std::size_t size = lead < 0x80           ? 1
                     : (lead >> 5) == 0x6  ? 2
                     : (lead >> 4) == 0xE  ? 3
                     : (lead >> 3) == 0x1E ? 4
                                           : 0;
  if (size == 0 || at + size > text.size()) {
    length = 1;
    return 0xFFFD;
  }
  char32_t code_point = size == 1   ? lead
                        : size == 2 ? (lead & 0x1F)
                        : size == 3 ? (lead & 0x0F)
                                    : (lead & 0x07);
  for (std::size_t i = 1; i < size; ++i) {
    const auto next = static_cast<unsigned char>(text[at + i]);
    if ((next & 0xC0) != 0x80) {
      length = 1;
      return 0xFFFD;
    }
    code_point = (code_point << 6) | (next & 0x3F);
  }
  length = size;
  return code_point;
}

// 〇零一二三四五六七八九, and 幺 as "one" is read out in phone numbers.
int chinese_numeral(char32_t code_point) {
  switch (code_point) {
    case U'〇':
    case U'零':
      return 0;
    case U'一':
    case U'幺':
      return 1;
    case U'二':
      return 2;
    case U'三':
      return 3;
    case U'四':
      return 4;
    case U'五':
      return 5;
    case U'六':
      return 6;
    case U'七':
      return 7;
    case U'八':
      return 8;
    case U'九':
      return 9;
    default:
      return -1;
  }
}

// Hyphen, full-width hyphen, the Unicode dashes and minus signs: what joins the parts of a
// date as well as of a phone number.
bool is_dash(char32_t code_point) {
  return code_point == U'-' || code_point == 0xFF0D ||
         (code_point >= 0x2010 && code_point <= 0x2015) || code_point == 0x2212 ||
         code_point == 0xFE63;
}

bool is_number_separator(char32_t code_point) {
  return code_point == U' ' || code_point == 0xA0 || code_point == 0x3000 || is_dash(code_point);
}

// The check character of an ID number in any of its writings: X x Ｘ ｘ.
bool is_check_x(char32_t code_point) {
  return code_point == U'X' || code_point == U'x' || code_point == 0xFF38 || code_point == 0xFF58;
}

std::vector<Glyph> read_glyphs(std::string_view text) {
  std::vector<Glyph> glyphs;
  glyphs.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    std::size_t length = 1;
    Glyph glyph;
    glyph.code_point = decode_at(text, at, length);
    glyph.begin = at;
    glyph.end = at + length;
    const char32_t c = glyph.code_point;
    if (c >= U'0' && c <= U'9') {
      glyph.kind = GlyphKind::digit;
      glyph.digit = static_cast<char>(c);
      glyph.date_digit = true;
    } else if (c >= 0xFF10 && c <= 0xFF19) {
      glyph.kind = GlyphKind::digit;
      glyph.digit = static_cast<char>('0' + (c - 0xFF10));
      glyph.date_digit = true;
    } else if (int numeral = chinese_numeral(c); numeral >= 0) {
      glyph.kind = GlyphKind::digit;
      glyph.digit = static_cast<char>('0' + numeral);
    } else if (is_number_separator(c)) {
      glyph.kind = GlyphKind::separator;
    }
    glyphs.push_back(glyph);
    at += length;
  }
  return glyphs;
}

// A run of digits with no separator inside; glyph indexes inclusive.
struct Chunk {
  std::size_t first = 0;
  std::size_t last = 0;
  std::string digits;
  bool date_digits = true;
};

bool is_personal_number(const std::string& digits) {
  if (digits.size() == kOldIdNumberLength || digits.size() == kIdNumberLength) return true;
  return is_valid_mobile(digits);
}

std::string mask_number(const std::string& digits) {
  if (digits.size() == kIdNumberLength || digits.size() == kOldIdNumberLength) {
    return mask_id_number(digits);
  }
  if (is_valid_mobile(digits)) {
    // 86 13812345678: keep the country code, so the text still reads as one number.
    return digits.size() == kMobileLength ? mask_mobile(digits) : "86" + mask_mobile(digits);
  }
  return mask(digits, 3, 4);
}

// Chunks c, c+1, c+2 written as a date: 4 digits, one dash, 1-2 digits, the same dash, 1-2
// digits, and a real date from 1900 to 2099.
bool is_date_at(const std::vector<Glyph>& glyphs, const std::vector<Chunk>& chunks, std::size_t c) {
  if (c + 2 >= chunks.size()) return false;
  const Chunk& year = chunks[c];
  const Chunk& month = chunks[c + 1];
  const Chunk& day = chunks[c + 2];
  if (!year.date_digits || !month.date_digits || !day.date_digits) return false;
  if (year.digits.size() != 4 || month.digits.empty() || month.digits.size() > 2 ||
      day.digits.empty() || day.digits.size() > 2) {
    return false;
  }
  // Exactly one separator glyph between the parts, the same dash both times.
  if (month.first != year.last + 2 || day.first != month.last + 2) return false;
  const char32_t first_dash = glyphs[year.last + 1].code_point;
  if (!is_dash(first_dash) || glyphs[month.last + 1].code_point != first_dash) return false;
  auto two = [](const std::string& part) { return part.size() == 1 ? "0" + part : part; };
  const std::string date = year.digits + "-" + two(month.digits) + "-" + two(day.digits);
  int y = 0;
  unsigned m = 0;
  unsigned d = 0;
  return parse_date(date, y, m, d) && y >= 1900 && y <= 2099;
}

// Whether two runs of digits with separators between them are one number: numbers are
// written in parts of two or more digits (138-1234-5678, 3301 0619 9001 0112 34) or digit by
// digit (1 3 8 1 2 …); a lone digit beside a longer part is a building or unit number
// ("01-2-0301"), not part of a phone number.
bool joins(std::size_t before_length, std::size_t after_length) {
  return (before_length >= 2 && after_length >= 2) || (before_length == 1 && after_length == 1);
}

// The chunks of the number group starting at glyph `start` (a digit).
std::vector<Chunk> read_group(const std::vector<Glyph>& glyphs, std::size_t start) {
  std::vector<Chunk> chunks;
  std::size_t at = start;
  while (true) {
    Chunk chunk;
    chunk.first = at;
    while (at < glyphs.size() && glyphs[at].kind == GlyphKind::digit) {
      chunk.digits.push_back(glyphs[at].digit);
      chunk.date_digits = chunk.date_digits && glyphs[at].date_digit;
      ++at;
    }
    chunk.last = at - 1;
    chunks.push_back(std::move(chunk));
    std::size_t next = at;
    while (next < glyphs.size() && glyphs[next].kind == GlyphKind::separator &&
           next - at < kMaxSeparatorsInNumber) {
      ++next;
    }
    if (next == at || next >= glyphs.size() || glyphs[next].kind != GlyphKind::digit) break;
    std::size_t next_length = 0;
    while (next + next_length < glyphs.size() &&
           glyphs[next + next_length].kind == GlyphKind::digit) {
      ++next_length;
    }
    if (!joins(chunks.back().digits.size(), next_length)) break;
    at = next;
  }
  return chunks;
}

}  // namespace

std::string mask_name(std::string_view name) {
  if (name.empty()) return "";
  std::size_t first = 1;  // the first UTF-8 character: its lead byte and continuation bytes
  while (first < name.size() && (static_cast<unsigned char>(name[first]) & 0xC0) == 0x80) ++first;
  std::size_t others = 0;
  for (std::size_t i = first; i < name.size(); ++i) {
    if ((static_cast<unsigned char>(name[i]) & 0xC0) != 0x80) ++others;
  }
  return std::string(name.substr(0, first)) + std::string(std::max<std::size_t>(others, 1), '*');
}

std::string mask_text(std::string_view text) {
  const std::vector<Glyph> glyphs = read_glyphs(text);
  std::string out;
  out.reserve(text.size());
  auto bytes = [&](std::size_t first, std::size_t last) {
    return text.substr(glyphs[first].begin, glyphs[last].end - glyphs[first].begin);
  };
  for (std::size_t i = 0; i < glyphs.size();) {
    if (glyphs[i].kind != GlyphKind::digit) {
      out.append(bytes(i, i));
      ++i;
      continue;
    }
    std::vector<Chunk> chunks = read_group(glyphs, i);
    std::string digits;
    for (const Chunk& chunk : chunks) digits += chunk.digits;
    // An ID number's check character X ends its group.
    const std::size_t after = chunks.back().last + 1;
    if (digits.size() == kIdNumberLength - 1 && after < glyphs.size() &&
        is_check_x(glyphs[after].code_point)) {
      digits.push_back('X');
      chunks.back().digits.push_back('X');
      chunks.back().last = after;
      chunks.back().date_digits = false;
    }
    const std::size_t group_last = chunks.back().last;
    if (digits.size() >= kMaskedDigitsMin && is_personal_number(digits)) {
      out.append(mask_number(digits));
      i = group_last + 1;
      continue;
    }
    // Not one number as a whole: keep its dates, mask each long stretch between them.
    std::size_t emitted = i;  // first glyph not yet written
    auto flush = [&](std::size_t first_chunk, std::size_t end_chunk) {
      if (first_chunk == end_chunk) return;
      const std::size_t first = chunks[first_chunk].first;
      const std::size_t last = chunks[end_chunk - 1].last;
      if (first > emitted) out.append(bytes(emitted, first - 1));
      std::string stretch;
      for (std::size_t c = first_chunk; c < end_chunk; ++c) stretch += chunks[c].digits;
      if (stretch.size() >= kMaskedDigitsMin) {
        out.append(mask_number(stretch));
      } else {
        out.append(bytes(first, last));
      }
      emitted = last + 1;
    };
    std::size_t stretch_start = 0;
    for (std::size_t c = 0; c < chunks.size();) {
      if (is_date_at(glyphs, chunks, c)) {
        flush(stretch_start, c);
        const std::size_t first = chunks[c].first;
        const std::size_t last = chunks[c + 2].last;
        if (first > emitted) out.append(bytes(emitted, first - 1));
        out.append(bytes(first, last));
        emitted = last + 1;
        c += 3;
        stretch_start = c;
        continue;
      }
      ++c;
    }
    flush(stretch_start, chunks.size());
    i = group_last + 1;
  }
  return out;
}

std::string text_for(Reader reader, const std::string& text) {
  return reader == Reader::entitled ? text : mask_text(text);
}

std::optional<std::string> text_for(Reader reader, const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  return text_for(reader, *text);
}

}  // namespace gz::pii
