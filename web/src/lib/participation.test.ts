import { describe, expect, it } from 'vitest';
import type { Activity } from '../api/participation';
import type { Question } from '../api/civic';
import {
  buildAnswers,
  byChannel,
  hoursAndMinutes,
  localToIso,
  maySecond,
  mayPutOnAgenda,
  nextSteps,
  parseIds,
  quorumView,
  secondingProgress,
  upcoming,
  votingOpen,
} from './participation';

function activity(
  id: number,
  channel: Activity['channel'],
  starts: string,
  ends: string,
  windows: Partial<Pick<Activity, 'ended' | 'self_checkin_open'>> = {},
): Activity {
  return {
    ended: false,
    signup_open: true,
    checkin_opens_at: starts,
    checkin_closes_at: ends,
    self_checkin_open: false,
    staff_checkin_open: false,
    ...windows,
    id,
    community_id: 1,
    kind: 'meeting',
    channel,
    building_id: null,
    title: `a${id}`,
    agenda: '',
    starts_at: starts,
    ends_at: ends,
    capacity: null,
    signups: 0,
    attendees: 0,
    attending_households: 0,
    minutes: null,
    minutes_at: null,
    video_url: null,
    status: 'approved',
    hosted: false,
    is_host: false,
    host_name: null,
    budget_fen: null,
    budget_plan_id: null,
    budget_category: null,
    decision_note: null,
    host_points_paid: false,
  };
}

describe('upcoming activities by channel', () => {
  const list = [
    activity(1, 'community', '2026-12-03T19:00:00+08:00', '2026-12-03T21:00:00+08:00'),
    activity(2, 'online_hall', '2026-12-02T20:00:00+08:00', '2026-12-02T22:00:00+08:00'),
    activity(3, 'community', '2026-11-20T19:00:00+08:00', '2026-11-20T21:00:00+08:00', { ended: true }),
    activity(4, 'building_corner', '2026-12-01T11:00:00+08:00', '2026-12-01T13:00:00+08:00', { self_checkin_open: true }),
    // Over, but the server still takes check-ins with the code: still listed.
    activity(5, 'community', '2026-12-01T09:00:00+08:00', '2026-12-01T10:00:00+08:00', { ended: true, self_checkin_open: true }),
  ];

  it('leaves out what the server says is over and closed, and puts the soonest first', () => {
    expect(upcoming(list).map((a) => a.id)).toEqual([5, 4, 2, 1]);
  });

  it('groups by channel in a fixed order, empty channels left out', () => {
    const groups = byChannel(upcoming(list));
    expect(groups.map((g) => g.channel)).toEqual(['online_hall', 'building_corner', 'community']);
    expect(groups[2].items.map((a) => a.id)).toEqual([5, 1]);
  });
});

describe('seconding', () => {
  it('counts what is missing and caps the meter at full', () => {
    expect(secondingProgress({ seconds: 2, seconds_required: 5 })).toEqual({ count: 2, required: 5, missing: 3, percent: 40 });
    expect(secondingProgress({ seconds: 7, seconds_required: 5 })).toMatchObject({ missing: 0, percent: 100 });
  });

  it('lets a household second only others’ proposals that are collecting seconds', () => {
    expect(maySecond({ state: 'seconding', own: false })).toBe(true);
    expect(maySecond({ state: 'seconding', own: true })).toBe(false);
    expect(maySecond({ state: 'eligible', own: false })).toBe(false);
  });

  it('puts eligible, deferred and no-quorum proposals on an agenda, not decided ones', () => {
    expect(['eligible', 'deferred', 'no_quorum'].every((s) => mayPutOnAgenda(s as never))).toBe(true);
    expect(mayPutOnAgenda('passed')).toBe(false);
    expect(mayPutOnAgenda('seconding')).toBe(false);
  });
});

describe('the motion at a meeting', () => {
  it('offers the next step of the simplified rules, and defer until decided', () => {
    expect(nextSteps('scheduled')).toEqual(['move', 'defer']);
    expect(nextSteps('moved')).toEqual(['second', 'defer']);
    expect(nextSteps('debating')).toEqual(['call_vote', 'defer']);
    expect(nextSteps('voting')).toEqual(['defer']);
    expect(nextSteps('decided')).toEqual([]);
  });

  it('is open for votes only while on the agenda with the vote called', () => {
    const item = { motion: 'voting' } as never;
    expect(votingOpen({ state: 'on_agenda', agenda: [item] })).toBe(true);
    expect(votingOpen({ state: 'on_agenda', agenda: [{ motion: 'debating' } as never] })).toBe(false);
    expect(votingOpen({ state: 'passed', agenda: [item] })).toBe(false);
  });

  it('counts the quorum as the server does: enough households present and half of them voting', () => {
    const settings = { quorum_percent: 50, quorum_min_households: 5 };
    expect(quorumView({ present_households: 10, yes: 3, no: 1, abstain: 1 }, settings)).toEqual({
      present: 10,
      voted: 5,
      votesNeeded: 5,
      met: true,
      passes: true,
    });
    expect(quorumView({ present_households: 10, yes: 3, no: 1, abstain: 0 }, settings).met).toBe(false);
    expect(quorumView({ present_households: 4, yes: 4, no: 0, abstain: 0 }, settings).met).toBe(false);
    // A tie fails; abstentions are not cast votes.
    expect(quorumView({ present_households: 6, yes: 2, no: 2, abstain: 2 }, settings).passes).toBe(false);
  });
});

describe('survey answers', () => {
  const questions: Question[] = [
    { id: 1, kind: 'scale', prompt: 'q1', options: [], required: true },
    { id: 2, kind: 'single_choice', prompt: 'q2', options: ['a', 'b'], required: true },
    { id: 3, kind: 'multiple_choice', prompt: 'q3', options: ['a', 'b', 'c'], required: true },
    { id: 4, kind: 'text', prompt: 'q4', options: [], required: false },
  ];

  it('names the required questions left empty', () => {
    expect(buildAnswers(questions, { 1: null, 2: 0, 3: [], 4: '' }).missing).toEqual([1, 3]);
  });

  it('sends choices in order, trims text and leaves out empty optional answers', () => {
    expect(buildAnswers(questions, { 1: 4, 2: 0, 3: [2, 0], 4: '  ' })).toEqual({
      answers: [
        { question_id: 1, value: 4 },
        { question_id: 2, value: 0 },
        { question_id: 3, value: [0, 2] },
      ],
      missing: [],
    });
    expect(buildAnswers(questions, { 1: 5, 2: 1, 3: [1], 4: ' 多开早餐 ' }).answers[3]).toEqual({ question_id: 4, value: '多开早餐' });
  });
});

describe('small readers', () => {
  it('reads resident numbers typed with any separator, once each', () => {
    expect(parseIds('12, 13，14 、15  12 x -3')).toEqual([12, 13, 14, 15]);
  });

  it('reads a datetime-local value in the community zone', () => {
    expect(localToIso('2026-12-01T19:30')).toBe('2026-12-01T19:30:00+08:00');
    expect(localToIso('')).toBeNull();
  });

  it('splits banked minutes into hours and minutes, debts included', () => {
    expect(hoursAndMinutes(135)).toEqual({ hours: 2, minutes: 15, negative: false });
    expect(hoursAndMinutes(-90)).toEqual({ hours: 1, minutes: 30, negative: true });
  });
});
