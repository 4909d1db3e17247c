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
  | 'closed';
export type PlanAction = 'publish' | 'open_vote' | 'assess' | 'submit_review' | 'approve' | 'close';
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
