#include "modules/onboarding/codes.hpp"

#include <cctype>

#include "core/crypto.hpp"

namespace gz::onboarding::codes {
namespace {

// `count` values below `bound`, each uniform (bytes at or above the largest multiple of
// `bound` are drawn again).
std::string draw(std::size_t count, unsigned bound, std::string_view alphabet) {
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

}  // namespace

std::string new_claim_code() {
  std::string code = draw(8, static_cast<unsigned>(kClaimAlphabet.size()), kClaimAlphabet);
  return code.substr(0, 4) + "-" + code.substr(4);
}

std::string normalize_claim_code(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == ' ' || c == '-') continue;
    char upper = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (kClaimAlphabet.find(upper) == std::string_view::npos) return "";
    out.push_back(upper);
    if (out.size() > 8) return "";
  }
  return out.size() == 8 ? out : "";
}

std::string claim_code_hash(std::string_view normalized) {
  return crypto::sha256_hex("claim:" + std::string(normalized));
}

std::string new_otp() {
  return draw(6, 10, "0123456789");
}

std::string otp_hash(std::string_view mobile, long long otp_id, std::string_view otp) {
  return crypto::sha256_hex("otp:" + std::string(mobile) + ":" + std::to_string(otp_id) + ":" +
                            std::string(otp));
}

}  // namespace gz::onboarding::codes
