import { describe, expect, it } from 'vitest';
import { budgetPlans, checkDraft, hostingTimes, lineRoom, shanghaiParts } from './hosting';

const draft = {
  title: '手机拍照小课堂',
  agenda: '做什么：教拍照；为谁：老人；怎么做：一对一',
  day: '2026-12-12',
  start: '14:00',
  end: '16:00',
  capacity: '',
  budget: '',
};

describe('hostingTimes', () => {
  it('reads the day and times in Shanghai', () => {
    expect(hostingTimes('2026-12-12', '14:00', '16:30')).toEqual({
      starts_at: '2026-12-12T14:00:00+08:00',
      ends_at: '2026-12-12T16:30:00+08:00',
    });
  });
  it('refuses an end not after the start, and anything unparsed', () => {
    expect(hostingTimes('2026-12-12', '14:00', '14:00')).toBeNull();
    expect(hostingTimes('2026-12-12', '16:00', '09:00')).toBeNull();
    expect(hostingTimes('', '14:00', '16:00')).toBeNull();
    expect(hostingTimes('2026-12-12', '2pm', '16:00')).toBeNull();
  });
});

describe('checkDraft', () => {
  it('names the first problem', () => {
    expect(checkDraft({ ...draft, title: ' ' })).toEqual({ problem: 'title' });
    expect(checkDraft({ ...draft, agenda: '' })).toEqual({ problem: 'agenda' });
    expect(checkDraft({ ...draft, end: '13:00' })).toEqual({ problem: 'time' });
    expect(checkDraft({ ...draft, start: '06:00', end: '19:00' })).toEqual({ problem: 'tooLong' });
    expect(checkDraft({ ...draft, capacity: '0' })).toEqual({ problem: 'capacity' });
    expect(checkDraft({ ...draft, capacity: '2.5' })).toEqual({ problem: 'capacity' });
    expect(checkDraft({ ...draft, budget: '12.345' })).toEqual({ problem: 'budget' });
    expect(checkDraft({ ...draft, budget: '50000.01' })).toEqual({ problem: 'budget' });
  });
  it('turns yuan into fen and leaves empty figures out', () => {
    expect(checkDraft({ ...draft, capacity: '12', budget: '300.5' })).toEqual({
      starts_at: '2026-12-12T14:00:00+08:00',
      ends_at: '2026-12-12T16:00:00+08:00',
      capacity: 12,
      budget_fen: 30050,
    });
    expect(checkDraft({ ...draft, budget: '0' })).toEqual({
      starts_at: '2026-12-12T14:00:00+08:00',
      ends_at: '2026-12-12T16:00:00+08:00',
    });
  });
});

describe('budgetPlans', () => {
  it('keeps executing money plans, newest first', () => {
    const plans = [
      { id: 1, stage: 'executing', unit: 'fen', quarter: '2026Q3' },
      { id: 2, stage: 'executing', unit: 'place', quarter: '2026Q4' },
      { id: 3, stage: 'closed', unit: 'fen', quarter: '2026Q2' },
      { id: 4, stage: 'executing', unit: 'fen', quarter: '2026Q4' },
    ];
    expect(budgetPlans(plans).map((p) => p.id)).toEqual([4, 1]);
  });
});

describe('lineRoom', () => {
  it('adds what other parties gave and takes off what was spent', () => {
    expect(
      lineRoom({
        progress: [
          { category: 'culture_sports', planned: 135090, spent: 84120 },
          { category: 'childcare', planned: 1000, spent: 1000 },
        ],
        funding: { lines: [{ category: 'culture_sports', others_received: 291794 }] },
      }),
    ).toEqual({ culture_sports: 342764, childcare: 0 });
    expect(lineRoom({ progress: [{ category: 'x', planned: 5, spent: 2 }], funding: null })).toEqual({ x: 3 });
  });
});

describe('shanghaiParts', () => {
  it('reads an instant in Shanghai', () => {
    expect(shanghaiParts(Date.parse('2026-12-07T17:30:00Z'))).toEqual({ day: '2026-12-08', time: '01:30' });
  });
});
