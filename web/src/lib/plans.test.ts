import { describe, expect, it } from 'vitest';
import {
  bpToPercent,
  fenToYuan,
  hundredthsToDecimal,
  isMoney,
  NEXT_ACTION,
  PLAN_STAGES,
  stageIndex,
  stageSteps,
  yuanToFen,
} from './plans';

describe('plan stages', () => {
  it('are the seven stages of the lifecycle, in order', () => {
    expect(PLAN_STAGES).toEqual([
      'draft',
      'public_notice',
      'council_vote',
      'professional_assessment',
      'street_review',
      'executing',
      'closed',
    ]);
    expect(stageIndex('executing')).toBe(5);
    expect(stageIndex('unknown')).toBe(-1);
  });
  it('mark the stages passed, the current one and those ahead', () => {
    const steps = stageSteps('council_vote');
    expect(steps.map((s) => s.state)).toEqual(['done', 'done', 'current', 'upcoming', 'upcoming', 'upcoming', 'upcoming']);
    expect(stageSteps('closed')[6]).toEqual({ stage: 'closed', state: 'current' });
  });
  it('offer one step forward from every stage but the last', () => {
    expect(NEXT_ACTION.public_notice).toBe('open_vote');
    expect(NEXT_ACTION.street_review).toBe('approve');
    expect(NEXT_ACTION.closed).toBeUndefined();
  });
});

describe('plan figures', () => {
  it('show basis points as a percent with one decimal', () => {
    expect(bpToPercent(9355)).toBe('93.6%');
    expect(bpToPercent(10000)).toBe('100.0%');
    expect(bpToPercent(0)).toBe('0.0%');
    expect(bpToPercent(152)).toBe('1.5%');
    expect(bpToPercent(null)).toBe('—');
  });
  it('show fen as yuan with two decimals and separators', () => {
    expect(fenToYuan(1250000)).toBe('12,500.00');
    expect(fenToYuan(217928)).toBe('2,179.28');
    expect(fenToYuan(5)).toBe('0.05');
    expect(fenToYuan(0)).toBe('0.00');
    expect(fenToYuan(-120000)).toBe('-1,200.00');
  });
  it('read typed yuan as fen, refusing what is not an amount', () => {
    expect(yuanToFen('1,200.5')).toBe(120050);
    expect(yuanToFen('12')).toBe(1200);
    expect(yuanToFen(' 0.07 元')).toBe(7);
    expect(yuanToFen('1.234')).toBeNull();
    expect(yuanToFen('abc')).toBeNull();
    expect(yuanToFen('')).toBeNull();
  });
  it('show the mean score and tell money from other units', () => {
    expect(hundredthsToDecimal(418)).toBe('4.18');
    expect(isMoney('fen')).toBe(true);
    expect(isMoney('place')).toBe(false);
  });
});
