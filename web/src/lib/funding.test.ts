import { describe, expect, it } from 'vitest';
import type { FundingLine, PlanFunding } from '../api/transparency';
import {
  lineState,
  multiplierText,
  openPledges,
  otherShares,
  pledgeableLines,
  receivedBp,
  ruleText,
  shareLeft,
  sortParties,
} from './funding';

const improvement: FundingLine = {
  category: 'culture_sports',
  need_type: 'improvement',
  government: 135090,
  shares: [
    { party_kind: 'government', ratio: 3, expected: 135090, pledged: 135090, received: 0 },
    { party_kind: 'market', ratio: 3, expected: 135090, pledged: 135090, received: 135090 },
    { party_kind: 'residents', ratio: 4, expected: 180120, pledged: 156704, received: 100000 },
  ],
  pledges: [
    { id: 29, plan_id: 5, category: 'culture_sports', party_id: 2, party_name: '幸福里长者食堂', party_kind: 'market', amount: 135090, received: 135090, note: null, created_at: '' },
    { id: 30, plan_id: 5, category: 'culture_sports', party_id: 5, party_name: '居民自筹', party_kind: 'residents', amount: 156704, received: 100000, note: null, created_at: '' },
  ],
  others_expected: 315210,
  others_pledged: 291794,
  others_received: 235090,
  shortfall: 80120,
  funded: false,
};
const special: FundingLine = {
  category: 'disability_service',
  need_type: 'special',
  government: 34112,
  shares: [
    { party_kind: 'government', ratio: 8, expected: 34112, pledged: 34112, received: 0 },
    { party_kind: 'foundation', ratio: 2, expected: 8528, pledged: 8528, received: 8528 },
  ],
  pledges: [],
  others_expected: 8528,
  others_pledged: 8528,
  others_received: 8528,
  shortfall: 0,
  funded: true,
};
const funding: PlanFunding = { government: 169202, others_expected: 323738, others_pledged: 300322, others_received: 243618, lines: [improvement, special] };

describe('funding by party', () => {
  it('names the rule and the other parties’ shares', () => {
    expect(ruleText(improvement)).toBe('3:3:4');
    expect(ruleText(special)).toBe('8:2');
    expect(otherShares(improvement).map((s) => s.party_kind)).toEqual(['market', 'residents']);
  });
  it('says 已足额 or the shortfall, as the server counts it', () => {
    expect(lineState(special)).toEqual({ funded: true });
    expect(lineState(improvement)).toEqual({ funded: false, shortfall: 80120 });
    expect(receivedBp(improvement)).toBe(7458);
    expect(receivedBp({ others_expected: 0, others_received: 0 })).toBe(10000);
  });
  it('offers only the lines whose share for the party’s kind has room left', () => {
    expect(shareLeft(improvement, 'residents')).toBe(180120 - 156704);
    expect(shareLeft(improvement, 'market')).toBe(0);
    expect(shareLeft(improvement, 'foundation')).toBe(0);
    expect(shareLeft(improvement, 'government')).toBe(0);
    expect(pledgeableLines(funding, { kind: 'residents' }).map((l) => l.category)).toEqual(['culture_sports']);
    expect(pledgeableLines(funding, { kind: 'foundation' })).toEqual([]);
    expect(pledgeableLines(null, { kind: 'market' })).toEqual([]);
  });
  it('lists the pledges with money still to come', () => {
    expect(openPledges(funding).map((p) => [p.id, p.outstanding])).toEqual([[30, 56704]]);
  });
  it('shows the multiplier and orders the parties by kind', () => {
    expect(multiplierText(14200)).toBe('1.42');
    expect(multiplierText(10000)).toBe('1.00');
    expect(multiplierText(0)).toBe('—');
    expect(multiplierText(undefined)).toBe('—');
    const sorted = sortParties([
      { kind: 'residents' as const, name: '居民自筹' },
      { kind: 'market' as const, name: '诚信物业' },
      { kind: 'government' as const, name: '街道办事处' },
      { kind: 'foundation' as const, name: '市慈善基金会' },
    ]);
    expect(sorted.map((p) => p.kind)).toEqual(['government', 'market', 'foundation', 'residents']);
  });
});
