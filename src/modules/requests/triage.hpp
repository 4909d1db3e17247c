// Triage of a new request: staff decide; otherwise the category's default and any keyword
// rule that matches the description set the priority, and a resident's own choice can only
// make it more urgent (staff may lower it afterwards).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "modules/requests/priority.hpp"

namespace gz::requests {

struct TriageRule {
  std::string keyword;
  Priority priority = Priority::blue;
  std::string note;
};

struct TriageInput {
  Priority category_default = Priority::blue;
  std::string category_name;
  std::string description;
  std::optional<Priority> requested;  // what the submitter chose, if anything
  bool requested_by_staff = false;
};

struct TriageDecision {
  Priority priority = Priority::blue;
  std::string source;  // "staff", "rule", "category", "resident"
  std::string note;    // why, in Chinese, for the case file and Open311 service_notice
};

TriageDecision triage(const TriageInput& input, const std::vector<TriageRule>& rules);

}  // namespace gz::requests
