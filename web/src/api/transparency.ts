// Transparency (阳光公示): an allocation plan's public life — the community board
// (/api/community-resources), public plans and notices, residents' objections and ratings,
// and the staff's stage transitions, answers, spending and evaluations (/api/v1/plans/{id}/…).
import { apiUrl, request } from './client';
import type { Answer, Body, Item, With } from './types';

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

type BoardAnswer = Answer<'get', '/api/v1/public/plans/{id}'>;

/**
 * A plan's public status. unit: "fen" for money, otherwise whole units such as "place".
 * While on public notice, by the server's one rule: days_left whole days (rounded up, 0 once it
 * has ended), notice_ends_at, and whether objections are still taken. published: it has been on
 * public notice at least once (a returned draft stays public); returned: in draft after a
 * street return, a failing vote or a rejecting assessment.
 */
export type PlanStatus = With<
  BoardAnswer['plan'],
  { state: PlanStage; notice_started_at: string | null }
>;

export type PlanProgressLine = BoardAnswer['progress'][number];

export type PlanSpending = BoardAnswer['spending'][number];

export type PlanEvaluation = With<
  BoardAnswer['evaluations'][number],
  { kind: 'third_party' | 'final'; report_ref: string | null }
>;

/** An objection; answer and answered_at null until staff answer it. */
export type PlanObjection = With<
  Answer<'post', '/api/v1/plans/{id}/objections/{oid}/answer'>,
  { answer: string | null; answered_at: string | null }
>;

export type PlanHistoryEvent = With<
  BoardAnswer['history'][number],
  { action: PlanAction; from: PlanStage; to: PlanStage }
>;

/**
 * A plan's board: feedback holds the answered objections only (the public answers); issue 19
 * adds the three-level decision, returns and rejections, revisions, the emergency reserve, and
 * the multi-party funding in fen (null for plans counted otherwise).
 */
export type PlanBoard = With<
  BoardAnswer,
  {
    plan: PlanStatus;
    evaluations: PlanEvaluation[];
    feedback: PlanObjection[];
    history: PlanHistoryEvent[];
    council_votes: CouncilVote[];
    assessments: Assessment[];
    decisions: PlanDecision[];
    revision: PlanRevision | null;
    emergency: EmergencyLedger;
    funding: PlanFunding | null;
  }
>;

// ---- The multi-party funding platform (issue 19): parties, pledges tied to plan lines, receipts.
export type PartyKind = 'government' | 'market' | 'foundation' | 'residents';
export type NeedType = 'basic' | 'improvement' | 'special';

type FundingAnswer = BoardAnswer['funding'];
type FundingLineAnswer = FundingAnswer['lines'][number];

/** pledged and received: fen over all plans. */
export type FundingParty = With<
  Item<Answer<'get', '/api/v1/public/funding/parties'>>,
  { kind: PartyKind }
>;

export type FundingShare = With<FundingLineAnswer['shares'][number], { party_kind: PartyKind }>;

export type Pledge = With<
  Answer<'post', '/api/v1/plans/{id}/pledges', 201>,
  { party_kind: PartyKind; note: string | null }
>;

/** shares: the government's first, then the other parties' by the line's rule. */
export type FundingLine = With<
  FundingLineAnswer,
  { need_type: NeedType; shares: FundingShare[]; pledges: Pledge[] }
>;

export type PlanFunding = With<FundingAnswer, { lines: FundingLine[] }>;

/** A council meeting's vote on a plan (议事会表决). */
export type CouncilVote = BoardAnswer['council_votes'][number];

export type CouncilVoteInput = Body<'post', '/api/v1/plans/{id}/council-votes'>;

export type Recommendation = 'approve' | 'approve_with_changes' | 'reject';

/** A professional assessment of a plan (专业评估). */
export type Assessment = With<
  BoardAnswer['assessments'][number],
  { recommendation: Recommendation; conditions: string | null }
>;

export type AssessmentInput = With<
  Body<'post', '/api/v1/plans/{id}/assessments'>,
  { recommendation: Recommendation }
>;

/** A return, rejection, failing vote or rejecting assessment, with its published reason. */
export type PlanDecision = With<
  BoardAnswer['decisions'][number],
  {
    action: 'council_failed' | 'assessment_rejected' | 'return' | 'reject' | (string & {});
    stage_from: PlanStage;
    stage_to: PlanStage;
  }
>;

/** A revision's difference from the plan it replaces, per category (before null: new). */
export type PlanRevision = With<
  NonNullable<BoardAnswer['revision']>,
  { lines: { category: string; before: number | null; after: number; change: number }[] }
>;

export type EmergencyKind = 'natural_disaster' | 'accident' | 'public_health' | 'social_safety' | 'urgent_relief';

export type EmergencySpend = With<
  BoardAnswer['emergency']['items'][number],
  { kind: EmergencyKind }
>;

export type EmergencySpendInput = With<
  Body<'post', '/api/v1/plans/{id}/emergency-spending'>,
  { kind: EmergencyKind; payee_category: PayeeCategory }
>;

/**
 * The reserve (emergency pool plus the plan's surplus), what emergencies used and what is left;
 * what the quarter before carried into this plan's dynamic pool, and what this one carried out
 * into the next plan. The same on the board and from the staff list; spends newest first.
 */
export type EmergencyLedger = With<BoardAnswer['emergency'], { items: EmergencySpend[] }>;

/** The community's board: its current plan's, plus every plan past draft, newest first. */
export type CommunityBoard = PlanBoard & { community_id: number; plans: PlanStatus[] };

export type PublicNotice = PlanStatus & { objections: PlanObjection[] };

export type SpendingInput = With<
  Body<'post', '/api/v1/plans/{id}/spending'>,
  { category: string; amount: number; payee_category: PayeeCategory; receipt_ref: string }
>;

export type EvaluationInput = With<
  Body<'post', '/api/v1/plans/{id}/evaluations'>,
  { kind: 'third_party' | 'final' }
>;

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
export type NoticeSettings = Answer<'get', '/api/v1/transparency/settings'>;
