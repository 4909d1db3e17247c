// GetRequest, ListRequests (the staff queue), TrackRequest (public, by code), RequestStats.
#include "core/clock.hpp"
#include "modules/accounts/accounts.hpp"
#include "modules/requests/calendar_store.hpp"
#include "modules/requests/permissions.hpp"
#include "modules/requests/referrals.hpp"
#include "modules/requests/requests.hpp"
#include "modules/requests/store.hpp"
#include "modules/requests/tracking_code.hpp"

namespace gz::requests {
namespace {

constexpr const char* kOpenStatuses =
    "('submitted', 'accepted', 'assigned', 'in_progress', 'reopened')";

// Overdue now: still open and past the response deadline unanswered, or past resolution.
std::string overdue_condition() {
  return std::string("(r.status IN ") + kOpenStatuses +
         " AND ((r.responded_ms IS NULL AND r.response_due_ms < ?) OR r.resolution_due_ms < ?))";
}

}  // namespace

Result<Request> get_request(storage::Connection& db, const Actor& actor, std::int64_t request_id) {
  auto request = store::load_request(db, request_id);
  if (!request || !permissions::may_view(actor, *request)) {
    return not_found("no request " + std::to_string(request_id));
  }
  request->events = store::load_events(db, request->id, actor.is(Role::resident));
  request->referrals = referrals::of_request(db, *request);
  store::mask_for(permissions::reader_of(actor, *request), *request);
  // The handler by name: guides may not list users, yet see who handles the case.
  if (request->assignee_user_id) {
    if (auto user = accounts::find_user(db, *request->assignee_user_id)) {
      request->assignee_name = user->display_name.empty() ? user->username : user->display_name;
    }
  }
  return std::move(*request);
}

Result<RequestPage> list_requests(storage::Connection& db, const Actor& actor,
                                  const RequestFilter& filter) {
  if (filter.page < 1) return bad_request("invalid_query", "page must be at least 1");
  if (filter.page_size < 1 || filter.page_size > 200) {
    return bad_request("invalid_query", "page_size must be between 1 and 200");
  }
  std::int64_t now_ms = now_epoch_ms();
  std::string where = " WHERE 1 = 1";
  std::vector<storage::Value> params;
  if (actor.is(Role::resident)) {
    where += " AND (r.submitted_by_user_id = ? OR r.household_id = ?)";
    params.emplace_back(actor.user_id);
    params.emplace_back(actor.household_id.value_or(-1));
  } else if (filter.community_id) {
    if (!permissions::may_view_queue(actor, *filter.community_id)) {
      return not_found("no community " + std::to_string(*filter.community_id));
    }
  } else if (!actor.is(Role::admin)) {
    where += " AND r.community_id IN (";
    for (std::size_t i = 0; i < actor.community_ids.size(); ++i) {
      where += i ? ",?" : "?";
      params.emplace_back(actor.community_ids[i]);
    }
    where += actor.community_ids.empty() ? "-1)" : ")";
  }
  if (filter.community_id) {
    where += " AND r.community_id = ?";
    params.emplace_back(*filter.community_id);
  }
  if (filter.status) {
    where += " AND r.status = ?";
    params.emplace_back(std::string(status_name(*filter.status)));
  }
  if (filter.priority) {
    where += " AND r.priority = ?";
    params.emplace_back(std::string(priority_name(*filter.priority)));
  }
  if (filter.overdue) {
    where += *filter.overdue ? " AND " + overdue_condition() : " AND NOT " + overdue_condition();
    params.emplace_back(now_ms);
    params.emplace_back(now_ms);
  }
  if (filter.assignee_user_id) {
    where += " AND r.assignee_user_id = ?";
    params.emplace_back(*filter.assignee_user_id);
  }
  if (filter.category) {
    where += " AND r.category = ?";
    params.emplace_back(*filter.category);
  }
  if (filter.household_id) {
    where += " AND r.household_id = ?";
    params.emplace_back(*filter.household_id);
  }
  if (filter.referral) {
    const std::string& wanted = *filter.referral;
    if (wanted != "pending" && wanted != "accepted" && wanted != "returned" && wanted != "open") {
      return bad_request("invalid_query", "referral must be pending, accepted, returned or open");
    }
    where +=
        " AND EXISTS (SELECT 1 FROM request_referrals f WHERE f.request_id = r.id AND f.id = "
        "(SELECT MAX(g.id) FROM request_referrals g WHERE g.request_id = r.id) AND ";
    where += wanted == "open" ? "f.status IN ('pending', 'accepted'))" : "f.status = ?)";
    if (wanted != "open") params.emplace_back(wanted);
  }
  if (filter.q && !filter.q->empty()) {
    std::string pattern = storage::contains_pattern(*filter.q);
    where +=
        " AND (r.tracking_code = ? OR r.location LIKE ? ESCAPE '\\' OR r.category LIKE ? "
        "ESCAPE '\\'";
    params.emplace_back(normalize_tracking_code(*filter.q).value_or(*filter.q));
    params.emplace_back(pattern);
    params.emplace_back(pattern);
    // A caller's phone or name only for those who read personal data in full.
    if (actor.is(Role::staff) || actor.is(Role::admin)) {
      where += " OR r.contact_phone LIKE ? ESCAPE '\\' OR r.contact_name LIKE ? ESCAPE '\\'";
      params.emplace_back(pattern);
      params.emplace_back(pattern);
    }
    where += ")";
  }
  RequestPage page;
  page.page = filter.page;
  page.page_size = filter.page_size;
  page.total = db.query_int("SELECT COUNT(*) FROM requests r" + where, params);
  // Overdue first, then open before finished, then by priority and the nearest deadline.
  std::string order = " ORDER BY CASE WHEN " + overdue_condition() +
                      " THEN 0 ELSE 1 END, CASE WHEN r.status IN " + kOpenStatuses +
                      " THEN 0 ELSE 1 END, CASE r.priority WHEN 'red' THEN 0 WHEN 'yellow' THEN 1 "
                      "ELSE 2 END, r.response_due_ms, r.id LIMIT ? OFFSET ?";
  if (actor.is(Role::resident)) {
    // A household's own list: newest first.
    order = " ORDER BY r.received_ms DESC, r.id DESC LIMIT ? OFFSET ?";
  } else {
    params.emplace_back(now_ms);
    params.emplace_back(now_ms);
  }
  params.emplace_back(filter.page_size);
  params.emplace_back((filter.page - 1) * filter.page_size);
  for (const auto& row : db.query(std::string(store::kRequestColumns) + where + order, params)) {
    page.items.push_back(store::request_from(row));
    store::mask_for(permissions::reader_of(actor, page.items.back()), page.items.back());
  }
  return page;
}

Result<Request> track_request(storage::Connection& db, const std::string& typed_code) {
  auto code = normalize_tracking_code(typed_code);
  if (!code) {
    return make_error(ErrorKind::not_found, "invalid_tracking_code",
                      "查询码有误，请核对（9 位，如 ABCD-EFGH2）/ this tracking code has a typo: "
                      "check it (9 symbols, like ABCD-EFGH2)");
  }
  auto request = store::load_request_by_code(db, *code);
  if (!request) {
    return make_error(ErrorKind::not_found, "tracking_code_not_found",
                      "没有这个查询码的诉求 / no request has this tracking code");
  }
  request->events = store::load_events(db, request->id, true);
  // Whoever holds the code reads it: the public's view.
  store::mask_for(pii::Reader::restricted, *request);
  return std::move(*request);
}

Result<RequestStats> request_stats(storage::Connection& db, const Actor& actor,
                                   std::int64_t community_id, std::int64_t from_ms,
                                   std::int64_t to_ms, std::int64_t now_ms) {
  if (!permissions::may_view_stats(actor, community_id)) {
    return not_found("no community " + std::to_string(community_id));
  }
  if (to_ms <= from_ms) return bad_request("invalid_period", "'to' must be after 'from'");
  std::vector<RequestFacts> facts;
  for (const auto& row :
       db.query("SELECT status, received_ms, response_due_ms, resolution_due_ms, responded_ms, "
                "resolved_ms, rating, overdue_response + overdue_resolution FROM requests WHERE "
                "community_id = ? AND received_ms >= ? AND received_ms < ?",
                {community_id, from_ms, to_ms})) {
    RequestFacts fact;
    fact.status = parse_status(row.text(0)).value_or(Status::submitted);
    fact.received_ms = row.integer(1);
    fact.response_due_ms = row.integer(2);
    fact.resolution_due_ms = row.integer(3);
    fact.responded_ms = row.opt_integer(4);
    fact.resolved_ms = row.opt_integer(5);
    if (auto rating = row.opt_integer(6)) fact.rating = static_cast<int>(*rating);
    fact.overdue = row.integer(7) > 0;
    facts.push_back(fact);
  }
  return compute_stats(facts, now_ms, *current_calendar(db));
}

}  // namespace gz::requests
