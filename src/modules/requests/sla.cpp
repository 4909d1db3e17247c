#include "modules/requests/sla.hpp"

#include <algorithm>
#include <string>

#include "core/clock.hpp"

namespace gz::requests {
namespace {

// "By the end of the n-th working day after the day it was received."
std::int64_t end_of_nth_workday_ms(int n, std::int64_t received_epoch_ms,
                                   const WorkCalendar& calendar) {
  const std::int64_t received_day = shanghai_day(received_epoch_ms);
  return end_of_shanghai_day_ms(calendar.nth_workday_after(received_day, n));
}

}  // namespace

std::int64_t end_of_shanghai_day_ms(std::int64_t day) {
  return shanghai_midnight_ms(day + 1) - 1000;
}

std::int64_t response_due_ms(Priority priority, std::int64_t received_epoch_ms,
                             const WorkCalendar& calendar) {
  switch (priority) {
    case Priority::red:
      return received_epoch_ms + kRedResponseMs;
    case Priority::yellow:
      return end_of_nth_workday_ms(kYellowResponseWorkdays, received_epoch_ms, calendar);
    case Priority::blue:
      return end_of_nth_workday_ms(kBlueResponseWorkdays, received_epoch_ms, calendar);
  }
  return end_of_nth_workday_ms(kBlueResponseWorkdays, received_epoch_ms, calendar);
}

std::int64_t resolution_due_ms(int working_days, std::int64_t received_epoch_ms,
                               const WorkCalendar& calendar) {
  return end_of_nth_workday_ms(working_days, received_epoch_ms, calendar);
}

std::int64_t resolution_due_ms(Priority priority, int working_days, std::int64_t received_epoch_ms,
                               const WorkCalendar& calendar) {
  return std::max(resolution_due_ms(working_days, received_epoch_ms, calendar),
                  response_due_ms(priority, received_epoch_ms, calendar));
}

std::optional<CurrentDeadline> current_deadline(bool open, bool responded,
                                                std::int64_t response_due_ms,
                                                std::int64_t resolution_due_ms,
                                                std::int64_t now_ms) {
  if (!open) return std::nullopt;
  CurrentDeadline deadline;
  if (responded) {
    deadline.kind = DeadlineKind::resolution;
    deadline.due_ms = resolution_due_ms;
  } else {
    // Unanswered: the response is due first; a resolution deadline passed meanwhile (only
    // when the calendar made it earlier, which resolution_due_ms rules out) still counts.
    deadline.kind = DeadlineKind::response;
    deadline.due_ms = std::min(response_due_ms, resolution_due_ms);
  }
  deadline.overdue = deadline.due_ms < now_ms;
  return deadline;
}

std::string_view deadline_kind_name(DeadlineKind kind) {
  return kind == DeadlineKind::response ? "response" : "resolution";
}

int working_days_to_resolve(std::int64_t received_ms, std::int64_t resolved_ms,
                            const WorkCalendar& calendar) {
  return calendar.workdays_between(shanghai_day(received_ms), shanghai_day(resolved_ms));
}

}  // namespace gz::requests
