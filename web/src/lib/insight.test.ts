import { describe, expect, it } from 'vitest';
import type { Indicator } from '../api/indicators';
import type { Improvement, Warning } from '../api/warnings';
import {
  byStage,
  checkPending,
  defaultDueOn,
  hasData,
  indicatorForWarning,
  mergeWarnings,
  nextStage,
  periodForWarning,
  rankCommunities,
  readEvidence,
  recentQuarters,
  runText,
} from './insight';

const warning = (over: Partial<Warning>): Warning => ({
  id: 1,
  community_id: 1,
  kind: 'stalled_topic',
  subject: 's',
  evidence: {},
  suggestion: '',
  suggestion_en: '',
  raised_at: '2026-12-07T15:00:00.000+08:00',
  state: 'open',
  resolved_at: null,
  resolution: null,
  ...over,
});

describe('readEvidence', () => {
  it('reads the falling attendance of a participation warning, oldest first', () => {
    const evidence = readEvidence('participation_falling', {
      kind: 'meeting',
      channel: 'online_hall',
      activities: [
        { activity_id: 1, title: '九月议事会', date: '2026-09-10', households: 52 },
        { activity_id: 2, title: '十月议事会', date: '2026-10-10', households: 51 },
        { activity_id: 3, title: '十一月议事会', date: '2026-11-10', households: 49 },
        { activity_id: 4, title: '十二月议事会', date: '2026-12-01', households: 44 },
      ],
    });
    expect(evidence.kind).toBe('participation_falling');
    if (evidence.kind !== 'participation_falling') return;
    expect(evidence.channel).toBe('online_hall');
    expect(runText(evidence.activities.map((a) => a.households))).toBe('52 → 51 → 49 → 44');
  });

  it('reads the complaint counts of a rising complaint rate', () => {
    const evidence = readEvidence('complaints_rising', {
      quarters: [
        { quarter: '2026Q1', complaints: 90, households: 4500, rate: 0.02 },
        { quarter: '2026Q2', complaints: 165, households: 4500, rate: 0.0367 },
      ],
    });
    expect(evidence).toEqual({
      kind: 'complaints_rising',
      quarters: [
        { quarter: '2026Q1', complaints: 90, households: 4500, rate: 0.02 },
        { quarter: '2026Q2', complaints: 165, households: 4500, rate: 0.0367 },
      ],
    });
  });

  it('keeps the plain fields of an unknown kind and survives malformed evidence', () => {
    expect(readEvidence('new_kind', { a: 1, b: 'x', nested: { c: 1 } })).toEqual({
      kind: 'other',
      fields: [
        ['a', '1'],
        ['b', 'x'],
      ],
    });
    const broken = readEvidence('complaints_rising', 'not json');
    expect(broken).toEqual({ kind: 'complaints_rising', quarters: [] });
  });
});

describe('warnings', () => {
  it('takes the period from the evidence, else from when the warning was raised', () => {
    const rising = warning({ kind: 'complaints_rising', evidence: { quarters: [{ quarter: '2026Q2' }, { quarter: '2026Q3' }] } });
    expect(periodForWarning(rising)).toBe('2026Q3');
    expect(periodForWarning(warning({ raised_at: '2026-10-01T00:30:00.000+08:00' }))).toBe('2026Q4');
  });

  it('maps a warning to the indicator its task is about', () => {
    expect(indicatorForWarning('complaints_rising')).toBe('complaint_rate');
    expect(indicatorForWarning('stalled_topic')).toBe('stalled_topic');
  });

  it('merges the communities’ lists newest first, each warning once', () => {
    const a = warning({ id: 1, raised_at: '2026-12-01T00:00:00.000+08:00' });
    const b = warning({ id: 2, community_id: 2, raised_at: '2026-12-03T00:00:00.000+08:00' });
    expect(mergeWarnings([[a, b], [b]]).map((w) => w.id)).toEqual([2, 1]);
  });
});

describe('improvement stages', () => {
  it('moves forward one stage at a time and stops when closed', () => {
    expect(nextStage('plan')).toBe('do');
    expect(nextStage('act')).toBe('closed');
    expect(nextStage('closed')).toBeNull();
  });

  it('knows a check waits for the next quarter’s figure', () => {
    expect(checkPending({ stage: 'check', check: { period: null, value_bp: null, met: null } })).toBe(true);
    expect(checkPending({ stage: 'check', check: { period: '2026Q4', value_bp: 8700, met: true } })).toBe(false);
    expect(checkPending({ stage: 'do', check: { period: null, value_bp: null, met: null } })).toBe(false);
  });

  it('groups tasks into the board’s columns', () => {
    const task = (id: number, stage: Improvement['stage']) => ({ id, stage }) as Improvement;
    const columns = byStage([task(3, 'do'), task(2, 'plan'), task(1, 'do')]);
    expect(columns.do.map((t) => t.id)).toEqual([3, 1]);
    expect(columns.plan.map((t) => t.id)).toEqual([2]);
    expect(columns.check).toEqual([]);
  });

  it('is due at the end of the next quarter by default', () => {
    expect(defaultDueOn('2026Q3')).toBe('2026-12-31');
    expect(defaultDueOn('2026Q4')).toBe('2027-03-31');
    expect(defaultDueOn('2027Q4')).toBe('2028-03-31');
  });
});

const indicator = (key: string, value: number | null, comparison: '>' | '<' = '>', denominator = 1): Indicator => ({
  key,
  value,
  target: 0.5,
  comparison,
  status: value === null ? 'no_data' : 'met',
  formula: '',
  numerator: null,
  denominator,
});

describe('quarters with data', () => {
  it('lists the current quarter and those before it', () => {
    expect(recentQuarters('2026Q2', 3)).toEqual(['2026Q2', '2026Q1', '2025Q4']);
  });
  it('counts a quarter with requests as having data', () => {
    expect(hasData([indicator('response_rate', 0.9, '>', 215)])).toBe(true);
    expect(hasData([indicator('response_rate', null, '>', 0), indicator('leader_growth_rate', 0.2)])).toBe(false);
  });
});

describe('rankCommunities', () => {
  it('ranks higher first for a ">" target, with the change from last quarter', () => {
    const current = new Map([
      [1, [indicator('participation_rate', 0.6)]],
      [2, [indicator('participation_rate', 0.7)]],
      [3, [indicator('participation_rate', null)]],
    ]);
    const previous = new Map([
      [1, [indicator('participation_rate', 0.5)]],
      [2, [indicator('participation_rate', 0.75)]],
    ]);
    const rows = rankCommunities('participation_rate', current, previous);
    expect(rows.map((r) => [r.communityId, r.rank])).toEqual([
      [2, 1],
      [1, 2],
      [3, null],
    ]);
    expect(rows[0].change).toBeCloseTo(-0.05);
    expect(rows[1].change).toBeCloseTo(0.1);
    expect(rows[2].change).toBeNull();
  });

  it('ranks lower first for a "<" target and shares a rank on equal values', () => {
    const current = new Map([
      [1, [indicator('complaint_rate', 0.04, '<')]],
      [2, [indicator('complaint_rate', 0.02, '<')]],
      [3, [indicator('complaint_rate', 0.02, '<')]],
    ]);
    const rows = rankCommunities('complaint_rate', current, new Map());
    expect(rows.map((r) => [r.communityId, r.rank])).toEqual([
      [2, 1],
      [3, 1],
      [1, 3],
    ]);
  });
});

describe('readEvidence: emergency_unsigned', () => {
  it('reads the overdue emergency spend the server names', () => {
    expect(
      readEvidence('emergency_unsigned', { spend_id: 3, plan_id: 5, quarter: '2026Q4', kind: 'natural_disaster', amount: 150000, due_at: '2026-12-12T10:00:00+08:00' }),
    ).toEqual({ kind: 'emergency_unsigned', planId: 5, quarter: '2026Q4', emergency: 'natural_disaster', amountFen: 150000, dueAt: '2026-12-12T10:00:00+08:00' });
  });
});
