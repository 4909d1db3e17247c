#include "modules/allocation/cofunding.hpp"

#include <set>

#include "modules/allocation/apportion.hpp"

namespace gz::allocation {

std::vector<CofundingRule> default_cofunding_rules() {
  return {
      {"basic", {{"government", 70}, {"residents", 30}}},
      {"improvement", {{"government", 3}, {"market", 3}, {"residents", 4}}},
      {"special", {{"government", 8}, {"foundation", 2}}},
  };
}

Result<void> validate(std::span<const CofundingRule> rules) {
  auto refuse = [](std::string message) {
    return bad_request("invalid_cofunding_rule", std::move(message));
  };
  std::set<std::string> classes;
  for (const CofundingRule& rule : rules) {
    if (rule.funding_class.empty()) return refuse("a rule needs a class name");
    if (!classes.insert(rule.funding_class).second) {
      return refuse("class " + rule.funding_class + " has two rules");
    }
    if (rule.parties.empty()) return refuse("class " + rule.funding_class + " has no parties");
    std::set<std::string> parties;
    std::int64_t sum = 0;
    for (const FundingParty& party : rule.parties) {
      if (!parties.insert(party.party).second) {
        return refuse("class " + rule.funding_class + " names " + party.party + " twice");
      }
      if (party.ratio < 0) return refuse("a ratio cannot be negative");
      if (party.ratio > (std::int64_t{1} << 40)) return refuse("a ratio is too large");
      sum += party.ratio;
    }
    if (sum == 0) return refuse("class " + rule.funding_class + " has ratios that sum to 0");
  }
  return {};
}

Result<std::vector<CofundingPart>> split_cofunding(std::span<const CofundingRule> rules,
                                                   std::string_view funding_class,
                                                   std::int64_t amount_fen) {
  GZ_TRY(validate(rules));
  if (amount_fen < 0) return bad_request("negative_amount", "the amount cannot be negative");
  for (const CofundingRule& rule : rules) {
    if (rule.funding_class != funding_class) continue;
    std::vector<std::int64_t> ratios;
    for (const FundingParty& party : rule.parties) ratios.push_back(party.ratio);
    auto amounts = apportion(amount_fen, ratios);
    if (!amounts.ok()) return amounts.take_error();
    std::vector<CofundingPart> parts;
    for (std::size_t i = 0; i < rule.parties.size(); ++i) {
      parts.push_back({rule.parties[i].party, amounts.value()[i]});
    }
    return parts;
  }
  return bad_request("unknown_funding_class",
                     "no co-funding rule for class \"" + std::string(funding_class) + "\"");
}

}  // namespace gz::allocation
