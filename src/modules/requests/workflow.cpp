#include "modules/requests/workflow.hpp"

#include <array>
#include <initializer_list>
#include <string>

namespace gz::requests {
namespace {

constexpr std::array<std::string_view, 10> kStatusNames = {
    "submitted",   "accepted",  "assigned",
    "in_progress", "resolved",  "closed",
    "reopened",    "duplicate", "not_our_responsibility",
    "cancelled"};
constexpr std::array<std::string_view, 14> kActionNames = {
    "accept", "assign", "start",   "resolve",      "close", "reopen",          "mark_duplicate",
    "reject", "cancel", "comment", "set_priority", "refer", "accept_referral", "return_referral"};

bool one_of(Status status, std::initializer_list<Status> options) {
  for (Status option : options) {
    if (status == option) return true;
  }
  return false;
}

bool is_worker(Role role) {
  return role == Role::staff || role == Role::guide || role == Role::admin;
}
bool is_manager(Role role) {
  return role == Role::staff || role == Role::admin;
}

Error not_allowed(Status from, Action action) {
  return conflict("transition_not_allowed", "cannot " + std::string(action_name(action)) +
                                                " a request that is " +
                                                std::string(status_name(from)));
}

}  // namespace

std::string_view status_name(Status status) {
  return kStatusNames[static_cast<int>(status)];
}
std::string_view action_name(Action action) {
  return kActionNames[static_cast<int>(action)];
}

std::optional<Status> parse_status(std::string_view name) {
  for (std::size_t i = 0; i < kStatusNames.size(); ++i) {
    if (kStatusNames[i] == name) return static_cast<Status>(i);
  }
  return std::nullopt;
}

std::optional<Action> parse_action(std::string_view name) {
  for (std::size_t i = 0; i < kActionNames.size(); ++i) {
    if (kActionNames[i] == name) return static_cast<Action>(i);
  }
  return std::nullopt;
}

bool is_open(Status status) {
  return one_of(status, {Status::submitted, Status::accepted, Status::assigned, Status::in_progress,
                         Status::reopened});
}

bool is_end(Status status) {
  return one_of(status, {Status::closed, Status::duplicate, Status::not_our_responsibility,
                         Status::cancelled});
}

Result<Status> decide(Status from, Action action, const TransitionContext& context) {
  const Role role = context.role;
  const bool resident_owner = role == Role::resident && context.is_owner;
  // A street user works a case referred to them once they have signed for it.
  const bool street_holder = role == Role::street && context.referral == Referral::accepted;
  switch (action) {
    case Action::accept:
      if (!is_worker(role)) return forbidden("only staff and guides accept requests");
      if (!one_of(from, {Status::submitted, Status::reopened})) return not_allowed(from, action);
      return Status::accepted;
    case Action::assign:
      if (!is_worker(role)) return forbidden("only staff and guides assign requests");
      if (!is_open(from)) return not_allowed(from, action);
      return Status::assigned;
    case Action::start:
      if (!is_worker(role) && !street_holder) {
        return forbidden("only staff and guides start work on requests");
      }
      if (!one_of(from, {Status::accepted, Status::assigned, Status::reopened})) {
        return not_allowed(from, action);
      }
      return Status::in_progress;
    case Action::resolve:
      if (!is_worker(role) && !street_holder) {
        return forbidden("only staff and guides resolve requests");
      }
      if (!is_open(from)) return not_allowed(from, action);
      return Status::resolved;
    case Action::close:
      if (!is_manager(role)) return forbidden("only staff close requests");
      if (from != Status::resolved) return not_allowed(from, action);
      return Status::closed;
    case Action::reopen:
      if (resident_owner) {
        if (from != Status::resolved) return not_allowed(from, action);
        if (!context.resolved_ms ||
            context.now_ms - *context.resolved_ms > kResidentReopenWindowMs) {
          return conflict("reopen_window_passed",
                          "a resolved request can be reopened by its resident within 7 days");
        }
        return Status::reopened;
      }
      if (!is_manager(role)) return forbidden("only the resident who asked, or staff, may reopen");
      if (!one_of(from, {Status::resolved, Status::closed})) return not_allowed(from, action);
      return Status::reopened;
    case Action::mark_duplicate:
      if (!is_worker(role)) return forbidden("only staff and guides mark duplicates");
      if (!is_open(from) || from == Status::in_progress) return not_allowed(from, action);
      return Status::duplicate;
    case Action::reject:
      if (!is_manager(role))
        return forbidden("only staff decide a request is not our responsibility");
      if (!is_open(from) || from == Status::in_progress) return not_allowed(from, action);
      return Status::not_our_responsibility;
    case Action::cancel:
      if (resident_owner) {
        if (!one_of(from, {Status::submitted, Status::accepted})) return not_allowed(from, action);
        return Status::cancelled;
      }
      if (!is_manager(role)) return forbidden("only the resident who asked, or staff, may cancel");
      if (!is_open(from)) return not_allowed(from, action);
      return Status::cancelled;
    case Action::comment:
      if (!is_worker(role) && role != Role::street && !resident_owner) {
        return forbidden("you may not add notes to this request");
      }
      return from;
    case Action::set_priority:
      if (!is_manager(role)) return forbidden("only staff change a request's priority");
      if (!is_open(from)) return not_allowed(from, action);
      return from;
    case Action::refer:
      if (!is_manager(role)) return forbidden("only staff refer a request to the street");
      if (!is_open(from)) return not_allowed(from, action);
      return Status::assigned;
    case Action::accept_referral:
      if (role != Role::street) return forbidden("only the street signs for a referred request");
      if (context.referral != Referral::pending) {
        return conflict("no_pending_referral", "this request is not waiting for the street");
      }
      return from;
    case Action::return_referral:
      if (role != Role::street) return forbidden("only the street returns a referred request");
      if (context.referral == Referral::none || !is_open(from)) {
        return conflict("no_pending_referral", "this request is not with the street");
      }
      return Status::accepted;
  }
  return not_allowed(from, action);
}

bool counts_as_response(Status from, Action action) {
  if (from != Status::submitted) return false;
  return action == Action::accept || action == Action::assign || action == Action::start ||
         action == Action::resolve || action == Action::mark_duplicate ||
         action == Action::reject || action == Action::refer;
}

}  // namespace gz::requests
