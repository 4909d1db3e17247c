import { describe, expect, it } from 'vitest';
import type { EarningRule, Posting } from '../api/points';
import {
  awardPoints,
  checkAwardQuantity,
  checkCatalogDraft,
  checkNoticeDays,
  checkTarget,
  checkThresholdPercent,
  correctable,
  describePosting,
  leaderboardPeriods,
  manualReference,
  percentToBasisPoints,
  targetFromServer,
  targetToServer,
  withRunningBalance,
} from './points';

function posting(id: number, signed: number, extra: Partial<Posting> = {}): Posting {
  return {
    id,
    kind: 'points',
    amount: Math.abs(signed),
    signed_amount: signed,
    code: signed > 0 ? 'award' : 'redemption',
    rule: signed > 0 ? 'meeting' : null,
    reference: null,
    corrects_posting_id: null,
    debit_account_id: signed > 0 ? 1 : 2,
    credit_account_id: signed > 0 ? 2 : 1,
    memo: null,
    created_at: '2026-11-20T10:00:00.000+08:00',
    ...extra,
  };
}

const rules: EarningRule[] = [
  { rule: 'meeting', name_zh: '参与议事', unit: 'event', points_per_unit: 10 },
  { rule: 'volunteer', name_zh: '志愿服务', unit: 'minute', points_per_unit: 5 },
];

describe('withRunningBalance', () => {
  it('walks back from the balance now through newest-first lines', () => {
    const lines = withRunningBalance([posting(3, -30), posting(2, 50), posting(1, 10)], 30);
    expect(lines.map((line) => line.balance_after)).toEqual([30, 60, 10]);
  });
  it('gives nothing for no lines', () => {
    expect(withRunningBalance([], 0)).toEqual([]);
  });
});

describe('describePosting', () => {
  it('names the rule of an award and adds the reason', () => {
    expect(describePosting(posting(1, 10, { memo: '帮助邻居' }), rules)).toEqual({
      key: 'pointsAdmin.code.award',
      detail: '参与议事 · 帮助邻居',
    });
  });
  it('keeps the rule id when the rule is unknown, and says redemptions and corrections', () => {
    expect(describePosting(posting(1, 10, { rule: 'old' }), rules).detail).toBe('old');
    expect(describePosting(posting(2, -20, { memo: '理发券 × 1' }), rules)).toEqual({
      key: 'pointsAdmin.code.redemption',
      detail: '理发券 × 1',
    });
    expect(describePosting(posting(3, -10, { code: 'correction', memo: '重复录入' }), rules).key).toBe(
      'pointsAdmin.code.correction',
    );
    expect(describePosting(posting(4, -10, { code: 'expiry' }), rules).key).toBe('pointsAdmin.code.expiry');
  });
});

describe('correctable', () => {
  it('refuses corrections and lines already corrected', () => {
    const original = posting(1, 10);
    const fix = posting(2, -10, { code: 'correction', corrects_posting_id: 1 });
    const other = posting(3, 15);
    expect(correctable(original, [original, fix, other])).toBe(false);
    expect(correctable(fix, [original, fix, other])).toBe(false);
    expect(correctable(other, [original, fix, other])).toBe(true);
  });
});

describe('awards', () => {
  it('counts events and hours as the server does', () => {
    expect(awardPoints(rules[0], 3)).toBe(30);
    expect(awardPoints(rules[1], 90)).toBe(7);
  });
  it('checks the quantity bounds per unit', () => {
    expect(checkAwardQuantity(rules[0], 100)).toBeNull();
    expect(checkAwardQuantity(rules[0], 101)?.params).toEqual({ min: 1, max: 100 });
    expect(checkAwardQuantity(rules[1], 1440)).toBeNull();
    expect(checkAwardQuantity(rules[1], 5)?.key).toBe('pointsAdmin.invalid.tooLittle');
    expect(checkAwardQuantity(undefined, 1)?.key).toBe('pointsAdmin.invalid.rule');
    expect(checkAwardQuantity(rules[0], 1.5)).not.toBeNull();
  });
  it('makes a reference of at most 100 characters from the action key', () => {
    expect(manualReference('abc', '2026-12-07')).toBe('manual:2026-12-07:abc');
    expect(manualReference('x'.repeat(200), '2026-12-07')).toHaveLength(100);
  });
});

describe('leaderboardPeriods', () => {
  it('offers this year, quarter and month in Shanghai, and last year', () => {
    // 2026-12-31 20:00 UTC is already 2027-01-01 in Shanghai.
    const periods = leaderboardPeriods(Date.UTC(2026, 11, 31, 20));
    expect(periods.map((period) => period.value)).toEqual(['2027', '2027Q1', '2027-01', '2026']);
  });
});

describe('settings checks', () => {
  it('bounds the notice to 7-60 whole days', () => {
    expect(checkNoticeDays(7)).toBeNull();
    expect(checkNoticeDays(60)).toBeNull();
    expect(checkNoticeDays(6)).not.toBeNull();
    expect(checkNoticeDays(null)).not.toBeNull();
  });
  it('turns a percent of households into basis points', () => {
    expect(percentToBasisPoints(5)).toBe(500);
    expect(percentToBasisPoints(0.01)).toBe(1);
    expect(percentToBasisPoints(0)).toBeNull();
    expect(percentToBasisPoints(101)).toBeNull();
    expect(checkThresholdPercent(5)).toBeNull();
  });
  it('converts targets: shares as percents, the hour value in yuan', () => {
    expect(targetToServer('complaint_rate', 2)).toBe(0.02);
    expect(targetFromServer('complaint_rate', 0.02)).toBe(2);
    expect(targetToServer('complaint_rate', 120)).toBeNull();
    expect(targetToServer('volunteer_hour_value_fen', 25)).toBe(2500);
    expect(targetFromServer('volunteer_hour_value_fen', 2500)).toBe(25);
    expect(targetToServer('median_resolution_working_days', 4)).toBe(4);
    expect(checkTarget('median_resolution_working_days', -1)).not.toBeNull();
  });
  it('checks a catalogue item before sending it', () => {
    const draft = { name: ' ', price_points: 0, stock: null, limit_per_resident: 0, available_from: '2026-02-01', available_until: '2026-01-01' };
    expect(Object.keys(checkCatalogDraft(draft)).sort()).toEqual(['available_until', 'limit_per_resident', 'name', 'price_points']);
    expect(checkCatalogDraft({ ...draft, name: '理发券', price_points: 20, limit_per_resident: 2, available_from: '' })).toEqual({});
  });
});

describe('form numbers', () => {
  it('reads an empty number input as not given', async () => {
    const { typedNumber, hoursToFloor, floorToHours } = await import('./points');
    expect(typedNumber('')).toBeNull();
    expect(typedNumber('12')).toBe(12);
    expect(typedNumber(3)).toBe(3);
    expect(hoursToFloor(10)).toBe(-600);
    expect(hoursToFloor(0)).toBe(0);
    expect(hoursToFloor(101)).toBeNull();
    expect(floorToHours(-600)).toBe(10);
  });
});

describe('groupDays', () => {
  it('joins following days of the same name, across a month end', async () => {
    const { groupDays } = await import('./points');
    expect(
      groupDays({ '2026-10-02': '国庆节', '2026-10-01': '国庆节', '2026-09-30': '中秋节', '2026-10-08': '国庆节' }),
    ).toEqual([
      { name: '中秋节', from: '2026-09-30', to: '2026-09-30', count: 1 },
      { name: '国庆节', from: '2026-10-01', to: '2026-10-02', count: 2 },
      { name: '国庆节', from: '2026-10-08', to: '2026-10-08', count: 1 },
    ]);
  });
});
