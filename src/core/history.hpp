// One line of a household's history, given by the module that owns the fact (a request, a
// visit, an assessment, an attendance, a points posting) and gathered into the household's
// timeline. Words are left to the reader's language: `kind` names what happened and `title`
// carries the module's own label (a category code, an activity's title, a rule).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace gz {

struct HistoryItem {
  std::int64_t at_ms = 0;
  std::string kind;   // "request.submitted", "visit", "points.award"...
  std::string title;  // what it concerns
  std::optional<std::int64_t> ref_id;
  std::optional<std::int64_t> amount;  // points (signed), a rating, a score
  std::optional<std::string> note;     // a tracking code, a reason (already masked if need be)
  std::optional<std::int64_t> resident_id;
};

}  // namespace gz
