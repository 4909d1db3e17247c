// How each category behaves in the requests demo: its share of the year's requests and how
// that share moves with the seasons, who handles it, whether it is an emergency handled round
// the clock or answered directly by a guide, how often a report repeats a neighbour's, and
// how often a case that names another body is passed on. What residents write for it is
// text data (texts.hpp). Internal to the requests demo.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "modules/requests/demo/random.hpp"

namespace gz::requests::demo {

struct Profile {
  std::string_view code;               // the category
  int weight_permille;                 // share of all requests
  std::array<int, 12> season;          // percent by month, January first
  std::span<const Weighted> handlers;  // department codes, or "guide"
  bool emergency = false;              // handled round the clock, in hours
  bool answered_directly = false;      // a guide answers it without assigning anyone
  int duplicate_percent = 0;           // chance a report repeats a recent one of the same building
  int passed_on_percent = 0;  // chance a case whose template names another body is passed on
  std::int64_t emergency_fix_minutes = 0;  // the longest an emergency fix takes
};

// Every category the demo files requests in, in drawing order.
std::span<const Profile> profiles();

}  // namespace gz::requests::demo
