import { describe, expect, it } from 'vitest';
import {
  announcementLink,
  announcementState,
  draftProblems,
  homeAnnouncements,
  isUrgent,
  orderAnnouncements,
  readPercent,
  scopeNames,
  suggestsUrgent,
  validThroughDay,
  validUntilRange,
  type AnnouncementDraft,
} from './announcements';

const at = (iso: string) => Date.parse(iso);
const notice = (id: number, published_at: string, pinned = false) => ({ id, published_at, pinned });

describe('the order of notices', () => {
  it('puts pinned ones first, then the newest', () => {
    const items = [
      notice(1, '2026-01-01T09:00:00+08:00', true),
      notice(2, '2026-12-01T09:00:00+08:00'),
      notice(3, '2026-12-05T09:00:00+08:00'),
      notice(4, '2025-12-01T09:00:00+08:00', true),
      notice(5, '2026-12-05T09:00:00+08:00'),
    ];
    expect(orderAnnouncements(items).map((n) => n.id)).toEqual([1, 4, 5, 3, 2]);
  });
  it('shows at most three on the home page and leaves the list as it was', () => {
    const items = [notice(1, '2026-12-01T09:00:00+08:00'), notice(2, '2026-12-02T09:00:00+08:00'), notice(3, '2026-12-03T09:00:00+08:00'), notice(4, '2026-11-01T09:00:00+08:00', true)];
    expect(homeAnnouncements(items).map((n) => n.id)).toEqual([4, 3, 2]);
    expect(items.map((n) => n.id)).toEqual([1, 2, 3, 4]);
    expect(homeAnnouncements([])).toEqual([]);
  });
});

describe('urgent notices', () => {
  it('are outages and whatever staff sent as urgent', () => {
    expect(isUrgent({ kind: 'outage', urgent: false })).toBe(true);
    expect(isUrgent({ kind: 'event', urgent: true })).toBe(true);
    expect(isUrgent({ kind: 'policy', urgent: false })).toBe(false);
    expect(suggestsUrgent('outage')).toBe(true);
    expect(suggestsUrgent('notice')).toBe(false);
  });
});

describe('the day a notice is valid through', () => {
  it('is the Shanghai day before the exclusive end the server sends', () => {
    expect(validThroughDay('2026-11-23T00:00:00.000+08:00')).toBe('2026-11-22');
    expect(validThroughDay('2026-12-31T16:00:00.000Z')).toBe('2026-12-31');
    expect(validThroughDay('2026-12-09T14:00:00.000+08:00')).toBe('2026-12-09');
  });
  it('is none for a notice without an end', () => {
    expect(validThroughDay(null)).toBeNull();
    expect(validThroughDay('soon')).toBeNull();
  });
});

describe('the state of a notice', () => {
  const now = at('2026-12-07T18:00:00+08:00');
  it('is withdrawn, expired or current', () => {
    expect(announcementState({ withdrawn_at: '2026-12-01T09:00:00+08:00', valid_until: null }, now)).toBe('withdrawn');
    expect(announcementState({ withdrawn_at: null, valid_until: '2026-12-07T00:00:00+08:00' }, now)).toBe('expired');
    expect(announcementState({ withdrawn_at: null, valid_until: '2026-12-08T00:00:00+08:00' }, now)).toBe('current');
    expect(announcementState({ withdrawn_at: null, valid_until: null }, now)).toBe('current');
  });
});

describe('the scope of a notice', () => {
  it('names its buildings in natural order, none for the whole community', () => {
    const buildings = [{ id: 10, name: '10号楼' }, { id: 2, name: '2号楼' }, { id: 3, name: '3号楼' }];
    expect(scopeNames({ buildings })).toEqual(['2号楼', '3号楼', '10号楼']);
    expect(scopeNames({ buildings: [] })).toEqual([]);
  });
});

describe('the share of households that read a notice', () => {
  it('is a whole percent, 0 without households', () => {
    expect(readPercent(1, 3)).toBe(33);
    expect(readPercent(2, 3)).toBe(67);
    expect(readPercent(0, 0)).toBe(0);
    expect(readPercent(120, 120)).toBe(100);
  });
});

describe('a draft notice', () => {
  const now = at('2026-12-07T18:00:00+08:00');
  const draft = (change: Partial<AnnouncementDraft> = {}): AnnouncementDraft => ({
    kind: 'outage',
    title: '3号楼停水通知',
    body: '12月9日8:00-14:00停水。',
    wholeCommunity: false,
    buildingIds: [3],
    validUntil: '2026-12-09',
    ...change,
  });
  it('may go when every field is right', () => {
    expect(draftProblems(draft(), now)).toEqual([]);
    expect(draftProblems(draft({ wholeCommunity: true, buildingIds: [], validUntil: '' }), now)).toEqual([]);
  });
  it('needs a title and a body within their lengths', () => {
    expect(draftProblems(draft({ title: '  ', body: '' }), now)).toEqual(['title', 'body']);
    expect(draftProblems(draft({ title: '停'.repeat(61), body: '水'.repeat(4001) }), now)).toEqual(['titleLong', 'bodyLong']);
    expect(draftProblems(draft({ title: '停'.repeat(60) }), now)).toEqual([]);
  });
  it('needs a building when it is not for the whole community', () => {
    expect(draftProblems(draft({ buildingIds: [] }), now)).toEqual(['buildings']);
  });
  it('takes an end from today to a year ahead', () => {
    expect(validUntilRange(now)).toEqual({ min: '2026-12-07', max: '2027-12-07' });
    expect(draftProblems(draft({ validUntil: '2026-12-07' }), now)).toEqual([]);
    expect(draftProblems(draft({ validUntil: '2026-12-06' }), now)).toEqual(['validUntil']);
    expect(draftProblems(draft({ validUntil: '2027-12-08' }), now)).toEqual(['validUntil']);
  });
});

describe('an inbox message about a notice', () => {
  it('opens the resident’s notice page, or the staff’s board with it open', () => {
    expect(announcementLink('resident', 7)).toBe('/resident/notices/7');
    expect(announcementLink('staff', 7)).toBe('/staff/announcements?open=7');
  });
});
