#include "core/codes.hpp"

#include <cctype>

#include "core/crypto.hpp"

namespace gz::codes {

std::string draw(std::size_t count, std::string_view alphabet) {
  // Bytes at or above the largest multiple of the alphabet's size are drawn again.
  const unsigned bound = static_cast<unsigned>(alphabet.size());
  const unsigned limit = 256 - 256 % bound;
  std::string out;
  while (out.size() < count) {
    std::string hex = crypto::random_hex(16);
    for (std::size_t i = 0; i + 1 < hex.size() && out.size() < count; i += 2) {
      unsigned byte = static_cast<unsigned>(std::stoul(hex.substr(i, 2), nullptr, 16));
      if (byte < limit) out.push_back(alphabet[byte % bound]);
    }
  }
  return out;
}

std::string new_readable_code() {
  return format_readable_code(draw(8, kReadableAlphabet));
}

std::string normalize_readable_code(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == ' ' || c == '-') continue;
    char upper = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (kReadableAlphabet.find(upper) == std::string_view::npos) return "";
    out.push_back(upper);
    if (out.size() > 8) return "";
  }
  return out.size() == 8 ? out : "";
}

std::string format_readable_code(std::string_view normalized) {
  if (normalized.size() != 8) return std::string(normalized);
  return std::string(normalized.substr(0, 4)) + "-" + std::string(normalized.substr(4));
}

}  // namespace gz::codes
