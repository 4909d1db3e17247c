// Personal data rules: validation of mainland ID numbers (GB 11643-1999, 18 characters,
// ISO 7064 MOD 11-2 check character) and mobile numbers, and the masks shown to roles that
// may not see them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gz::pii {

enum class IdNumberProblem {
  none,
  wrong_length,        // not 18 characters
  bad_characters,      // first 17 not digits, or last not digit/X
  bad_birth_date,      // positions 7-14 are not a real date (or in the future / before 1900)
  bad_check_character  // the MOD 11-2 check character does not match
};

// Accepts a lower-case 'x' as the check character; callers store the normalised form.
IdNumberProblem check_id_number(std::string_view id_number);
inline bool is_valid_id_number(std::string_view id_number) {
  return check_id_number(id_number) == IdNumberProblem::none;
}
// Upper-cases a trailing x and trims spaces.
std::string normalize_id_number(std::string_view id_number);
// The check character ('0'..'9' or 'X') for the first 17 digits.
char id_check_character(std::string_view first17);
// "YYYY-MM-DD" from a valid ID number.
std::string birth_date_from_id(std::string_view id_number);
// 'male' when the 17th digit is odd, else 'female'.
std::string sex_from_id(std::string_view id_number);

// Mainland mobile: 11 digits starting 1[3-9]; a leading +86 or 86 and spaces/hyphens are
// accepted and removed by normalize_mobile.
bool is_valid_mobile(std::string_view mobile);
std::string normalize_mobile(std::string_view mobile);

// "330106199001011234" -> "3301**********1234"; "13812345678" -> "138****5678".
std::string mask_id_number(std::string_view id_number);
std::string mask_mobile(std::string_view mobile);

}  // namespace gz::pii
