#include "http/log.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace gz::log {
namespace {

TEST(Log, TextValuesCannotEndALineOrForgeAField) {
  EXPECT_EQ(escape_text("/api/v1/\r\n2026 status=200 \"x\" 100%"),
            "\"/api/v1/\\r\\n2026 status=200 \\\"x\\\" 100%\"");
  EXPECT_EQ(escape_text("/board/plans/11"), "/board/plans/11");
  EXPECT_EQ(escape_text("/社区"), "/社区");  // UTF-8 stays readable
  EXPECT_EQ(escape_text(""), "\"\"");
  EXPECT_EQ(escape_text(std::string("a\x01\x7f", 3)), "\"a\\u0001\\u007F\"");
  EXPECT_EQ(escape_text("back\\slash"), "\"back\\\\slash\"");
}

TEST(Log, TextLinesCarryTheLevelAndEvent) {
  set_format(Format::text);
  std::string text = line(Level::warn, "refused", {{"status", 413}, {"path", "/a b\n"}});
  EXPECT_EQ(text.find('\n'), std::string::npos);
  EXPECT_NE(text.find(" level=warn event=refused status=413 path=\"/a b\\n\""), std::string::npos)
      << text;
}

TEST(Log, JsonLinesAreOneObjectWithTypedValues) {
  set_format(Format::json);
  std::string text =
      line(Level::error, "request", {{"path", "/x\ny\"z"}, {"status", 500}, {"ms", 0.02}});
  set_format(Format::text);
  EXPECT_EQ(text.find('\n'), std::string::npos);
  auto object = boost::json::parse(text).as_object();
  EXPECT_EQ(object.at("level").as_string(), "error");
  EXPECT_EQ(object.at("event").as_string(), "request");
  EXPECT_EQ(object.at("path").as_string(), "/x\ny\"z");
  EXPECT_EQ(object.at("status").as_int64(), 500);
  EXPECT_DOUBLE_EQ(object.at("ms").as_double(), 0.02);
  EXPECT_TRUE(object.contains("time"));
}

}  // namespace
}  // namespace gz::log
