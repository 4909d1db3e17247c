// The three rates (三率) and friends, as a pure function over the facts of the requests
// received in a period.
//
// Definitions (every figure also reports its numerator and denominator):
// - base: requests received in the period, except those cancelled by the resident.
// - response rate: first responses made within the response deadline / base requests that
//   were responded to or whose response deadline has passed (a fresh request still inside
//   its deadline is not yet counted either way).
// - resolution rate: resolved or closed / base requests, less duplicates and those passed on
//   as not our responsibility, that were resolved or whose resolution deadline has passed.
// - satisfaction rate: ratings of 4–5 / all ratings.
// - overdue: base requests marked overdue (response or resolution).
// - median working days to resolve: over resolved requests, on the working-day calendar.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/calendar.hpp"
#include "modules/requests/workflow.hpp"

namespace gz::requests {

struct RequestFacts {
  Status status = Status::submitted;
  std::int64_t received_ms = 0;
  std::int64_t response_due_ms = 0;
  std::int64_t resolution_due_ms = 0;
  std::optional<std::int64_t> responded_ms;
  std::optional<std::int64_t> resolved_ms;
  std::optional<int> rating;
  bool overdue = false;
};

struct Rate {
  std::int64_t numerator = 0;
  std::int64_t denominator = 0;
  std::optional<double> value() const {
    if (denominator == 0) return std::nullopt;
    return static_cast<double>(numerator) / static_cast<double>(denominator);
  }
};

struct RequestStats {
  std::int64_t received = 0;  // base
  Rate response;
  Rate resolution;
  Rate satisfaction;
  std::int64_t overdue = 0;
  std::optional<double> median_working_days_to_resolve;
  std::int64_t resolved_count = 0;
};

RequestStats compute_stats(const std::vector<RequestFacts>& facts, std::int64_t now_ms,
                           const WorkCalendar& calendar);

}  // namespace gz::requests
