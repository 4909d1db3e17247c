// Requests across levels (转办 / 签收 / 退单) and the street's league table, as pure functions:
// which referral is open, what the console offers a role for a case's state and its referral
// (a mirror of src/modules/requests/workflow.cpp, used only to choose buttons), how a rate
// reads as a percentage, which month has data, and each community's rank over the months.
import type { Role } from '../api/accounts';
import type { LeagueMonth, LeagueRate, Referral, ReferralStatus, RequestEvent, RequestStatus, TransitionAction } from '../api/requests';

const OPEN: RequestStatus[] = ['submitted', 'accepted', 'assigned', 'in_progress', 'reopened'];
export const REFERRAL_STATUSES: ReferralStatus[] = ['pending', 'accepted', 'returned', 'resolved', 'withdrawn'];

/** The referral still open (waiting to be signed for, or signed for), if any: the latest one. */
export function openReferral(referrals: Referral[] | undefined): Referral | null {
  const latest = referrals?.length ? referrals[referrals.length - 1] : null;
  return latest && (latest.status === 'pending' || latest.status === 'accepted') ? latest : null;
}

/** Staff and admins refer an open case that has no open referral. */
export function canRefer(status: RequestStatus, role: Role, referrals: Referral[] | undefined): boolean {
  return (role === 'staff' || role === 'admin') && OPEN.includes(status) && !openReferral(referrals);
}

/**
 * What a street user may do with a case: sign for it or return it while pending; once signed
 * for, work it (start, resolve) as staff do, but not close it. Always a note.
 */
export function streetActions(status: RequestStatus, referrals: Referral[] | undefined): TransitionAction[] {
  const open = openReferral(referrals);
  const actions: TransitionAction[] = [];
  if (open?.status === 'pending') actions.push('accept_referral', 'return_referral');
  if (open?.status === 'accepted' && OPEN.includes(status)) {
    if (['accepted', 'assigned', 'reopened'].includes(status)) actions.push('start');
    actions.push('resolve');
  }
  actions.push('comment');
  return actions;
}

/** "89.7%" from a rate, or null when it has no denominator (no data). */
export function percent(rate: LeagueRate | null | undefined, digits = 1): string | null {
  if (!rate || !rate.denominator) return null;
  const value = rate.value ?? rate.numerator / rate.denominator;
  return `${(value * 100).toFixed(digits)}%`;
}

/** The newest month in which any community received a request (months come newest first). */
export function latestMonthWithData(months: LeagueMonth[]): LeagueMonth | null {
  return months.find((month) => month.rows.some((row) => row.received > 0)) ?? months[0] ?? null;
}

export interface RankTrend {
  community_id: number;
  community_name: string;
  /** Oldest month first; null where the community had no score that month. */
  ranks: (number | null)[];
  /** Places gained since the month before the last (positive: climbed), null without both. */
  change: number | null;
}

/** Each community's rank month by month, oldest first, from the league (newest month first). */
export function rankTrends(months: LeagueMonth[]): { months: string[]; rows: RankTrend[] } {
  const ordered = [...months].reverse();
  const names = new Map<number, string>();
  for (const month of ordered) for (const row of month.rows) names.set(row.community_id, row.community_name);
  const rows: RankTrend[] = [...names].map(([id, name]) => {
    const ranks = ordered.map((month) => {
      const row = month.rows.find((r) => r.community_id === id);
      return row && row.score !== null && row.score !== undefined ? row.rank : null;
    });
    const last = ranks[ranks.length - 1];
    const before = ranks.length > 1 ? ranks[ranks.length - 2] : null;
    return { community_id: id, community_name: name, ranks, change: last != null && before != null ? before - last : null };
  });
  return { months: ordered.map((m) => m.month), rows };
}

/** "2026-11" and the n-1 months before it, newest first. */
export function lastMonths(month: string, n: number): string[] {
  const [year, mon] = month.split('-').map(Number);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const index = year * 12 + (mon - 1) - i;
    out.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

/** The month of an instant in Shanghai ("2026-11"). */
export function shanghaiMonth(ms: number): string {
  const shifted = new Date(ms + 8 * 3600_000);
  return `${shifted.getUTCFullYear()}-${String(shifted.getUTCMonth() + 1).padStart(2, '0')}`;
}

export type ReferralEventKind = 'refer' | 'accept_referral' | 'return_referral';
export const REFERRAL_EVENTS: string[] = ['refer', 'accept_referral', 'return_referral'];

/**
 * The referral an event belongs to, when the case's referrals are known (the tracking page
 * has none): the latest one referred at or before the event (an answer follows its referral).
 */
export function referralOfEvent(event: RequestEvent, referrals: Referral[] | undefined): Referral | null {
  if (!referrals?.length || !REFERRAL_EVENTS.includes(event.action)) return null;
  const at = Date.parse(event.at);
  let found: Referral | null = null;
  for (const referral of referrals) if (Date.parse(referral.referred_at) <= at + 1) found = referral;
  return found;
}

/**
 * A referral's public note as the server writes it, "转至北山街道办理：<reason>": whom it went to
 * and why (the tracking page has only this). A note of another shape is all reason.
 */
export function splitReferNote(note: string | null | undefined): { receiver: string | null; reason: string } {
  const text = note ?? '';
  const match = /^转至(.+?)办理：([\s\S]*)$/.exec(text);
  return match ? { receiver: match[1], reason: match[2] } : { receiver: null, reason: text };
}
