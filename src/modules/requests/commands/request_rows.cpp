// RequestRows: what the audit chain records of a request (requests.hpp).
#include "modules/requests/requests.hpp"

namespace gz::requests {

const audit::Tracked& request_rows() {
  static const audit::Tracked table{
      "requests",
      "id",
      "SELECT id, community_id, tracking_code, category, priority, status, household_id, "
      "submitted_by_user_id, assignee_user_id, assignee_department, duplicate_of, received_ms, "
      "response_due_ms, resolution_due_ms, responded_ms, resolved_ms, closed_ms, "
      "overdue_response, overdue_resolution, rating, rated_ms FROM requests",
      {"community_id",
       "tracking_code",
       "category",
       "priority",
       "status",
       "household_id",
       "submitted_by_user_id",
       "assignee_user_id",
       "assignee_department",
       "duplicate_of",
       "received_ms",
       "response_due_ms",
       "resolution_due_ms",
       "responded_ms",
       "resolved_ms",
       "closed_ms",
       "overdue_response",
       "overdue_resolution",
       "rating",
       "rated_ms"},
      {},
      {}};
  return table;
}

}  // namespace gz::requests
