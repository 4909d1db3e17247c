// SLA countdowns for the request queue: which deadline applies now and how far away it is.
// Pure functions over timestamps; components format the parts with the page's language.
import type { ServiceRequest } from '../api';

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

export type DeadlineKind = 'response' | 'resolution';

/** The deadline a case is working against: the first response, then the resolution. */
export function currentDeadline(
  request: Pick<ServiceRequest, 'status' | 'responded_at' | 'response_due_at' | 'resolution_due_at'>,
): { kind: DeadlineKind; dueAt: string } | null {
  const open = ['submitted', 'accepted', 'assigned', 'in_progress', 'reopened'];
  if (!open.includes(request.status)) return null;
  if (!request.responded_at && request.status === 'submitted') {
    return { kind: 'response', dueAt: request.response_due_at };
  }
  return { kind: 'resolution', dueAt: request.resolution_due_at };
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
