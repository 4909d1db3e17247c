import { describe, expect, it } from 'vitest';
import { blankRoom, dayTimes, hoursText, maxLengthChoices, percentText, residentMayCancel, roomProblems, splitBookings, staffMayCancel } from './rooms';

const at = (iso: string) => Date.parse(iso);

describe('a room form', () => {
  it('accepts the defaults once named', () => {
    expect(roomProblems({ ...blankRoom(1), name: '社区活动室' })).toEqual([]);
    expect(roomProblems(blankRoom(1))).toEqual(['name']);
  });
  it('says every rule out of bounds', () => {
    const room = {
      ...blankRoom(1),
      name: '会'.repeat(41),
      capacity: 0,
      opens_minute: 1260,
      closes_minute: 480,
      max_per_week: 15,
      advance_days: 61,
    };
    expect(roomProblems(room)).toEqual(['name', 'capacity', 'hours', 'perWeek', 'advance']);
  });
  it('wants the longest booking in whole slots, at most 12 hours', () => {
    expect(roomProblems({ ...blankRoom(1), name: 'x', slot_minutes: 60, max_minutes: 90 })).toEqual(['maxMinutes']);
    expect(roomProblems({ ...blankRoom(1), name: 'x', slot_minutes: 45 })).toEqual(['slot']);
    expect(maxLengthChoices(60)).toHaveLength(12);
    expect(maxLengthChoices(30).slice(0, 3)).toEqual([30, 60, 90]);
    expect(maxLengthChoices(30).slice(-1)[0]).toBe(720);
  });
  it('offers the day in quarter hours to 24:00', () => {
    const times = dayTimes();
    expect(times[0]).toBe(0);
    expect(times[times.length - 1]).toBe(1440);
    expect(times).toHaveLength(97);
  });
});

describe('bookings', () => {
  const now = at('2026-12-10T10:00:00+08:00');
  const booking = (id: number, from: string, to: string, status = 'approved') => ({
    id,
    starts_at: `2026-12-${from}:00+08:00`,
    ends_at: `2026-12-${to}:00+08:00`,
    status,
  });
  it('splits a household’s bookings into those coming up (soonest first) and the rest (latest first)', () => {
    const items = [
      booking(1, '09T09:00', '09T10:00'),
      booking(2, '12T09:00', '12T10:00', 'pending'),
      booking(3, '10T09:30', '10T10:30'),
      booking(4, '01T09:00', '01T10:00'),
      booking(5, '11T09:00', '11T10:00', 'cancelled'),
      booking(6, '13T09:00', '13T10:00', 'rejected'),
    ];
    const { upcoming, past } = splitBookings(items, now);
    expect(upcoming.map((b) => b.id)).toEqual([3, 2]);
    // Cancelled and declined ones are not coming up, whenever they were for.
    expect(past.map((b) => b.id)).toEqual([6, 5, 1, 4]);
  });
  it('lets the booker cancel before the start and staff before the end', () => {
    const running = booking(1, '10T09:30', '10T10:30');
    const later = booking(2, '10T11:00', '10T12:00', 'pending');
    expect(residentMayCancel(running, now)).toBe(false);
    expect(staffMayCancel(running, now)).toBe(true);
    expect(residentMayCancel(later, now)).toBe(true);
    expect(residentMayCancel({ ...later, status: 'cancelled' }, now)).toBe(false);
    expect(staffMayCancel({ ...later, status: 'rejected' }, now)).toBe(false);
  });
});

describe('use figures', () => {
  it('reads a share as a percentage with one decimal, none when never open', () => {
    expect(percentText(0.1234)).toBe('12.3%');
    expect(percentText(0)).toBe('0.0%');
    expect(percentText(1)).toBe('100.0%');
    expect(percentText(null)).toBeNull();
  });
  it('reads minutes as hours', () => {
    expect(hoursText(90)).toBe('1.5');
    expect(hoursText(600)).toBe('10');
    expect(hoursText(20)).toBe('0.3');
  });
});
