#include "modules/requests/triage.hpp"

#include "core/text.hpp"

namespace gz::requests {

TriageDecision triage(const TriageInput& input, const std::vector<TriageRule>& rules) {
  if (input.requested && input.requested_by_staff) {
    return {*input.requested, "staff", "工作人员设定优先级"};
  }
  TriageDecision decision{input.category_default, "category",
                          "按类别“" + input.category_name + "”默认分级"};
  std::string description = text::to_lower_ascii(input.description);
  for (const auto& rule : rules) {
    if (rule.keyword.empty()) continue;
    if (description.find(text::to_lower_ascii(rule.keyword)) == std::string::npos) continue;
    if (rule.priority < decision.priority) decision = {rule.priority, "rule", rule.note};
  }
  if (input.requested && *input.requested < decision.priority) {
    decision = {*input.requested, "resident", "居民标记为更紧急，待工作人员复核"};
  }
  return decision;
}

}  // namespace gz::requests
