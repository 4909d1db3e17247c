// The plan of one demo request: who filed what, where and when, its triage and deadlines,
// the workflow steps that followed (each by a person of the community at a plausible time),
// the ratings, and the escalations the overdue job made. replay() runs the steps through the
// real workflow's decide(), so a plan the workflow would refuse is a bug of the planner, and
// gives the row the steps lead to. Internal to the requests demo.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/requests/demo/community.hpp"
#include "modules/requests/demo/profiles.hpp"
#include "modules/requests/requests.hpp"

namespace gz::requests::demo {

enum class StepKind { transition, rate };

struct Step {
  std::int64_t at_ms = 0;
  StepKind kind = StepKind::transition;
  Action action = Action::comment;
  const Person* actor = nullptr;
  std::optional<std::string> note;
  std::optional<std::int64_t> assignee_user_id;
  std::optional<std::string> assignee_department;
  std::optional<std::size_t> duplicate_of;  // index of the original in the plan
  int score = 0;
  bool on_behalf = false;  // a rating staff recorded from a follow-up call
  std::optional<std::string> rating_comment;
};

struct Escalation {
  std::int64_t at_ms = 0;
  bool response = true;  // else the resolution deadline
  Status status = Status::submitted;
  std::optional<std::int64_t> assignee_user_id;
};

enum class Fate { normal, duplicate, rejected, cancelled, stuck };

struct Planned {
  const Profile* profile = nullptr;
  const Category* category = nullptr;
  const Household* household = nullptr;
  const Member* contact = nullptr;
  const Person* submitter = nullptr;  // the resident, or the staff member or guide entering it
  std::string channel;
  std::string description;
  std::string answer;                    // the note when it is fixed
  std::optional<std::string> passed_on;  // the note when it is somebody else's business
  bool hard = false;                     // may drag on for months
  std::optional<std::string> location;
  std::optional<std::string> contact_name;
  std::optional<std::string> contact_phone;
  std::int64_t received_ms = 0;
  std::int64_t entered_ms = 0;
  TriageDecision triage;
  std::int64_t response_due_ms = 0;
  std::int64_t resolution_due_ms = 0;
  std::string tracking_code;
  Fate fate = Fate::normal;
  std::optional<std::size_t> duplicate_of;
  std::vector<Step> steps;
  std::vector<Escalation> escalations;
  std::int64_t id = 0;  // once written
};

// The row a plan leads to, found by replaying its steps through the workflow.
struct Outcome {
  Status status = Status::submitted;
  std::optional<std::int64_t> responded_ms;
  std::optional<std::int64_t> resolved_ms;
  std::optional<std::int64_t> closed_ms;
  std::optional<std::int64_t> assignee_user_id;
  std::optional<std::string> assignee_department;
  std::optional<int> rating;
  std::optional<std::string> rating_comment;
  std::optional<std::int64_t> rated_ms;
  std::int64_t version = 1;
  std::int64_t updated_ms = 0;
  std::vector<Status> before;  // the status each step started from
  std::vector<Status> after;   // and led to
};

// Throws std::logic_error when the steps are out of order or the workflow refuses one.
Outcome replay(const Planned& request);

}  // namespace gz::requests::demo
