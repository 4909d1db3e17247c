import { describe, expect, it } from 'vitest';
import { approvalsNeeded, bpToPercentInput, minResponseFromPercent, quorumFromPercent, scoreMovedFee } from './propertyDecisions';

describe('the property fund’s decisions', () => {
  it('takes a committee share of more than half, as a percent', () => {
    expect(quorumFromPercent('60')).toEqual({ bp: 6000 });
    expect(quorumFromPercent('50.01')).toEqual({ bp: 5001 });
    expect(quorumFromPercent('100')).toEqual({ bp: 10000 });
    expect(quorumFromPercent('50')).toEqual({ problem: 'not_majority' });
    expect(quorumFromPercent('101')).toEqual({ problem: 'not_percent' });
    expect(quorumFromPercent('')).toEqual({ problem: 'not_percent' });
    expect(quorumFromPercent('abc')).toEqual({ problem: 'not_percent' });
  });
  it('takes a minimum share of scoring households from 0 to 100%', () => {
    expect(minResponseFromPercent('30')).toBe(3000);
    expect(minResponseFromPercent('0')).toBe(0);
    expect(minResponseFromPercent('')).toBeNull();
    expect(minResponseFromPercent('120')).toBeNull();
    expect(bpToPercentInput(5001)).toBe('50.01');
    expect(bpToPercentInput(3000)).toBe('30');
  });
  it('counts the approvals a committee needs', () => {
    expect(approvalsNeeded(3, 5001)).toBe(2);
    expect(approvalsNeeded(4, 5001)).toBe(3);
    expect(approvalsNeeded(5, 6000)).toBe(3);
  });
  it('says when too few households scored for the score to move the fee', () => {
    expect(scoreMovedFee({ responses_sufficient: false, evaluations: 120 })).toBe('too_few');
    expect(scoreMovedFee({ responses_sufficient: true, evaluations: 1502 })).toBe('moved');
    expect(scoreMovedFee({ responses_sufficient: true, evaluations: 0 })).toBe('no_scores');
    // Nobody scored at all (the first quarter): not "too few".
    expect(scoreMovedFee({ responses_sufficient: false, evaluations: 0 })).toBe('no_scores');
  });
});
