#include "modules/requests/stats.hpp"

#include <algorithm>

#include "modules/requests/sla.hpp"

namespace gz::requests {

RequestStats compute_stats(const std::vector<RequestFacts>& facts, std::int64_t now_ms,
                           const WorkCalendar& calendar) {
  RequestStats stats;
  std::vector<int> working_days;
  for (const auto& fact : facts) {
    if (fact.status == Status::cancelled) continue;
    ++stats.received;
    // Response.
    if (fact.responded_ms || fact.response_due_ms <= now_ms) {
      ++stats.response.denominator;
      if (fact.responded_ms && *fact.responded_ms <= fact.response_due_ms)
        ++stats.response.numerator;
    }
    // Resolution.
    bool passed_on =
        fact.status == Status::duplicate || fact.status == Status::not_our_responsibility;
    if (!passed_on && (fact.resolved_ms || fact.resolution_due_ms <= now_ms)) {
      ++stats.resolution.denominator;
      if (fact.resolved_ms) ++stats.resolution.numerator;
    }
    if (fact.resolved_ms) {
      ++stats.resolved_count;
      working_days.push_back(
          working_days_to_resolve(fact.received_ms, *fact.resolved_ms, calendar));
    }
    // Satisfaction.
    if (fact.rating) {
      ++stats.satisfaction.denominator;
      if (*fact.rating >= 4) ++stats.satisfaction.numerator;
    }
    if (fact.overdue) ++stats.overdue;
  }
  if (!working_days.empty()) {
    std::sort(working_days.begin(), working_days.end());
    std::size_t middle = working_days.size() / 2;
    stats.median_working_days_to_resolve =
        working_days.size() % 2 ? working_days[middle]
                                : (working_days[middle - 1] + working_days[middle]) / 2.0;
  }
  return stats;
}

}  // namespace gz::requests
