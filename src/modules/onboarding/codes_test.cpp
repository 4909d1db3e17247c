#include "modules/onboarding/codes.hpp"

#include <gtest/gtest.h>

#include <set>

namespace gz::onboarding::codes {
namespace {

TEST(ClaimCodes, AreTwoGroupsOfFourFromTheUnambiguousAlphabet) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    std::string code = new_claim_code();
    ASSERT_EQ(code.size(), 9u) << code;
    EXPECT_EQ(code[4], '-');
    for (char c : code.substr(0, 4) + code.substr(5)) {
      EXPECT_NE(kClaimAlphabet.find(c), std::string_view::npos) << code;
    }
    seen.insert(code);
  }
  EXPECT_EQ(seen.size(), 200u) << "codes repeat";
}

TEST(ClaimCodes, AreAcceptedAsPeopleTypeThem) {
  EXPECT_EQ(normalize_claim_code("k7qm-4xpd"), "K7QM4XPD");
  EXPECT_EQ(normalize_claim_code(" K7QM 4XPD "), "K7QM4XPD");
  EXPECT_EQ(normalize_claim_code("K7QM4XP"), "");    // too short
  EXPECT_EQ(normalize_claim_code("K7QM4XPDA"), "");  // too long
  EXPECT_EQ(normalize_claim_code("K7QM-4XP0"), "");  // 0 is not in the alphabet
  EXPECT_EQ(normalize_claim_code("K7QM-4XPI"), "");  // nor I
  EXPECT_EQ(normalize_claim_code("'; DROP--"), "");
}

TEST(OneTimeCodes, AreSixDigitsAndHashedWithTheirMobileAndRow) {
  for (int i = 0; i < 100; ++i) {
    std::string otp = new_otp();
    ASSERT_EQ(otp.size(), 6u);
    for (char c : otp) EXPECT_TRUE(c >= '0' && c <= '9') << otp;
  }
  EXPECT_NE(otp_hash("13800000000", 1, "123456"), otp_hash("13800000001", 1, "123456"));
  EXPECT_NE(otp_hash("13800000000", 1, "123456"), otp_hash("13800000000", 2, "123456"));
  EXPECT_EQ(otp_hash("13800000000", 1, "123456"), otp_hash("13800000000", 1, "123456"));
}

}  // namespace
}  // namespace gz::onboarding::codes
