#include "core/text.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace gz::text {
namespace {

using namespace std::string_literals;  // "\0"s keeps embedded NULs

std::string gbk(std::string_view utf8) {
  std::optional<std::string> bytes = utf8_to_gbk(utf8);
  EXPECT_TRUE(bytes.has_value()) << utf8;
  return bytes.value_or("");
}

TEST(Utf8, accepts_well_formed_text) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("plain ASCII, 123"));
  EXPECT_TRUE(is_valid_utf8("张三,幸福里社区,独居老人"));
  EXPECT_TRUE(is_valid_utf8("\xC2\xA0"));             // U+00A0, smallest 2-byte
  EXPECT_TRUE(is_valid_utf8("\xDF\xBF"));             // U+07FF
  EXPECT_TRUE(is_valid_utf8("\xE0\xA0\x80"));         // U+0800, smallest 3-byte
  EXPECT_TRUE(is_valid_utf8("\xED\x9F\xBF"));         // U+D7FF, just below surrogates
  EXPECT_TRUE(is_valid_utf8("\xEE\x80\x80"));         // U+E000, just above surrogates
  EXPECT_TRUE(is_valid_utf8("\xEF\xBF\xBF"));         // U+FFFF
  EXPECT_TRUE(is_valid_utf8("\xF0\x90\x80\x80"));     // U+10000, smallest 4-byte
  EXPECT_TRUE(is_valid_utf8("\xF4\x8F\xBF\xBF"));     // U+10FFFF
  EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x98\x80 ok"));  // emoji
  EXPECT_TRUE(is_valid_utf8("a\0b"s));                // NUL is a valid character
}

TEST(Utf8, rejects_overlong_forms) {
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));  // '/' in 2 bytes
  EXPECT_FALSE(is_valid_utf8("\xC1\xBF"));
  EXPECT_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // '/' in 3 bytes
  EXPECT_FALSE(is_valid_utf8("\xE0\x9F\xBF"));      // U+07FF in 3 bytes
  EXPECT_FALSE(is_valid_utf8("\xF0\x80\x80\xAF"));  // '/' in 4 bytes
  EXPECT_FALSE(is_valid_utf8("\xF0\x8F\xBF\xBF"));  // U+FFFF in 4 bytes
}

TEST(Utf8, rejects_surrogates) {
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));              // U+D800
  EXPECT_FALSE(is_valid_utf8("\xED\xBF\xBF"));              // U+DFFF
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\xBD\xED\xB8\x80"));  // CESU-8 style pair
}

TEST(Utf8, rejects_code_points_above_10ffff) {
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // U+110000
  EXPECT_FALSE(is_valid_utf8("\xF5\x80\x80\x80"));
  EXPECT_FALSE(is_valid_utf8("\xF8\x88\x80\x80\x80"));  // old 5-byte form
  EXPECT_FALSE(is_valid_utf8("\xFE"));
  EXPECT_FALSE(is_valid_utf8("\xFF"));
}

TEST(Utf8, rejects_truncated_and_stray_bytes) {
  EXPECT_FALSE(is_valid_utf8("\xE4\xB8"));  // 中 missing its last byte
  EXPECT_FALSE(is_valid_utf8("\xE4"));
  EXPECT_FALSE(is_valid_utf8("\xF0\x9F\x98"));
  EXPECT_FALSE(is_valid_utf8("abc\xC3"));
  EXPECT_FALSE(is_valid_utf8("\xE4\xB8 a"));  // continuation replaced by ASCII
  EXPECT_FALSE(is_valid_utf8("\x80"));        // lone continuation byte
  EXPECT_FALSE(
      is_valid_utf8("a\xBF"
                    "b"));
  EXPECT_FALSE(is_valid_utf8("\xC3\xA9\xA9"));  // one continuation too many
}

TEST(Bom, is_stripped_only_when_present) {
  EXPECT_EQ(strip_utf8_bom("\xEF\xBB\xBFname,phone"), "name,phone");
  EXPECT_EQ(strip_utf8_bom("name,phone"), "name,phone");
  EXPECT_EQ(strip_utf8_bom("\xEF\xBB\xBF"), "");
  EXPECT_EQ(strip_utf8_bom("\xEF\xBB"), "\xEF\xBB");
  EXPECT_EQ(strip_utf8_bom("\xEF\xBB\xBF\xEF\xBB\xBFx"), "\xEF\xBB\xBFx");  // only one
}

TEST(Gbk, encodes_known_byte_values) {
  EXPECT_EQ(gbk("中"), "\xD6\xD0");
  EXPECT_EQ(gbk("文"), "\xCE\xC4");
  EXPECT_EQ(gbk("张三"), "\xD5\xC5\xC8\xFD");
  EXPECT_EQ(gbk("社区"), "\xC9\xE7\xC7\xF8");
  EXPECT_EQ(gbk("联通"), "\xC1\xAA\xCD\xA8");
  EXPECT_EQ(gbk("abc,123"), "abc,123");  // ASCII is unchanged
  EXPECT_EQ(gbk(""), "");
}

TEST(Gbk, decodes_known_byte_values) {
  EXPECT_EQ(gbk_to_utf8("\xD6\xD0\xCE\xC4"), "中文");
  EXPECT_EQ(gbk_to_utf8("\xD5\xC5\xC8\xFD,\xC9\xE7\xC7\xF8"), "张三,社区");
  EXPECT_EQ(gbk_to_utf8("\x80"), std::nullopt);  // CP936 would give €; GB18030 does not, and
                                                 // Excel on Chinese Windows writes 0x80 rarely
}

TEST(Gbk, round_trips_chinese_text) {
  for (const std::string utf8 :
       {"张三,幸福里社区,独居老人", "李四\r\n王五,13812345678,3号楼2单元501",
        "《社区公约》——“邻里互助”，（试行）！", "ＡＢＣ１２３　全角", "镕堃喆"}) {
    const std::string bytes = gbk(utf8);
    EXPECT_NE(bytes, utf8);
    EXPECT_LT(bytes.size(), utf8.size());  // 2 bytes a character instead of 3
    EXPECT_EQ(gbk_to_utf8(bytes), utf8);
    EXPECT_EQ(to_utf8(bytes), utf8);
  }
}

TEST(Gbk, round_trips_text_outside_gbk_through_gb18030) {
  const std::string utf8 = "😀𠀀";  // 4-byte GB18030 sequences
  EXPECT_EQ(gbk_to_utf8(gbk(utf8)), utf8);
}

TEST(Gbk, grows_the_output_buffer_for_long_text) {
  std::string utf8;
  for (int i = 0; i < 5000; ++i) utf8 += "幸福里社区,独居老人;";
  const std::string bytes = gbk(utf8);
  EXPECT_EQ(gbk_to_utf8(bytes), utf8);
  // Mostly ASCII first, then Han: UTF-8 grows past 2x the GBK input partway through.
  const std::string mixed = std::string(10, 'a') + gbk(std::string(3000, 'b') + utf8);
  EXPECT_EQ(gbk_to_utf8(mixed), std::string(10, 'a') + std::string(3000, 'b') + utf8);
  std::string all_han_gbk;
  for (int i = 0; i < 4000; ++i) all_han_gbk += "\xD6\xD0";
  std::string all_han_utf8;
  for (int i = 0; i < 4000; ++i) all_han_utf8 += "中";
  EXPECT_EQ(gbk_to_utf8(all_han_gbk), all_han_utf8);
  // Letters outside GBK such as ß take 2 bytes in UTF-8 and 4 in GB18030.
  std::string sharp_s;
  for (int i = 0; i < 3000; ++i) sharp_s += "ß";
  const std::string sharp_s_gb18030 = gbk(sharp_s);
  EXPECT_EQ(sharp_s_gb18030.size(), 12000u);
  EXPECT_EQ(gbk_to_utf8(sharp_s_gb18030), sharp_s);
}

TEST(Gbk, rejects_invalid_and_truncated_bytes) {
  EXPECT_EQ(gbk_to_utf8("\xD6"), std::nullopt);  // lead byte without its trail
  EXPECT_EQ(gbk_to_utf8("\xD6\xD0\xD6"), std::nullopt);
  EXPECT_EQ(gbk_to_utf8("\xFF\xFF"), std::nullopt);
  EXPECT_EQ(gbk_to_utf8("ab\xD6\x20"), std::nullopt);  // trail byte out of range
}

TEST(Gbk, refuses_to_encode_invalid_utf8) {
  EXPECT_EQ(utf8_to_gbk("\xD6\xD0"), std::nullopt);  // already GBK
  EXPECT_EQ(utf8_to_gbk("\xED\xA0\x80"), std::nullopt);
  EXPECT_EQ(utf8_to_gbk("\xE4\xB8"), std::nullopt);
}

TEST(Detect, recognises_each_encoding) {
  EXPECT_EQ(detect_encoding("\xEF\xBB\xBF张三,13812345678"), Encoding::utf8_bom);
  EXPECT_EQ(detect_encoding("\xEF\xBB\xBF"), Encoding::utf8_bom);
  EXPECT_EQ(detect_encoding("张三,13812345678"), Encoding::utf8);
  EXPECT_EQ(detect_encoding("name,phone"), Encoding::utf8);
  EXPECT_EQ(detect_encoding(""), Encoding::utf8);
  EXPECT_EQ(detect_encoding(gbk("张三,13812345678")), Encoding::gbk);
}

TEST(Detect, never_takes_typical_gbk_chinese_for_utf8) {
  const std::vector<std::string> samples = {
      "姓名,性别,身份证号,手机,楼栋,单元,房号,备注\r\n",
      "张三,男,330106199001011234,13812345678,3,2,501,独居老人\r\n",
      "联通",
      "中",
      "中文",
      "社区",
      "幸福里",
      "王",
      "李四",
      "赵六",
      "低保户",
      "残疾人",
      "党员",
      "志愿者",
      "网格员",
      "物业",
      "居委会",
      "业委会",
      "停车位",
      "垃圾分类",
      "烫烫烫",
      "一二三四五六七八九十",
      "你好，世界！"};
  for (const std::string& utf8 : samples) {
    const std::string bytes = gbk(utf8);
    EXPECT_EQ(detect_encoding(bytes), Encoding::gbk) << utf8;
    EXPECT_EQ(to_utf8(bytes), utf8) << utf8;
  }
}

// Rows of random characters from GB 2312's level-1 Han block (the bulk of residents' names
// and addresses), a few fields to a row. A lone GBK character can form a valid UTF-8
// sequence (see below), but a whole row practically never does; the seed is fixed so the
// test is deterministic.
TEST(Detect, never_takes_rows_of_random_common_han_characters_for_utf8) {
  std::vector<std::string> characters;
  for (int row = 0xB0; row <= 0xD7; ++row) {
    for (int column = 0xA1; column <= 0xFE; ++column) {
      characters.push_back({static_cast<char>(row), static_cast<char>(column)});
    }
  }
  std::mt19937 random(20240601);
  std::uniform_int_distribution<std::size_t> pick(0, characters.size() - 1);
  std::uniform_int_distribution<int> length(2, 4);
  int mistaken = 0;
  for (int sample = 0; sample < 20000; ++sample) {
    std::string row;
    for (int field = 0; field < 5; ++field) {
      if (field > 0) row += ',';
      for (int n = length(random); n > 0; --n) row += characters[pick(random)];
    }
    if (detect_encoding(row) != Encoding::gbk) ++mistaken;
  }
  EXPECT_EQ(mistaken, 0);
}

// Why detection must look at a whole file, never a single cell: "楼" is C2 A5 in GBK, which
// is also the UTF-8 for "¥".
TEST(Detect, a_single_gbk_character_can_pass_for_utf8) {
  EXPECT_EQ(gbk("楼"), "\xC2\xA5");
  EXPECT_EQ(detect_encoding(gbk("楼")), Encoding::utf8);
  EXPECT_EQ(detect_encoding(gbk("3号楼,2单元")), Encoding::gbk);
}

TEST(ToUtf8, strips_the_bom) {
  EXPECT_EQ(to_utf8("\xEF\xBB\xBF张三"), "张三");
  EXPECT_EQ(to_utf8("张三"), "张三");
  EXPECT_EQ(to_utf8(""), "");
}

TEST(ToUtf8, fails_on_undecodable_bytes) {
  EXPECT_EQ(to_utf8("\xEF\xBB\xBF\xD6\xD0"), std::nullopt);  // BOM, then GBK
  EXPECT_EQ(to_utf8("ok\xFF"), std::nullopt);
  EXPECT_EQ(to_utf8("\xD6\xD0\xD6"), std::nullopt);
}

TEST(Trim, removes_ascii_whitespace_at_both_ends) {
  EXPECT_EQ(trim("  张三\t\r\n"), "张三");
  EXPECT_EQ(trim("\v\f a b \f"), "a b");
  EXPECT_EQ(trim(""), "");
  EXPECT_EQ(trim(" \t\r\n "), "");
  EXPECT_EQ(trim("no-space"), "no-space");
}

TEST(Trim, removes_full_width_and_no_break_spaces) {
  EXPECT_EQ(trim("\xE3\x80\x80张三\xE3\x80\x80"), "张三");
  EXPECT_EQ(trim("\xC2\xA0"
                 "13812345678\xC2\xA0"),
            "13812345678");
  EXPECT_EQ(trim(" \xE3\x80\x80 \xC2\xA0幸福里\xC2\xA0 \xE3\x80\x80\t"), "幸福里");
  EXPECT_EQ(trim("\xE3\x80\x80\xC2\xA0 "), "");
}

TEST(Trim, keeps_inner_spaces) {
  EXPECT_EQ(trim(" 幸福里\xE3\x80\x80"
                 "3号楼 "),
            "幸福里\xE3\x80\x80"
            "3号楼");
  EXPECT_EQ(trim("a\xC2\xA0"
                 "b"),
            "a\xC2\xA0"
            "b");
}

TEST(Trim, leaves_other_characters_ending_in_similar_bytes) {
  // U+3001 (、) shares its first two bytes with U+3000; U+00A1 (¡) its lead with U+00A0.
  EXPECT_EQ(trim("\xE3\x80\x81"), "\xE3\x80\x81");
  EXPECT_EQ(trim("\xC2\xA1"), "\xC2\xA1");
}

TEST(ToLowerAscii, lowers_only_ascii_letters) {
  EXPECT_EQ(to_lower_ascii("Name,PHONE,Id-Number"), "name,phone,id-number");
  EXPECT_EQ(to_lower_ascii("张三ABC"), "张三abc");
  EXPECT_EQ(to_lower_ascii("ＡＢＣ"), "ＡＢＣ");  // full-width letters are not ASCII
  EXPECT_EQ(to_lower_ascii(""), "");
}

}  // namespace
}  // namespace gz::text

namespace gz::text {
namespace {

TEST(Text, EscapesMarkupButKeepsChinese) {
  EXPECT_EQ(escape_markup(R"(<a href="x">'社区' & 公示</a>)"),
            "&lt;a href=&quot;x&quot;&gt;&#39;社区&#39; &amp; 公示&lt;/a&gt;");
  EXPECT_EQ(escape_markup(""), "");
}

}  // namespace
TEST(Text, natural_order_compares_numbers_by_value) {
  EXPECT_TRUE(natural_less("2号楼", "10号楼"));
  EXPECT_FALSE(natural_less("10号楼", "2号楼"));
  EXPECT_TRUE(natural_less("B2", "B10"));
  EXPECT_TRUE(natural_less("1号楼", "1号楼2单元"));
  EXPECT_FALSE(natural_less("3号楼", "3号楼"));
  EXPECT_TRUE(natural_less("07", "8"));
  EXPECT_TRUE(natural_less("A9", "B1"));
}

}  // namespace gz::text
