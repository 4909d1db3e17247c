import { describe, expect, it } from 'vitest';
import { pointsShort } from './redeem';

describe('pointsShort', () => {
  it('says how many points are missing', () => {
    expect(pointsShort(0, 50)).toBe(50);
    expect(pointsShort(30, 50)).toBe(20);
    expect(pointsShort(30, 20, 2)).toBe(10);
  });
  it('is 0 when the balance covers the price, and treats no account as 0 points', () => {
    expect(pointsShort(50, 50)).toBe(0);
    expect(pointsShort(80, 50)).toBe(0);
    expect(pointsShort(null, 10)).toBe(10);
    expect(pointsShort(undefined, 0)).toBe(0);
  });
});
