// Codes people read aloud, type on a phone or scan: eight characters from an alphabet without
// the ones they confuse (0/O, 1/I/L), shown as two groups of four ("K7QM-4XPD") and accepted in
// any case with or without spaces and dashes. Claim codes for households and points vouchers
// are such codes.
#pragma once

#include <string>
#include <string_view>

namespace gz::codes {

inline constexpr std::string_view kReadableAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

// `count` characters drawn uniformly from `alphabet` (at most 256 characters) with the OS
// CSPRNG.
std::string draw(std::size_t count, std::string_view alphabet);
// A new code, "K7QM-4XPD".
std::string new_readable_code();
// Upper-case, spaces and dashes removed: "k7qm 4xpd" -> "K7QM4XPD". Empty when what is left is
// not eight characters of the alphabet.
std::string normalize_readable_code(std::string_view text);
// "K7QM4XPD" -> "K7QM-4XPD" (as printed).
std::string format_readable_code(std::string_view normalized);

}  // namespace gz::codes
