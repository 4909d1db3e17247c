// Three-colour triage: red (urgent, respond within 24 hours), yellow (important, by the end of
// the 3rd working day), blue (general, by the end of the 7th working day).
#pragma once

#include <optional>
#include <string_view>

namespace gz::requests {

enum class Priority { red, yellow, blue };

inline std::string_view priority_name(Priority priority) {
  switch (priority) {
    case Priority::red:
      return "red";
    case Priority::yellow:
      return "yellow";
    case Priority::blue:
      return "blue";
  }
  return "blue";
}

inline std::optional<Priority> parse_priority(std::string_view name) {
  if (name == "red" || name == "红") return Priority::red;
  if (name == "yellow" || name == "黄") return Priority::yellow;
  if (name == "blue" || name == "蓝") return Priority::blue;
  return std::nullopt;
}

// The more urgent of two priorities (red < yellow < blue in the enum order).
inline Priority more_urgent(Priority a, Priority b) {
  return a < b ? a : b;
}

}  // namespace gz::requests
