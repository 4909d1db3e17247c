// SLA countdowns for the request queue: how far away the deadline the server named is.
// Pure functions over timestamps; components format the parts with the page's language.
import type { Deadline } from '../api/requests';

export type SlaState = 'overdue' | 'due_soon' | 'on_time';

export interface SlaRemaining {
  state: SlaState;
  /** Whole days, hours and minutes to the deadline (or past it, when overdue). */
  days: number;
  hours: number;
  minutes: number;
}

const MINUTE_MS = 60_000;
/** Less than this left counts as "due soon" (shown amber). */
export const DUE_SOON_MS = 4 * 60 * MINUTE_MS;

export function slaRemaining(dueIso: string, nowMs: number): SlaRemaining {
  const dueMs = Date.parse(dueIso);
  const leftMs = dueMs - nowMs;
  const state: SlaState = leftMs < 0 ? 'overdue' : leftMs < DUE_SOON_MS ? 'due_soon' : 'on_time';
  // Round towards "less time left": 59.9 minutes left shows 59, 0.5 minutes late shows 1.
  const totalMinutes = leftMs >= 0 ? Math.floor(leftMs / MINUTE_MS) : Math.ceil(-leftMs / MINUTE_MS);
  return {
    state,
    days: Math.floor(totalMinutes / 1440),
    hours: Math.floor((totalMinutes % 1440) / 60),
    minutes: totalMinutes % 60,
  };
}

/**
 * Where a deadline stands for the page: the server's `overdue` is the word (it judged by its
 * own clock and rule, sla.hpp); between reloads the server-corrected clock moves the minutes,
 * and a case whose due instant has passed on that clock is overdue too.
 */
export function deadlineRemaining(deadline: Pick<Deadline, 'due_at' | 'overdue'>, nowMs: number): SlaRemaining {
  const remaining = slaRemaining(deadline.due_at, nowMs);
  return deadline.overdue && remaining.state !== 'overdue'
    ? { state: 'overdue', days: 0, hours: 0, minutes: 0 }
    : remaining;
}

/**
 * "2天3小时" / "2 d 3 h": the two largest non-zero units, so a queue stays readable.
 * `units` holds the localised unit words.
 */
export function formatDuration(
  remaining: Pick<SlaRemaining, 'days' | 'hours' | 'minutes'>,
  units: { day: string; hour: string; minute: string; separator: string },
): string {
  const parts: string[] = [];
  if (remaining.days > 0) parts.push(`${remaining.days}${units.day}`);
  if (remaining.hours > 0) parts.push(`${remaining.hours}${units.hour}`);
  if (remaining.days === 0 && (remaining.minutes > 0 || parts.length === 0)) {
    parts.push(`${remaining.minutes}${units.minute}`);
  }
  return parts.slice(0, 2).join(units.separator);
}
