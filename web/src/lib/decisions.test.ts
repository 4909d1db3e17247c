import { describe, expect, it } from 'vitest';
import {
  changeSign,
  councilVerdict,
  isReturned,
  latestDecision,
  parseCount,
  reserveCheck,
  revisionCandidates,
  roundApproved,
  signOffState,
  type VoteCounts,
} from './decisions';
import type { PlanStatus } from '../api/transparency';

const counts = (total: number | null, present: number | null, votesFor: number | null, against: number | null = 0, abstain: number | null = 0): VoteCounts => ({
  membersTotal: total,
  membersPresent: present,
  votesFor,
  votesAgainst: against,
  votesAbstain: abstain,
});

describe('the council vote verdict', () => {
  it('passes the contract example: 11 of 15 present, 8 for', () => {
    expect(councilVerdict(counts(15, 11, 8, 2, 1))).toEqual({
      problem: null,
      quorumNeeded: 8,
      quorumMet: true,
      votesNeeded: 6,
      passed: true,
    });
  });
  it('needs more than half the members present: 7 of 15 is no quorum, whatever the votes', () => {
    const verdict = councilVerdict(counts(15, 7, 7));
    expect(verdict.quorumMet).toBe(false);
    expect(verdict.passed).toBe(false);
    expect(verdict.problem).toBeNull();
  });
  it('counts exactly half the members as no quorum (14 members, 7 present)', () => {
    expect(councilVerdict(counts(14, 7, 7)).quorumMet).toBe(false);
    expect(councilVerdict(counts(14, 8, 7)).quorumMet).toBe(true);
    expect(councilVerdict(counts(14, 8, 7)).quorumNeeded).toBe(8);
  });
  it('needs more than half of those present in favour: a tie fails, abstentions count against', () => {
    expect(councilVerdict(counts(15, 10, 5, 5, 0)).passed).toBe(false);
    expect(councilVerdict(counts(15, 10, 5, 1, 4)).passed).toBe(false);
    expect(councilVerdict(counts(15, 10, 6, 0, 4)).passed).toBe(true);
    expect(councilVerdict(counts(15, 10, 6)).votesNeeded).toBe(6);
  });
  it('says which count cannot be, in the order the form is filled', () => {
    expect(councilVerdict(counts(null, 5, 3)).problem).toBe('members_total');
    expect(councilVerdict(counts(2, 2, 2)).problem).toBe('members_total');
    expect(councilVerdict(counts(501, 300, 200)).problem).toBe('members_total');
    expect(councilVerdict(counts(15, 16, 3)).problem).toBe('members_present');
    expect(councilVerdict(counts(15, null, 3)).problem).toBe('members_present');
    expect(councilVerdict(counts(15, 11, null)).problem).toBe('votes_missing');
    expect(councilVerdict(counts(15, 11, 8, 3, 1)).problem).toBe('votes_exceed_present');
    expect(councilVerdict(counts(15, 11, 8, 3, 1)).passed).toBe(false);
  });
  it('takes a council of 3 and of 500 members', () => {
    expect(councilVerdict(counts(3, 2, 2)).passed).toBe(true);
    expect(councilVerdict(counts(500, 251, 126)).passed).toBe(true);
    expect(councilVerdict(counts(500, 250, 250)).quorumMet).toBe(false);
  });
});

describe('typed counts', () => {
  it('are whole numbers only', () => {
    expect(parseCount(' 11 ')).toBe(11);
    expect(parseCount(0)).toBe(0);
    expect(parseCount('')).toBeNull();
    expect(parseCount('1.5')).toBeNull();
    expect(parseCount('-1')).toBeNull();
    expect(parseCount('十一')).toBeNull();
  });
});

describe('emergency spends', () => {
  it('are signed off, overdue (the server says) or waiting', () => {
    expect(signOffState({ signed_off_at: '2026-12-06T10:00:00+08:00', overdue: false })).toBe('signed');
    expect(signOffState({ signed_off_at: null, overdue: true })).toBe('overdue');
    expect(signOffState({ signed_off_at: null, overdue: false })).toBe('pending');
  });
  it('may take no more than is left of the reserve', () => {
    expect(reserveCheck(150000, 150000)).toBe('ok');
    expect(reserveCheck(150001, 150000)).toBe('exceeded');
    expect(reserveCheck(0, 150000)).toBe('invalid');
    expect(reserveCheck(null, 150000)).toBe('invalid');
  });
});

function status(plan_id: number, state: PlanStatus['state'], extra: Partial<PlanStatus> = {}): PlanStatus {
  return {
    plan_id,
    community_id: 1,
    quarter: '2027Q1',
    unit: 'fen',
    total: 1250000,
    state,
    notice_days: 7,
    days_left: null,
    notice_started_at: null,
    notice_ends_at: null,
    objections_open: false,
    published: false,
    returned: false,
    revises_plan_id: null,
    revised_by_plan_id: null,
    ...extra,
  };
}

describe('revisions', () => {
  it('may revise a returned or rejected plan of the same quarter and unit, newest first', () => {
    const plans = [
      status(11, 'draft', { returned: true, published: true }),
      status(12, 'rejected'),
      status(13, 'draft', { returned: true, quarter: '2026Q4' }),
      status(14, 'draft', { returned: true, unit: 'place' }),
      status(15, 'superseded'),
      status(16, 'executing'),
      status(20, 'draft', { returned: true }),
    ];
    expect(revisionCandidates(plans, { plan_id: 20, quarter: '2027Q1', unit: 'fen' }).map((p) => p.plan_id)).toEqual([12, 11]);
  });
  it('know a returned draft from a new one', () => {
    expect(isReturned(status(1, 'draft', { returned: true }))).toBe(true);
    expect(isReturned(status(1, 'draft'))).toBe(false);
    expect(isReturned(status(1, 'rejected', { returned: true }))).toBe(false);
  });
  it('sign a change', () => {
    expect(changeSign(100)).toBe('+');
    expect(changeSign(-1)).toBe('−');
    expect(changeSign(0)).toBe('');
  });
});

describe('the latest decision', () => {
  it('is the newest return or rejection', () => {
    const decisions = [
      { action: 'council_failed', stage_from: 'council_vote' as const, stage_to: 'draft' as const, reason: '未达法定人数', created_at: '2026-12-01T19:30:00.000+08:00' },
      { action: 'return', stage_from: 'street_review' as const, stage_to: 'draft' as const, reason: '养老比例偏低', created_at: '2026-12-20T10:00:00.000+08:00' },
    ];
    expect(latestDecision(decisions)?.reason).toBe('养老比例偏低');
    expect(latestDecision([])).toBeNull();
    expect(latestDecision(undefined)).toBeNull();
  });
});

describe('the current round', () => {
  const vote = (created_at: string, passed: boolean) => ({ passed, created_at }) as unknown as import('../api/transparency').CouncilVote;
  const assessment = (created_at: string, recommendation: string) => ({ recommendation, created_at }) as unknown as import('../api/transparency').Assessment;
  it('is approved by an assessment after the latest passing vote that does not recommend rejection', () => {
    expect(roundApproved([vote('2026-12-08', true)], [assessment('2026-12-09', 'approve_with_changes')])).toBe(true);
    expect(roundApproved([vote('2026-12-08', true)], [assessment('2026-12-09', 'reject')])).toBe(false);
    expect(roundApproved([vote('2026-12-08', true)], [])).toBe(false);
  });
  it('does not count an approval from an earlier round', () => {
    const votes = [vote('2026-10-01', true), vote('2026-12-08', true)];
    expect(roundApproved(votes, [assessment('2026-10-05', 'approve')])).toBe(false);
    expect(roundApproved(votes, [assessment('2026-10-05', 'approve'), assessment('2026-12-10', 'approve')])).toBe(true);
  });
});
