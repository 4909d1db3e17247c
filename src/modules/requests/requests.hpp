// Resident requests (诉求): submit with triage and deadlines, move through the workflow,
// rate, track publicly by code, escalate when overdue, and count the three rates. Each use
// case checks permissions, validates, and writes in one transaction with its events and
// audit entry. No HTTP here. This header is the module's contract: other modules include it
// (it brings the workflow, the stats, the calendar store and the extension point of a
// request's detail), never the files behind it.
#pragma once

#include <boost/json/value.hpp>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/history.hpp"
#include "core/result.hpp"
#include "modules/audit/audit.hpp"
#include "modules/requests/calendar_store.hpp"
#include "modules/requests/priority.hpp"
#include "modules/requests/stats.hpp"
#include "modules/requests/triage.hpp"
#include "modules/requests/workflow.hpp"
#include "storage/database.hpp"

namespace gz::requests {

// Requests as the audit chain records them (modules/audit/tracked.hpp): status, priority,
// assignee, deadlines, escalation flags and rating. Free text (description, contact, notes)
// is left out: it is not the case's state, and personal data in it may be redacted.
const audit::Tracked& request_rows();

// A field of a request's detail (GET /api/v1/requests/{id}) that a module above requests
// supplies, so the detail shows that module's data without requests including it: the
// attachments module lists the photos (attachments::photos_field). Asked only after the
// caller was allowed to see the request.
struct DetailField {
  std::string name;
  std::function<boost::json::value(storage::Connection& db, std::int64_t request_id)> value;
};

// Where a request came from.
inline constexpr const char* kChannels[] = {"app",    "web", "phone", "counter", "building_corner",
                                            "open311"};
bool is_channel(const std::string& channel);

struct Category {
  std::string code;
  std::string name_zh;
  std::string name_en;
  Priority default_priority = Priority::blue;
  int resolution_working_days = 10;
  bool is_complaint = false;
};

struct Department {
  std::string code;
  std::string name_zh;
  std::string name_en;
};

struct Event {
  std::int64_t id = 0;
  std::string at;
  std::string actor_role;
  std::optional<std::int64_t> actor_user_id;
  std::string action;
  std::optional<std::string> from_status;
  std::string to_status;
  std::optional<std::string> note;
  bool is_public = true;
};

// A referral of the case (转办) as the detail shows it: where to, why, and the street's answer.
struct ReferralView {
  std::int64_t id = 0;
  std::string level;                      // street | department
  std::optional<std::string> department;  // the department's code (level department)
  std::string receiver;                   // "北山街道" or the department's name
  std::string reason;
  std::string status;  // pending, accepted, returned, resolved, withdrawn
  std::int64_t referred_ms = 0;
  std::optional<std::int64_t> answered_ms;
  std::optional<std::string> answer_note;
};

struct Request {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::string tracking_code;
  std::string category;
  std::string description;
  Priority priority = Priority::blue;
  std::string priority_source;
  std::optional<std::string> triage_note;
  Status status = Status::submitted;
  std::string channel;
  std::optional<std::int64_t> household_id;
  std::optional<std::int64_t> submitted_by_user_id;
  std::optional<std::string> contact_name;
  std::optional<std::string> contact_phone;
  std::optional<std::string> location;
  std::optional<std::string> latitude;
  std::optional<std::string> longitude;
  std::int64_t received_ms = 0;
  std::int64_t response_due_ms = 0;
  std::int64_t resolution_due_ms = 0;
  std::optional<std::int64_t> responded_ms;
  std::optional<std::int64_t> resolved_ms;
  std::optional<std::int64_t> closed_ms;
  std::optional<std::int64_t> assignee_user_id;
  std::optional<std::string> assignee_name;  // filled by get_request
  std::optional<std::string> assignee_department;
  std::optional<std::int64_t> duplicate_of;
  bool overdue_response = false;
  bool overdue_resolution = false;
  std::optional<int> rating;
  std::optional<std::string> rating_comment;
  std::int64_t version = 1;
  std::string updated_at;
  std::vector<Event> events;            // filled by get_request
  std::vector<ReferralView> referrals;  // filled by get_request, oldest first
};

struct NewRequest {
  std::optional<std::int64_t> community_id;
  std::string category;
  std::string description;
  std::optional<Priority> priority;
  std::optional<std::int64_t> household_id;
  std::optional<std::string> location;
  std::optional<std::string> latitude;
  std::optional<std::string> longitude;
  std::string channel = "app";
  std::optional<std::int64_t> received_ms;  // staff entering an earlier phone/counter request
  std::optional<std::string> contact_name;
  std::optional<std::string> contact_phone;
  std::optional<std::int64_t> open311_client_id;
};

// Open311 clients submit without a user: pass the system actor and set open311_client_id.
Result<Request> submit_request(storage::Connection& db, const Actor& actor, NewRequest input,
                               std::int64_t now_ms);
// The same, with the writing step (the request row, its first event and its audit entry) run
// through `write`, which must run the step in a transaction and return once it is committed —
// the HTTP route passes the pool's group commit (storage::Pool::write_grouped). The checks and
// reads before it, and the read after it, use `db`.
using WriteStep = std::function<void(storage::Connection&)>;
Result<Request> submit_request(storage::Connection& db, const Actor& actor, NewRequest input,
                               std::int64_t now_ms,
                               const std::function<void(const WriteStep&)>& write);

struct TransitionInput {
  Action action = Action::comment;
  std::optional<std::string> note;
  std::optional<std::int64_t> assignee_user_id;
  std::optional<std::string> assignee_department;
  std::optional<std::int64_t> duplicate_of;
  std::optional<Priority> priority;
  std::optional<std::int64_t> expected_version;  // optimistic concurrency: 409 when stale
  // refer: "street", or "department" with assignee_department (a department's code); the
  // note is the reason, required (as for return_referral).
  std::optional<std::string> referral_level;
};
// Referrals (转办): staff `refer` an open case to the street (or a department through it) with
// a reason — 409 already_referred while one is open; 400 note_required, invalid_level,
// invalid_department. The community's street users then `accept_referral` (签收) or
// `return_referral` (退单, with a reason, back to the community as accepted); once signed for
// they `start` and `resolve` it like staff. Deadlines stay the request's.
Result<Request> transition_request(storage::Connection& db, const Actor& actor,
                                   std::int64_t request_id, const TransitionInput& input,
                                   std::int64_t now_ms);

// The street's league table (as 12345 ranks communities): for each month, each community of
// the street with its requests received and the three rates over them (stats.hpp), its
// referrals to the street and how many the street returned, a score and a rank. The score
// weighs response 20%, resolution 40%, satisfaction 40% over the rates a community has
// (weights rescaled when one has no data yet), in points 0-100; a community with no rate
// that month has no score and ranks last. Street users of the street and admins; 404 for an
// unknown street or one not theirs.
struct LeagueRow {
  std::int64_t community_id = 0;
  std::string community_name;
  RequestStats stats;
  std::int64_t referred = 0;
  std::int64_t referrals_returned = 0;
  std::optional<double> score;
  int rank = 0;
};
struct LeagueMonth {
  std::string month;            // "2026-11"
  std::vector<LeagueRow> rows;  // by rank
};
struct League {
  std::int64_t street_id = 0;
  std::string street_name;
  std::vector<LeagueMonth> months;  // newest first
};
// `months` months ending with `last_month` ("2026-11"), 1-12.
Result<League> league_table(storage::Connection& db, const Actor& actor, std::int64_t street_id,
                            const std::string& last_month, int months, std::int64_t now_ms);
// The score of a row's rates (nullopt without any).
std::optional<double> league_score(const RequestStats& stats);

// 1–5, once; 1–2 reopens the case for review, 3–5 closes it. Staff may record a phone
// follow-up on the resident's behalf.
Result<Request> rate_request(storage::Connection& db, const Actor& actor, std::int64_t request_id,
                             int score, const std::optional<std::string>& comment,
                             std::int64_t now_ms);

// The use cases that hand a request back to an actor (get, list, transition, rate) mask its
// free text and contact phone unless the actor has personal-data rights
// (permissions::reader_of); tracking masks always.
Result<Request> get_request(storage::Connection& db, const Actor& actor, std::int64_t request_id);

struct RequestFilter {
  std::optional<std::int64_t> community_id;
  std::optional<Status> status;
  std::optional<Priority> priority;
  std::optional<bool> overdue;
  std::optional<std::int64_t> assignee_user_id;
  std::optional<std::string> category;
  std::optional<std::int64_t> household_id;
  // Cases whose latest referral stands so: pending (the street's to sign for), accepted (the
  // street works them), returned; "open" for pending or accepted.
  std::optional<std::string> referral;
  // A tracking code (with or without its dash), or text in the location or category; staff
  // and admins also find a caller by phone number or name.
  std::optional<std::string> q;
  std::int64_t page = 1;
  std::int64_t page_size = 50;
};
struct RequestPage {
  std::vector<Request> items;
  std::int64_t total = 0;
  std::int64_t page = 1;
  std::int64_t page_size = 50;
};
// The staff queue: overdue first, then by priority and due time. Residents get their own,
// newest first.
Result<RequestPage> list_requests(storage::Connection& db, const Actor& actor,
                                  const RequestFilter& filter);

// The public view by tracking code: no personal data, public events only, free text masked.
Result<Request> track_request(storage::Connection& db, const std::string& typed_code);

Result<RequestStats> request_stats(storage::Connection& db, const Actor& actor,
                                   std::int64_t community_id, std::int64_t from_ms,
                                   std::int64_t to_ms, std::int64_t now_ms);

// Marks requests whose response or resolution deadline has passed as overdue, records a
// 督办 event and notifies the community's street supervisors. Safe to run from several
// servers at once: each request is marked by exactly one conditional update.
int escalate_overdue(storage::Connection& db, std::int64_t now_ms);

std::vector<Category> list_categories(storage::Connection& db, std::int64_t community_id);
std::optional<Category> find_category(storage::Connection& db, std::int64_t community_id,
                                      const std::string& code);
std::vector<Department> list_departments(storage::Connection& db, std::int64_t community_id);
// The keyword rules triage applies for a community (its own and the defaults), in order.
std::vector<TriageRule> list_triage_rules(storage::Connection& db, std::int64_t community_id);

// Community configuration (staff and admins of the community): a category of the community
// overrides the default of the same code; triage keywords and departments add to the defaults.
Result<Category> set_category(storage::Connection& db, const Actor& actor,
                              std::int64_t community_id, const Category& category, bool active);
struct TriageRuleInput {
  std::string keyword;
  Priority priority = Priority::red;
  std::string note;
};
Result<std::int64_t> add_triage_rule(storage::Connection& db, const Actor& actor,
                                     std::int64_t community_id, const TriageRuleInput& rule);
Result<Department> add_department(storage::Connection& db, const Actor& actor,
                                  std::int64_t community_id, const Department& department);

// A household's requests as history (submitted, resolved, rated), newest first; no
// permission check: the caller (the household timeline) checks. Free text is left out.
std::vector<HistoryItem> household_history(storage::Connection& db, std::int64_t household_id,
                                           std::int64_t limit);

// The requests received in [from_ms, to_ms) as open data: what happened and how fast, nothing
// that points at a household or a person (no code, text, place, household, handler; the day,
// not the hour). No permission check: the open-data module publishes them.
struct OpenRecord {
  std::string received_date;  // YYYY-MM-DD (Shanghai)
  std::string category;
  std::string priority;
  std::string channel;
  std::string status;
  std::optional<double> response_hours;    // receipt to first response, one decimal
  std::optional<double> resolution_hours;  // receipt to resolution
  std::optional<bool> responded_on_time;   // unknown while a fresh case is inside its deadline
  std::optional<bool> resolved_on_time;
  bool referred = false;  // sent to the street or a department
  std::optional<int> rating;
};
std::vector<OpenRecord> open_records(storage::Connection& db, std::int64_t community_id,
                                     std::int64_t from_ms, std::int64_t to_ms, std::int64_t now_ms);

// What one handler did with the requests assigned to them whose resolution fell due or was
// resolved in [from_ms, to_ms): resolved, resolved on time, still open and overdue.
struct HandlerFigures {
  std::int64_t resolved = 0;
  std::int64_t resolved_on_time = 0;
  std::int64_t open = 0;
  std::int64_t open_overdue = 0;
};
HandlerFigures handler_figures(storage::Connection& db, std::int64_t user_id, std::int64_t from_ms,
                               std::int64_t to_ms, std::int64_t now_ms);

}  // namespace gz::requests
