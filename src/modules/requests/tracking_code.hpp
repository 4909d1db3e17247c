// Tracking codes: 8 random symbols and one check symbol from a 31-symbol alphabet without
// look-alikes (no 0/O, 1/I/L), shown as "XXXX-XXXXX" so it can be read over the phone.
// The check symbol is a weighted sum modulo 31 (a prime), so any single mistyped symbol and
// any swap of two neighbours is caught.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gz::requests {

inline constexpr std::string_view kCodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
inline constexpr std::size_t kCodeRandomSymbols = 8;

// A new random code from the OS CSPRNG, formatted "XXXX-XXXXX".
std::string new_tracking_code();
// Check symbol for the given symbols (all in the alphabet).
char check_symbol(std::string_view symbols);
// Normalises what a person typed (case, spaces, hyphens) to "XXXX-XXXXX"; nullopt when the
// length is wrong, a symbol is not in the alphabet, or the check symbol does not match.
std::optional<std::string> normalize_tracking_code(std::string_view typed);

}  // namespace gz::requests
