// SubmitRequest: a resident (or staff on their behalf, or an Open311 client) files a request;
// it is triaged, given deadlines on the working-day calendar and an unguessable tracking code.
#include <boost/json.hpp>

#include "core/clock.hpp"
#include "core/pii.hpp"
#include "core/text.hpp"
#include "modules/audit/audit.hpp"
#include "modules/registry/registry.hpp"
#include "modules/requests/calendar_store.hpp"
#include "modules/requests/permissions.hpp"
#include "modules/requests/requests.hpp"
#include "modules/requests/sla.hpp"
#include "modules/requests/store.hpp"
#include "modules/requests/tracking_code.hpp"
#include "modules/requests/triage.hpp"

namespace gz::requests {
namespace {

constexpr std::int64_t kMaxBackdateMs = 90LL * 24 * 3600 * 1000;
constexpr int kCodeAttempts = 8;

bool valid_coordinate(const std::string& text, double limit) {
  try {
    std::size_t used = 0;
    double value = std::stod(text, &used);
    return used == text.size() && value >= -limit && value <= limit;
  } catch (...) {
    return false;
  }
}

}  // namespace

bool is_channel(const std::string& channel) {
  for (const char* known : kChannels) {
    if (channel == known) return true;
  }
  return false;
}

Result<Request> submit_request(storage::Connection& db, const Actor& actor, NewRequest input,
                               std::int64_t now_ms) {
  return submit_request(db, actor, std::move(input), now_ms, [&](const WriteStep& step) {
    storage::with_transaction(db, storage::TxMode::write, [&] { step(db); });
  });
}

Result<Request> submit_request(storage::Connection& db, const Actor& actor, NewRequest input,
                               std::int64_t now_ms,
                               const std::function<void(const WriteStep&)>& write) {
  if (input.description.empty() || text::utf8_length(input.description) > 2000) {
    return bad_request("invalid_description", "description must be 1 to 2000 characters");
  }
  if (!is_channel(input.channel)) {
    return bad_request("invalid_channel",
                       "channel must be app, web, phone, counter, building_corner or open311");
  }
  if (input.latitude && !valid_coordinate(*input.latitude, 90)) {
    return bad_request("invalid_location", "latitude must be a number between -90 and 90");
  }
  if (input.longitude && !valid_coordinate(*input.longitude, 180)) {
    return bad_request("invalid_location", "longitude must be a number between -180 and 180");
  }
  if (input.contact_phone && !pii::is_valid_mobile(*input.contact_phone)) {
    return bad_request("invalid_mobile", "contact_phone must be a mainland mobile number");
  }
  if (input.contact_phone) input.contact_phone = pii::normalize_mobile(*input.contact_phone);

  const bool via_open311 = input.open311_client_id.has_value();
  bool staff_entry = false;
  std::int64_t community_id = 0;
  if (via_open311) {
    if (!input.community_id) return bad_request("missing_field", "community is required");
    community_id = *input.community_id;
    input.channel = "open311";
    input.household_id.reset();
  } else if (actor.is(Role::resident)) {
    if (!actor.household_id || actor.community_ids.empty()) {
      return forbidden("your account is not linked to a household");
    }
    if (input.household_id && *input.household_id != *actor.household_id) {
      return not_found("no household " + std::to_string(*input.household_id));
    }
    if (input.received_ms) {
      return forbidden("only staff may enter received_at for a request received earlier");
    }
    if (input.channel != "app" && input.channel != "web") {
      return forbidden("residents submit through the app or the web");
    }
    input.household_id = actor.household_id;
    community_id = actor.community_ids.front();
  } else {
    if (input.community_id) {
      community_id = *input.community_id;
    } else if (input.household_id) {
      auto row =
          db.query_one("SELECT community_id FROM households WHERE id = ?", {*input.household_id});
      if (!row) return not_found("no household " + std::to_string(*input.household_id));
      community_id = row->integer(0);
    } else if (actor.community_ids.size() == 1) {
      community_id = actor.community_ids.front();
    } else {
      return bad_request("missing_field", "community_id is required");
    }
    if (!actor.belongs_to(community_id))
      return not_found("no community " + std::to_string(community_id));
    if (!permissions::may_submit_on_behalf(actor, community_id)) {
      return forbidden("your role may not file requests for residents");
    }
    staff_entry = true;
  }
  if (!registry::community_exists(db, community_id)) {
    return not_found("no community " + std::to_string(community_id));
  }
  if (input.household_id &&
      !db.query_one("SELECT id FROM households WHERE id = ? AND community_id = ?",
                    {*input.household_id, community_id})) {
    return not_found("no household " + std::to_string(*input.household_id));
  }
  std::int64_t received_ms = now_ms;
  if (input.received_ms) {
    if (*input.received_ms > now_ms + 60'000) {
      return bad_request("invalid_received_at", "received_at is in the future");
    }
    if (*input.received_ms < now_ms - kMaxBackdateMs) {
      return bad_request("invalid_received_at", "received_at is more than 90 days ago");
    }
    received_ms = *input.received_ms;
  }
  auto category = find_category(db, community_id, input.category);
  if (!category) {
    return bad_request("unknown_category", "unknown category '" + input.category +
                                               "' (GET /api/v1/requests/categories lists them)");
  }

  TriageDecision decision = triage({category->default_priority, category->name_zh,
                                    input.description, input.priority, staff_entry},
                                   list_triage_rules(db, community_id));
  auto calendar = current_calendar(db);
  std::int64_t response_due = response_due_ms(decision.priority, received_ms, *calendar);
  std::int64_t resolution_due = resolution_due_ms(
      decision.priority, category->resolution_working_days, received_ms, *calendar);

  std::int64_t id = 0;
  std::optional<Request> stored;
  std::string code;
  std::string now = format_iso8601(now_ms);
  write([&](storage::Connection& w) {
    id = 0;
    stored.reset();
    for (int attempt = 0; attempt < kCodeAttempts && id == 0; ++attempt) {
      code = new_tracking_code();
      auto row = w.query_one(
          "INSERT INTO requests (community_id, tracking_code, category, description, priority, "
          "priority_source, triage_note, status, channel, household_id, submitted_by_user_id, "
          "open311_client_id, contact_name, contact_phone, location, latitude, longitude, "
          "received_at, received_ms, response_due_ms, resolution_due_ms, created_at, updated_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, 'submitted', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
          "ON CONFLICT (tracking_code) DO NOTHING " +
              store::returning_columns(),
          {community_id,
           code,
           category->code,
           input.description,
           std::string(priority_name(decision.priority)),
           decision.source,
           decision.note,
           input.channel,
           storage::opt_int(input.household_id),
           actor.user_id > 0 && !via_open311 ? storage::Value{actor.user_id} : storage::Value{},
           storage::opt_int(input.open311_client_id),
           storage::opt_text(input.contact_name),
           storage::opt_text(input.contact_phone),
           storage::opt_text(input.location),
           storage::opt_text(input.latitude),
           storage::opt_text(input.longitude),
           format_iso8601(received_ms),
           received_ms,
           response_due,
           resolution_due,
           now,
           now});
      if (row) {
        stored = store::request_from(*row);
        id = stored->id;
      }
    }
    if (id == 0) throw storage::DbError(storage::DbErrorKind::other, "no free tracking code");
    store::insert_event(
        w, {community_id, id, now_ms,
            actor.user_id > 0 ? std::optional<std::int64_t>(actor.user_id) : std::nullopt,
            via_open311 ? "open311" : std::string(role_name(actor.role)), "submit", std::nullopt,
            "submitted", decision.note, true});
    boost::json::object change{{"tracking_code", code},
                               {"category", category->code},
                               {"priority", priority_name(decision.priority)},
                               {"priority_source", decision.source},
                               {"channel", input.channel},
                               {"received_at", format_iso8601(received_ms)}};
    if (input.household_id) change["household_id"] = *input.household_id;
    audit::append(w, actor,
                  {community_id,
                   "request.submit",
                   "request",
                   std::to_string(id),
                   change,
                   {{&request_rows(), id}}});
  });
  return std::move(*stored);
}

std::vector<TriageRule> list_triage_rules(storage::Connection& db, std::int64_t community_id) {
  std::vector<TriageRule> rules;
  for (const auto& row : db.query("SELECT keyword, priority, note FROM triage_rules WHERE "
                                  "community_id IN (0, ?) ORDER BY id",
                                  {community_id})) {
    rules.push_back(
        {row.text(0), parse_priority(row.text(1)).value_or(Priority::blue), row.text(2)});
  }
  return rules;
}

std::vector<Category> list_categories(storage::Connection& db, std::int64_t community_id) {
  std::vector<Category> out;
  // A community's own entry overrides the default of the same code.
  for (const auto& row : db.query(
           "SELECT c.code, c.name_zh, c.name_en, c.default_priority, c.resolution_working_days, "
           "c.is_complaint FROM request_categories c WHERE c.active = 1 AND (c.community_id = ? OR "
           "(c.community_id = 0 AND NOT EXISTS (SELECT 1 FROM request_categories o WHERE "
           "o.community_id = ? AND o.code = c.code))) ORDER BY c.default_priority, c.code",
           {community_id, community_id})) {
    out.push_back({row.text(0), row.text(1), row.text(2),
                   parse_priority(row.text(3)).value_or(Priority::blue),
                   static_cast<int>(row.integer(4)), row.integer(5) != 0});
  }
  return out;
}

std::optional<Category> find_category(storage::Connection& db, std::int64_t community_id,
                                      const std::string& code) {
  // The community's own entry of the code when it has one (an inactive one hides the default),
  // else the default: the one entry list_categories would show for this code.
  auto row = db.query_one(
      "SELECT code, name_zh, name_en, default_priority, resolution_working_days, is_complaint, "
      "active FROM request_categories WHERE code = ? AND community_id IN (0, ?) "
      "ORDER BY community_id DESC LIMIT 1",
      {code, community_id});
  if (!row || row->integer(6) != 1) return std::nullopt;
  return Category{row->text(0),
                  row->text(1),
                  row->text(2),
                  parse_priority(row->text(3)).value_or(Priority::blue),
                  static_cast<int>(row->integer(4)),
                  row->integer(5) != 0};
}

std::vector<Department> list_departments(storage::Connection& db, std::int64_t community_id) {
  std::vector<Department> out;
  for (const auto& row : db.query(
           "SELECT code, name_zh, name_en FROM request_departments WHERE community_id IN (0, ?) "
           "ORDER BY community_id, code",
           {community_id})) {
    out.push_back({row.text(0), row.text(1), row.text(2)});
  }
  return out;
}

}  // namespace gz::requests
