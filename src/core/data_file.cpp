#include "core/data_file.hpp"

#include <boost/json.hpp>
#include <stdexcept>

namespace gz {

DataNode DataNode::at(std::string_view key) const {
  auto found = find(key);
  if (!found) fail("missing member \"" + std::string(key) + "\"");
  return *found;
}

std::optional<DataNode> DataNode::find(std::string_view key) const {
  if (!value_->is_object()) fail("expected an object");
  const boost::json::value* found_value = value_->get_object().if_contains(key);
  if (found_value == nullptr) return std::nullopt;
  return member(*found_value, std::string(key));
}

std::vector<std::pair<std::string, DataNode>> DataNode::members() const {
  if (!value_->is_object()) fail("expected an object");
  std::vector<std::pair<std::string, DataNode>> out;
  for (const auto& entry : value_->get_object()) {
    const std::string key(entry.key());
    out.emplace_back(key, member(entry.value(), key));
  }
  return out;
}

void DataNode::only(std::initializer_list<std::string_view> keys) const {
  if (!value_->is_object()) fail("expected an object");
  for (const auto& entry : value_->get_object()) {
    bool known = false;
    for (std::string_view key : keys) known = known || entry.key() == key;
    if (!known) fail("unknown member \"" + std::string(entry.key()) + "\"");
  }
}

std::vector<DataNode> DataNode::items(Items need) const {
  if (!value_->is_array()) fail("expected an array");
  const auto& array = value_->get_array();
  if (need == Items::non_empty && array.empty()) fail("expected a non-empty array");
  std::vector<DataNode> nodes;
  nodes.reserve(array.size());
  for (std::size_t i = 0; i < array.size(); ++i) {
    nodes.push_back(item(array[i], i));
  }
  return nodes;
}

std::string DataNode::text() const {
  if (!value_->is_string()) fail("expected a string");
  if (value_->get_string().empty()) fail("expected a non-empty string");
  return std::string(value_->get_string());
}

std::int64_t DataNode::integer(std::int64_t min, std::int64_t max) const {
  if (!value_->is_int64() && !value_->is_uint64()) fail("expected a whole number");
  if (value_->is_uint64() && value_->get_uint64() > static_cast<std::uint64_t>(INT64_MAX)) {
    fail("number out of range");
  }
  const std::int64_t number =
      value_->is_int64() ? value_->get_int64() : static_cast<std::int64_t>(value_->get_uint64());
  if (number < min || number > max) {
    fail("expected a number from " + std::to_string(min) + " to " + std::to_string(max));
  }
  return number;
}

bool DataNode::boolean() const {
  if (!value_->is_bool()) fail("expected true or false");
  return value_->get_bool();
}

std::vector<std::string> DataNode::texts() const {
  std::vector<std::string> out;
  for (const auto& item : items()) out.push_back(item.text());
  return out;
}

DataNode DataNode::member(const boost::json::value& value, const std::string& key) const {
  return DataNode(value, file_, path_.empty() ? key : path_ + "." + key);
}

DataNode DataNode::item(const boost::json::value& value, std::size_t index) const {
  return DataNode(value, file_, path_ + "[" + std::to_string(index) + "]");
}

std::string DataNode::where() const {
  return path_.empty() ? file_ : file_ + ": " + path_;
}

void DataNode::fail(const std::string& problem) const {
  throw std::runtime_error(where() + ": " + problem);
}

DataFile::DataFile(std::string name, std::string_view json) : name_(std::move(name)) {
  boost::system::error_code error;
  auto document = boost::json::parse(json, error);
  if (error) throw std::runtime_error(name_ + ": not valid JSON (" + error.message() + ")");
  if (!document.is_object()) throw std::runtime_error(name_ + ": expected a JSON object");
  document_ = std::make_unique<boost::json::value>(std::move(document));
}

DataFile::~DataFile() = default;

DataNode DataFile::root() const {
  return DataNode(*document_, name_, "");
}

}  // namespace gz
