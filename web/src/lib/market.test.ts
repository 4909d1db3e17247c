import { describe, expect, it } from 'vitest';
import type { MarketMatch } from '../api/timebank';
import {
  ageBandKey,
  answeredByUs,
  guessMinutes,
  matchOfService,
  minuteSteps,
  neighbourLine,
  postQuery,
  snapMinutes,
  toRecord,
  weProvide,
} from './market';

const match = (over: Partial<MarketMatch>): MarketMatch => ({
  id: 1,
  post_id: 7,
  post_title: '陪老人聊天',
  post_kind: 'offer',
  status: 'accepted',
  message: '',
  responder_name: '吴奶奶',
  responder_building: '5号楼',
  responder_age_band: '80_plus',
  responder_resident_id: 40,
  service_id: null,
  created_at: '2026-11-20T10:00:00.000+08:00',
  ...over,
});

describe('postQuery', () => {
  it('leaves out the choices not made', () => {
    expect(postQuery(1, { kind: '', serviceType: '', buildingId: '' })).toEqual({ community_id: 1, limit: 50 });
  });
  it('carries kind, service and building (building 0 is not "every")', () => {
    expect(postQuery(2, { kind: 'offer', serviceType: 'shopping', buildingId: 3 }, 20)).toEqual({
      community_id: 2,
      limit: 20,
      kind: 'offer',
      service_type: 'shopping',
      building_id: 3,
    });
  });
});

describe('age bands', () => {
  it('words the four bands and nothing else', () => {
    expect(ageBandKey('60s')).toBe('timeMarket.age.60s');
    expect(ageBandKey('80_plus')).toBe('timeMarket.age.80_plus');
    expect(ageBandKey(null)).toBeNull();
    expect(ageBandKey('90s')).toBeNull();
  });
  it('builds the neighbour line from the parts that are known', () => {
    const label = (key: string) => ({ 'timeMarket.age.60s': '60多岁' })[key] ?? key;
    expect(neighbourLine('周**', '3号楼', '60s', label)).toBe('周** · 3号楼 · 60多岁');
    expect(neighbourLine('周**', null, null, label)).toBe('周**');
    expect(neighbourLine('周**', '', '60s', label)).toBe('周** · 60多岁');
  });
});

describe('minutes', () => {
  it('offers 15-minute steps from 15 to 720', () => {
    const steps = minuteSteps();
    expect(steps[0]).toBe(15);
    expect(steps[1]).toBe(30);
    expect(steps[steps.length - 1]).toBe(720);
    expect(steps).toHaveLength(48);
    expect(steps.every((m) => m % 15 === 0)).toBe(true);
  });
  it('snaps a length onto a step within bounds', () => {
    expect(snapMinutes(50)).toBe(45);
    expect(snapMinutes(53)).toBe(60);
    expect(snapMinutes(0)).toBe(15);
    expect(snapMinutes(2000)).toBe(720);
    expect(snapMinutes(Number.NaN)).toBe(60);
  });
  it('guesses the length from the post, else an hour', () => {
    expect(guessMinutes('每次2小时')).toBe(120);
    expect(guessMinutes('半小时就好')).toBe(30);
    expect(guessMinutes('大约40分钟')).toBe(45);
    expect(guessMinutes('1.5个小时')).toBe(90);
    expect(guessMinutes('工作日下午', null)).toBe(60);
  });
});

describe('who records the service', () => {
  const ours = new Set([16, 17]);
  it('an offer: its poster provides, so answers to our offer are ours to record', () => {
    const toOurOffer = match({ post_kind: 'offer', responder_resident_id: 40 });
    expect(answeredByUs(toOurOffer, ours)).toBe(false);
    expect(weProvide(toOurOffer, ours)).toBe(true);
    expect(toRecord(toOurOffer, ours)).toBe(true);
    // We answered a neighbour's offer: we receive; the neighbour records.
    expect(toRecord(match({ post_kind: 'offer', responder_resident_id: 17 }), ours)).toBe(false);
  });
  it('a request: whoever answered provides', () => {
    expect(toRecord(match({ post_kind: 'request', responder_resident_id: 16 }), ours)).toBe(true);
    expect(toRecord(match({ post_kind: 'request', responder_resident_id: 40 }), ours)).toBe(false);
  });
  it('only an accepted match without a service yet', () => {
    expect(toRecord(match({ status: 'proposed' }), ours)).toBe(false);
    expect(toRecord(match({ status: 'done', service_id: 9 }), ours)).toBe(false);
    expect(toRecord(match({ service_id: 9 }), ours)).toBe(false);
  });
  it('finds the match a service came from', () => {
    const list = [match({ id: 1, service_id: null }), match({ id: 2, service_id: 9 })];
    expect(matchOfService(list, 9)?.id).toBe(2);
    expect(matchOfService(list, 10)).toBeUndefined();
  });
});
