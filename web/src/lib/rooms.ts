// The rest of 场地预约's pure logic: what a room form lacks before it goes to the server (the
// same limits as bookings.hpp), the times a form offers, a household's bookings split into
// upcoming and past, which may still be cancelled, and use figures as percentages.
import type { RoomInput } from '../api/bookings';
import { ROOM_KINDS } from '../api/bookings';
import { holdsSlot } from './slots';

export const SLOT_CHOICES = [15, 30, 60];
export const MAX_BOOKING_MINUTES = 12 * 60;

/** A new room's rules before staff change them (bookings.hpp's defaults). */
export function blankRoom(communityId: number): RoomInput {
  return {
    community_id: communityId,
    name: '',
    kind: 'activity_room',
    capacity: 20,
    opens_minute: 480,
    closes_minute: 1260,
    slot_minutes: 30,
    max_minutes: 180,
    max_per_week: 2,
    advance_days: 14,
    open_to: 'residents',
    needs_approval: false,
    active: true,
    description: '',
  };
}

/** Times of the day a form offers for opening and closing: every quarter hour, 00:00–24:00. */
export function dayTimes(step = 15): number[] {
  return Array.from({ length: 1440 / step + 1 }, (_, i) => i * step);
}

/** The longest bookings a room with this slot may allow: 1 slot up to 12 hours. */
export function maxLengthChoices(slotMinutes: number): number[] {
  if (!SLOT_CHOICES.includes(slotMinutes)) return [];
  return Array.from({ length: MAX_BOOKING_MINUTES / slotMinutes }, (_, i) => (i + 1) * slotMinutes);
}

const whole = (value: number, low: number, high: number) => Number.isInteger(value) && value >= low && value <= high;

/** What is wrong with a room's rules, as i18n keys under bookings.form.problem; empty when none. */
export function roomProblems(room: RoomInput): string[] {
  const problems: string[] = [];
  const name = room.name.trim();
  if (name.length === 0 || [...name].length > 40) problems.push('name');
  if (!ROOM_KINDS.includes(room.kind)) problems.push('kind');
  if (!whole(room.capacity, 1, 500)) problems.push('capacity');
  if (!(room.opens_minute >= 0 && room.closes_minute <= 1440 && room.opens_minute < room.closes_minute)) problems.push('hours');
  if (!SLOT_CHOICES.includes(room.slot_minutes)) problems.push('slot');
  else if (
    room.max_minutes < room.slot_minutes ||
    room.max_minutes > MAX_BOOKING_MINUTES ||
    room.max_minutes % room.slot_minutes !== 0
  ) {
    problems.push('maxMinutes');
  }
  if (!whole(room.max_per_week, 1, 14)) problems.push('perWeek');
  if (!whole(room.advance_days, 1, 60)) problems.push('advance');
  return problems;
}

/**
 * A household's bookings: those still to come that hold their slot (soonest first), and the
 * rest — over, cancelled or declined — latest first.
 */
export function splitBookings<T extends { starts_at: string; ends_at: string; status: string }>(bookings: T[], nowMs: number): { upcoming: T[]; past: T[] } {
  const coming = (b: T) => Date.parse(b.ends_at) > nowMs && holdsSlot(b.status);
  const upcoming = bookings.filter(coming).sort((a, b) => Date.parse(a.starts_at) - Date.parse(b.starts_at));
  const past = bookings.filter((b) => !coming(b)).sort((a, b) => Date.parse(b.starts_at) - Date.parse(a.starts_at));
  return { upcoming, past };
}

/** Whether the booker may still cancel: pending or approved, not begun. */
export function residentMayCancel(booking: { status: string; starts_at: string }, nowMs: number): boolean {
  return holdsSlot(booking.status) && Date.parse(booking.starts_at) > nowMs;
}

/** Whether staff may still cancel: pending or approved, not over. */
export function staffMayCancel(booking: { status: string; ends_at: string }, nowMs: number): boolean {
  return holdsSlot(booking.status) && Date.parse(booking.ends_at) > nowMs;
}

/** A share 0..1 as "12.5%"; null (never open) as null. */
export function percentText(share: number | null | undefined): string | null {
  if (share === null || share === undefined || Number.isNaN(share)) return null;
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

/** Minutes as hours with at most one decimal: 90 → "1.5". */
export function hoursText(minutes: number): string {
  return String(Math.round(minutes / 6) / 10);
}
