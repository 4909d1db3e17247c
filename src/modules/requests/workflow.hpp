// The request state machine as a pure function: which role may take which action from which
// state, and where it leads. A role that may never take the action gets 403; a state the
// action does not apply to gets 409 — in both cases nothing changes.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/actor.hpp"
#include "core/result.hpp"

namespace gz::requests {

enum class Status {
  submitted,
  accepted,
  assigned,
  in_progress,
  resolved,
  closed,
  reopened,
  duplicate,
  not_our_responsibility,
  cancelled
};
enum class Action {
  accept,
  assign,
  start,
  resolve,
  close,
  reopen,
  mark_duplicate,
  reject,
  cancel,
  comment,
  set_priority,
  refer,            // staff: to the street or, through it, a department (转办)
  accept_referral,  // the street signs for it (签收)
  return_referral   // the street hands it back with a reason (退单)
};

std::string_view status_name(Status status);
std::optional<Status> parse_status(std::string_view name);
std::string_view action_name(Action action);
std::optional<Action> parse_action(std::string_view name);

// Open: still awaiting work. End states take no further work except notes.
bool is_open(Status status);
bool is_end(Status status);

inline constexpr std::int64_t kResidentReopenWindowMs = 7LL * 24 * 3600 * 1000;

// Where a referral of the case stands for the street user asking: none (or not theirs to
// answer), pending (waiting for them to sign for it) or accepted (theirs to work and resolve).
enum class Referral { none, pending, accepted };

struct TransitionContext {
  Role role = Role::resident;
  bool is_owner = false;  // the resident who submitted it (or of its household)
  std::optional<std::int64_t> resolved_ms;
  std::int64_t now_ms = 0;
  Referral referral = Referral::none;  // the case's open referral, for a street user of it
};

// The state after `action`, or forbidden / conflict ("transition_not_allowed").
Result<Status> decide(Status from, Action action, const TransitionContext& context);

// Whether this transition is the case's first response (leaving `submitted` by staff work).
bool counts_as_response(Status from, Action action);

}  // namespace gz::requests
