// Reading the data files the binary embeds (data/…/*.json, see cmake/embed_file.cmake): a
// JSON document whose shape the reading code fixes. The files ship inside the binary, so a
// mistake in one is a bug of the build, not bad input: every problem throws
// std::runtime_error naming the file and where in it ("data/demo/requests.json:
// templates.gas_leak[2].place: expected a string"), and each file's unit test parses it, so
// the mistake fails the tests rather than a user's first run.
#pragma once

#include <boost/json/fwd.hpp>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gz {

// One value of a data file and where it is; valid while its DataFile lives.
class DataNode {
 public:
  DataNode(const boost::json::value& value, std::string file, std::string path)
      : value_(&value), file_(std::move(file)), path_(std::move(path)) {}

  // A member of an object: `at` throws when it is missing, `find` gives nullopt.
  DataNode at(std::string_view key) const;
  std::optional<DataNode> find(std::string_view key) const;
  // The members of an object, in the file's order.
  std::vector<std::pair<std::string, DataNode>> members() const;
  // Throws for a member not among `keys` (a misspelt optional field would be ignored).
  void only(std::initializer_list<std::string_view> keys) const;
  // The items of an array (`non_empty` throws for []).
  enum class Items { any, non_empty };
  std::vector<DataNode> items(Items need = Items::non_empty) const;

  std::string text() const;  // a non-empty string
  std::int64_t integer(std::int64_t min = INT64_MIN, std::int64_t max = INT64_MAX) const;
  bool boolean() const;
  // A non-empty array of non-empty strings.
  std::vector<std::string> texts() const;

  // "data/demo/requests.json: templates.gas_leak[2]".
  std::string where() const;
  [[noreturn]] void fail(const std::string& problem) const;

 private:
  DataNode member(const boost::json::value& value, const std::string& key) const;
  DataNode item(const boost::json::value& value, std::size_t index) const;

  const boost::json::value* value_;
  std::string file_;
  std::string path_;  // empty for the top level
};

class DataFile {
 public:
  // `name` is how errors name the file ("data/demo/requests.json"); throws when `json` is
  // not valid JSON or not an object.
  DataFile(std::string name, std::string_view json);
  ~DataFile();
  DataFile(const DataFile&) = delete;
  DataFile& operator=(const DataFile&) = delete;

  DataNode root() const;

 private:
  std::string name_;
  std::unique_ptr<boost::json::value> document_;
};

}  // namespace gz
