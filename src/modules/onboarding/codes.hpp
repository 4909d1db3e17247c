// The codes of onboarding, pure: claim codes of eight characters from an alphabet without the
// ones people confuse (0/O, 1/I/L), shown as two groups of four ("K7QM-4XPD") and accepted in
// any case with or without spaces and dashes; six-digit SMS codes; the hashes they are kept as.
#pragma once

#include "core/codes.hpp"

#include <string>
#include <string_view>

namespace gz::onboarding::codes {

inline constexpr std::string_view kClaimAlphabet = gz::codes::kReadableAlphabet;

std::string new_claim_code();  // "K7QM-4XPD"
// Upper-case, spaces and dashes removed: "k7qm 4xpd" -> "K7QM4XPD". Empty when what is left
// is not eight characters of the alphabet.
std::string normalize_claim_code(std::string_view text);
std::string claim_code_hash(std::string_view normalized);

std::string new_otp();  // six digits, "048213"
// Bound to the mobile and the code's row, so a hash says nothing on its own.
std::string otp_hash(std::string_view mobile, long long otp_id, std::string_view otp);

}  // namespace gz::onboarding::codes
