// Embedded data files fail loudly, naming the file and the place of the mistake.
#include "core/data_file.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace gz {
namespace {

// The message of what `read` throws, or "" when it does not throw.
template <typename Read>
std::string problem(Read&& read) {
  try {
    read();
  } catch (const std::runtime_error& error) {
    return error.what();
  }
  return "";
}

TEST(DataFile, values_are_read_by_path_in_the_files_order) {
  DataFile file("data/x.json", R"({"b": {"n": 3, "yes": true}, "a": ["x", "y"]})");
  const DataNode root = file.root();
  EXPECT_EQ(root.at("b").at("n").integer(0, 5), 3);
  EXPECT_TRUE(root.at("b").at("yes").boolean());
  EXPECT_EQ(root.at("a").texts(), (std::vector<std::string>{"x", "y"}));
  EXPECT_FALSE(root.find("c").has_value());
  const auto members = root.members();
  ASSERT_EQ(members.size(), 2u);
  EXPECT_EQ(members[0].first, "b");
  EXPECT_EQ(members[1].first, "a");
  EXPECT_EQ(root.at("a").items()[1].where(), "data/x.json: a[1]");
}

TEST(DataFile, every_mistake_names_the_file_and_where_it_is) {
  EXPECT_EQ(problem([] {
              DataFile("data/x.json", "{\"a\": [1,}");
            }).rfind("data/x.json: not valid JSON", 0),
            0u);
  EXPECT_EQ(problem([] { DataFile("data/x.json", "[]"); }), "data/x.json: expected a JSON object");
  DataFile file("data/x.json", R"({"t": {"list": ["ok", 2], "empty": [], "n": 7, "s": ""}})");
  const DataNode t = file.root().at("t");
  EXPECT_EQ(problem([&] { t.at("list").texts(); }), "data/x.json: t.list[1]: expected a string");
  EXPECT_EQ(problem([&] { t.at("empty").texts(); }),
            "data/x.json: t.empty: expected a non-empty array");
  EXPECT_EQ(problem([&] { t.at("missing"); }), "data/x.json: t: missing member \"missing\"");
  EXPECT_EQ(problem([&] { t.at("n").integer(0, 5); }),
            "data/x.json: t.n: expected a number from 0 to 5");
  EXPECT_EQ(problem([&] { t.at("s").text(); }), "data/x.json: t.s: expected a non-empty string");
  EXPECT_EQ(problem([&] { t.at("n").boolean(); }), "data/x.json: t.n: expected true or false");
  EXPECT_EQ(problem([&] {
              t.only({"list", "empty", "n"});
            }),
            "data/x.json: t: unknown member \"s\"");
  EXPECT_TRUE(t.at("empty").items(DataNode::Items::any).empty());
}

}  // namespace
}  // namespace gz
