import { describe, expect, it } from 'vitest';
import { buildingsOf, daysOverdue, DAY_MS, shanghaiInstant, silentToVisit, skillsOf, timelineWords } from './workbench';

const label = {
  category: (code: string) => ({ public_facility: '公共设施维修' })[code] ?? code,
  rule: (code: string) => ({ volunteer: '志愿服务' })[code] ?? code,
  dimension: (code: string) => ({ health: '健康' })[code] ?? code,
};

describe('silentToVisit', () => {
  const now = Date.parse('2026-12-07T02:00:00Z');
  const ranked = [
    { household_id: 1, silent: true },
    { household_id: 2, silent: true },
    { household_id: 3, silent: false },
    { household_id: 4, silent: true },
    { household_id: 5, silent: true },
  ];
  it('keeps my silent households not visited in 90 days, in ranking order', () => {
    const visits: Record<number, string> = {
      2: new Date(now - 10 * DAY_MS).toISOString(),
      4: new Date(now - 91 * DAY_MS).toISOString(),
    };
    const mine = (id: number) => id !== 5;
    const got = silentToVisit(ranked, mine, (id) => visits[id] ?? null, now);
    expect(got.map((item) => item.household_id)).toEqual([1, 4]);
  });
});

describe('shanghaiInstant', () => {
  it('reads a datetime-local value in Shanghai', () => {
    expect(shanghaiInstant('2026-12-07T09:30')).toBe('2026-12-07T09:30:00+08:00');
    expect(Date.parse(shanghaiInstant('2026-12-07T09:30'))).toBe(Date.parse('2026-12-07T01:30:00Z'));
  });
});

describe('timelineWords', () => {
  it('names a request by its category and tracking code', () => {
    const words = timelineWords({ kind: 'request.submitted', title: 'public_facility', amount: null, note: 'ABCD-EFGH2' }, label);
    expect(words.verb).toBe('request.submitted');
    expect(words.parts).toEqual([{ text: '公共设施维修' }, { key: 'workbench.timeline.trackingCode', values: { code: 'ABCD-EFGH2' } }]);
  });
  it('gives a rating its stars and points their sign', () => {
    expect(timelineWords({ kind: 'request.rated', title: 'public_facility', amount: 4, note: 'X' }, label).parts[1]).toEqual({
      key: 'workbench.timeline.stars',
      values: { n: 4 },
    });
    const award = timelineWords({ kind: 'points.award', title: 'volunteer', amount: 12, note: null }, label);
    expect(award).toEqual({ verb: 'points.award', parts: [{ text: '志愿服务' }, { key: 'workbench.timeline.pointsAmount', values: { n: '+12' } }] });
    const spent = timelineWords({ kind: 'points.redemption', title: '大米一袋', amount: -50, note: null }, label);
    expect(spent.parts[1]).toEqual({ key: 'workbench.timeline.pointsAmount', values: { n: '-50' } });
  });
  it('says who visited and what they noted, and an assessment by dimension', () => {
    expect(timelineWords({ kind: 'visit.phone', title: '陈杰', amount: null, note: '电话问候' }, label)).toEqual({
      verb: 'visit.phone',
      parts: [{ text: '陈杰' }, { text: '电话问候' }],
    });
    expect(timelineWords({ kind: 'needs.assessment', title: 'health', amount: 80, note: '腿脚不便' }, label).parts).toEqual([
      { text: '健康' },
      { key: 'workbench.timeline.score', values: { n: 80 } },
      { text: '腿脚不便' },
    ]);
  });
});

describe('buildingsOf and skillsOf', () => {
  const h = (id: number, building: number, skills: string[] = []) => ({ id, building_id: building, building: `${building}号楼`, skills });
  const list = [h(1, 10, ['理发']), h(2, 2), h(3, 10, ['理发', '电脑']), h(4, 2, ['电脑']), h(5, 1, ['书法'])];
  it('counts households per building in natural order', () => {
    expect(buildingsOf(list)).toEqual([
      { id: 1, name: '1号楼', count: 1 },
      { id: 2, name: '2号楼', count: 2 },
      { id: 10, name: '10号楼', count: 2 },
    ]);
  });
  it('leaves a household not placed in a building out of the buildings', () => {
    const unplaced = { id: 6, building_id: null, building: null, skills: ['书法'] };
    expect(buildingsOf([...list, unplaced]).map((b) => b.id)).toEqual([1, 2, 10]);
    expect(skillsOf([...list, unplaced]).find((e) => e.skill === '书法')?.households.map((x) => x.id)).toEqual([5, 6]);
  });
  it('groups households by skill, most common first, ties in pinyin order', () => {
    expect(skillsOf(list).map((entry) => [entry.skill, entry.households.map((x) => x.id)])).toEqual([
      ['电脑', [3, 4]],
      ['理发', [1, 3]],
      ['书法', [5]],
    ]);
  });
});

describe('daysOverdue', () => {
  it('counts Shanghai calendar days past the follow-up date', () => {
    const now = Date.parse('2026-12-07T00:30:00+08:00');
    expect(daysOverdue('2026-12-07T23:00:00+08:00', now)).toBe(0);
    expect(daysOverdue('2026-12-06T23:59:00+08:00', now)).toBe(1);
    expect(daysOverdue('2026-11-12T15:50:08.000+08:00', now)).toBe(25);
    expect(daysOverdue('2026-12-20T00:00:00+08:00', now)).toBe(0);
  });
});
