#include "core/pii.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "core/clock.hpp"

namespace gz::pii {
namespace {

constexpr std::size_t kIdNumberLength = 18;
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

// 4 + 4 of 18 characters is under half, so an ID of the right length gets the usual mask
// from the general rule whether or not its check character is right.
std::string mask_id_number(std::string_view id_number) {
  return mask(normalize_id_number(id_number), 4, 4);
}

// A valid mobile shows 7 of its 11 digits, as operators' own masks do; anything else falls
// under the at-most-half rule.
std::string mask_mobile(std::string_view mobile) {
  if (!is_valid_mobile(mobile)) return mask(trim_spaces(mobile), 3, 4);
  const std::string normalized = normalize_mobile(mobile);
  return join_masked(split_characters(normalized), 3, 4);
}

}  // namespace gz::pii
