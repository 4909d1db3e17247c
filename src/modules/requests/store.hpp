// Reading and writing request rows and events (shared by the commands and queries).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/pii.hpp"
#include "modules/requests/requests.hpp"
#include "storage/database.hpp"

namespace gz::requests::store {

extern const char* const kRequestColumns;  // "SELECT ... FROM requests r"
// "RETURNING id, community_id, …": the columns of kRequestColumns in the same order, so an
// INSERT hands back the row request_from() reads, without reading it again.
const std::string& returning_columns();
Request request_from(const storage::Row& row);
std::optional<Request> load_request(storage::Connection& db, std::int64_t id);
std::optional<Request> load_request_by_code(storage::Connection& db, const std::string& code);
std::vector<Event> load_events(storage::Connection& db, std::int64_t request_id, bool public_only);

struct EventInput {
  std::int64_t community_id = 0;
  std::int64_t request_id = 0;
  std::int64_t at_ms = 0;
  std::optional<std::int64_t> actor_user_id;
  std::string actor_role;
  std::string action;
  std::optional<std::string> from_status;
  std::string to_status;
  std::optional<std::string> note;
  bool is_public = true;
};
void insert_event(storage::Connection& db, const EventInput& event);

// What a reader without personal-data rights is shown of a request: its free text (the
// description, location, rating comment and event notes) through pii::mask_text and the
// contact phone masked. Entitled readers get the request as stored.
void mask_for(pii::Reader reader, Request& request);

}  // namespace gz::requests::store
