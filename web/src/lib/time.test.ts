import { describe, expect, it } from 'vitest';
import { quarterOf, shanghaiDate, shanghaiLocalInput, shiftQuarter } from './time';

describe('the community clock', () => {
  it('turns quarters, days and years at Shanghai midnight whatever the device zone', () => {
    expect(quarterOf(Date.parse('2026-12-31T23:59:00+08:00'))).toBe('2026Q4');
    expect(quarterOf(Date.parse('2027-01-01T00:01:00+08:00'))).toBe('2027Q1');
    expect(quarterOf(Date.parse('2026-09-30T16:00:00Z'))).toBe('2026Q4'); // 00:00 on 1 October
    expect(shanghaiDate(Date.parse('2026-12-31T16:01:00Z'))).toBe('2027-01-01');
    expect(shanghaiDate(Date.parse('2026-12-31T15:59:00Z'))).toBe('2026-12-31');
    expect(shanghaiLocalInput(Date.parse('2026-12-31T23:59:30+08:00'))).toBe('2026-12-31T23:59');
  });

  it('counts quarters across years both ways', () => {
    expect(shiftQuarter('2026Q4', 1)).toBe('2027Q1');
    expect(shiftQuarter('2027Q1', -1)).toBe('2026Q4');
    expect(shiftQuarter('2026Q2', -6)).toBe('2024Q4');
    expect(shiftQuarter('soon', 1)).toBe('soon');
  });
});
