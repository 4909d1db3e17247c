#include "modules/requests/demo/plan.hpp"

#include <stdexcept>

namespace gz::requests::demo {

Outcome replay(const Planned& request) {
  Outcome outcome;
  outcome.updated_ms = request.entered_ms;
  std::int64_t previous_ms = request.entered_ms;
  Referral referral = Referral::none;  // the case's open referral
  for (const auto& step : request.steps) {
    if (step.at_ms <= previous_ms) throw std::logic_error("demo plan: steps out of order");
    previous_ms = step.at_ms;
    const Status from = outcome.status;
    Status to = from;
    if (step.kind == StepKind::rate) {
      if ((from != Status::resolved && from != Status::closed) || outcome.rating) {
        throw std::logic_error("demo plan: a rating of an unresolved or rated request");
      }
      to = step.score <= 2 ? Status::reopened : Status::closed;
      outcome.rating = step.score;
      outcome.rating_comment = step.rating_comment;
      outcome.rated_ms = step.at_ms;
      if (to == Status::reopened) {
        outcome.resolved_ms.reset();
        outcome.closed_ms.reset();
      } else if (from == Status::resolved) {
        outcome.closed_ms = step.at_ms;
      }
    } else {
      const TransitionContext context{step.actor->role, step.actor->role == Role::resident,
                                      outcome.resolved_ms, step.at_ms,
                                      step.actor->role == Role::street ? referral : Referral::none};
      auto decided = decide(from, step.action, context);
      if (!decided) {
        throw std::logic_error("demo plan: " + decided.error().message + " (" +
                               std::string(action_name(step.action)) + " by " +
                               std::string(role_name(step.actor->role)) + ")");
      }
      to = *decided;
      if (counts_as_response(from, step.action) && !outcome.responded_ms) {
        outcome.responded_ms = step.at_ms;
      }
      if (step.action == Action::assign || step.action == Action::refer ||
          step.action == Action::return_referral) {
        // A referral (to the street) and its return leave the case without an assignee.
        outcome.assignee_user_id = step.assignee_user_id;
        outcome.assignee_department = step.assignee_department;
      }
      if (step.action == Action::refer) referral = Referral::pending;
      if (step.action == Action::accept_referral) referral = Referral::accepted;
      if (step.action == Action::return_referral || to == Status::resolved || is_end(to)) {
        referral = Referral::none;
      }
      if (step.action == Action::resolve) outcome.resolved_ms = step.at_ms;
      if (step.action == Action::close) outcome.closed_ms = step.at_ms;
      if (step.action == Action::reopen) {
        outcome.resolved_ms.reset();
        outcome.closed_ms.reset();
      }
    }
    outcome.before.push_back(from);
    outcome.after.push_back(to);
    outcome.status = to;
    ++outcome.version;
    outcome.updated_ms = step.at_ms;
  }
  return outcome;
}

}  // namespace gz::requests::demo
