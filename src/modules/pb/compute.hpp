// The core of `gongzhi pb compute FILE --rule greedy|equal-shares|equal-shares-add1|file
// [--json] [--utility cost|approval]`: run a rule on a pabulib election and print the
// selected projects and the budget used (`--rule file`: the rule the file's META names).
// The CLI only reads the arguments, calls compute_pb_file and prints the text.
//
//   text: one line per selected project (id, cost, votes, name) and a summary line;
//   json: {"rule":"equal-shares-add1","selected":["24","41",…],"cost":995079}
//         with the project ids as written in the file, in file order, and the total cost.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "modules/pb/pabulib.hpp"
#include "modules/pb/rules.hpp"

namespace gz::pb {

enum class RuleName {
  greedy,
  greedy_no_skip,
  equal_shares,
  equal_shares_add1,
  equal_shares_comparison,       // equal shares, then the comparison step with greedy
  equal_shares_add1_comparison,  // the same after Add1
};
// Accepts the CLI names (greedy, greedy-no-skip, equal-shares, equal-shares-add1,
// equal-shares-comparison, equal-shares-add1-comparison) and pabulib's META spellings
// (greedy-threshold is greedy: the threshold always comes from META).
std::optional<RuleName> parse_rule_name(std::string_view name);
std::string_view rule_name(RuleName rule);
// The rule named by the file's META `rule`, when it is one of the above (not for
// greedy-exclusive, greedy-custom or unknown, which need more than the file says).
std::optional<RuleName> rule_from_meta(const Election& election);
std::optional<Utility> parse_utility(std::string_view name);

enum class OutputFormat { text, json };

struct ComputeRequest {
  RuleName rule = RuleName::greedy;
  Utility utility = Utility::cost;  // equal shares only
  OutputFormat format = OutputFormat::text;
};

Result<Outcome> compute(const Election& election, const ComputeRequest& request);
std::string format_outcome(const Election& election, const ComputeRequest& request,
                           const Outcome& outcome);

// Reads the file, runs the rule and formats the outcome. With `use_file_rule` the rule
// comes from the file's META (bad_request "unsupported_rule" when it names none of ours).
Result<std::string> compute_pb_file(const std::string& path, const ComputeRequest& request,
                                    bool use_file_rule = false);

}  // namespace gz::pb
