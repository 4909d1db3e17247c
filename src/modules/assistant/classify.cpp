// Keyword scoring of request categories; see classify.hpp.
#include "modules/assistant/classify.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "modules/assistant/retrieval.hpp"

namespace gz::assistant {

CategorySuggestion suggest_category(std::string_view text,
                                    const std::vector<CategoryKeyword>& rules,
                                    const std::string& fallback) {
  auto normalized = normalize(text);
  std::map<std::string, std::int64_t> score;
  std::map<std::string, std::size_t> first_rule;
  std::map<std::string, std::vector<std::string>> matched;
  std::set<std::pair<std::string, std::string>> seen;
  std::int64_t total = 0;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const auto& rule = rules[i];
    auto keyword = normalize(rule.keyword);
    if (keyword.empty() || normalized.find(keyword) == std::string::npos) continue;
    if (!seen.insert({rule.category, keyword}).second) continue;
    std::int64_t weight = std::clamp(rule.weight, 1, 10);
    score[rule.category] += weight;
    first_rule.emplace(rule.category, i);
    matched[rule.category].push_back(rule.keyword);
    total += weight;
  }
  CategorySuggestion out{fallback, {}, 0};
  if (score.empty()) return out;
  const std::string* best = nullptr;
  for (const auto& [category, points] : score) {
    if (!best || points > score[*best] ||
        (points == score[*best] && first_rule[category] < first_rule[*best])) {
      best = &category;
    }
  }
  double share = static_cast<double>(score[*best]) / static_cast<double>(total);
  double strength = std::min(1.0, static_cast<double>(score[*best]) / 3.0);
  out.category = *best;
  out.matched = matched[*best];
  out.confidence_bp = std::llround(share * strength * 10000);
  return out;
}

}  // namespace gz::assistant
