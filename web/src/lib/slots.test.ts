import { describe, expect, it } from 'vitest';
import {
  addDays,
  allowedLengths,
  bookableDays,
  bookingSpan,
  bookingsOfDay,
  clockToMinutes,
  dayStartMs,
  daySlots,
  householdWeekCount,
  isFree,
  minutesToClock,
  mondayOf,
  shanghaiClock,
  shanghaiIso,
  weekdayOf,
  type BookedSpan,
} from './slots';

const room = { opens_minute: 480, closes_minute: 720, slot_minutes: 30, max_minutes: 120 };
const at = (iso: string) => Date.parse(iso);
const booked = (id: number, from: string, to: string, status = 'approved', mine = false): BookedSpan => ({
  id,
  starts_at: `2026-12-10T${from}:00+08:00`,
  ends_at: `2026-12-10T${to}:00+08:00`,
  status,
  mine,
});
const earlier = at('2026-12-07T10:00:00+08:00');

describe('Shanghai days and times', () => {
  it('starts a Shanghai day at 16:00 UTC the day before', () => {
    expect(new Date(dayStartMs('2026-12-10')).toISOString()).toBe('2026-12-09T16:00:00.000Z');
  });
  it('counts days across months and years', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
  it('finds the Monday of a week', () => {
    expect(weekdayOf('2026-12-07')).toBe(0);
    expect(weekdayOf('2026-12-13')).toBe(6);
    expect(mondayOf('2026-12-13')).toBe('2026-12-07');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
  });
  it('writes minutes of the day as clock times and reads them back', () => {
    expect(minutesToClock(480)).toBe('08:00');
    expect(minutesToClock(1260)).toBe('21:00');
    expect(minutesToClock(1440)).toBe('24:00');
    expect(clockToMinutes('8:30')).toBe(510);
    expect(clockToMinutes('24:00')).toBe(1440);
    expect(clockToMinutes('24:30')).toBeNull();
    expect(clockToMinutes('09:75')).toBeNull();
    expect(clockToMinutes('nine')).toBeNull();
  });
  it('writes instants with the +08:00 offset whatever the device zone', () => {
    const instant = at('2026-12-10T01:30:00Z');
    expect(shanghaiIso(instant)).toBe('2026-12-10T09:30:00+08:00');
    expect(shanghaiClock(instant)).toBe('09:30');
    // Late evening in UTC is already the next day in Shanghai.
    expect(shanghaiIso(at('2026-12-10T17:00:00Z'))).toBe('2026-12-11T01:00:00+08:00');
  });
  it('offers today and the following days, advance_days in all, in Shanghai', () => {
    // 23:30 UTC on the 6th is 07:30 on the 7th in Shanghai.
    expect(bookableDays(at('2026-12-06T23:30:00Z'), 3)).toEqual(['2026-12-07', '2026-12-08', '2026-12-09']);
    expect(bookableDays(earlier, 0)).toEqual([]);
  });
});

describe('the slots of a day', () => {
  it('runs from opening to closing in slot steps', () => {
    const slots = daySlots(room, '2026-12-10', [], earlier);
    expect(slots.map((s) => s.label)).toEqual(['08:00', '08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '11:30']);
    expect(shanghaiIso(slots[0].startMs)).toBe('2026-12-10T08:00:00+08:00');
    expect(shanghaiIso(slots[7].endMs)).toBe('2026-12-10T12:00:00+08:00');
    expect(slots.every(isFree)).toBe(true);
  });
  it('leaves out a last slot that would pass closing time', () => {
    const slots = daySlots({ ...room, closes_minute: 710 }, '2026-12-10', [], earlier);
    expect(slots[slots.length - 1]?.label).toBe('11:00');
  });
  it('marks slots held by pending and approved bookings, not by cancelled or rejected ones', () => {
    const slots = daySlots(
      room,
      '2026-12-10',
      [booked(1, '09:00', '10:00'), booked(2, '10:30', '11:00', 'pending', true), booked(3, '08:00', '09:00', 'cancelled'), booked(4, '11:00', '12:00', 'rejected')],
      earlier,
    );
    const held = slots.map((s) => s.booking?.id ?? 0);
    expect(held).toEqual([0, 0, 1, 1, 0, 2, 0, 0]);
    expect(slots[5].booking?.mine).toBe(true);
  });
  it('holds every slot a booking overlaps, even one off the boundaries', () => {
    const slots = daySlots(room, '2026-12-10', [booked(1, '09:15', '09:45')], earlier);
    expect(slots.filter((s) => s.booking).map((s) => s.label)).toEqual(['09:00', '09:30']);
  });
  it('marks slots that have begun as past', () => {
    const slots = daySlots(room, '2026-12-10', [], at('2026-12-10T09:10:00+08:00'));
    expect(slots.filter((s) => s.past).map((s) => s.label)).toEqual(['08:00', '08:30', '09:00']);
    expect(isFree(slots[2])).toBe(false);
    expect(isFree(slots[3])).toBe(true);
  });
  it('sorts out the bookings starting on a Shanghai day', () => {
    const items = [
      { starts_at: '2026-12-10T15:00:00+08:00' },
      { starts_at: '2026-12-10T00:30:00+08:00' },
      { starts_at: '2026-12-09T23:30:00+08:00' },
    ];
    expect(bookingsOfDay(items, '2026-12-10').map((b) => b.starts_at)).toEqual(['2026-12-10T00:30:00+08:00', '2026-12-10T15:00:00+08:00']);
  });
});

describe('the lengths a booking may have', () => {
  it('goes up to the longest booking the room allows', () => {
    const slots = daySlots(room, '2026-12-10', [], earlier);
    expect(allowedLengths(room, slots, 0)).toEqual([1, 2, 3, 4]);
  });
  it('stops before a held slot', () => {
    const slots = daySlots(room, '2026-12-10', [booked(1, '09:00', '09:30')], earlier);
    expect(allowedLengths(room, slots, 0)).toEqual([1, 2]);
    expect(allowedLengths(room, slots, 2)).toEqual([]);
  });
  it('stops at closing time', () => {
    const slots = daySlots(room, '2026-12-10', [], earlier);
    expect(allowedLengths(room, slots, 6)).toEqual([1, 2]);
  });
  it('gives the span of the chosen start and length in Shanghai time', () => {
    const slots = daySlots(room, '2026-12-10', [], earlier);
    expect(bookingSpan(slots, 2, 3)).toEqual({ starts_at: '2026-12-10T09:00:00+08:00', ends_at: '2026-12-10T10:30:00+08:00' });
  });
});

describe('the weekly limit', () => {
  const span = (id: number, day: string, status = 'approved', mine = true): BookedSpan => ({
    id,
    starts_at: `${day}T09:00:00+08:00`,
    ends_at: `${day}T10:00:00+08:00`,
    status,
    mine,
  });
  it('counts the household’s held bookings starting Monday to Sunday of the day’s week', () => {
    const bookings = [
      span(1, '2026-12-07'),
      span(2, '2026-12-13', 'pending'),
      span(3, '2026-12-14'),
      span(4, '2026-12-06'),
      span(5, '2026-12-09', 'cancelled'),
      span(6, '2026-12-10', 'approved', false),
    ];
    expect(householdWeekCount(bookings, '2026-12-10')).toBe(2);
    expect(householdWeekCount(bookings, '2026-12-14')).toBe(1);
  });
  it('puts a booking at 00:30 on Monday in Shanghai into that Monday’s week', () => {
    const early = { id: 1, starts_at: '2026-12-06T16:30:00Z', ends_at: '2026-12-06T17:30:00Z', status: 'approved', mine: true };
    expect(householdWeekCount([early], '2026-12-07')).toBe(1);
    expect(householdWeekCount([early], '2026-12-06')).toBe(0);
  });
});
