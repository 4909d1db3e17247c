// Personal data rules: validation of mainland ID numbers (GB 11643-1999, 18 characters,
// ISO 7064 MOD 11-2 check character) and mobile numbers, the masks shown to roles that may
// not see them, and the one mask for free text (notes, descriptions, objections…) that
// reaches a reader without personal-data rights.
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

// "330106199001011234" -> "3301************34"; "13812345678" -> "138****5678".
// The ID mask hides the birth date and all but two of the last four digits: with the first
// four, the community's district and a birth year or a known birthday, a reader would
// otherwise be a few guesses (or none) from the whole number.
std::string mask_id_number(std::string_view id_number);
std::string mask_mobile(std::string_view mobile);
// A person's name where others may read it (a group chat, a notice): its first character
// and a star for each other one, "王小明" -> "王**"; a one-character name -> "王*".
std::string mask_name(std::string_view name);

// Free text about to reach a reader without personal-data rights. Every number of seven or
// more digits in it is masked however it is written: ASCII or full-width digits or Chinese
// numerals (一三八…, 幺), whole or in parts of two or more digits (or digit by digit) joined
// by up to three spaces or dashes ("138-1234-5678", "１３８１２３４５６７８",
// "330106 19900101 1234"). A mobile gets mask_mobile, an ID number of 18 (or, from old
// files, 15) characters mask_id_number, any other long number (landline, bank card) keeps
// at most its last two digits, or its first three and last four from 14 digits on. Shorter
// numbers (flats, amounts, times, "01-2-0301") and dates written 2026-12-07 stay. Names and
// addresses are not recognised: surfaces for the public publish fixed phrases where a case
// file's text would otherwise go.
std::string mask_text(std::string_view text);

// Who reads a text. `entitled` readers have personal-data rights — staff and admins of the
// community, as registry::permissions::may_see_personal_data decides; everyone else,
// including every reader without a login, is `restricted`.
enum class Reader { entitled, restricted };
std::string text_for(Reader reader, const std::string& text);
std::optional<std::string> text_for(Reader reader, const std::optional<std::string>& text);

}  // namespace gz::pii
