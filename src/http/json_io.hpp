// Decoding JSON request bodies into plain values with clear 400s: malformed JSON, a body that
// is not an object, a missing field, a field of the wrong type or out of range. The first
// problem found is reported, naming the field.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "http/message.hpp"

namespace gz::http {

// null for an absent optional, the value otherwise (for encoding responses).
boost::json::value json_or_null(const std::optional<std::string>& value);
boost::json::value json_or_null(const std::optional<std::int64_t>& value);
// An optional instant as ISO 8601 in Asia/Shanghai, or null.
boost::json::value time_or_null(const std::optional<std::int64_t>& epoch_ms);

// An instant "2026-12-07T10:00:00+08:00" or a day "2026-12-07" in Shanghai: its first
// instant, or with `day_end` the first instant of the next day (a notice valid until the 10th
// is up until midnight). 400 invalid_field naming `field` otherwise.
Result<std::int64_t> instant_or_day(const std::string& field, const std::string& text,
                                    bool day_end = false);

// Parses the body as a JSON object (400 invalid_json / body_not_object).
Result<boost::json::object> parse_json_object(const Request& request);

enum class Need { required, optional };

class JsonReader {
 public:
  explicit JsonReader(const boost::json::object& object) : object_(object) {}

  std::optional<std::string> text(const char* key, Need need, std::size_t max_chars = 200);
  std::optional<std::int64_t> integer(const char* key, Need need, std::int64_t min = INT64_MIN,
                                      std::int64_t max = INT64_MAX);
  // An amount (core/amount.hpp): a whole number from `min` to kAmountMax; 400 invalid_amount
  // otherwise, also for a number that is not a whole number or does not fit in 64 bits.
  // A tighter `max` (a per-person limit, say) may be given; kAmountMax is never exceeded.
  std::optional<std::int64_t> amount(const char* key, Need need, std::int64_t min = 0,
                                     std::int64_t max = INT64_MAX);
  std::optional<bool> boolean(const char* key, Need need);
  std::optional<std::vector<std::string>> text_list(const char* key, Need need,
                                                    std::size_t max_items = 50);
  // Whole numbers from `min` to `max`, at most `max_items` of them.
  std::optional<std::vector<std::int64_t>> integer_list(const char* key, Need need,
                                                        std::int64_t min, std::int64_t max,
                                                        std::size_t max_items = 100);
  // Fails when the body has fields other than these (catches typos such as "adress").
  void only(std::initializer_list<const char*> keys);
  bool has(const char* key) const { return object_.contains(key); }

  bool ok() const { return !error_.has_value(); }
  const Error& error() const { return *error_; }

 private:
  void fail(const std::string& code, const std::string& message);
  const boost::json::object& object_;
  std::optional<Error> error_;
};

}  // namespace gz::http
