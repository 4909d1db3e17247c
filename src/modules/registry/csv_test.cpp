#include "modules/registry/csv.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace gz::registry::csv {
namespace {

using Fields = std::vector<std::string>;

std::vector<Record> parse_ok(std::string_view text) {
  Result<std::vector<Record>> records = parse(text);
  EXPECT_TRUE(records.ok()) << (records.ok() ? "" : records.error().message);
  return records.ok() ? std::move(records).value() : std::vector<Record>{};
}

std::vector<Fields> fields_of(const std::vector<Record>& records) {
  std::vector<Fields> all;
  all.reserve(records.size());
  for (const Record& record : records) all.push_back(record.fields);
  return all;
}

std::vector<std::size_t> lines_of(const std::vector<Record>& records) {
  std::vector<std::size_t> lines;
  lines.reserve(records.size());
  for (const Record& record : records) lines.push_back(record.line);
  return lines;
}

Error parse_error(std::string_view text) {
  Result<std::vector<Record>> records = parse(text);
  EXPECT_FALSE(records.ok()) << text;
  return records.ok() ? Error{} : records.error();
}

TEST(CsvParse, reads_plain_records) {
  const auto records = parse_ok("姓名,手机,楼栋\n张三,13812345678,3\n");
  EXPECT_EQ(fields_of(records),
            (std::vector<Fields>{{"姓名", "手机", "楼栋"}, {"张三", "13812345678", "3"}}));
  EXPECT_EQ(lines_of(records), (std::vector<std::size_t>{1, 2}));
}

TEST(CsvParse, accepts_crlf_lf_and_cr_line_ends) {
  const std::vector<Fields> expected = {{"a", "b"}, {"c", "d"}, {"e", "f"}};
  EXPECT_EQ(fields_of(parse_ok("a,b\r\nc,d\r\ne,f\r\n")), expected);
  EXPECT_EQ(fields_of(parse_ok("a,b\nc,d\ne,f\n")), expected);
  EXPECT_EQ(fields_of(parse_ok("a,b\rc,d\re,f\r")), expected);
  EXPECT_EQ(fields_of(parse_ok("a,b\r\nc,d\ne,f\r")), expected);
  EXPECT_EQ(lines_of(parse_ok("a,b\r\nc,d\ne,f\r")), (std::vector<std::size_t>{1, 2, 3}));
}

TEST(CsvParse, does_not_need_a_final_line_end) {
  EXPECT_EQ(fields_of(parse_ok("a,b\r\nc,d")), (std::vector<Fields>{{"a", "b"}, {"c", "d"}}));
  EXPECT_EQ(fields_of(parse_ok("only")), (std::vector<Fields>{{"only"}}));
  EXPECT_EQ(fields_of(parse_ok("\"quoted\"")), (std::vector<Fields>{{"quoted"}}));
}

TEST(CsvParse, reads_nothing_from_empty_text) {
  EXPECT_TRUE(parse_ok("").empty());
  EXPECT_TRUE(parse_ok("\r\n\n\r").empty());
}

TEST(CsvParse, skips_blank_lines_but_counts_them) {
  const auto records = parse_ok("\n\r\na,b\n\n\r\nc,d\r\n\r\n\n");
  EXPECT_EQ(fields_of(records), (std::vector<Fields>{{"a", "b"}, {"c", "d"}}));
  EXPECT_EQ(lines_of(records), (std::vector<std::size_t>{3, 6}));
}

TEST(CsvParse, keeps_empty_fields) {
  EXPECT_EQ(fields_of(parse_ok("a,,b\n,\n,x,\n\"\"\n\"\",\"\"\n")),
            (std::vector<Fields>{{"a", "", "b"}, {"", ""}, {"", "x", ""}, {""}, {"", ""}}));
}

TEST(CsvParse, keeps_spaces_inside_fields) {
  EXPECT_EQ(fields_of(parse_ok(" a , b \t\n")), (std::vector<Fields>{{" a ", " b \t"}}));
}

TEST(CsvParse, reads_quoted_fields_with_commas_and_doubled_quotes) {
  const auto records =
      parse_ok("\"幸福里, 3号楼\",\"他说\"\"你好\"\"\",\"\"\"\"\n\"a\"\"\",\"\"\"b\"\n");
  EXPECT_EQ(fields_of(records),
            (std::vector<Fields>{{"幸福里, 3号楼", "他说\"你好\"", "\""}, {"a\"", "\"b"}}));
}

TEST(CsvParse, keeps_line_breaks_inside_quotes_and_counts_physical_lines) {
  const auto records = parse_ok(
      "name,note\r\n"
      "张三,\"独居老人\r\n需每周探访\"\r\n"
      "李四,\"one\ntwo\rthree\"\n"
      "王五,ok\n");
  EXPECT_EQ(fields_of(records), (std::vector<Fields>{{"name", "note"},
                                                     {"张三", "独居老人\r\n需每周探访"},
                                                     {"李四", "one\ntwo\rthree"},
                                                     {"王五", "ok"}}));
  EXPECT_EQ(lines_of(records), (std::vector<std::size_t>{1, 2, 4, 7}));
}

TEST(CsvParse, fails_on_an_unterminated_quote_naming_the_line_it_opens_on) {
  const Error error = parse_error("a,b\nc,d\ne,\"never closed\nf,g\n");
  EXPECT_EQ(error.kind, ErrorKind::bad_request);
  EXPECT_EQ(error.code, "csv_malformed");
  EXPECT_NE(error.message.find("line 3"), std::string::npos) << error.message;
  EXPECT_EQ(error.details_json, "{\"line\":3}");
  EXPECT_EQ(parse_error("\"").code, "csv_malformed");
  EXPECT_EQ(parse_error("a,\"b\"\"").code, "csv_malformed");  // the quote is doubled, not closed
}

TEST(CsvParse, fails_on_a_quote_inside_an_unquoted_field) {
  for (const char* text : {"a,b\nc,d\nfield with \"quote\",x\n", "a\nb\nc\"", "a\nb\n \"x\",y"}) {
    const Error error = parse_error(text);
    EXPECT_EQ(error.code, "csv_malformed") << text;
    EXPECT_NE(error.message.find("line 3"), std::string::npos) << error.message;
  }
}

TEST(CsvParse, fails_on_text_after_a_closing_quote) {
  const Error error = parse_error("a\n\"line one\nline two\"tail,b\n");
  EXPECT_EQ(error.code, "csv_malformed");
  EXPECT_NE(error.message.find("line 3"), std::string::npos) << error.message;
  EXPECT_EQ(parse_error("\"a\" ,b").code, "csv_malformed");
}

TEST(CsvEscape, leaves_plain_fields_alone) {
  EXPECT_EQ(escape_field(""), "");
  EXPECT_EQ(escape_field("张三"), "张三");
  EXPECT_EQ(escape_field("13812345678"), "13812345678");
  EXPECT_EQ(escape_field("a=b"), "a=b");
  EXPECT_EQ(escape_field("'quoted already"), "'quoted already");
  EXPECT_EQ(escape_field(" spaced "), " spaced ");
}

TEST(CsvEscape, quotes_fields_with_separators_quotes_and_line_breaks) {
  EXPECT_EQ(escape_field("幸福里,3号楼"), "\"幸福里,3号楼\"");
  EXPECT_EQ(escape_field("他说\"你好\""), "\"他说\"\"你好\"\"\"");
  EXPECT_EQ(escape_field("a\nb"), "\"a\nb\"");
  EXPECT_EQ(escape_field("a\r\nb"), "\"a\r\nb\"");
  EXPECT_EQ(escape_field("\""), "\"\"\"\"");
}

TEST(CsvEscape, defuses_fields_a_spreadsheet_would_run_as_formulas) {
  EXPECT_EQ(escape_field("=HYPERLINK(\"http://x\",\"点击\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"点击\"\")\"");
  EXPECT_EQ(escape_field("+86 138"), "\"'+86 138\"");
  EXPECT_EQ(escape_field("-5"), "\"'-5\"");
  EXPECT_EQ(escape_field("@SUM(A1)"), "\"'@SUM(A1)\"");
  EXPECT_EQ(escape_field("\t=1"), "\"'\t=1\"");
  EXPECT_EQ(escape_field("\r=1"), "\"'\r=1\"");
}

TEST(CsvFormat, joins_escaped_fields_and_ends_with_crlf) {
  EXPECT_EQ(format_row({"张三", "幸福里,3号楼", "=1+1"}), "张三,\"幸福里,3号楼\",\"'=1+1\"\r\n");
  EXPECT_EQ(format_row({"", ""}), ",\r\n");
  EXPECT_EQ(format_row({}), "\r\n");
}

TEST(CsvFormat, writes_a_single_empty_field_so_it_is_not_a_blank_line) {
  EXPECT_EQ(format_row({""}), "\"\"\r\n");
  EXPECT_EQ(fields_of(parse_ok(format_row({""}))), (std::vector<Fields>{{""}}));
}

// Physical lines as the parser counts them: CRLF, LF and a lone CR each end one.
std::size_t count_line_ends(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) {
      ++count;
    }
  }
  return count;
}

TEST(CsvRoundTrip, parses_back_what_format_row_writes) {
  const std::vector<std::string> pieces = {"a",  "Z",    "7",  " ",  ",",      "\"", "\"\"", "\n",
                                           "\r", "\r\n", "张", "三", "幸福里", "=",  "+",    "-",
                                           "@",  "\t",   "'",  "😀",  "，",     "　"};
  std::mt19937 random(4180);
  std::uniform_int_distribution<int> row_count(1, 8);
  std::uniform_int_distribution<int> field_count(1, 6);
  std::uniform_int_distribution<int> piece_count(0, 6);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  for (int trial = 0; trial < 2000; ++trial) {
    std::vector<Fields> rows(row_count(random));
    std::vector<Fields> expected;
    std::vector<std::size_t> expected_lines;
    std::string text;
    for (Fields& row : rows) {
      row.resize(field_count(random));
      for (std::string& field : row) {
        for (int n = piece_count(random); n > 0; --n) field += pieces[pick(random)];
      }
      Fields read_back = row;
      for (std::string& field : read_back) {
        if (!field.empty() && std::string_view("=+-@\t\r").find(field[0]) != std::string::npos) {
          field.insert(0, "'");
        }
      }
      expected.push_back(read_back);
      expected_lines.push_back(count_line_ends(text) + 1);
      text += format_row(row);
    }
    const auto records = parse_ok(text);
    ASSERT_EQ(fields_of(records), expected) << text;
    ASSERT_EQ(lines_of(records), expected_lines) << text;
    // The last line end is optional.
    text.resize(text.size() - 2);
    ASSERT_EQ(fields_of(parse_ok(text)), expected) << text;
  }
}

}  // namespace
}  // namespace gz::registry::csv
