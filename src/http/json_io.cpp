#include "http/json_io.hpp"

#include "http/schema_trace.hpp"

#include <algorithm>
#include <boost/json/parse.hpp>

#include "core/amount.hpp"
#include "core/clock.hpp"
#include "core/text.hpp"

namespace gz::http {

boost::json::value json_or_null(const std::optional<std::string>& value) {
  return value ? boost::json::value(*value) : boost::json::value(nullptr);
}

boost::json::value json_or_null(const std::optional<std::int64_t>& value) {
  return value ? boost::json::value(*value) : boost::json::value(nullptr);
}

boost::json::value time_or_null(const std::optional<std::int64_t>& epoch_ms) {
  return epoch_ms ? boost::json::value(format_iso8601(*epoch_ms)) : boost::json::value(nullptr);
}

Result<std::int64_t> instant_or_day(const std::string& field, const std::string& text,
                                    bool day_end) {
  if (text.size() == 10) {
    int year = 0;
    unsigned month = 0, day = 0;
    if (parse_date(text, year, month, day)) {
      return shanghai_midnight_ms(days_from_civil(year, month, day) + (day_end ? 1 : 0));
    }
  } else if (auto at = parse_iso8601(text)) {
    return *at;
  }
  return bad_request("invalid_field", field + " must be a date YYYY-MM-DD or an ISO-8601 instant");
}

Result<boost::json::object> parse_json_object(const Request& request) {
  if (request.body.empty())
    return bad_request("invalid_json", "request body is empty; expected a JSON object");
  boost::system::error_code ec;
  boost::json::parse_options options;
  options.max_depth = 32;
  boost::json::value value = boost::json::parse(request.body, ec, {}, options);
  if (ec) return bad_request("invalid_json", "request body is not valid JSON: " + ec.message());
  if (!value.is_object())
    return bad_request("body_not_object", "request body must be a JSON object");
  return std::move(value.as_object());
}

void JsonReader::fail(const std::string& code, const std::string& message) {
  if (!error_) error_ = bad_request(code, message);
}

std::optional<std::string> JsonReader::text(const char* key, Need need, std::size_t max_chars) {
  if (schema_trace::enabled()) {
    schema_trace::read({"body", key, "string", need == Need::required, std::nullopt, std::nullopt,
                        static_cast<std::int64_t>(max_chars), std::nullopt, false, &object_});
  }
  auto* value = object_.if_contains(key);
  if (!value || value->is_null()) {
    if (need == Need::required)
      fail("missing_field", std::string("field '") + key + "' is required");
    return std::nullopt;
  }
  if (!value->is_string()) {
    fail("invalid_field", std::string("field '") + key + "' must be a string");
    return std::nullopt;
  }
  std::string result = text::trim(std::string(value->get_string()));
  if (!text::is_valid_utf8(result)) {
    fail("invalid_field", std::string("field '") + key + "' is not valid UTF-8");
    return std::nullopt;
  }
  if (result.empty() && need == Need::required) {
    fail("missing_field", std::string("field '") + key + "' must not be empty");
    return std::nullopt;
  }
  if (text::utf8_length(result) > max_chars) {
    fail("invalid_field", std::string("field '") + key + "' is longer than " +
                              std::to_string(max_chars) + " characters");
    return std::nullopt;
  }
  return result;
}

namespace {

// The field as a 64-bit integer: nullopt when absent (or null), or when it is not one (then
// `not_integer` is set).
std::optional<std::int64_t> int64_field(const boost::json::value* value, bool& not_integer) {
  not_integer = false;
  if (!value || value->is_null()) return std::nullopt;
  if (value->is_int64()) return value->get_int64();
  if (value->is_uint64() && value->get_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
    return static_cast<std::int64_t>(value->get_uint64());
  }
  not_integer = true;
  return std::nullopt;
}

}  // namespace

std::optional<std::int64_t> JsonReader::integer(const char* key, Need need, std::int64_t min,
                                                std::int64_t max) {
  if (schema_trace::enabled()) {
    schema_trace::read({"body", key, "integer", need == Need::required, min, max, std::nullopt,
                        std::nullopt, false, &object_});
  }
  bool not_integer = false;
  auto number = int64_field(object_.if_contains(key), not_integer);
  if (not_integer) {
    fail("invalid_field", std::string("field '") + key + "' must be an integer");
  } else if (!number && need == Need::required) {
    fail("missing_field", std::string("field '") + key + "' is required");
  } else if (number && (*number < min || *number > max)) {
    fail("invalid_field", std::string("field '") + key + "' must be between " +
                              std::to_string(min) + " and " + std::to_string(max));
    return std::nullopt;
  }
  return number;
}

std::optional<std::int64_t> JsonReader::amount(const char* key, Need need, std::int64_t min,
                                               std::int64_t max) {
  if (schema_trace::enabled()) {
    schema_trace::read({"body", key, "integer", need == Need::required, min,
                        std::min(max, kAmountMax), std::nullopt, std::nullopt, false, &object_});
  }
  max = std::min(max, kAmountMax);
  bool not_integer = false;
  auto number = int64_field(object_.if_contains(key), not_integer);
  // Any number that is not a 64-bit integer is out of the amounts' range as well.
  if (not_integer || (number && (!is_amount(*number, min) || *number > max))) {
    fail("invalid_amount", std::string("field '") + key + "' must be a whole number from " +
                               std::to_string(min) + " to " + std::to_string(max));
    return std::nullopt;
  }
  if (!number && need == Need::required) {
    fail("missing_field", std::string("field '") + key + "' is required");
  }
  return number;
}

std::optional<bool> JsonReader::boolean(const char* key, Need need) {
  if (schema_trace::enabled()) {
    schema_trace::read({"body", key, "boolean", need == Need::required, std::nullopt, std::nullopt,
                        std::nullopt, std::nullopt, false, &object_});
  }
  auto* value = object_.if_contains(key);
  if (!value || value->is_null()) {
    if (need == Need::required)
      fail("missing_field", std::string("field '") + key + "' is required");
    return std::nullopt;
  }
  if (!value->is_bool()) {
    fail("invalid_field", std::string("field '") + key + "' must be true or false");
    return std::nullopt;
  }
  return value->get_bool();
}

std::optional<std::vector<std::string>> JsonReader::text_list(const char* key, Need need,
                                                              std::size_t max_items) {
  if (schema_trace::enabled()) {
    schema_trace::read({"body", key, "string_array", need == Need::required, std::nullopt,
                        std::nullopt, 64, static_cast<std::int64_t>(max_items), false, &object_});
  }
  auto* value = object_.if_contains(key);
  if (!value || value->is_null()) {
    if (need == Need::required)
      fail("missing_field", std::string("field '") + key + "' is required");
    return std::nullopt;
  }
  if (!value->is_array() || value->get_array().size() > max_items) {
    fail("invalid_field", std::string("field '") + key + "' must be an array of at most " +
                              std::to_string(max_items) + " strings");
    return std::nullopt;
  }
  std::vector<std::string> items;
  for (const auto& element : value->get_array()) {
    if (!element.is_string() || element.get_string().empty() || element.get_string().size() > 64 ||
        !text::is_valid_utf8(element.get_string())) {
      fail("invalid_field",
           std::string("field '") + key + "' must hold non-empty strings of at most 64 bytes");
      return std::nullopt;
    }
    items.emplace_back(element.get_string());
  }
  return items;
}

std::optional<std::vector<std::int64_t>> JsonReader::integer_list(const char* key, Need need,
                                                                  std::int64_t min,
                                                                  std::int64_t max,
                                                                  std::size_t max_items) {
  if (schema_trace::enabled()) {
    schema_trace::read({"body", key, "integer_array", need == Need::required, min, max,
                        std::nullopt, static_cast<std::int64_t>(max_items), false, &object_});
  }
  auto* value = object_.if_contains(key);
  if (!value || value->is_null()) {
    if (need == Need::required)
      fail("missing_field", std::string("field '") + key + "' is required");
    return std::nullopt;
  }
  std::string shape = std::string("field '") + key + "' must be an array of at most " +
                      std::to_string(max_items) + " whole numbers from " + std::to_string(min) +
                      " to " + std::to_string(max);
  if (!value->is_array() || value->get_array().size() > max_items) {
    fail("invalid_field", shape);
    return std::nullopt;
  }
  std::vector<std::int64_t> items;
  for (const auto& element : value->get_array()) {
    std::optional<std::int64_t> number;
    if (element.is_int64()) number = element.get_int64();
    if (element.is_uint64() && element.get_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
      number = static_cast<std::int64_t>(element.get_uint64());
    }
    if (!number || *number < min || *number > max) {
      fail("invalid_field", shape);
      return std::nullopt;
    }
    items.push_back(*number);
  }
  return items;
}

void JsonReader::only(std::initializer_list<const char*> keys) {
  if (schema_trace::enabled()) {
    schema_trace::closed_body({keys.begin(), keys.end()}, &object_);
  }
  for (const auto& member : object_) {
    bool known = false;
    for (const char* key : keys) known = known || member.key() == key;
    if (!known) {
      fail("unknown_field", "unknown field '" + std::string(member.key()) + "'");
      return;
    }
  }
}

}  // namespace gz::http
