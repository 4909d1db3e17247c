// The slots of a room's day (场地预约) as the server counts them: the room opens and closes at
// minutes of the Shanghai day, bookings start and end on its slot boundaries, no longer than
// its longest booking, and a pending booking holds its slots as an approved one does. Pure
// functions over epoch milliseconds and "YYYY-MM-DD" days in Shanghai (UTC+8, no summer time);
// which instant is "now" comes from the server's clock. Whether a booking is accepted is the
// server's word: these only draw what can be asked.
import { SHANGHAI_OFFSET_MS, shanghaiDate } from './time';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** The rules of a room the slots need. */
export interface SlotRules {
  opens_minute: number;
  closes_minute: number;
  slot_minutes: number;
  max_minutes: number;
}

/** What a slot needs to know of a booking. */
export interface BookedSpan {
  id: number;
  starts_at: string;
  ends_at: string;
  status: string;
  mine: boolean;
}

export interface Slot {
  /** Its index in the day, from opening. */
  index: number;
  startMs: number;
  endMs: number;
  /** "09:30" in Shanghai. */
  label: string;
  /** Its start has passed. */
  past: boolean;
  /** The booking holding it (pending or approved), if any. */
  booking: BookedSpan | null;
}

/** The instant a Shanghai day starts: "2026-12-10" → 2026-12-09T16:00Z. */
export function dayStartMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) - SHANGHAI_OFFSET_MS;
}

/** A day `count` days after (before, when negative) `day`. */
export function addDays(day: string, count: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + count * DAY_MS).toISOString().slice(0, 10);
}

/** 0 Monday … 6 Sunday, of a Shanghai day. */
export function weekdayOf(day: string): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** The Monday of the week (Monday to Sunday) a day is in. */
export function mondayOf(day: string): string {
  return addDays(day, -weekdayOf(day));
}

/** Minutes of the day as a clock: 480 → "08:00", 1440 → "24:00". */
export function minutesToClock(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  return `${String(hours).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** "08:30" → 510; null when it is not a clock time of the day (24:00 is the day's end). */
export function clockToMinutes(clock: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(clock.trim());
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return Number(match[2]) < 60 && minutes <= 1440 ? minutes : null;
}

/** An instant's clock time in Shanghai: "09:30". */
export function shanghaiClock(epochMs: number): string {
  return new Date(epochMs + SHANGHAI_OFFSET_MS).toISOString().slice(11, 16);
}

/** An instant as the API takes it: "2026-12-10T09:30:00+08:00". */
export function shanghaiIso(epochMs: number): string {
  return `${new Date(epochMs + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** The days one may book from `nowMs`: today and the next, `advanceDays` days in all. */
export function bookableDays(nowMs: number, advanceDays: number): string[] {
  const today = shanghaiDate(nowMs);
  return Array.from({ length: Math.max(0, advanceDays) }, (_, i) => addDays(today, i));
}

/** Whether a booking holds its room: pending and approved ones do. */
export function holdsSlot(status: string): boolean {
  return status === 'pending' || status === 'approved';
}

/** The slots of a day from the room's rules, each with the booking holding it. */
export function daySlots(rules: SlotRules, day: string, bookings: BookedSpan[], nowMs: number): Slot[] {
  const start = dayStartMs(day);
  const holding = bookings
    .filter((b) => holdsSlot(b.status))
    .map((b) => ({ booking: b, from: Date.parse(b.starts_at), to: Date.parse(b.ends_at) }));
  const slots: Slot[] = [];
  if (rules.slot_minutes <= 0) return slots;
  for (let minute = rules.opens_minute, index = 0; minute + rules.slot_minutes <= rules.closes_minute; minute += rules.slot_minutes, index += 1) {
    const startMs = start + minute * MINUTE_MS;
    const endMs = startMs + rules.slot_minutes * MINUTE_MS;
    const hit = holding.find((h) => h.from < endMs && h.to > startMs);
    slots.push({ index, startMs, endMs, label: minutesToClock(minute), past: startMs <= nowMs, booking: hit?.booking ?? null });
  }
  return slots;
}

/** Whether one may start a booking in the slot: not begun, not held. */
export function isFree(slot: Slot): boolean {
  return !slot.past && slot.booking === null;
}

/**
 * The lengths (in slots) a booking starting at slot `index` may have: 1 up to the room's
 * longest booking, as long as the following slots are free and the room is open.
 */
export function allowedLengths(rules: SlotRules, slots: Slot[], index: number): number[] {
  const most = Math.floor(rules.max_minutes / rules.slot_minutes);
  const lengths: number[] = [];
  for (let n = 1; n <= most; n += 1) {
    const slot = slots[index + n - 1];
    if (!slot || !isFree(slot)) break;
    lengths.push(n);
  }
  return lengths;
}

/** The span of a booking of `length` slots from `slots[index]`, as the API takes it. */
export function bookingSpan(slots: Slot[], index: number, length: number): { starts_at: string; ends_at: string } {
  return { starts_at: shanghaiIso(slots[index].startMs), ends_at: shanghaiIso(slots[index + length - 1].endMs) };
}

/** How long, split for words: 90 → { hours: 1, minutes: 30 }. */
export function splitMinutes(total: number): { hours: number; minutes: number } {
  return { hours: Math.floor(total / 60), minutes: total % 60 };
}

/** The bookings of a day (starting in it, Shanghai), by start. */
export function bookingsOfDay<T extends { starts_at: string }>(bookings: T[], day: string): T[] {
  return bookings
    .filter((b) => shanghaiDate(Date.parse(b.starts_at)) === day)
    .sort((a, b) => Date.parse(a.starts_at) - Date.parse(b.starts_at));
}

/**
 * How many of the household's bookings holding a slot start in the Monday-to-Sunday week of
 * `day` (Shanghai): what the room's weekly limit counts, for the bookings of one room.
 */
export function householdWeekCount(bookings: BookedSpan[], day: string): number {
  const monday = mondayOf(day);
  return bookings.filter((b) => b.mine && holdsSlot(b.status) && mondayOf(shanghaiDate(Date.parse(b.starts_at))) === monday).length;
}
