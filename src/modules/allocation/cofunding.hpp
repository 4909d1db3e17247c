// Co-funding rules (多方协同): who pays which part of a service's cost, by class of need.
//   basic        (elderly care, childcare)  government 70 : residents 30
//   improvement  (culture and sports)        government 3 : market 3 : residents 4
//   special      (disability services)       government 8 : foundation 2
// Rules are configurable (any parties, any whole-number ratio). A split is exact in fen:
// largest remainder (apportion.hpp), ties to the larger ratio, then the party listed first.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace gz::allocation {

struct FundingParty {
  std::string party;   // "government", "residents", "market", "foundation", ...
  std::int64_t ratio;  // relative weight; only the proportions matter
};

struct CofundingRule {
  std::string funding_class;  // "basic", "improvement", "special", ...
  std::vector<FundingParty> parties;
};

// The three rules above.
std::vector<CofundingRule> default_cofunding_rules();

// Each class once, at least one party, no party twice, ratios >= 0 with a positive sum;
// else bad_request "invalid_cofunding_rule".
Result<void> validate(std::span<const CofundingRule> rules);

struct CofundingPart {
  std::string party;
  std::int64_t amount_fen = 0;
  bool operator==(const CofundingPart&) const = default;
};

// Errors: bad_request "unknown_funding_class", "negative_amount", "invalid_cofunding_rule".
Result<std::vector<CofundingPart>> split_cofunding(std::span<const CofundingRule> rules,
                                                   std::string_view funding_class,
                                                   std::int64_t amount_fen);

}  // namespace gz::allocation
