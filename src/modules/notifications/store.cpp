#include "modules/notifications/store.hpp"

#include <boost/json/serialize.hpp>

namespace gz::notifications::store {

std::int64_t insert_event(storage::Connection& db, const NewEvent& event, std::int64_t now_ms) {
  return db
      .query_one(
          "INSERT INTO notification_events (community_id, kind, subject_type, subject_id, "
          "building, urgent, data, occurred_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {event.community_id, event.kind, event.subject_type, event.subject_id,
           storage::opt_text(event.building), std::int64_t{event.urgent ? 1 : 0},
           boost::json::serialize(event.data), now_ms})
      ->integer(0);
}

void add_delivery(storage::Connection& db, const NewDelivery& delivery, std::int64_t now_ms) {
  db.execute(
      "INSERT INTO notification_deliveries (key, event_id, community_id, channel, channel_id, "
      "user_id, address, status, next_attempt_ms, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, "
      "'pending', ?, ?) ON CONFLICT (key) DO NOTHING",
      {delivery.key, delivery.event_id, delivery.community_id, delivery.channel,
       storage::opt_int(delivery.channel_id), storage::opt_int(delivery.user_id),
       storage::opt_text(delivery.address), delivery.due_ms, now_ms});
}

std::string language_of(storage::Connection& db, std::optional<std::int64_t> user_id) {
  if (!user_id) return "zh";
  auto row =
      db.query_one("SELECT language FROM notification_contacts WHERE user_id = ?", {*user_id});
  return row ? row->text(0) : "zh";
}

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace gz::notifications::store
