#include "http/json_io.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace gz::http {
namespace {

Request with_body(std::string body) {
  Request request;
  request.body = std::move(body);
  return request;
}

TEST(JsonBody, RejectsMalformedEmptyAndNonObjectBodies) {
  EXPECT_EQ(parse_json_object(with_body("")).error().code, "invalid_json");
  EXPECT_EQ(parse_json_object(with_body("{\"a\":")).error().code, "invalid_json");
  EXPECT_EQ(parse_json_object(with_body("[1]")).error().code, "body_not_object");
  std::string deep(100, '[');
  EXPECT_EQ(parse_json_object(with_body(deep)).error().code, "invalid_json");
  EXPECT_TRUE(parse_json_object(with_body("{\"a\":1}")).ok());
}

TEST(JsonReader, ReportsTheFirstBadFieldByName) {
  boost::json::object body{{"name", 5}, {"size", "big"}};
  JsonReader reader(body);
  reader.text("name", Need::required);
  reader.integer("size", Need::required);
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.error().code, "invalid_field");
  EXPECT_NE(reader.error().message.find("'name'"), std::string::npos);
}

TEST(JsonReader, EnforcesRangesLengthsAndRequiredFields) {
  boost::json::object body{
      {"size", 99}, {"name", "  张三  "}, {"tags", boost::json::array{"a", 1}}};
  JsonReader range(body);
  range.integer("size", Need::required, 1, 50);
  EXPECT_FALSE(range.ok());
  JsonReader trimmed(body);
  EXPECT_EQ(trimmed.text("name", Need::required), "张三");
  JsonReader too_long(body);
  too_long.text("name", Need::required, 1);
  EXPECT_FALSE(too_long.ok());
  JsonReader missing(body);
  missing.text("address", Need::required);
  EXPECT_EQ(missing.error().code, "missing_field");
  JsonReader list(body);
  list.text_list("tags", Need::optional);
  EXPECT_FALSE(list.ok());
  JsonReader unknown(body);
  unknown.only({"size", "name"});
  EXPECT_EQ(unknown.error().code, "unknown_field");
}

TEST(JsonReader, AcceptsMissingOptionalFields) {
  boost::json::object body;
  JsonReader reader(body);
  EXPECT_FALSE(reader.text("x", Need::optional).has_value());
  EXPECT_FALSE(reader.integer("y", Need::optional).has_value());
  EXPECT_TRUE(reader.ok());
}

}  // namespace
}  // namespace gz::http
