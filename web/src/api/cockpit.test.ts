import { describe, expect, it } from 'vitest';
import { scopeQuery, streamUrl } from './cockpit';

describe('scope', () => {
  it('asks by community or by street', () => {
    expect(scopeQuery({ communityId: 3 })).toEqual({ community_id: 3 });
    expect(scopeQuery({ streetId: '北山街道' })).toEqual({ street_id: '北山街道' });
    expect(streamUrl({ streetId: '北山街道' })).toBe(
      '/api/v1/cockpit/stream?street_id=%E5%8C%97%E5%B1%B1%E8%A1%97%E9%81%93',
    );
  });
});
