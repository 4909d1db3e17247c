#include "core/pii.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.hpp"

namespace gz::pii {
namespace {

// The check character computed straight from ISO 7064 MOD 11-2 (weights 2^(17-i) mod 11,
// check value (12 - sum mod 11) mod 11, 10 written X), independently of pii.cpp's tables.
char reference_check_character(const std::string& first17) {
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (first17[i] - '0') * ((1 << (17 - i)) % 11);
  const int check = (12 - sum % 11) % 11;
  return check == 10 ? 'X' : static_cast<char>('0' + check);
}

std::string with_check(const std::string& first17) {
  return first17 + reference_check_character(first17);
}

// "YYYYMMDD" for today plus `offset_days`, in the Shanghai calendar the product uses.
std::string shanghai_date_compact(std::int64_t offset_days) {
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
  EXPECT_TRUE(parse_date(format_date(now_epoch_ms()), year, month, day));
  civil_from_days(days_from_civil(year, month, day) + offset_days, year, month, day);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d%02u%02u", year, month, day);
  return buffer;
}

std::string id_born_on(const std::string& yyyymmdd) {
  return with_check("330106" + yyyymmdd + "123");
}

TEST(IdNumber, accepts_the_published_example) {
  EXPECT_EQ(check_id_number("11010519491231002X"), IdNumberProblem::none);
  EXPECT_EQ(id_check_character("11010519491231002"), 'X');
}

TEST(IdNumber, accepts_numbers_whose_check_character_follows_the_algorithm) {
  for (const std::string first17 :
       {"33010619900101123", "44030519851231456", "51010720000229789", "65010219000101000",
        "11010119491001001", "21020319770707007", "37020219680315334"}) {
    const std::string id = with_check(first17);
    EXPECT_EQ(check_id_number(id), IdNumberProblem::none) << id;
    EXPECT_EQ(id_check_character(first17), id.back()) << id;
  }
}

TEST(IdNumber, check_character_agrees_with_the_reference_for_every_remainder) {
  // Vary the last serial digits so all 11 check values (including X and 0) are produced.
  bool seen[11] = {};
  for (int serial = 0; serial < 1000; ++serial) {
    char digits[16];
    std::snprintf(digits, sizeof digits, "%03d", serial);
    const std::string first17 = std::string("32010219800515") + digits;
    const char expected = reference_check_character(first17);
    ASSERT_EQ(id_check_character(first17), expected) << first17;
    seen[expected == 'X' ? 10 : expected - '0'] = true;
    EXPECT_TRUE(is_valid_id_number(first17 + expected));
  }
  for (bool each : seen) EXPECT_TRUE(each);
}

TEST(IdNumber, accepts_a_lower_case_x) {
  EXPECT_EQ(check_id_number("11010519491231002x"), IdNumberProblem::none);
}

TEST(IdNumber, reports_wrong_length) {
  EXPECT_EQ(check_id_number(""), IdNumberProblem::wrong_length);
  EXPECT_EQ(check_id_number("11010519491231002"), IdNumberProblem::wrong_length);
  EXPECT_EQ(check_id_number("11010519491231002X0"), IdNumberProblem::wrong_length);
  EXPECT_EQ(check_id_number("110105491231002"), IdNumberProblem::wrong_length);  // old 15-digit
  EXPECT_EQ(check_id_number(" 11010519491231002X"), IdNumberProblem::wrong_length);
  EXPECT_EQ(check_id_number("张三四五六七"),
            IdNumberProblem::wrong_length);  // 18 bytes, 6 characters
}

TEST(IdNumber, reports_bad_characters) {
  EXPECT_EQ(check_id_number("1101051949123100AX"), IdNumberProblem::bad_characters);
  EXPECT_EQ(check_id_number("11010519491231002Y"), IdNumberProblem::bad_characters);
  EXPECT_EQ(check_id_number("110105 9491231002X"), IdNumberProblem::bad_characters);
  EXPECT_EQ(check_id_number("X10105194912310021"), IdNumberProblem::bad_characters);
  EXPECT_EQ(check_id_number("１１０１０５１９４９１２３１００２Ｘ"),  // full-width
            IdNumberProblem::bad_characters);
}

TEST(IdNumber, reports_a_birth_date_that_is_not_a_real_date) {
  for (const std::string date : {"19901301", "19900001", "19900100", "19900230", "19000229",
                                 "19890229", "19900431", "00000000"}) {
    EXPECT_EQ(check_id_number(id_born_on(date)), IdNumberProblem::bad_birth_date) << date;
  }
}

TEST(IdNumber, reports_a_birth_date_before_1900_or_in_the_future) {
  EXPECT_EQ(check_id_number(id_born_on("18991231")), IdNumberProblem::bad_birth_date);
  EXPECT_EQ(check_id_number(id_born_on(shanghai_date_compact(1))), IdNumberProblem::bad_birth_date);
  EXPECT_EQ(check_id_number(id_born_on("29990101")), IdNumberProblem::bad_birth_date);
}

TEST(IdNumber, accepts_birth_dates_at_the_edges) {
  EXPECT_EQ(check_id_number(id_born_on("19000101")), IdNumberProblem::none);
  EXPECT_EQ(check_id_number(id_born_on("20000229")), IdNumberProblem::none);
  EXPECT_EQ(check_id_number(id_born_on(shanghai_date_compact(0))), IdNumberProblem::none);
}

TEST(IdNumber, reports_a_wrong_check_character) {
  const std::string valid = with_check("33010619900101123");
  for (char replacement : std::string("0123456789X")) {
    if (replacement == valid.back()) continue;
    std::string wrong = valid;
    wrong.back() = replacement;
    EXPECT_EQ(check_id_number(wrong), IdNumberProblem::bad_check_character) << wrong;
  }
  // A transposition of two digits is caught too.
  std::string swapped = valid;
  std::swap(swapped[14], swapped[15]);
  ASSERT_NE(swapped, valid);
  EXPECT_EQ(check_id_number(swapped), IdNumberProblem::bad_check_character);
}

TEST(IdNumber, reports_the_birth_date_before_the_check_character) {
  std::string id = id_born_on("19901301");
  id.back() = id.back() == '0' ? '1' : '0';
  EXPECT_EQ(check_id_number(id), IdNumberProblem::bad_birth_date);
}

TEST(IdNumber, normalizes_case_and_surrounding_spaces) {
  EXPECT_EQ(normalize_id_number(" 11010519491231002x\t"), "11010519491231002X");
  EXPECT_EQ(normalize_id_number("11010519491231002X"), "11010519491231002X");
  EXPECT_EQ(normalize_id_number("330106199001011234"), "330106199001011234");
}

TEST(IdNumber, check_character_needs_17_digits) {
  EXPECT_EQ(id_check_character("1101051949123100"), '\0');
  EXPECT_EQ(id_check_character("1101051949123100A"), '\0');
  EXPECT_EQ(id_check_character("11010519491231002X"), 'X');  // only the first 17 count
}

TEST(IdNumber, reads_birth_date_and_sex) {
  EXPECT_EQ(birth_date_from_id("11010519491231002X"), "1949-12-31");
  EXPECT_EQ(sex_from_id("11010519491231002X"), "female");    // 17th digit 2
  const std::string male = with_check("33010619900101123");  // 17th digit 3
  EXPECT_EQ(birth_date_from_id(male), "1990-01-01");
  EXPECT_EQ(sex_from_id(male), "male");
}

TEST(IdNumber, reads_nothing_from_an_invalid_number) {
  EXPECT_EQ(birth_date_from_id("1101051949123100"), "");
  EXPECT_EQ(sex_from_id("110105194912310021"), "");
}

// The birth date and all but the last two digits are hidden: with "3301…6743" and a birth
// date or even a birth year beside it, the whole number could be rebuilt (security review
// 2026-12, HIGH-3).
TEST(IdNumber, masks_all_but_the_first_four_and_last_two) {
  EXPECT_EQ(mask_id_number("330106199001011234"), "3301************34");
  EXPECT_EQ(mask_id_number("11010519491231002x"), "1101************2X");
  EXPECT_EQ(mask_id_number(" 11010519491231002X "), "1101************2X");
}

TEST(IdNumber, masks_of_malformed_input_reveal_at_most_half) {
  EXPECT_EQ(mask_id_number(""), "");
  EXPECT_EQ(mask_id_number("1"), "*");
  EXPECT_EQ(mask_id_number("12"), "*2");
  EXPECT_EQ(mask_id_number("1234"), "**34");
  EXPECT_EQ(mask_id_number("123456789"), "*******89");
  EXPECT_EQ(mask_id_number("110105491231002"), "1101*********02");    // 15 digits
  EXPECT_EQ(mask_id_number("1234567890123456"), "1234**********56");  // 6 of 16
  EXPECT_EQ(mask_id_number("张三丰"), "**丰");  // whole characters, never half a character
}

TEST(Mobile, accepts_plain_numbers_for_every_prefix_3_to_9) {
  for (char second = '3'; second <= '9'; ++second) {
    const std::string mobile = std::string("1") + second + "812345678";
    EXPECT_TRUE(is_valid_mobile(mobile)) << mobile;
    EXPECT_EQ(normalize_mobile(mobile), mobile);
  }
}

TEST(Mobile, accepts_country_code_spaces_and_hyphens) {
  for (const char* mobile :
       {"+8613812345678", "8613812345678", "+86 138 1234 5678", "+86-138-1234-5678",
        "86 13812345678", "138-1234-5678", "138 1234 5678", " 13812345678 "}) {
    EXPECT_TRUE(is_valid_mobile(mobile)) << mobile;
    EXPECT_EQ(normalize_mobile(mobile), "13812345678") << mobile;
  }
}

TEST(Mobile, rejects_malformed_numbers) {
  for (const char* mobile :
       {"", "1381234567", "138123456789", "12812345678", "10812345678", "23812345678",
        "1381234567a", "abcdefghijk", "+8612812345678", "+851381234567", "0086 13812345678",
        "861381234567", "138.1234.5678", "１３８１２３４５６７８"}) {
    EXPECT_FALSE(is_valid_mobile(mobile)) << mobile;
  }
}

TEST(Mobile, masks_the_middle_four_digits) {
  EXPECT_EQ(mask_mobile("13812345678"), "138****5678");
  EXPECT_EQ(mask_mobile("+86 138-1234-5678"), "138****5678");
}

TEST(Mobile, masks_of_malformed_input_reveal_at_most_half) {
  EXPECT_EQ(mask_mobile(""), "");
  EXPECT_EQ(mask_mobile("1381234567"), "********67");    // 10 digits
  EXPECT_EQ(mask_mobile("12812345678"), "*********78");  // starts 12
  EXPECT_EQ(mask_mobile("110"), "**0");
  EXPECT_EQ(mask_mobile("电话"), "*话");
}

// The note of the security review (HIGH-2): a staff note with a mobile and an ID number.
TEST(MaskText, masks_the_mobile_and_the_id_number_of_a_staff_note) {
  EXPECT_EQ(mask_text("已电话联系住户张文博 13812345678，身份证330106199001011234，明天上门 "
                      "1号楼1单元301"),
            "已电话联系住户张文博 138****5678，身份证3301************34，明天上门 1号楼1单元301");
}

TEST(MaskText, masks_a_mobile_however_it_is_written) {
  for (const char* written :
       {"13812345678", "138-1234-5678", "138 1234 5678", "138 - 1234 - 5678", "138－1234－5678",
        "138—1234—5678", "138\u30001234\u30005678", "１３８１２３４５６７８",
        "１３８-１２３４-５６７８", "一三八一二三四五六七八", "幺三八 幺二三四 五六七八",
        "13８12３４5678", "1 3 8 1 2 3 4 5 6 7 8"}) {
    EXPECT_EQ(mask_text(std::string("电话") + written + "。"), "电话138****5678。") << written;
  }
}

TEST(MaskText, keeps_the_country_code_of_a_mobile) {
  EXPECT_EQ(mask_text("+86 138 1234 5678"), "+86138****5678");
  EXPECT_EQ(mask_text("+86 13812345678"), "+86138****5678");
  EXPECT_EQ(mask_text("8613812345678"), "86138****5678");
}

TEST(MaskText, masks_an_id_number_however_it_is_written) {
  for (const char* written :
       {"330106199001011234", "330106 19900101 1234", "330106-19900101-1234",
        "3301 0619 9001 0112 34", "330106-1990-01-01-1234", "３３０１０６１９９００１０１１２３４",
        "三三〇一〇六一九九〇〇一〇一一二三四"}) {
    EXPECT_EQ(mask_text(std::string("身份证") + written), "身份证3301************34") << written;
  }
  for (const char* written : {"11010519491231002X", "11010519491231002x", "11010519491231002Ｘ",
                              "110105 19491231 002X"}) {
    EXPECT_EQ(mask_text(written), "1101************2X") << written;
  }
}

TEST(MaskText, masks_other_long_numbers) {
  EXPECT_EQ(mask_text("家里电话87654321"), "家里电话******21");
  EXPECT_EQ(mask_text("座机0571-87654321"), "座机**********21");
  EXPECT_EQ(mask_text("卡号6222 0212 3456 7890"), "卡号622*********7890");
  EXPECT_EQ(mask_text("旧身份证330106900101123"), "旧身份证3301*********23");
  EXPECT_EQ(mask_text("1234567"), "*****67");
}

TEST(MaskText, keeps_short_numbers_and_dates) {
  for (const char* kept : {"1号楼1单元301", "3号楼2单元201室", "补贴120000分", "20:00-22:00",
                           "2026-12-07", "预计2026-12-10 10:00上门", "2026－12－7", "01-2-0301",
                           "第3期 12 人", "123456", "12 34 56", "138    1234    5678",
                           "1 2 3 4 5 6", "12-3-4567", "138****5678", "3301************34", ""}) {
    EXPECT_EQ(mask_text(kept), kept) << kept;
  }
}

TEST(MaskText, keeps_a_date_next_to_a_number) {
  EXPECT_EQ(mask_text("13812345678 2026-12-07"), "138****5678 2026-12-07");
  EXPECT_EQ(mask_text("2026-12-07 13812345678"), "2026-12-07 138****5678");
  EXPECT_EQ(mask_text("301 2026-12-07"), "301 2026-12-07");
  EXPECT_EQ(mask_text("2026-13-07"), "******07");  // no such date: a number
}

TEST(MaskText, passes_bytes_that_are_not_utf8_through) {
  EXPECT_EQ(mask_text("\xff"
                      "13812345678"
                      "\xe4"),
            "\xff"
            "138****5678"
            "\xe4");
}

// Random text of digits in three writings, separators, dates' dashes and words: the mask
// leaves no seven digits in a row, and masking twice changes nothing.
TEST(MaskText, leaves_no_seven_digits_in_a_row_and_is_idempotent) {
  const std::vector<std::string> pieces = {"1", "3", "8",  "0",      "9", "５", "８", "三",   "〇",
                                           " ", "-", "－", "\u3000", "X", "号", "楼", "电话", ":"};
  std::uint32_t state = 20261207;
  auto next = [&] {
    state = state * 1664525u + 1013904223u;
    return state >> 8;
  };
  for (int round = 0; round < 5000; ++round) {
    std::string text;
    const std::uint32_t length = next() % 40;
    for (std::uint32_t i = 0; i < length; ++i) text += pieces[next() % pieces.size()];
    const std::string masked = mask_text(text);
    int run = 0;
    for (char c : masked) {
      run = (c >= '0' && c <= '9') ? run + 1 : 0;
      ASSERT_LT(run, 7) << text << " -> " << masked;
    }
    ASSERT_EQ(mask_text(masked), masked) << text;
  }
}

TEST(MaskText, shows_entitled_readers_the_text_as_written) {
  const std::string note = "住户电话13812345678";
  EXPECT_EQ(text_for(Reader::entitled, note), note);
  EXPECT_EQ(text_for(Reader::restricted, note), "住户电话138****5678");
  EXPECT_EQ(text_for(Reader::restricted, std::optional<std::string>{}), std::nullopt);
}

}  // namespace
}  // namespace gz::pii

TEST(MaskName, keeps_the_first_character_and_stars_the_rest) {
  EXPECT_EQ(gz::pii::mask_name("王小明"), "王**");
  EXPECT_EQ(gz::pii::mask_name("欧阳娜娜"), "欧***");
  EXPECT_EQ(gz::pii::mask_name("李"), "李*");
  EXPECT_EQ(gz::pii::mask_name("Anna"), "A***");
  EXPECT_EQ(gz::pii::mask_name(""), "");
}
