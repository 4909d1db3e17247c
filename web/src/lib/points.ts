// Pure logic of the points pages: the running balance of a statement, what each line was for,
// the leaderboard's periods, and the checks the settings and catalogue forms make before they
// ask the server (the same bounds the server enforces, so the message can be said in words
// next to the field). Error values are i18n keys with their parameters.
import type { EarningRule, Posting } from '../api/points';
import { quarterOf, shanghaiDate } from './time';

export interface StatementLine extends Posting {
  /** The account's balance right after this line. */
  balance_after: number;
}

/**
 * Postings come newest first, with the balance now: each line's balance after it is the
 * balance now minus what the newer lines moved. `balanceAfterNewest` is the balance after the
 * first line given (the current balance for the first page, the last line's balance before it
 * for the next page).
 */
export function withRunningBalance(items: Posting[], balanceAfterNewest: number): StatementLine[] {
  let balance = balanceAfterNewest;
  return items.map((item) => {
    const line = { ...item, balance_after: balance };
    balance -= item.signed_amount;
    return line;
  });
}

export interface LineText {
  /** i18n key of what kind of movement it is. */
  key: string;
  /** The detail: the rule's name, the item redeemed, the reason given. */
  detail: string;
}

/** What a statement line was for, in words: the rule's name for an award, and its memo. */
export function describePosting(posting: Posting, rules: EarningRule[]): LineText {
  const memo = posting.memo?.trim() ?? '';
  switch (posting.code) {
    case 'award': {
      const rule = rules.find((candidate) => candidate.rule === posting.rule);
      const name = rule?.name_zh ?? posting.rule ?? '';
      return { key: 'pointsAdmin.code.award', detail: [name, memo].filter(Boolean).join(' · ') };
    }
    case 'redemption':
      return { key: 'pointsAdmin.code.redemption', detail: memo };
    case 'correction':
      return { key: 'pointsAdmin.code.correction', detail: memo };
    case 'expiry':
      return { key: 'pointsAdmin.code.expiry', detail: '' };
    default:
      return { key: 'pointsAdmin.code.other', detail: memo };
  }
}

/** Whether staff may still correct this line: not a correction itself, and not corrected yet. */
export function correctable(posting: Posting, all: Posting[]): boolean {
  if (posting.code === 'correction' || posting.code === 'expiry') return false;
  return !all.some((other) => other.corrects_posting_id === posting.id);
}

/** Points an award by this rule gives for `quantity` (events, or minutes at points per hour). */
export function awardPoints(rule: EarningRule, quantity: number): number {
  if (rule.unit === 'event') return rule.points_per_unit * quantity;
  return Math.floor((rule.points_per_unit * quantity) / 60);
}

/**
 * The reference of a manual award. The server pays a resident once per rule and reference, so
 * each award made by hand names itself: the action's own idempotency key keeps a retry the
 * same award.
 */
export function manualReference(actionKey: string, day: string): string {
  return `manual:${day}:${actionKey}`.slice(0, 100);
}

export interface PeriodOption {
  value: string;
  /** i18n key and its parameters. */
  key: string;
  params: Record<string, string | number>;
}

/** The leaderboard's periods around the server's today: this year, quarter and month, last year. */
export function leaderboardPeriods(nowMs: number): PeriodOption[] {
  const day = shanghaiDate(nowMs);
  const year = Number(day.slice(0, 4));
  const quarter = quarterOf(nowMs);
  const month = day.slice(0, 7);
  return [
    { value: String(year), key: 'pointsAdmin.period.year', params: { year } },
    { value: quarter, key: 'pointsAdmin.period.quarter', params: { year, quarter: Number(quarter.slice(5)) } },
    { value: month, key: 'pointsAdmin.period.month', params: { year, month: Number(month.slice(5)) } },
    { value: String(year - 1), key: 'pointsAdmin.period.year', params: { year: year - 1 } },
  ];
}

export type Problem = { key: string; params?: Record<string, number | string> } | null;

function wholeIn(value: number | null | undefined, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

const range = (key: string, min: number, max: number): Problem => ({ key, params: { min, max } });

/** Public notice: 7 to 60 days. */
export function checkNoticeDays(days: number | null): Problem {
  return wholeIn(days, 7, 60) ? null : range('settings.invalid.range', 7, 60);
}

/** The objection threshold as a percent of households (0.01 % – 100 %), sent in basis points. */
export function percentToBasisPoints(percent: number | null): number | null {
  if (typeof percent !== 'number' || !Number.isFinite(percent)) return null;
  const bp = Math.round(percent * 100);
  return bp >= 1 && bp <= 10000 ? bp : null;
}

export function checkThresholdPercent(percent: number | null): Problem {
  return percentToBasisPoints(percent) === null ? range('settings.invalid.range', 0.01, 100) : null;
}

/** The participation settings, field by field (the server's check_settings bounds). */
export const PARTICIPATION_BOUNDS: Record<string, [number, number]> = {
  seconds_required: [1, 100],
  quorum_percent: [1, 100],
  quorum_min_households: [1, 10000],
  response_days: [1, 90],
};

export function checkWhole(value: number | null, [min, max]: [number, number]): Problem {
  return wholeIn(value, min, max) ? null : range('settings.invalid.whole', min, max);
}

/** Targets that are shares (entered as percents), as the server's kTargetFields marks them. */
export const SHARE_TARGETS = new Set([
  'participation_rate',
  'misallocation_rate',
  'complaint_rate',
  'resource_utilization',
  'response_rate',
  'resolution_rate',
  'satisfaction_rate',
]);

/** A target as typed (a percent for shares, yuan for the hour's value) → the server's value. */
export function targetToServer(key: string, typed: number | null): number | null {
  if (typeof typed !== 'number' || !Number.isFinite(typed) || typed < 0) return null;
  if (SHARE_TARGETS.has(key)) return typed > 100 ? null : Math.round(typed * 10) / 1000;
  if (key === 'volunteer_hour_value_fen') return typed > 10000 ? null : Math.round(typed * 100);
  return typed > 1_000_000 ? null : typed;
}

/** The server's value → what the form shows (percent, yuan, or the number itself). */
export function targetFromServer(key: string, value: number): number {
  if (SHARE_TARGETS.has(key)) return Math.round(value * 1000) / 10;
  if (key === 'volunteer_hour_value_fen') return value / 100;
  return value;
}

export function checkTarget(key: string, typed: number | null): Problem {
  if (targetToServer(key, typed) !== null) return null;
  if (SHARE_TARGETS.has(key)) return range('settings.invalid.range', 0, 100);
  if (key === 'volunteer_hour_value_fen') return range('settings.invalid.range', 0, 10000);
  return range('settings.invalid.range', 0, 1_000_000);
}

/** A catalogue item as typed; null when it may be sent. */
export interface CatalogDraft {
  name: string;
  price_points: number | null;
  stock: number | null;
  limit_per_resident: number | null;
  available_from: string;
  available_until: string;
}

export function checkCatalogDraft(draft: CatalogDraft): Record<string, Problem> {
  const problems: Record<string, Problem> = {};
  if (!draft.name.trim()) problems.name = { key: 'pointsAdmin.invalid.name' };
  if (!wholeIn(draft.price_points, 1, 1_000_000)) problems.price_points = range('settings.invalid.whole', 1, 1_000_000);
  if (draft.stock !== null && !wholeIn(draft.stock, 0, 1_000_000_000)) {
    problems.stock = range('settings.invalid.whole', 0, 1_000_000_000);
  }
  if (draft.limit_per_resident !== null && !wholeIn(draft.limit_per_resident, 1, 1_000_000)) {
    problems.limit_per_resident = range('settings.invalid.whole', 1, 1_000_000);
  }
  if (draft.available_from && draft.available_until && draft.available_until < draft.available_from) {
    problems.available_until = { key: 'pointsAdmin.invalid.dates' };
  }
  return Object.fromEntries(Object.entries(problems).filter(([, problem]) => problem));
}

/** How many events (1–100) or minutes (1–1440) one award may count, as the server allows. */
export function checkAwardQuantity(rule: EarningRule | undefined, quantity: number | null): Problem {
  if (!rule) return { key: 'pointsAdmin.invalid.rule' };
  const max = rule.unit === 'event' ? 100 : 1440;
  if (!wholeIn(quantity, 1, max)) return range('settings.invalid.whole', 1, max);
  if (awardPoints(rule, quantity as number) < 1) return { key: 'pointsAdmin.invalid.tooLittle' };
  return null;
}

/** What a number input holds: Vue gives '' for an empty one. */
export function typedNumber(value: unknown): number | null {
  if (value === '' || value === null || value === undefined) return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

/** The time-bank debt cap is kept in minutes below zero; the form speaks of hours owed. */
export function floorToHours(minutes: number): number {
  return Math.abs(minutes) / 60;
}

export function hoursToFloor(hours: number | null): number | null {
  if (hours === null || hours < 0 || hours > 100) return null;
  const minutes = Math.round(hours * 60);
  return minutes === 0 ? 0 : -minutes;
}

export interface DayGroup {
  name: string;
  from: string;
  to: string;
  count: number;
}

/** Dates with their names ("2026-10-01": "国庆节") as runs of the same name on following days. */
export function groupDays(days: Record<string, string>): DayGroup[] {
  const groups: DayGroup[] = [];
  for (const date of Object.keys(days).sort()) {
    const name = days[date];
    const last = groups[groups.length - 1];
    const next = last && new Date(Date.parse(`${last.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    if (last && last.name === name && next === date) {
      last.to = date;
      last.count += 1;
    } else {
      groups.push({ name, from: date, to: date, count: 1 });
    }
  }
  return groups;
}
