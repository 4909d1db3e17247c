#include "core/json.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace gz {
namespace {

TEST(CanonicalJson, SortsKeysAtEveryDepthWithoutWhitespace) {
  auto value = boost::json::parse(R"({"b": 1, "a": {"d": [3, {"z": 1, "y": 2}], "c": null}})");
  EXPECT_EQ(canonical_json(value), R"({"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1})");
}

TEST(CanonicalJson, SameContentSameTextWhateverTheInsertionOrder) {
  boost::json::object first{{"x", 1}, {"y", "名"}};
  boost::json::object second{{"y", "名"}, {"x", 1}};
  EXPECT_EQ(canonical_json(first), canonical_json(second));
}

}  // namespace
}  // namespace gz
