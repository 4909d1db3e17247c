// Service-level deadlines of resident requests (三色分级): when the first response and the
// resolution are due, and how many working days a resolution took. Working days come from
// the Chinese working-day calendar (core/calendar.hpp); a day is the calendar day in
// Asia/Shanghai (fixed +08:00), whatever offset the time was written with. Pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/calendar.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "modules/requests/priority.hpp"

namespace gz::requests {

inline constexpr std::int64_t kRedResponseMs = 24LL * 3600 * 1000;
inline constexpr int kYellowResponseWorkdays = 3;
inline constexpr int kBlueResponseWorkdays = 7;

// 23:59:59.000 Asia/Shanghai on that day, the moment a "by the end of the day" deadline is.
std::int64_t end_of_shanghai_day_ms(std::int64_t day);

// When the first response (acceptance) is due:
//   red    — exactly 24 hours after it was received, holidays or not;
//   yellow — the end of the 3rd working day after the day it was received;
//   blue   — the end of the 7th working day after it.
// The received day itself never counts, even when it is a working day: a request received
// at 08:00 on a Wednesday is a day behind one received at 23:00 the Tuesday before.
std::int64_t response_due_ms(Priority priority, std::int64_t received_epoch_ms,
                             const WorkCalendar& calendar);

// The end of the `working_days`-th working day after the day it was received (0: the end of
// that day itself), the resolution deadline of a category given in working days.
std::int64_t resolution_due_ms(int working_days, std::int64_t received_epoch_ms,
                               const WorkCalendar& calendar);
// The same, never earlier than the response deadline of `priority`: a case cannot be due
// for resolution before it is due for an answer. Only red meets this floor in practice
// (a category resolved "the same day" gets at least the full 24 hours of a red response);
// the end of the 1st working day is always more than 24 hours after receipt. Use this one
// for a request's resolution_due_at.
std::int64_t resolution_due_ms(Priority priority, int working_days, std::int64_t received_epoch_ms,
                               const WorkCalendar& calendar);

// The deadline an open case is working against: its first response until it has one, then
// its resolution (never earlier than the response, see resolution_due_ms). Overdue exactly
// when `now_ms` is past it. The queue's countdown, the tracking page, the escalation job's
// idea of "overdue" and the web's colours all read this one rule.
enum class DeadlineKind { response, resolution };
struct CurrentDeadline {
  DeadlineKind kind = DeadlineKind::response;
  std::int64_t due_ms = 0;
  bool overdue = false;
};
std::optional<CurrentDeadline> current_deadline(bool open, bool responded,
                                                std::int64_t response_due_ms,
                                                std::int64_t resolution_due_ms,
                                                std::int64_t now_ms);
std::string_view deadline_kind_name(DeadlineKind kind);

// Working days from the day received to the day resolved, both in Shanghai: resolved the
// same day is 0, the next working day 1; weekends and holidays in between do not count.
int working_days_to_resolve(std::int64_t received_ms, std::int64_t resolved_ms,
                            const WorkCalendar& calendar);

}  // namespace gz::requests
