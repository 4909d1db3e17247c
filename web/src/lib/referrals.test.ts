import { describe, expect, it } from 'vitest';
import type { LeagueMonth, LeagueRow, Referral, RequestEvent } from '../api/requests';
import {
  canRefer,
  lastMonths,
  latestMonthWithData,
  openReferral,
  percent,
  rankTrends,
  referralOfEvent,
  shanghaiMonth,
  streetActions,
  splitReferNote,
} from './referrals';
import zh from '../i18n/zh-CN/referrals.json';
import en from '../i18n/en/referrals.json';

const referral = (status: Referral['status'], referred_at = '2026-11-30T09:30:00+08:00'): Referral => ({
  id: 1,
  level: 'street',
  department: null,
  receiver: '北山街道',
  reason: '市政路灯归街道',
  status,
  referred_at,
  answered_at: null,
  answer_note: null,
});

const rate = (numerator: number, denominator: number) => ({ numerator, denominator, value: denominator ? numerator / denominator : null });
const row = (id: number, rank: number, score: number | null, received = 10): LeagueRow => ({
  community_id: id,
  community_name: `社区${id}`,
  received,
  response_rate: rate(9, 10),
  resolution_rate: rate(8, 10),
  satisfaction_rate: rate(0, 0),
  overdue: 0,
  referred: 1,
  referrals_returned: 0,
  score,
  rank,
});

describe('referral states', () => {
  it('names every status in Chinese as the product says', () => {
    expect(zh.status).toEqual({ pending: '待签收', accepted: '已签收', returned: '已退回', resolved: '已办结', withdrawn: '已撤销' });
    expect(Object.keys(en.status)).toEqual(Object.keys(zh.status));
  });

  it('finds the open referral only when the latest is pending or accepted', () => {
    expect(openReferral([])).toBeNull();
    expect(openReferral([referral('returned')])).toBeNull();
    expect(openReferral([referral('returned'), referral('pending')])?.status).toBe('pending');
    expect(openReferral([referral('accepted')])?.status).toBe('accepted');
    expect(openReferral([referral('resolved')])).toBeNull();
  });

  it('lets staff refer an open case without an open referral, and nobody else', () => {
    expect(canRefer('accepted', 'staff', [])).toBe(true);
    expect(canRefer('accepted', 'staff', [referral('returned')])).toBe(true);
    expect(canRefer('assigned', 'staff', [referral('pending')])).toBe(false);
    expect(canRefer('resolved', 'staff', [])).toBe(false);
    expect(canRefer('accepted', 'guide', [])).toBe(false);
    expect(canRefer('accepted', 'street', [])).toBe(false);
  });

  it('offers the street signing or returning while pending, working once signed for', () => {
    expect(streetActions('assigned', [referral('pending')])).toEqual(['accept_referral', 'return_referral', 'comment']);
    expect(streetActions('assigned', [referral('accepted')])).toEqual(['start', 'resolve', 'comment']);
    expect(streetActions('in_progress', [referral('accepted')])).toEqual(['resolve', 'comment']);
    expect(streetActions('accepted', [referral('returned')])).toEqual(['comment']);
    expect(streetActions('resolved', [referral('resolved')])).toEqual(['comment']);
  });

  it('ties a referral event to its referral by time', () => {
    const first = referral('returned', '2026-11-01T10:00:00+08:00');
    const second = { ...referral('pending', '2026-11-05T10:00:00+08:00'), receiver: '房管所' };
    const event = (action: string, at: string) => ({ action, at, status: 'assigned', from_status: 'accepted', by: 'staff' }) as unknown as RequestEvent;
    expect(referralOfEvent(event('refer', '2026-11-01T10:00:00+08:00'), [first, second])?.receiver).toBe('北山街道');
    expect(referralOfEvent(event('return_referral', '2026-11-02T10:00:00+08:00'), [first, second])).toBe(first);
    expect(referralOfEvent(event('refer', '2026-11-05T02:00:00Z'), [first, second])?.receiver).toBe('房管所');
    expect(referralOfEvent(event('start', '2026-11-06T10:00:00+08:00'), [first, second])).toBeNull();
    expect(referralOfEvent(event('refer', '2026-11-01T10:00:00+08:00'), undefined)).toBeNull();
  });
});

describe('league figures', () => {
  it('reads a rate as a percentage, or nothing without a denominator', () => {
    expect(percent({ numerator: 218, denominator: 243, value: 0.897119341563786 })).toBe('89.7%');
    expect(percent({ numerator: 24, denominator: 24, value: 1 })).toBe('100.0%');
    expect(percent({ numerator: 1, denominator: 3 }, 0)).toBe('33%');
    expect(percent({ numerator: 0, denominator: 0, value: null })).toBeNull();
    expect(percent(null)).toBeNull();
  });

  it('picks the newest month in which requests came in', () => {
    const months: LeagueMonth[] = [
      { month: '2026-12', rows: [row(1, 1, null, 0)] },
      { month: '2026-11', rows: [row(1, 1, 90)] },
    ];
    expect(latestMonthWithData(months)?.month).toBe('2026-11');
    expect(latestMonthWithData([{ month: '2026-12', rows: [row(1, 1, null, 0)] }])?.month).toBe('2026-12');
    expect(latestMonthWithData([])).toBeNull();
  });

  it('follows each community rank oldest month first, with the places gained', () => {
    const months: LeagueMonth[] = [
      { month: '2026-11', rows: [row(2, 1, 95), row(1, 2, 80)] },
      { month: '2026-10', rows: [row(1, 1, 92), row(2, 2, 85)] },
      { month: '2026-09', rows: [row(1, 2, null), row(2, 2, null)] },
    ];
    const trend = rankTrends(months);
    expect(trend.months).toEqual(['2026-09', '2026-10', '2026-11']);
    const one = trend.rows.find((r) => r.community_id === 1)!;
    const two = trend.rows.find((r) => r.community_id === 2)!;
    expect(one.ranks).toEqual([null, 1, 2]);
    expect(one.change).toBe(-1);
    expect(two.ranks).toEqual([null, 2, 1]);
    expect(two.change).toBe(1);
    expect(rankTrends([{ month: '2026-11', rows: [row(1, 1, 90)] }]).rows[0].change).toBeNull();
  });

  it('counts months back across a year', () => {
    expect(lastMonths('2026-02', 4)).toEqual(['2026-02', '2026-01', '2025-12', '2025-11']);
    expect(lastMonths('2026-12', 1)).toEqual(['2026-12']);
  });

  it('takes the month in Shanghai', () => {
    expect(shanghaiMonth(Date.parse('2026-11-30T17:00:00Z'))).toBe('2026-12');
    expect(shanghaiMonth(Date.parse('2026-11-30T15:00:00Z'))).toBe('2026-11');
  });
});

describe('splitReferNote', () => {
  it('reads whom a referral went to and why from its public note', () => {
    expect(splitReferNote('转至北山街道办理：路灯属市政设施')).toEqual({ receiver: '北山街道', reason: '路灯属市政设施' });
    expect(splitReferNote('转至房管所办理：公房维修')).toEqual({ receiver: '房管所', reason: '公房维修' });
    expect(splitReferNote('只是原因')).toEqual({ receiver: null, reason: '只是原因' });
    expect(splitReferNote(null)).toEqual({ receiver: null, reason: '' });
  });
});
