import { describe, expect, it } from 'vitest';
import { atCap, latestFee, newestFirst, parseScore, previousQuarter, quarterOf, signedPercent, splitRules } from './property';
import type { QuarterReport, RevenueRule } from '../api/property';

describe('property helpers', () => {
  it('names the quarter in Shanghai time, even when UTC is still in the last one', () => {
    expect(quarterOf(Date.parse('2026-11-29T23:00:00Z'))).toBe('2026Q4');
    expect(quarterOf(Date.parse('2026-12-31T17:00:00Z'))).toBe('2027Q1');
    expect(previousQuarter('2027Q1')).toBe('2026Q4');
    expect(previousQuarter('2026Q3')).toBe('2026Q2');
  });

  it('says an adjustment as a signed percent and knows when it hit the cap', () => {
    expect(signedPercent(225)).toBe('+2.25%');
    expect(signedPercent(-1000)).toBe('-10%');
    expect(signedPercent(-365)).toBe('-3.65%');
    expect(signedPercent(0)).toBe('±0%');
    expect(atCap(1000, 1000, 1000)).toBe(true);
    expect(atCap(-300, 1000, 300)).toBe(true);
    expect(atCap(45, 1000, 1000)).toBe(false);
    expect(atCap(0, 0, 0)).toBe(false);
  });

  it('finds the newest fixed fee and sorts quarters newest first', () => {
    const report = (quarter: string, fee: boolean) => ({ quarter, fee: fee ? { quarter } : null }) as unknown as QuarterReport;
    const list = [report('2026Q2', true), report('2026Q4', false), report('2026Q3', true)];
    expect(latestFee(list)?.quarter).toBe('2026Q3');
    expect(latestFee([])).toBeNull();
    expect(newestFirst(list).map((q) => q.quarter)).toEqual(['2026Q4', '2026Q3', '2026Q2']);
  });

  it('separates the rules in effect from the changes still waiting for their date', () => {
    const rule = (id: number, status: string, effective_on: string) => ({ id, status, effective_on }) as RevenueRule;
    const { active, pending } = splitRules([
      rule(1, 'superseded', '2025-10-03'),
      rule(2, 'in_effect', '2026-06-01'),
      rule(3, 'pending', '2027-01-10'),
      rule(4, 'pending', '2026-12-20'),
    ]);
    expect(active.map((r) => r.id)).toEqual([2]);
    expect(pending.map((r) => r.id)).toEqual([4, 3]);
  });

  it('accepts only whole scores from 0 to 100', () => {
    expect(parseScore(' 85 ')).toBe(85);
    expect(parseScore('0')).toBe(0);
    expect(parseScore('100')).toBe(100);
    expect(parseScore('101')).toBeNull();
    expect(parseScore('8.5')).toBeNull();
    expect(parseScore('')).toBeNull();
    expect(parseScore('-1')).toBeNull();
  });
});
