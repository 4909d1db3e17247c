#include "modules/requests/store.hpp"

#include "core/clock.hpp"

namespace gz::requests::store {

const char* const kRequestColumns =
    "SELECT r.id, r.community_id, r.tracking_code, r.category, r.description, r.priority, "
    "r.priority_source, r.triage_note, r.status, r.channel, r.household_id, "
    "r.submitted_by_user_id, r.contact_name, r.contact_phone, r.location, r.latitude, "
    "r.longitude, r.received_ms, r.response_due_ms, r.resolution_due_ms, r.responded_ms, "
    "r.resolved_ms, r.closed_ms, r.assignee_user_id, r.assignee_department, r.duplicate_of, "
    "r.overdue_response, r.overdue_resolution, r.rating, r.rating_comment, r.version, "
    "r.updated_at FROM requests r";

const std::string& returning_columns() {
  static const std::string clause = [] {
    std::string columns(kRequestColumns);
    columns = columns.substr(std::string_view("SELECT ").size());
    columns = columns.substr(0, columns.find(" FROM "));
    std::string out = "RETURNING ";
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (columns.compare(i, 2, "r.") == 0 && (i == 0 || columns[i - 1] == ' ')) {
        ++i;
        continue;
      }
      out += columns[i];
    }
    return out;
  }();
  return clause;
}

Request request_from(const storage::Row& row) {
  Request request;
  request.id = row.integer(0);
  request.community_id = row.integer(1);
  request.tracking_code = row.text(2);
  request.category = row.text(3);
  request.description = row.text(4);
  request.priority = parse_priority(row.text(5)).value_or(Priority::blue);
  request.priority_source = row.text(6);
  request.triage_note = row.opt_text(7);
  request.status = parse_status(row.text(8)).value_or(Status::submitted);
  request.channel = row.text(9);
  request.household_id = row.opt_integer(10);
  request.submitted_by_user_id = row.opt_integer(11);
  request.contact_name = row.opt_text(12);
  request.contact_phone = row.opt_text(13);
  request.location = row.opt_text(14);
  request.latitude = row.opt_text(15);
  request.longitude = row.opt_text(16);
  request.received_ms = row.integer(17);
  request.response_due_ms = row.integer(18);
  request.resolution_due_ms = row.integer(19);
  request.responded_ms = row.opt_integer(20);
  request.resolved_ms = row.opt_integer(21);
  request.closed_ms = row.opt_integer(22);
  request.assignee_user_id = row.opt_integer(23);
  request.assignee_department = row.opt_text(24);
  request.duplicate_of = row.opt_integer(25);
  request.overdue_response = row.integer(26) != 0;
  request.overdue_resolution = row.integer(27) != 0;
  if (auto rating = row.opt_integer(28)) request.rating = static_cast<int>(*rating);
  request.rating_comment = row.opt_text(29);
  request.version = row.integer(30);
  request.updated_at = row.text(31);
  return request;
}

std::optional<Request> load_request(storage::Connection& db, std::int64_t id) {
  auto row = db.query_one(std::string(kRequestColumns) + " WHERE r.id = ?", {id});
  if (!row) return std::nullopt;
  return request_from(*row);
}

std::optional<Request> load_request_by_code(storage::Connection& db, const std::string& code) {
  auto row = db.query_one(std::string(kRequestColumns) + " WHERE r.tracking_code = ?", {code});
  if (!row) return std::nullopt;
  return request_from(*row);
}

std::vector<Event> load_events(storage::Connection& db, std::int64_t request_id, bool public_only) {
  std::vector<Event> events;
  for (const auto& row : db.query(
           public_only
               ? "SELECT id, at, actor_role, actor_user_id, action, from_status, to_status, note, "
                 "is_public FROM request_events WHERE request_id = ? AND is_public = 1 ORDER BY id"
               : "SELECT id, at, actor_role, actor_user_id, action, from_status, to_status, note, "
                 "is_public FROM request_events WHERE request_id = ? ORDER BY id",
           {request_id})) {
    Event event;
    event.id = row.integer(0);
    event.at = row.text(1);
    event.actor_role = row.text(2);
    event.actor_user_id = row.opt_integer(3);
    event.action = row.text(4);
    event.from_status = row.opt_text(5);
    event.to_status = row.text(6);
    event.note = row.opt_text(7);
    event.is_public = row.integer(8) != 0;
    events.push_back(std::move(event));
  }
  return events;
}

void insert_event(storage::Connection& db, const EventInput& event) {
  db.execute(
      "INSERT INTO request_events (community_id, request_id, at, at_ms, actor_user_id, actor_role, "
      "action, from_status, to_status, note, is_public) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {event.community_id, event.request_id, format_iso8601(event.at_ms), event.at_ms,
       storage::opt_int(event.actor_user_id), event.actor_role, event.action,
       storage::opt_text(event.from_status), event.to_status, storage::opt_text(event.note),
       std::int64_t{event.is_public ? 1 : 0}});
}

void mask_for(pii::Reader reader, Request& request) {
  if (reader == pii::Reader::entitled) return;
  request.description = pii::mask_text(request.description);
  request.location = pii::text_for(reader, request.location);
  request.rating_comment = pii::text_for(reader, request.rating_comment);
  if (request.contact_phone) request.contact_phone = pii::mask_mobile(*request.contact_phone);
  for (auto& event : request.events) event.note = pii::text_for(reader, event.note);
}

}  // namespace gz::requests::store
