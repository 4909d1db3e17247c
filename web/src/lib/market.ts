// Pure logic of the time bank's marketplace (互助集市): the filter turned into the list's query,
// the neighbour's line ("周** · 3号楼 · 60多岁"), the 15-minute steps of a service's length, and
// which side of a match records the service (the provider: an offer's poster, or whoever
// answered a request) and which side confirms it.
import type { AgeBand, MarketMatch, PostKind, PostQuery } from '../api/timebank';

export interface MarketFilter {
  kind: PostKind | '';
  serviceType: string;
  /** A building's id as the picker holds it ('' for every building). */
  buildingId: number | '';
}

/** The posts query of a filter: empty choices are left out. */
export function postQuery(communityId: number, filter: MarketFilter, limit = 50): PostQuery {
  const query: PostQuery = { community_id: communityId, limit };
  if (filter.kind) query.kind = filter.kind;
  if (filter.serviceType) query.service_type = filter.serviceType;
  if (filter.buildingId !== '') query.building_id = filter.buildingId;
  return query;
}

/** The i18n key of an age band (timeMarket.age.*), or null when the server knows no birth year. */
export function ageBandKey(band: AgeBand | string | null | undefined): string | null {
  if (band === 'under_60' || band === '60s' || band === '70s' || band === '80_plus') return `timeMarket.age.${band}`;
  return null;
}

/** "周** · 3号楼 · 60多岁": the parts that are known, joined; `ageLabel` words a band. */
export function neighbourLine(
  name: string,
  building: string | null | undefined,
  band: AgeBand | string | null | undefined,
  ageLabel: (key: string) => string,
): string {
  const key = ageBandKey(band);
  return [name, building ?? '', key ? ageLabel(key) : ''].filter((part) => part !== '').join(' · ');
}

export const MINUTES_STEP = 15;
export const MINUTES_MIN = 15;
export const MINUTES_MAX = 720;

/** Every length offered for a service: 15, 30, … 720 minutes. */
export function minuteSteps(step = MINUTES_STEP, min = MINUTES_MIN, max = MINUTES_MAX): number[] {
  const out: number[] = [];
  for (let value = min; value <= max; value += step) out.push(value);
  return out;
}

/** A length typed or guessed, put on the nearest 15-minute step within 15–720. */
export function snapMinutes(value: number): number {
  if (!Number.isFinite(value)) return 60;
  const snapped = Math.round(value / MINUTES_STEP) * MINUTES_STEP;
  return Math.min(MINUTES_MAX, Math.max(MINUTES_MIN, snapped));
}

/**
 * A first guess at a service's length from the post's words ("2小时", "半小时", "90分钟"),
 * else an hour; always on a 15-minute step.
 */
export function guessMinutes(...texts: (string | null | undefined)[]): number {
  const text = texts.filter(Boolean).join(' ');
  if (/半(个)?小时/.test(text)) return 30;
  const minutes = text.match(/(\d+)\s*分钟/);
  if (minutes) return snapMinutes(Number(minutes[1]));
  const hours = text.match(/(\d+(?:\.\d+)?)\s*(个)?小时/);
  if (hours) return snapMinutes(Number(hours[1]) * 60);
  return 60;
}

/** Whether the reader's household answered this match (rather than posted what it answers). */
export function answeredByUs(match: MarketMatch, memberIds: ReadonlySet<number>): boolean {
  return match.responder_resident_id !== null && memberIds.has(match.responder_resident_id);
}

/**
 * Whether the reader's household gives the service of this match: an offer's poster gives it,
 * a request is met by whoever answered.
 */
export function weProvide(match: MarketMatch, memberIds: ReadonlySet<number>): boolean {
  const ours = answeredByUs(match, memberIds);
  return match.post_kind === 'offer' ? !ours : ours;
}

/** An accepted match whose service the reader's household is to record. */
export function toRecord(match: MarketMatch, memberIds: ReadonlySet<number>): boolean {
  return match.status === 'accepted' && match.service_id === null && weProvide(match, memberIds);
}

/** The match a service was recorded from, to name a service by its post and neighbour. */
export function matchOfService(matches: readonly MarketMatch[], serviceId: number): MarketMatch | undefined {
  return matches.find((match) => match.service_id === serviceId);
}
