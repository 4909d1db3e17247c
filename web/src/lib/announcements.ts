// The notice board's rules as pure functions (社区公告): the order residents read notices in,
// which ones are marked urgent, the day a notice is valid through (the server sends the
// exclusive end instant), the buildings a notice is for, the state of a past notice, the share
// of households that read it, and what a draft lacks before it is sent.
import type { Announcement, AnnouncementKind } from '../api/announcements';
import { shanghaiDate } from './time';
import { naturalCompare } from './order';

/** The kinds in the order the publish form offers them. */
export const ANNOUNCEMENT_KINDS: AnnouncementKind[] = ['outage', 'event', 'policy', 'notice'];

export const MAX_TITLE = 60;
export const MAX_BODY = 4000;
export const MAX_REASON = 200;
export const MAX_BUILDINGS = 100;

/** Pinned first, then the newest (as the server sorts; kept after a local change). */
export function orderAnnouncements<T extends Pick<Announcement, 'pinned' | 'published_at' | 'id'>>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => {
    if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
    const byTime = Date.parse(b.published_at) - Date.parse(a.published_at);
    return byTime !== 0 ? byTime : b.id - a.id;
  });
}

/** The few notices a resident's home page shows: pinned first, then the newest. */
export function homeAnnouncements<T extends Pick<Announcement, 'pinned' | 'published_at' | 'id'>>(
  items: readonly T[],
  count = 3,
): T[] {
  return orderAnnouncements(items).slice(0, count);
}

/** Marked urgent for a reader: a cut of water or power, or one staff sent as urgent. */
export function isUrgent(notice: Pick<Announcement, 'kind' | 'urgent'>): boolean {
  return notice.urgent || notice.kind === 'outage';
}

/** The publish form ticks 紧急 for an outage by default. */
export function suggestsUrgent(kind: AnnouncementKind): boolean {
  return kind === 'outage';
}

/**
 * The last day (Shanghai) a notice is valid on: the server keeps the end as the instant after
 * it ("through 12-09" is 12-10T00:00+08:00), so the day is the one just before that instant.
 */
export function validThroughDay(validUntil: string | null): string | null {
  if (!validUntil) return null;
  const end = Date.parse(validUntil);
  if (Number.isNaN(end)) return null;
  return shanghaiDate(end - 1);
}

export type AnnouncementState = 'current' | 'expired' | 'withdrawn';

export function announcementState(
  notice: Pick<Announcement, 'withdrawn_at' | 'valid_until'>,
  nowMs: number,
): AnnouncementState {
  if (notice.withdrawn_at) return 'withdrawn';
  if (notice.valid_until && Date.parse(notice.valid_until) <= nowMs) return 'expired';
  return 'current';
}

/** The buildings a notice is for, in natural order ("2号楼" before "10号楼"); empty: everyone. */
export function scopeNames(notice: Pick<Announcement, 'buildings'>): string[] {
  return notice.buildings.map((building) => building.name).sort((a, b) => naturalCompare(a, b));
}

/** Households that read it as a whole percent of the households it is for (0 when none). */
export function readPercent(householdsRead: number, households: number): number {
  if (households <= 0) return 0;
  return Math.round((householdsRead / households) * 100);
}

export interface AnnouncementDraft {
  kind: AnnouncementKind;
  title: string;
  body: string;
  wholeCommunity: boolean;
  buildingIds: number[];
  /** "" for no end. */
  validUntil: string;
}

export type DraftProblem = 'title' | 'titleLong' | 'body' | 'bodyLong' | 'buildings' | 'tooManyBuildings' | 'validUntil';

const DAY_MS = 86_400_000;
/** How far ahead the server takes an end (announcements.cpp, kYearMs). */
const YEAR_AHEAD_MS = 366 * DAY_MS;

/**
 * Days the valid-until input may take (Shanghai): today (valid through its end) up to the last
 * day whose end is still within the server's year ahead.
 */
export function validUntilRange(nowMs: number): { min: string; max: string } {
  return { min: shanghaiDate(nowMs), max: shanghaiDate(nowMs + YEAR_AHEAD_MS - DAY_MS) };
}

/** What keeps a draft from being sent, in the form's order; empty when it may go. */
export function draftProblems(draft: AnnouncementDraft, nowMs: number): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const title = draft.title.trim();
  const body = draft.body.trim();
  if (!title) problems.push('title');
  else if ([...title].length > MAX_TITLE) problems.push('titleLong');
  if (!body) problems.push('body');
  else if ([...body].length > MAX_BODY) problems.push('bodyLong');
  if (!draft.wholeCommunity && draft.buildingIds.length === 0) problems.push('buildings');
  if (!draft.wholeCommunity && draft.buildingIds.length > MAX_BUILDINGS) problems.push('tooManyBuildings');
  if (draft.validUntil) {
    const { min, max } = validUntilRange(nowMs);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.validUntil) || draft.validUntil < min || draft.validUntil > max) {
      problems.push('validUntil');
    }
  }
  return problems;
}

/** Where an inbox message about a notice leads, by the reader's role. */
export function announcementLink(role: string | undefined, id: number): string {
  return role === 'resident' ? `/resident/notices/${id}` : `/staff/announcements?open=${id}`;
}
