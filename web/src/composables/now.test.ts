import { afterEach, describe, expect, it, vi } from 'vitest';
import { noteServerDate, serverNow } from './now';
import { request } from '../api/client';

describe('the server clock', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('is the device clock corrected by the Date of the last API response', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.parse('2026-12-07T04:15:00Z')); // a phone's clock
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{}', { status: 200, headers: { Date: 'Thu, 31 Dec 2026 15:59:00 GMT' } })),
    );
    await request('/me');
    expect(serverNow()).toBe(Date.parse('2026-12-31T23:59:00+08:00'));
    vi.advanceTimersByTime(90_000);
    expect(serverNow()).toBe(Date.parse('2027-01-01T00:00:30+08:00'));
  });

  it('ignores a missing or unreadable Date', () => {
    noteServerDate('Thu, 31 Dec 2026 15:59:00 GMT');
    const before = serverNow() - Date.now();
    noteServerDate(null);
    noteServerDate('not a date');
    expect(Math.abs(serverNow() - Date.now() - before)).toBeLessThan(50);
  });
});
