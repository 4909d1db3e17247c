#include "modules/requests/tracking_code.hpp"

#include <gtest/gtest.h>

#include <set>

namespace gz::requests {
namespace {

TEST(TrackingCode, NewCodesAreWellFormedAndValid) {
  for (int i = 0; i < 1000; ++i) {
    std::string code = new_tracking_code();
    ASSERT_EQ(code.size(), 10u);
    EXPECT_EQ(code[4], '-');
    EXPECT_EQ(normalize_tracking_code(code), code);
  }
}

TEST(TrackingCode, AreNotRepeatedOrSequential) {
  std::set<std::string> seen;
  for (int i = 0; i < 20000; ++i) seen.insert(new_tracking_code());
  EXPECT_EQ(seen.size(), 20000u);
}

TEST(TrackingCode, EverySingleMistypedSymbolIsCaught) {
  std::string code = new_tracking_code();
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (code[i] == '-') continue;
    for (char replacement : kCodeAlphabet) {
      if (replacement == code[i]) continue;
      std::string typo = code;
      typo[i] = replacement;
      EXPECT_FALSE(normalize_tracking_code(typo).has_value()) << typo;
    }
  }
}

TEST(TrackingCode, AdjacentSwapsAreCaught) {
  for (int round = 0; round < 200; ++round) {
    std::string code = new_tracking_code();
    std::string symbols = code.substr(0, 4) + code.substr(5);
    for (std::size_t i = 0; i + 1 < symbols.size(); ++i) {
      if (symbols[i] == symbols[i + 1]) continue;
      std::string swapped = symbols;
      std::swap(swapped[i], swapped[i + 1]);
      EXPECT_FALSE(normalize_tracking_code(swapped).has_value()) << swapped;
    }
  }
}

TEST(TrackingCode, AcceptsLowerCaseSpacesAndMissingHyphen) {
  std::string code = new_tracking_code();
  std::string typed = code.substr(0, 4) + " " + code.substr(5);
  for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_EQ(normalize_tracking_code(typed), code);
  EXPECT_FALSE(normalize_tracking_code("ABCD-0000O").has_value());
  EXPECT_FALSE(normalize_tracking_code("").has_value());
  EXPECT_FALSE(normalize_tracking_code("ABCD-EFGHJK").has_value());
}

}  // namespace
}  // namespace gz::requests
