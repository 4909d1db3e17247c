#include "modules/onboarding/codes.hpp"

#include "core/codes.hpp"
#include "core/crypto.hpp"

namespace gz::onboarding::codes {

std::string new_claim_code() {
  return gz::codes::new_readable_code();
}

std::string normalize_claim_code(std::string_view text) {
  return gz::codes::normalize_readable_code(text);
}

std::string claim_code_hash(std::string_view normalized) {
  return crypto::sha256_hex("claim:" + std::string(normalized));
}

std::string new_otp() {
  return gz::codes::draw(6, "0123456789");
}

std::string otp_hash(std::string_view mobile, long long otp_id, std::string_view otp) {
  return crypto::sha256_hex("otp:" + std::string(mobile) + ":" + std::to_string(otp_id) + ":" +
                            std::string(otp));
}

}  // namespace gz::onboarding::codes
