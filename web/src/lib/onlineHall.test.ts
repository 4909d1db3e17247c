import { describe, expect, it } from 'vitest';
import { hallErrorKey, hasVideo, liveItem, proposalsAt, videoUrlProblem, voteState } from './onlineHall';
import type { AgendaItem } from '../api/participation';

function item(activityId: number, motion: AgendaItem['motion']): AgendaItem {
  return {
    id: activityId * 10,
    activity_id: activityId,
    meeting_title: 'm',
    meeting_starts_at: '2026-12-07T20:00:00.000+08:00',
    motion,
    outcome: null,
    present_households: 0,
    yes: 0,
    no: 0,
    abstain: 0,
    note: null,
    decided_at: null,
    my_household_present: false,
    my_vote: null,
  };
}

describe('videoUrlProblem', () => {
  it('takes an https link and no link at all', () => {
    expect(videoUrlProblem('https://meeting.tencent.com/dm/abc')).toBeNull();
    expect(videoUrlProblem('  https://meeting.tencent.com/dm/abc  ')).toBeNull();
    expect(videoUrlProblem('')).toBeNull();
  });
  it('refuses http, a bare host, spaces and over-long links', () => {
    expect(videoUrlProblem('http://meeting.tencent.com/dm/abc')).toBe('https');
    expect(videoUrlProblem('meeting.tencent.com/dm/abc')).toBe('https');
    expect(videoUrlProblem('HTTPS://meeting.tencent.com')).toBe('https');
    expect(videoUrlProblem('https://')).toBe('https');
    expect(videoUrlProblem('https://meeting.tencent.com/dm/a b')).toBe('spaces');
    expect(videoUrlProblem(`https://x.cn/${'a'.repeat(500)}`)).toBe('too_long');
  });
});

describe('meetings and votes', () => {
  it('knows an online-hall meeting with a video room', () => {
    expect(hasVideo({ channel: 'online_hall', video_url: 'https://x.cn/1' })).toBe(true);
    expect(hasVideo({ channel: 'online_hall', video_url: null })).toBe(false);
    expect(hasVideo({ channel: 'community', video_url: 'https://x.cn/1' })).toBe(false);
  });
  it('finds the proposals standing at a meeting now', () => {
    const here = { id: 1, state: 'on_agenda' as const, agenda: [item(3, 'deferred'), item(7, 'voting')] };
    const moved = { id: 2, state: 'on_agenda' as const, agenda: [item(7, 'deferred'), item(9, 'scheduled')] };
    const decided = { id: 3, state: 'passed' as const, agenda: [item(7, 'decided')] };
    expect(liveItem(here)?.activity_id).toBe(7);
    expect(liveItem(decided)).toBeNull();
    expect(proposalsAt([here, moved, decided], 7).map((p) => p.id)).toEqual([1]);
  });
  it('closes an online vote when the meeting has ended, by the server’s word', () => {
    const voting = { state: 'on_agenda' as const, agenda: [item(7, 'voting')] };
    expect(voteState(voting, { channel: 'online_hall', ended: false })).toBe('open');
    expect(voteState(voting, { channel: 'online_hall', ended: true })).toBe('online_ended');
    expect(voteState(voting, { channel: 'community', ended: true })).toBe('open');
    expect(voteState({ state: 'on_agenda', agenda: [item(7, 'debating')] }, null)).toBe('not_voting');
  });
  it('reads voting_closed at an online meeting as the meeting’s end', () => {
    expect(hallErrorKey('voting_closed', { channel: 'online_hall' })).toBe('hall.errors.voting_closed');
    expect(hallErrorKey('voting_closed', { channel: 'community' })).toBeNull();
    expect(hallErrorKey('invalid_video_url', null)).toBe('hall.errors.invalid_video_url');
    expect(hallErrorKey('not_present', { channel: 'online_hall' })).toBeNull();
  });
});
