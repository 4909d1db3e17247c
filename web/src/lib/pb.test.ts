import { describe, expect, it } from 'vitest';
import { ballotLimits, choiceProblem, equalSharesRule, parsePb, toYuan, voterGroups } from './pb';

const FILE = `META
key;value
description;2026 微更新
budget;100
max_length;2
max_sum_cost;90
PROJECTS
project_id;cost;name;votes
1;60;电梯扶手;3
2;40;楼道灯;3
3;40;托育点;2
VOTES
voter_id;vote
1;1,2
2;1,2
3;1,2
4;3
5;3
`;

describe('parsePb', () => {
  it('reads meta, projects and ballots', () => {
    const file = parsePb(FILE);
    expect(file.meta.budget).toBe('100');
    expect(file.projects).toEqual([
      { key: '1', cost: 60, name: '电梯扶手' },
      { key: '2', cost: 40, name: '楼道灯' },
      { key: '3', cost: 40, name: '托育点' },
    ]);
    expect(file.ballots).toEqual([['1', '2'], ['1', '2'], ['1', '2'], ['3'], ['3']]);
  });
});

describe('ballot rules', () => {
  it('reads the limits the election set and leaves out the rest', () => {
    expect(ballotLimits(parsePb(FILE).meta)).toEqual({ minLength: undefined, maxLength: 2, maxSumCost: 90 });
  });
  it('says why a choice cannot be sent', () => {
    const limits = { maxLength: 2, maxSumCost: 90, minLength: 1 };
    expect(choiceProblem([], limits)).toBe('empty');
    expect(choiceProblem([10, 10, 10], limits)).toBe('too_many');
    expect(choiceProblem([60, 40], limits)).toBe('over_budget');
    expect(choiceProblem([60, 30], limits)).toBeNull();
    expect(choiceProblem([10], { minLength: 2 })).toBe('too_few');
  });
});

describe('amounts and rules', () => {
  it('scales amounts to 元', () => {
    expect(toYuan(300000, 0)).toBe(300000);
    expect(toYuan(12345, 2)).toBe(123.45);
  });
  it('shows the election’s own equal-shares variant', () => {
    expect(equalSharesRule('equal-shares-add1')).toBe('equal-shares-add1');
    expect(equalSharesRule('greedy')).toBe('equal-shares');
  });
});

describe('voterGroups', () => {
  it('gives a minority nothing under greedy and its share under equal shares', () => {
    const file = parsePb(FILE);
    // Greedy funds 1 and 2 (100); equal shares funds 1 and 3.
    const groups = voterGroups(file, [new Set(['1', '2']), new Set(['1', '3'])], 100);
    expect(groups[0]).toMatchObject({ key: '', voters: 5, ofVoters: 1 });
    expect(groups[0].shares[0].average).toBe(60); // (3×100 + 2×0) / 5
    expect(groups[0].shares[1].average).toBe(52); // (3×60 + 2×40) / 5
    const minority = groups.find((g) => g.key === '3')!;
    expect(minority.voters).toBe(2);
    expect(minority.ofVoters).toBeCloseTo(0.4);
    expect(minority.shares[0]).toEqual({ average: 0, ofBudget: 0, ownFunded: false });
    expect(minority.shares[1]).toEqual({ average: 40, ofBudget: 0.4, ownFunded: true });
    // Largest groups first after "everyone".
    expect(groups.slice(1).map((g) => g.voters)).toEqual([3, 3, 2]);
  });
});
