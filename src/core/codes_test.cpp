#include "core/codes.hpp"

#include <gtest/gtest.h>

#include <set>

namespace gz::codes {
namespace {

TEST(ReadableCodes, are_two_groups_of_four_from_the_alphabet_and_differ) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    std::string code = new_readable_code();
    ASSERT_EQ(code.size(), 9u);
    EXPECT_EQ(code[4], '-');
    EXPECT_EQ(normalize_readable_code(code).size(), 8u) << code;
    seen.insert(code);
  }
  EXPECT_EQ(seen.size(), 200u);
}

TEST(ReadableCodes, are_read_back_in_any_case_without_confusable_letters) {
  EXPECT_EQ(normalize_readable_code("k7qm 4xpd"), "K7QM4XPD");
  EXPECT_EQ(normalize_readable_code("K7QM-4XPD"), "K7QM4XPD");
  EXPECT_EQ(normalize_readable_code("K7QM-4XP0"), "");  // 0 is not in the alphabet
  EXPECT_EQ(normalize_readable_code("K7QM-4XPDA"), "");
  EXPECT_EQ(normalize_readable_code(""), "");
  EXPECT_EQ(format_readable_code("K7QM4XPD"), "K7QM-4XPD");
}

TEST(ReadableCodes, draw_uses_only_the_alphabet) {
  std::string digits = draw(64, "0123456789");
  EXPECT_EQ(digits.size(), 64u);
  EXPECT_EQ(digits.find_first_not_of("0123456789"), std::string::npos);
}

}  // namespace
}  // namespace gz::codes
