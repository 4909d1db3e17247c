// The notifications tables as the module's use cases and its delivery worker both write and
// read them: an event row, a delivery row (idempotent by its key), a user's language.
// Internal to the module.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "storage/database.hpp"

namespace gz::notifications::store {

struct NewEvent {
  std::int64_t community_id = 0;
  std::string kind;
  std::string subject_type;
  std::string subject_id;
  std::optional<std::string> building;
  bool urgent = false;
  boost::json::object data;  // stored as written: callers mask what must be masked
};
// Returns the event's id.
std::int64_t insert_event(storage::Connection& db, const NewEvent& event, std::int64_t now_ms);

struct NewDelivery {
  std::string key;  // "e<event>:c<channel>" or "e<event>:sms[:u<user>]": one row per target
  std::int64_t event_id = 0;
  std::int64_t community_id = 0;
  std::string channel;  // wecom, dingtalk, webhook, sms
  std::optional<std::int64_t> channel_id;
  std::optional<std::int64_t> user_id;
  std::optional<std::string> address;  // the mobile of an SMS
  std::int64_t due_ms = 0;
};
// Nothing when a delivery with the key exists already.
void add_delivery(storage::Connection& db, const NewDelivery& delivery, std::int64_t now_ms);

// "zh" unless the user chose English.
std::string language_of(storage::Connection& db, std::optional<std::int64_t> user_id);

// "a,b,c" → {"a", "b", "c"} (empty items dropped): a channel's event kinds.
std::vector<std::string> split_list(const std::string& text);

}  // namespace gz::notifications::store
