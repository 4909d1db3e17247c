// Category suggestion for a request's free text: configurable keyword rules per category
// (assistant_category_keywords; community 0 holds the defaults every community inherits).
// The priority is not decided here: the use case runs the requests module's own triage
// (requests::triage with the community's triage_rules) on the suggested category.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gz::assistant {

struct CategoryKeyword {
  std::string category;  // a request category code ("elevator")
  std::string keyword;
  int weight = 1;  // 1 … 10
};

struct CategorySuggestion {
  std::string category;              // the fallback when nothing matched
  std::vector<std::string> matched;  // keywords of the chosen category found in the text
  std::int64_t confidence_bp = 0;    // 0 … 10000
};

// Each category scores the summed weight of its distinct keywords found in the text (ASCII
// case-insensitive); the highest wins, ties going to the category whose rule comes first.
// Confidence = (winner's share of all matched weight) × min(1, winner's weight / 3): one weak
// keyword is a hint, three agreeing ones are evidence.
CategorySuggestion suggest_category(std::string_view text,
                                    const std::vector<CategoryKeyword>& rules,
                                    const std::string& fallback = "other");

}  // namespace gz::assistant
