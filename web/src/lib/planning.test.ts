import { describe, expect, it } from 'vitest';
import { changeBars, isQuarter, nextQuarter, parseTotal, parseWeight, percentsProblem, signed } from './planning';

describe('planning helpers', () => {
  it('names the quarter of a date and the one after it', () => {
    expect(nextQuarter('2026Q4')).toBe('2027Q1');
    expect(nextQuarter('2026Q2')).toBe('2026Q3');
    expect(isQuarter('2026Q3')).toBe(true);
    expect(isQuarter('2026Q5')).toBe(false);
  });

  it('reads the total as fen from yuan, or as whole places', () => {
    expect(parseTotal('12,000.5', 'fen')).toBe(1200050);
    expect(parseTotal('abc', 'fen')).toBeNull();
    expect(parseTotal('60', 'place')).toBe(60);
    expect(parseTotal('6.5', 'place')).toBeNull();
  });

  it('leaves an empty weight to the server and refuses a fraction', () => {
    expect(parseWeight('')).toBeUndefined();
    expect(parseWeight(' 1,200 ')).toBe(1200);
    expect(parseWeight(7)).toBe(7);
    expect(parseWeight('1.5')).toBeNull();
    expect(parseWeight('-3')).toBeNull();
  });

  it('checks the pool percentages as the engine does', () => {
    expect(percentsProblem(5, 70, 30)).toBeNull();
    expect(percentsProblem(10, 60, 40)).toBeNull();
    expect(percentsProblem(5, 70, 20)).toBe('base_dynamic_sum');
    expect(percentsProblem(-1, 70, 30)).toBe('not_numbers');
    expect(percentsProblem(5.5, 70, 30)).toBe('not_numbers');
  });

  it('puts last quarter beside this one, a new category counting from zero', () => {
    const bars = changeBars([
      { category: 'elderly_care', total: 500, previous_total: 400 },
      { category: 'childcare', total: 300 },
    ]);
    expect(bars).toEqual({ categories: ['elderly_care', 'childcare'], previous: [400, 0], current: [500, 300], change: [100, 300] });
    expect(signed(100, String)).toBe('+100');
    expect(signed(-5, String)).toBe('-5');
    expect(signed(0, String)).toBe('0');
  });
});
