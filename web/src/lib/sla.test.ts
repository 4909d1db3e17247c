import { describe, expect, it } from 'vitest';
import { deadlineRemaining, formatDuration, slaRemaining } from './sla';

const now = Date.parse('2026-11-30T10:00:00+08:00');
const zh = { day: '天', hour: '小时', minute: '分钟', separator: '' };
const en = { day: ' d', hour: ' h', minute: ' min', separator: ' ' };

describe('slaRemaining', () => {
  it('splits the time left into days, hours and minutes', () => {
    expect(slaRemaining('2026-12-02T13:30:00+08:00', now)).toEqual({ state: 'on_time', days: 2, hours: 3, minutes: 30 });
  });
  it('says due soon under four hours', () => {
    expect(slaRemaining('2026-11-30T12:59:00+08:00', now).state).toBe('due_soon');
    expect(slaRemaining('2026-11-30T14:00:00+08:00', now).state).toBe('on_time');
  });
  it('counts how late an overdue case is', () => {
    expect(slaRemaining('2026-11-29T08:00:00+08:00', now)).toEqual({ state: 'overdue', days: 1, hours: 2, minutes: 0 });
  });
  it('rounds towards less time left', () => {
    expect(slaRemaining('2026-11-30T10:00:59+08:00', now).minutes).toBe(0);
    expect(slaRemaining('2026-11-30T09:59:30+08:00', now)).toMatchObject({ state: 'overdue', minutes: 1 });
  });
  it('reads deadlines given in any offset', () => {
    expect(slaRemaining('2026-11-30T03:00:00Z', now)).toMatchObject({ days: 0, hours: 1, minutes: 0 });
  });
});

describe('formatDuration', () => {
  it('shows the two largest units', () => {
    expect(formatDuration({ days: 2, hours: 3, minutes: 30 }, zh)).toBe('2天3小时');
    expect(formatDuration({ days: 2, hours: 3, minutes: 30 }, en)).toBe('2 d 3 h');
  });
  it('shows minutes when less than a day is left', () => {
    expect(formatDuration({ days: 0, hours: 5, minutes: 7 }, zh)).toBe('5小时7分钟');
    expect(formatDuration({ days: 0, hours: 0, minutes: 45 }, en)).toBe('45 min');
  });
  it('skips zero units and still says something at zero', () => {
    expect(formatDuration({ days: 3, hours: 0, minutes: 10 }, zh)).toBe('3天');
    expect(formatDuration({ days: 0, hours: 0, minutes: 0 }, zh)).toBe('0分钟');
  });
});

describe('deadlineRemaining', () => {
  const due = '2026-12-01T10:00:00+08:00';
  it('counts down to the due instant the server named', () => {
    expect(deadlineRemaining({ due_at: due, overdue: false }, now)).toEqual({ state: 'on_time', days: 1, hours: 0, minutes: 0 });
  });
  it('is overdue when the server says so, even if this clock is a moment behind', () => {
    expect(deadlineRemaining({ due_at: due, overdue: true }, Date.parse(due) - 500).state).toBe('overdue');
  });
  it('is overdue once the due instant passes on the server-corrected clock', () => {
    expect(deadlineRemaining({ due_at: due, overdue: false }, Date.parse(due) + 60_000)).toMatchObject({ state: 'overdue', minutes: 1 });
  });
});
