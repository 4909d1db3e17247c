// Pure rules of a plan's three-level decision and its emergency reserve, as the page needs them
// before and after the server answers (issue 19): the council vote's verdict by the one rule
// the server applies (quorum: more than half the members present; passing: more than half of
// those present in favour), the sign-off state of an emergency spend, which returned or
// rejected plans a new draft may revise, and the latest published reason for a return.
import type { Assessment, CouncilVote, EmergencyKind, EmergencySpend, PlanDecision, PlanStatus, Recommendation } from '../api/transparency';

export const EMERGENCY_KINDS: readonly EmergencyKind[] = [
  'natural_disaster',
  'accident',
  'public_health',
  'social_safety',
  'urgent_relief',
];

export const RECOMMENDATIONS: readonly Recommendation[] = ['approve', 'approve_with_changes', 'reject'];

/** A whole number typed in a field ("11", " 8 "), or null when it is not one. */
export function parseCount(typed: string | number): number | null {
  const text = String(typed).trim();
  if (!/^\d{1,7}$/.test(text)) return null;
  return Number(text);
}

export interface VoteCounts {
  membersTotal: number | null;
  membersPresent: number | null;
  votesFor: number | null;
  votesAgainst: number | null;
  votesAbstain: number | null;
}

/** Why counts cannot be a vote, in the order a person fills the form. */
export type VoteProblem = 'members_total' | 'members_present' | 'votes_missing' | 'votes_exceed_present';

export interface VoteVerdict {
  /** null when the counts make a vote the server would take. */
  problem: VoteProblem | null;
  /** Members who must be present for a quorum: more than half of all members. */
  quorumNeeded: number | null;
  quorumMet: boolean;
  /** Votes in favour needed to pass: more than half of those present. */
  votesNeeded: number | null;
  passed: boolean;
}

export const MEMBERS_MIN = 3;
export const MEMBERS_MAX = 500;

/**
 * The verdict of a council vote by the server's rule: quorum when present × 2 > total; passed
 * when quorum is met and for × 2 > present (出席过半数赞成, abstentions count as not in favour).
 */
export function councilVerdict(counts: VoteCounts): VoteVerdict {
  const { membersTotal: total, membersPresent: present, votesFor, votesAgainst, votesAbstain } = counts;
  const quorumNeeded = total !== null && total >= MEMBERS_MIN && total <= MEMBERS_MAX ? Math.floor(total / 2) + 1 : null;
  const votesNeeded = present !== null ? Math.floor(present / 2) + 1 : null;
  const verdict = (problem: VoteProblem | null, quorumMet = false, passed = false): VoteVerdict => ({
    problem,
    quorumNeeded,
    quorumMet,
    votesNeeded,
    passed,
  });
  if (quorumNeeded === null || total === null) return verdict('members_total');
  if (present === null || present > total) return verdict('members_present');
  if (votesFor === null || votesAgainst === null || votesAbstain === null) return verdict('votes_missing');
  if (votesFor + votesAgainst + votesAbstain > present) return verdict('votes_exceed_present');
  const quorumMet = present * 2 > total;
  return verdict(null, quorumMet, quorumMet && votesFor * 2 > present);
}

export type SignOffState = 'signed' | 'overdue' | 'pending';

/** Whether the street has signed an emergency spend off, or is late (the server's `overdue`). */
export function signOffState(spend: Pick<EmergencySpend, 'signed_off_at' | 'overdue'>): SignOffState {
  if (spend.signed_off_at) return 'signed';
  return spend.overdue ? 'overdue' : 'pending';
}

/** Whether an amount may still come out of the reserve: above zero and no more than is left. */
export function reserveCheck(amount: number | null, left: number): 'invalid' | 'exceeded' | 'ok' {
  if (amount === null || amount <= 0) return 'invalid';
  return amount > left ? 'exceeded' : 'ok';
}

/** A plan sent back to draft after it had been public. */
export function isReturned(status: Pick<PlanStatus, 'state' | 'returned'>): boolean {
  return status.state === 'draft' && status.returned === true;
}

/**
 * The plans a new draft may be published as the revision of: the same quarter and unit, and
 * either returned (a draft that was public) or rejected; the newest first.
 */
export function revisionCandidates(
  plans: readonly PlanStatus[],
  draft: { plan_id: number; quarter: string; unit: string },
): PlanStatus[] {
  return plans
    .filter(
      (plan) =>
        plan.plan_id !== draft.plan_id &&
        plan.quarter === draft.quarter &&
        plan.unit === draft.unit &&
        (plan.state === 'rejected' || isReturned(plan)),
    )
    .sort((a, b) => b.plan_id - a.plan_id);
}

/** The newest return, rejection, failing vote or rejecting assessment, if any. */
export function latestDecision(decisions: readonly PlanDecision[] | undefined): PlanDecision | null {
  if (!decisions?.length) return null;
  return decisions.reduce((latest, decision) => (decision.created_at >= latest.created_at ? decision : latest));
}

/** "+1,000.00" / "−500.00" / "0.00" sign of a change, for the revision's difference. */
export function changeSign(change: number): '+' | '−' | '' {
  if (change > 0) return '+';
  if (change < 0) return '−';
  return '';
}

/** How a draft went on notice: for the first time, again after a return, or as a revision. */
export type PublishKind = 'published' | 'republished' | 'revisionPublished';

/**
 * Whether the plan's current round (since its latest passing council vote) has an assessment
 * recommending approval, with or without changes: what submitting it to the street needs.
 */
export function roundApproved(votes: readonly CouncilVote[], assessments: readonly Assessment[]): boolean {
  const passed = votes.filter((vote) => vote.passed).map((vote) => vote.created_at);
  const since = passed.length ? passed.reduce((a, b) => (a > b ? a : b)) : '';
  return assessments.some((assessment) => assessment.recommendation !== 'reject' && assessment.created_at >= since);
}
