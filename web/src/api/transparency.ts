// Transparency (阳光公示): an allocation plan's public life — the community board
// (/api/community-resources), public plans and notices, residents' objections and ratings,
// and the staff's stage transitions, answers, spending and evaluations (/api/v1/plans/{id}/…).
import { apiUrl, request } from './client';

export type PlanStage =
  | 'draft'
  | 'public_notice'
  | 'council_vote'
  | 'professional_assessment'
  | 'street_review'
  | 'executing'
  | 'closed'
  /** Final: the street said no. */
  | 'rejected'
  /** Final: a returned plan replaced by its revision. */
  | 'superseded';
export type PlanAction =
  | 'publish'
  | 'open_vote'
  /** Refused since the council vote is recorded (409 council_vote_required); old history keeps it. */
  | 'assess'
  | 'submit_review'
  | 'approve'
  | 'return'
  | 'reject'
  | 'close'
  /** History only: what the server wrote for a failing council vote or a rejecting assessment. */
  | 'council_failed'
  | 'assessment_rejected';
export type PayeeCategory =
  | 'supplier'
  | 'service_provider'
  | 'social_organisation'
  | 'individual'
  | 'government'
  | 'resident_group'
  | 'other';

export interface PlanStatus {
  plan_id: number;
  community_id: number;
  quarter: string;
  /** "fen" for money; otherwise whole units such as "place". */
  unit: string;
  total: number;
  state: PlanStage;
  notice_days: number;
  /** While on public notice, by the server's one rule: whole days left (rounded up, 0 once it
   * has ended), when it ends, and whether objections are still taken. */
  days_left: number | null;
  notice_started_at: string | null;
  notice_ends_at: string | null;
  objections_open: boolean;
  /** It has been on public notice at least once (a returned draft stays public). */
  published?: boolean;
  /** In draft after a street return, a failing vote or a rejecting assessment. */
  returned?: boolean;
  revises_plan_id?: number | null;
  revised_by_plan_id?: number | null;
}

export interface PlanProgressLine {
  category: string;
  planned: number;
  spent: number;
  spent_bp: number;
  households_served: number;
  households_covered: number;
  households_targeted: number | null;
  coverage_bp: number | null;
}

export interface PlanSpending {
  id: number;
  category: string;
  amount: number;
  purpose: string;
  payee_category: string;
  receipt_ref: string;
  spent_on: string;
  corrects_id: number | null;
  households: number;
  created_at: string;
}

export interface PlanEvaluation {
  kind: 'third_party' | 'final';
  evaluator: string;
  summary: string;
  score: number | null;
  report_ref: string | null;
  created_at: string;
}

export interface PlanObjection {
  id: number;
  text: string;
  answer: string | null;
  created_at: string;
  answered_at: string | null;
}

export interface PlanHistoryEvent {
  action: PlanAction;
  from: PlanStage;
  to: PlanStage;
  note: string;
  created_at: string;
}

export interface PlanBoard {
  plan: PlanStatus;
  allocation: { labels: string[]; values: number[] };
  progress: PlanProgressLine[];
  totals: {
    planned: number;
    spent: number;
    spent_bp: number;
    households_served: number;
    delivered_units: number;
    misallocated_units: number;
    misallocation_bp: number;
  };
  spending: PlanSpending[];
  evaluations: PlanEvaluation[];
  /** Answered objections only: the public answers. */
  feedback: PlanObjection[];
  objections: {
    objecting_households: number;
    households: number;
    threshold_bp: number;
    third_party_required: boolean;
    third_party_recorded: boolean;
  };
  satisfaction: {
    served_households: number;
    responses: number;
    distribution: number[];
    mean_hundredths: number;
    satisfied_bp: number;
  };
  history: PlanHistoryEvent[];
  // Issue 19: the three-level decision, returns and rejections, revisions, the emergency reserve.
  council_votes?: CouncilVote[];
  assessments?: Assessment[];
  decisions?: PlanDecision[];
  revision?: PlanRevision | null;
  emergency?: EmergencyLedger;
  /** The multi-party funding of a plan in fen (null for plans counted otherwise). */
  funding?: PlanFunding | null;
}

// ---- The multi-party funding platform (issue 19): parties, pledges tied to plan lines, receipts.
export type PartyKind = 'government' | 'market' | 'foundation' | 'residents';
export type NeedType = 'basic' | 'improvement' | 'special';

export interface FundingParty {
  id: number;
  community_id: number;
  kind: PartyKind;
  name: string;
  profile: string;
  /** Fen pledged and received over all plans. */
  pledged: number;
  received: number;
  created_at: string;
}

export interface FundingShare {
  party_kind: PartyKind;
  ratio: number;
  expected: number;
  pledged: number;
  received: number;
}

export interface Pledge {
  id: number;
  plan_id: number;
  category: string;
  party_id: number;
  party_name: string;
  party_kind: PartyKind;
  amount: number;
  received: number;
  note: string | null;
  created_at: string;
}

export interface FundingLine {
  category: string;
  need_type: NeedType;
  government: number;
  /** The government's share first, then the other parties' by the line's rule. */
  shares: FundingShare[];
  pledges: Pledge[];
  others_expected: number;
  others_pledged: number;
  others_received: number;
  shortfall: number;
  funded: boolean;
}

export interface PlanFunding {
  government: number;
  others_expected: number;
  others_pledged: number;
  others_received: number;
  lines: FundingLine[];
}

/** A council meeting's vote on a plan (议事会表决). */
export interface CouncilVote {
  id: number;
  plan_id: number;
  meeting: string;
  held_at: string;
  place: string | null;
  members_total: number;
  members_present: number;
  votes_for: number;
  votes_against: number;
  votes_abstain: number;
  quorum_met: boolean;
  passed: boolean;
  minutes: string;
  reasons: string | null;
  created_at: string;
}

export interface CouncilVoteInput {
  meeting: string;
  held_at: string;
  place?: string;
  members_total: number;
  members_present: number;
  votes_for: number;
  votes_against: number;
  votes_abstain: number;
  minutes: string;
  reasons?: string;
}

export type Recommendation = 'approve' | 'approve_with_changes' | 'reject';

/** A professional assessment of a plan (专业评估). */
export interface Assessment {
  id: number;
  plan_id: number;
  assessor: string;
  organisation: string;
  findings: string;
  recommendation: Recommendation;
  conditions: string | null;
  created_at: string;
}

export interface AssessmentInput {
  assessor: string;
  organisation: string;
  findings: string;
  recommendation: Recommendation;
  conditions?: string;
}

/** A return, rejection, failing vote or rejecting assessment, with its published reason. */
export interface PlanDecision {
  action: 'council_failed' | 'assessment_rejected' | 'return' | 'reject' | string;
  stage_from: PlanStage;
  stage_to: PlanStage;
  reason: string;
  created_at: string;
}

/** A revision's difference from the plan it replaces, per category (before null: new). */
export interface PlanRevision {
  revises_plan_id: number;
  total_before: number;
  total_after: number;
  lines: { category: string; before: number | null; after: number; change: number }[];
}

export type EmergencyKind = 'natural_disaster' | 'accident' | 'public_health' | 'social_safety' | 'urgent_relief';

export interface EmergencySpend {
  id: number;
  plan_id: number;
  kind: EmergencyKind;
  reason: string;
  households_served: number;
  amount: number;
  payee_category: string;
  receipt_ref: string;
  spent_on: string;
  created_at: string;
  published_at: string;
  sign_off_due_at: string;
  signed_off_at: string | null;
  sign_off_note: string | null;
  overdue: boolean;
}

export interface EmergencySpendInput {
  kind: EmergencyKind;
  reason: string;
  households_served: number;
  amount: number;
  payee_category: PayeeCategory;
  receipt_ref: string;
  spent_on?: string;
}

/**
 * The reserve (emergency pool plus the plan's surplus), what emergencies used and what is left;
 * what the quarter before carried into this plan's dynamic pool, and what this one carried out
 * into the next plan. The same on the board and from the staff list; spends newest first.
 */
export interface EmergencyLedger {
  reserve: number;
  spent: number;
  left: number;
  carried_in: number;
  carried_out: number;
  items: EmergencySpend[];
}

export interface CommunityBoard extends PlanBoard {
  community_id: number;
  /** Every plan past draft, newest first. */
  plans: PlanStatus[];
}

export interface PublicNotice extends PlanStatus {
  objections: PlanObjection[];
}

export interface SpendingInput {
  category: string;
  amount: number;
  purpose: string;
  payee_category: PayeeCategory;
  receipt_ref: string;
  spent_on?: string;
  household_ids?: number[];
}

export interface EvaluationInput {
  kind: 'third_party' | 'final';
  evaluator: string;
  summary: string;
  score?: number;
}

/** The printable notice of a plan (HTML for the notice board, with a QR code to the online one). */
export function noticePrintUrl(planId: number): string {
  return apiUrl(`/public/plans/${planId}/print`);
}

export const transparencyApi = {
  communityBoard: (communityId?: number) =>
    // The board keeps the address it was first published under, outside /api/v1.
    request<CommunityBoard>('/community-resources', { base: '/api', query: { community_id: communityId } }),
  publicPlan: (id: number) => request<PlanBoard>(`/public/plans/${id}`),
  publicNotices: (communityId?: number) =>
    request<{ items: PublicNotice[] }>('/public/notices', { query: { community_id: communityId } }),
  object: (planId: number, text: string, idempotencyKey: string) =>
    request<PlanObjection>(`/plans/${planId}/objections`, { body: { text }, idempotencyKey }),
  ratePlan: (planId: number, score: number, comment: string | undefined, idempotencyKey: string) =>
    request<unknown>(`/plans/${planId}/ratings`, {
      body: comment ? { score, comment } : { score },
      idempotencyKey,
    }),
  planTransition: (planId: number, action: PlanAction, note: string, idempotencyKey: string) =>
    request<PlanStatus>(`/plans/${planId}/transitions`, { body: { action, note }, idempotencyKey }),
  /** Publishes a new draft as the revision of a returned or rejected plan (which is superseded). */
  publishRevision: (planId: number, revisesPlanId: number, note: string, idempotencyKey: string) =>
    request<PlanStatus>(`/plans/${planId}/transitions`, {
      body: { action: 'publish', note, revises_plan_id: revisesPlanId },
      idempotencyKey,
    }),
  councilVotes: (planId: number) => request<{ items: CouncilVote[] }>(`/plans/${planId}/council-votes`),
  recordCouncilVote: (planId: number, input: CouncilVoteInput, idempotencyKey: string) =>
    request<{ vote: CouncilVote; plan: PlanStatus }>(`/plans/${planId}/council-votes`, { body: input, idempotencyKey }),
  assessments: (planId: number) => request<{ items: Assessment[] }>(`/plans/${planId}/assessments`),
  recordAssessment: (planId: number, input: AssessmentInput, idempotencyKey: string) =>
    request<{ assessment: Assessment; plan: PlanStatus }>(`/plans/${planId}/assessments`, { body: input, idempotencyKey }),
  emergencySpending: (planId: number) => request<EmergencyLedger>(`/plans/${planId}/emergency-spending`),
  recordEmergencySpend: (planId: number, input: EmergencySpendInput, idempotencyKey: string) =>
    request<EmergencySpend>(`/plans/${planId}/emergency-spending`, { body: input, idempotencyKey }),
  signOffEmergencySpend: (planId: number, spendId: number, note: string, idempotencyKey: string) =>
    request<EmergencySpend>(`/plans/${planId}/emergency-spending/${spendId}/sign-off`, { body: { note }, idempotencyKey }),
  answerObjection: (planId: number, objectionId: number, answer: string, idempotencyKey: string) =>
    request<PlanObjection>(`/plans/${planId}/objections/${objectionId}/answer`, {
      body: { answer },
      idempotencyKey,
    }),
  /** One public answer for several objections that say the same thing (all or none). */
  answerObjections: (planId: number, objectionIds: number[], answer: string, idempotencyKey: string) =>
    request<{ items: PlanObjection[] }>(`/plans/${planId}/objections/answers`, {
      body: { objection_ids: objectionIds, answer },
      idempotencyKey,
    }),
  recordSpending: (planId: number, input: SpendingInput, idempotencyKey: string) =>
    request<PlanSpending>(`/plans/${planId}/spending`, { body: input, idempotencyKey }),
  recordEvaluation: (planId: number, input: EvaluationInput, idempotencyKey: string) =>
    request<PlanEvaluation>(`/plans/${planId}/evaluations`, { body: input, idempotencyKey }),
  fundingParties: (communityId: number) =>
    request<{ items: FundingParty[] }>('/public/funding/parties', { query: { community_id: communityId } }),
  addFundingParty: (input: { community_id: number; kind: PartyKind; name: string; profile: string }, idempotencyKey: string) =>
    request<FundingParty>('/funding/parties', { body: input, idempotencyKey }),
  pledge: (planId: number, input: { party_id: number; category: string; amount: number; note?: string }, idempotencyKey: string) =>
    request<Pledge>(`/plans/${planId}/pledges`, { body: input, idempotencyKey }),
  receivePledge: (pledgeId: number, input: { amount: number; receipt_ref: string; received_on?: string }, idempotencyKey: string) =>
    request<Pledge>(`/pledges/${pledgeId}/receipts`, { body: input, idempotencyKey }),
  settings: (communityId: number) =>
    request<NoticeSettings>('/transparency/settings', { query: { community_id: communityId } }),
  setSettings: (communityId: number, noticeDays: number, objectionThresholdBp: number) =>
    request<NoticeSettings>('/transparency/settings', {
      method: 'PUT',
      query: { community_id: communityId },
      body: { notice_days: noticeDays, objection_threshold_bp: objectionThresholdBp },
    }),
};

/** The public-notice rules of a community: notice length, and the objections (in basis points
 * of households) that call a third-party evaluation. */
export interface NoticeSettings {
  community_id: number;
  notice_days: number;
  objection_threshold_bp: number;
}
