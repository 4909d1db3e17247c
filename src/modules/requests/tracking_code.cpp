#include "modules/requests/tracking_code.hpp"

#include <openssl/rand.h>

#include <stdexcept>

namespace gz::requests {
namespace {

constexpr int kModulus = 31;
static_assert(kCodeAlphabet.size() == kModulus, "the check needs a prime-sized alphabet");

int value_of(char symbol) {
  auto at = kCodeAlphabet.find(symbol);
  return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

std::string format(const std::string& symbols) {
  return symbols.substr(0, 4) + "-" + symbols.substr(4);
}

}  // namespace

char check_symbol(std::string_view symbols) {
  int sum = 0;
  for (std::size_t i = 0; i < symbols.size(); ++i) {
    sum += static_cast<int>(i + 1) * value_of(symbols[i]);  // weights 1..8: non-zero mod 31
  }
  return kCodeAlphabet[sum % kModulus];
}

std::string new_tracking_code() {
  std::string symbols;
  while (symbols.size() < kCodeRandomSymbols) {
    unsigned char byte = 0;
    if (RAND_bytes(&byte, 1) != 1) throw std::runtime_error("RAND_bytes failed");
    if (byte >= 248) continue;  // 248 = 8 * 31: reject to keep symbols uniform
    symbols.push_back(kCodeAlphabet[byte % kModulus]);
  }
  symbols.push_back(check_symbol(symbols));
  return format(symbols);
}

std::optional<std::string> normalize_tracking_code(std::string_view typed) {
  std::string symbols;
  for (char c : typed) {
    if (c == '-' || c == ' ') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (value_of(c) < 0) return std::nullopt;
    symbols.push_back(c);
  }
  if (symbols.size() != kCodeRandomSymbols + 1) return std::nullopt;
  if (check_symbol(std::string_view(symbols).substr(0, kCodeRandomSymbols)) != symbols.back()) {
    return std::nullopt;
  }
  return format(symbols);
}

}  // namespace gz::requests
