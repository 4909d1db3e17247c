// Pure logic of the insight pages (warnings, the PDCA board, the quarterly report and the
// street comparison): reading a warning's evidence, the stages of an improvement task, which
// quarters have data, and ranking communities on an indicator. No Vue, no fetch.
import type { Indicator } from '../api/indicators';
import type { Improvement, Stage, Warning } from '../api/warnings';
import { quarterOf, shiftQuarter } from './time';

// ---- Warnings' evidence ------------------------------------------------------------------

/** One activity of a falling run: households that attended, oldest first. */
export interface ActivityPoint {
  title: string;
  date: string;
  households: number;
}

/** One quarter of a rising complaint rate. */
export interface ComplaintPoint {
  quarter: string;
  complaints: number;
  households: number;
  rate: number;
}

/** A warning's evidence, read by kind; `other` keeps the plain fields of an unknown shape. */
export type Evidence =
  | { kind: 'participation_falling'; activityKind: string; channel: string; activities: ActivityPoint[] }
  | { kind: 'complaints_rising'; quarters: ComplaintPoint[] }
  | {
      kind: 'allocation_dispute';
      planId: number;
      quarter: string;
      objecting: number;
      households: number;
      thresholdBp: number;
      thirdPartyRecorded: boolean;
    }
  | { kind: 'stalled_topic'; proposalId: number; title: string; state: string; meetings: number }
  | { kind: 'platform_fault'; event: string; detail: string; at: string }
  | { kind: 'calendar_expiring'; daysAhead: number; uncoveredYear: number; coveredThrough: string | null }
  | { kind: 'emergency_unsigned'; planId: number; quarter: string; emergency: string; amountFen: number; dueAt: string }
  | { kind: 'other'; fields: [string, string][] };

type Fields = Record<string, unknown>;

const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const text = (value: unknown): string => (typeof value === 'string' ? value : value == null ? '' : String(value));
const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): Fields[] => (Array.isArray(value) ? value.filter(isObject) : []);

/** Reads what the server put in a warning's `evidence`, whatever its kind. */
export function readEvidence(kind: string, evidence: unknown): Evidence {
  const e = isObject(evidence) ? evidence : {};
  switch (kind) {
    case 'participation_falling':
      return {
        kind,
        activityKind: text(e.kind),
        channel: text(e.channel),
        activities: list(e.activities).map((a) => ({ title: text(a.title), date: text(a.date), households: num(a.households) })),
      };
    case 'complaints_rising':
      return {
        kind,
        quarters: list(e.quarters).map((q) => ({
          quarter: text(q.quarter),
          complaints: num(q.complaints),
          households: num(q.households),
          rate: num(q.rate),
        })),
      };
    case 'allocation_dispute':
      return {
        kind,
        planId: num(e.plan_id),
        quarter: text(e.quarter),
        objecting: num(e.objecting_households),
        households: num(e.households),
        thresholdBp: num(e.threshold_bp),
        thirdPartyRecorded: e.third_party_recorded === true,
      };
    case 'stalled_topic':
      return { kind, proposalId: num(e.proposal_id), title: text(e.title), state: text(e.state), meetings: num(e.meetings) };
    case 'platform_fault':
      return { kind, event: text(e.event), detail: text(e.detail), at: text(e.at) };
    case 'calendar_expiring':
      return {
        kind,
        daysAhead: num(e.days_ahead),
        uncoveredYear: num(e.uncovered_year),
        coveredThrough: typeof e.covered_through === 'string' ? e.covered_through : null,
      };
    case 'emergency_unsigned':
      return {
        kind,
        planId: num(e.plan_id),
        quarter: text(e.quarter),
        emergency: text(e.kind),
        amountFen: num(e.amount),
        dueAt: text(e.due_at),
      };
    default:
      return {
        kind: 'other',
        fields: Object.entries(e)
          .filter(([, v]) => v === null || typeof v !== 'object')
          .map(([k, v]) => [k, text(v)]),
      };
  }
}

/** "52 → 51 → 49 → 44": a run of counts as one line. */
export function runText(values: number[]): string {
  return values.join(' → ');
}

/** The indicator an improvement task opened from a warning is about (or the warning's kind). */
export function indicatorForWarning(kind: string): string {
  switch (kind) {
    case 'participation_falling':
      return 'participation_rate';
    case 'complaints_rising':
      return 'complaint_rate';
    case 'allocation_dispute':
      return 'misallocation_rate';
    default:
      return kind;
  }
}

/** The quarter a warning is about: the last quarter of its evidence, else when it was raised. */
export function periodForWarning(warning: Pick<Warning, 'kind' | 'evidence' | 'raised_at'>): string {
  const evidence = readEvidence(warning.kind, warning.evidence);
  if (evidence.kind === 'complaints_rising' && evidence.quarters.length) {
    return evidence.quarters[evidence.quarters.length - 1].quarter;
  }
  if (evidence.kind === 'allocation_dispute' && /^\d{4}Q[1-4]$/.test(evidence.quarter)) return evidence.quarter;
  const raised = Date.parse(warning.raised_at);
  return Number.isNaN(raised) ? '' : quarterOf(raised);
}

/** Warnings of several communities in one list: newest first, each once (by id). */
export function mergeWarnings(lists: Warning[][]): Warning[] {
  const byId = new Map<number, Warning>();
  for (const items of lists) for (const w of items) byId.set(w.id, w);
  return [...byId.values()].sort((a, b) => b.raised_at.localeCompare(a.raised_at) || b.id - a.id);
}

// ---- Improvement tasks -------------------------------------------------------------------

/** A user a task may be given to, by name (staff and guides of the community). */
export interface Owner {
  id: number;
  name: string;
}

export const STAGES: Stage[] = ['plan', 'do', 'check', 'act', 'closed'];
/** The board's columns; closed tasks are listed apart. */
export const BOARD_STAGES: Stage[] = ['plan', 'do', 'check', 'act'];

/** The stage a task moves to next, or null once closed. */
export function nextStage(stage: Stage): Stage | null {
  const at = STAGES.indexOf(stage);
  return at < 0 || at === STAGES.length - 1 ? null : STAGES[at + 1];
}

/**
 * Whether the server will refuse the move for want of the check's figure: a task leaves
 * check only once the next quarter's figure is recorded (409 check_pending).
 */
export function checkPending(task: Pick<Improvement, 'stage' | 'check'>): boolean {
  return task.stage === 'check' && task.check.met === null;
}

/** Tasks by stage, each column in the server's order (newest first). */
export function byStage(tasks: Improvement[]): Record<Stage, Improvement[]> {
  const out = { plan: [], do: [], check: [], act: [], closed: [] } as Record<Stage, Improvement[]>;
  for (const task of tasks) (out[task.stage] ?? out.plan).push(task);
  return out;
}

/** The last day of the quarter after `quarter`: a task's default due date. */
export function defaultDueOn(quarter: string): string {
  const next = shiftQuarter(quarter, 1);
  const match = /^(\d{4})Q([1-4])$/.exec(next);
  if (!match) return '';
  const lastMonth = Number(match[2]) * 3;
  const lastDay = new Date(Date.UTC(Number(match[1]), lastMonth, 0)).getUTCDate();
  return `${match[1]}-${String(lastMonth).padStart(2, '0')}-${String(lastDay).padStart(2, '0')}`;
}

// ---- Quarters with data ------------------------------------------------------------------

/** The current quarter and the `count` − 1 before it, newest first. */
export function recentQuarters(current: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => shiftQuarter(current, -i));
}

/** Whether a quarter's indicators rest on any requests (the report is about something). */
export function hasData(indicators: Indicator[]): boolean {
  return indicators.some((i) => i.key === 'response_rate' && (i.denominator ?? 0) > 0);
}

// ---- Street comparison -------------------------------------------------------------------

export interface RankedRow {
  communityId: number;
  value: number | null;
  previous: number | null;
  /** value − previous; null when either is missing. */
  change: number | null;
  /** 1 for the best; equal values share a rank; null without a value. */
  rank: number | null;
  status: Indicator['status'];
}

/**
 * The communities on one indicator, best first: higher is better for "> target", lower for
 * "< target"; communities without a value come last, unranked.
 */
export function rankCommunities(
  key: string,
  current: Map<number, Indicator[]>,
  previous: Map<number, Indicator[]>,
): RankedRow[] {
  const find = (lists: Map<number, Indicator[]>, id: number) => lists.get(id)?.find((i) => i.key === key) ?? null;
  const rows: (RankedRow & { better: number })[] = [...current.keys()].map((communityId) => {
    const now = find(current, communityId);
    const before = find(previous, communityId);
    const value = now?.value ?? null;
    const prior = before?.value ?? null;
    const direction = now?.comparison === '<' ? -1 : 1;
    return {
      communityId,
      value,
      previous: prior,
      change: value !== null && prior !== null ? value - prior : null,
      rank: null,
      status: now?.status ?? 'no_data',
      better: value === null ? -Infinity : direction * value,
    };
  });
  rows.sort((a, b) => b.better - a.better || a.communityId - b.communityId);
  let rank = 0;
  rows.forEach((row, index) => {
    if (row.value === null) return;
    if (index === 0 || row.better !== rows[index - 1].better) rank = index + 1;
    row.rank = rank;
  });
  return rows.map(({ better: _better, ...row }) => row);
}

/** Whether a change is an improvement for that indicator ("<" targets improve by falling). */
export function changeIsBetter(change: number, comparison: '>' | '<'): boolean {
  return comparison === '<' ? change < 0 : change > 0;
}
