#include "modules/requests/demo/write.hpp"
#include "modules/requests/referrals.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <optional>
#include <string>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "modules/audit/audit.hpp"
#include "modules/requests/demo/random.hpp"
#include "modules/requests/store.hpp"
#include "modules/requests/tracking_code.hpp"

namespace gz::requests::demo {
namespace {

constexpr int kWritesPerTransaction = 400;

constexpr const char* kInsertRequest =
    "INSERT INTO requests (community_id, tracking_code, category, description, priority, "
    "priority_source, triage_note, status, channel, household_id, submitted_by_user_id, "
    "open311_client_id, contact_name, contact_phone, location, latitude, longitude, received_at, "
    "received_ms, response_due_ms, resolution_due_ms, responded_ms, resolved_ms, closed_ms, "
    "assignee_user_id, assignee_department, duplicate_of, overdue_response, overdue_resolution, "
    "rating, rating_comment, rated_ms, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, "
    "?, ?, ?, ?, ?, NULL, ?, ?, ?, NULL, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
    "?) ON CONFLICT (tracking_code) DO NOTHING RETURNING id";
constexpr const char* kInsertNotification =
    "INSERT INTO notifications (community_id, user_id, kind, object_type, object_id, message, "
    "created_at) VALUES (?, ?, 'escalation', 'request', ?, ?, ?)";

Actor audit_actor(const Person* person, std::int64_t community_id) {
  if (person == nullptr || person->user_id <= 0) return audit::system_actor();
  Actor actor;
  actor.user_id = person->user_id;
  actor.username = person->username;
  actor.role = person->role;
  actor.community_ids = {community_id};
  actor.display_name = person->display_name;
  return actor;
}

storage::Value opt_int(const std::optional<int>& value) {
  return value ? storage::Value{std::int64_t{*value}} : storage::Value{};
}

class Writer {
 public:
  Writer(storage::Connection& db, const Community& community, std::vector<Planned>& requests,
         std::uint64_t seed)
      : db_(db),
        community_(community),
        requests_(requests),
        code_rng_(seed, kRequestsStream ^ 0xC0DEULL ^ static_cast<std::uint64_t>(community.id)) {}

  DemoRequestsSummary write() {
    struct Item {
      std::int64_t at_ms;
      std::size_t request;
      int order;  // within the request: 0 the submission, then steps and escalations
      int kind;   // 0 submit, 1 step, 2 escalation
      std::size_t index;
    };
    std::vector<Item> items;
    for (std::size_t r = 0; r < requests_.size(); ++r) {
      const Planned& request = requests_[r];
      items.push_back({request.entered_ms, r, 0, 0, 0});
      std::size_t s = 0;
      std::size_t e = 0;
      int order = 1;
      while (s < request.steps.size() || e < request.escalations.size()) {
        const bool step_first =
            e == request.escalations.size() ||
            (s < request.steps.size() && request.steps[s].at_ms <= request.escalations[e].at_ms);
        if (step_first) {
          items.push_back({request.steps[s].at_ms, r, order++, 1, s});
          ++s;
        } else {
          items.push_back({request.escalations[e].at_ms, r, order++, 2, e});
          ++e;
        }
      }
    }
    std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
      if (a.at_ms != b.at_ms) return a.at_ms < b.at_ms;
      if (a.request != b.request) return a.request < b.request;
      return a.order < b.order;
    });
    outcomes_.clear();
    for (const auto& request : requests_) outcomes_.push_back(replay(request));

    for (std::size_t begin = 0; begin < items.size(); begin += kWritesPerTransaction) {
      const std::size_t end = std::min(items.size(), begin + kWritesPerTransaction);
      storage::with_transaction(db_, storage::TxMode::write, [&] {
        for (std::size_t i = begin; i < end; ++i) {
          const Item& item = items[i];
          Planned& request = requests_[item.request];
          if (item.kind == 0) submit(request, outcomes_[item.request]);
          if (item.kind == 1) step(request, item.index, outcomes_[item.request]);
          if (item.kind == 2) escalate(request, request.escalations[item.index]);
        }
      });
    }

    DemoRequestsSummary summary;
    for (std::size_t r = 0; r < requests_.size(); ++r) {
      const Outcome& outcome = outcomes_[r];
      ++summary.requests;
      if (is_open(outcome.status)) ++summary.open;
      if (!requests_[r].escalations.empty()) ++summary.overdue;
      if (outcome.rating) ++summary.rated;
      summary.events +=
          1 + static_cast<int>(requests_[r].steps.size() + requests_[r].escalations.size());
    }
    return summary;
  }

 private:
  void submit(Planned& request, const Outcome& outcome) {
    bool overdue_response = false;
    bool overdue_resolution = false;
    for (const auto& escalation : request.escalations) {
      (escalation.response ? overdue_response : overdue_resolution) = true;
    }
    std::optional<std::int64_t> duplicate_of;
    if (request.duplicate_of && outcome.status == Status::duplicate) {
      duplicate_of = requests_[*request.duplicate_of].id;
    }
    const std::int64_t submitted_by =
        request.submitter && request.submitter->user_id > 0 ? request.submitter->user_id : 0;
    for (;;) {
      auto row = db_.query_one(kInsertRequest,
                               {community_.id,
                                request.tracking_code,
                                request.category->code,
                                request.description,
                                std::string(priority_name(request.triage.priority)),
                                request.triage.source,
                                request.triage.note,
                                std::string(status_name(outcome.status)),
                                request.channel,
                                request.household->id,
                                submitted_by ? storage::Value{submitted_by} : storage::Value{},
                                storage::opt_text(request.contact_name),
                                storage::opt_text(request.contact_phone),
                                storage::opt_text(request.location),
                                format_iso8601(request.received_ms),
                                request.received_ms,
                                request.response_due_ms,
                                request.resolution_due_ms,
                                storage::opt_int(outcome.responded_ms),
                                storage::opt_int(outcome.resolved_ms),
                                storage::opt_int(outcome.closed_ms),
                                storage::opt_int(outcome.assignee_user_id),
                                storage::opt_text(outcome.assignee_department),
                                storage::opt_int(duplicate_of),
                                std::int64_t{overdue_response ? 1 : 0},
                                std::int64_t{overdue_resolution ? 1 : 0},
                                opt_int(outcome.rating),
                                storage::opt_text(outcome.rating_comment),
                                storage::opt_int(outcome.rated_ms),
                                outcome.version,
                                format_iso8601(request.entered_ms),
                                format_iso8601(outcome.updated_ms)});
      if (row) {
        request.id = row->integer(0);
        break;
      }
      // Another community drew the same code: draw again (a one in 10^11 event).
      std::string symbols;
      for (std::size_t k = 0; k < kCodeRandomSymbols; ++k) {
        symbols += kCodeAlphabet[static_cast<std::size_t>(
            code_rng_.between_or_low(0, static_cast<int>(kCodeAlphabet.size()) - 1))];
      }
      request.tracking_code =
          symbols.substr(0, 4) + "-" + symbols.substr(4) + check_symbol(symbols);
    }
    const Person* submitter = request.submitter;
    const std::string role = std::string(role_name(submitter->role));
    store::insert_event(
        db_, {community_.id, request.id, request.entered_ms,
              submitter->user_id > 0 ? std::optional(submitter->user_id) : std::nullopt, role,
              "submit", std::nullopt, "submitted", request.triage.note, true});
    boost::json::object change{{"tracking_code", request.tracking_code},
                               {"category", request.category->code},
                               {"priority", priority_name(request.triage.priority)},
                               {"priority_source", request.triage.source},
                               {"channel", request.channel},
                               {"received_at", format_iso8601(request.received_ms)}};
    change["household_id"] = request.household->id;
    audit::append(db_, audit_actor(submitter, community_.id),
                  {community_.id, "request.submit", "request", std::to_string(request.id), change});
  }

  void step(const Planned& request, std::size_t index, const Outcome& outcome) {
    const Step& step = request.steps[index];
    const Status from = outcome.before[index];
    const Status to = outcome.after[index];
    const std::optional<std::int64_t> actor_id =
        step.actor->user_id > 0 ? std::optional(step.actor->user_id) : std::nullopt;
    const std::string role(role_name(step.actor->role));
    if (step.kind == StepKind::rate) {
      store::insert_event(
          db_, {community_.id, request.id, step.at_ms, actor_id, role, "rate",
                std::string(status_name(from)), std::string(status_name(to)), step.note, true});
      boost::json::object change{
          {"score", step.score}, {"to", status_name(to)}, {"on_behalf", step.on_behalf}};
      audit::append(db_, audit_actor(step.actor, community_.id),
                    {community_.id, "request.rate", "request", std::to_string(request.id), change});
      return;
    }
    std::optional<std::string> note = step.note;
    std::optional<std::int64_t> duplicate_of;
    if (step.action == Action::mark_duplicate && step.duplicate_of) {
      const Planned& original = requests_[*step.duplicate_of];
      duplicate_of = original.id;
      note = "与诉求 " + original.tracking_code + " 反映的是同一问题，合并办理，进度请查询该编号。";
    }
    const bool is_public = step.action != Action::comment && step.action != Action::set_priority;
    store::insert_event(db_, {community_.id, request.id, step.at_ms, actor_id, role,
                              std::string(action_name(step.action)), std::string(status_name(from)),
                              std::string(status_name(to)), note, is_public});
    referrals::follow(db_, request.id, community_.id, step.action, to,
                      referrals::open_referral(db_, request.id), "street", std::nullopt, note,
                      actor_id.value_or(0), step.at_ms);
    boost::json::object change{
        {"action", action_name(step.action)}, {"from", status_name(from)}, {"to", status_name(to)}};
    if (note) change["note"] = *note;
    if (step.assignee_user_id) change["assignee_user_id"] = *step.assignee_user_id;
    if (step.assignee_department) change["assignee_department"] = *step.assignee_department;
    if (duplicate_of) change["duplicate_of"] = *duplicate_of;
    audit::append(db_, audit_actor(step.actor, community_.id),
                  {community_.id, "request." + std::string(action_name(step.action)), "request",
                   std::to_string(request.id), change});
  }

  // As escalate_overdue does it: an event, notices to the street supervisors and the
  // assignee, and an audit entry.
  void escalate(const Planned& request, const Escalation& escalation) {
    const std::string note =
        escalation.response ? "超过响应时限，已启动督办" : "超过办结时限，已启动督办";
    const std::string status(status_name(escalation.status));
    store::insert_event(db_, {community_.id, request.id, escalation.at_ms, std::nullopt, "system",
                              "escalate", status, status, note, true});
    std::vector<std::int64_t> targets = community_.street_user_ids;
    if (escalation.assignee_user_id) targets.push_back(*escalation.assignee_user_id);
    const std::string message = "诉求 " + request.tracking_code + " " + note;
    for (std::int64_t user_id : targets) {
      db_.execute(kInsertNotification, {community_.id, user_id, std::to_string(request.id), message,
                                        format_iso8601(escalation.at_ms)});
    }
    audit::append(
        db_, audit::system_actor(),
        {community_.id, "request.escalate", "request", std::to_string(request.id),
         boost::json::object{{"deadline", escalation.response ? "response" : "resolution"}}});
  }

  storage::Connection& db_;
  const Community& community_;
  std::vector<Planned>& requests_;
  std::vector<Outcome> outcomes_;
  Rng code_rng_;
};

}  // namespace

DemoRequestsSummary write_requests(storage::Connection& db, const Community& community,
                                   std::vector<Planned>& requests, std::uint64_t seed) {
  Writer writer(db, community, requests, seed);
  return writer.write();
}

}  // namespace gz::requests::demo
