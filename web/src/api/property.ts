// The property fee as a trust fund (信托制物业, /api/v1/property): the fee rules, the fund in
// aggregate, each quarter's fee and collection, the household's bills, the owners' quarterly
// score, and how public revenue is shared out.
import { request } from './client';

export interface PropertySettings {
  community_id: number;
  base_fee_fen: number | null;
  fee_basis: string;
  adjustment: {
    neutral_score: number;
    up_bp_per_point: number;
    down_bp_per_point: number;
    cap_up_bp: number;
    cap_down_bp: number;
    rule: string;
  };
  notice_days: number;
  /** Issue 19: the share of the owners' committee an expense needs (5001–10000 bp, more than
   * half), its smallest size, and the share of households that must score before the score
   * moves the fee (0–10000 bp). */
  committee_quorum_bp?: number;
  committee_min_members?: number;
  min_response_bp?: number;
  /** The fee by floor area, fen per ㎡ per month (120 = 1.2 元); null: per household. */
  fee_per_m2_fen?: number | null;
}

export interface QuarterFee {
  quarter: string;
  base_fee_fen: number;
  evaluated_quarter: string;
  evaluations: number;
  mean_score_centi: number | null;
  adjustment_bp: number;
  monthly_fee_fen: number;
  bills: number;
  billed_fen: number;
  /** Scores needed for the score to move the fee, and whether there were enough. */
  responses_needed?: number;
  responses_sufficient?: boolean;
}

/** The quarter's service assessment meeting (质量评估会) and its minutes. */
export interface AssessmentMeeting {
  id: number;
  community_id: number;
  quarter: string;
  held_at: string;
  committee_present: number;
  attendees: number;
  minutes: string;
  created_at: string;
}

export interface AssessmentMeetingInput {
  community_id: number;
  quarter: string;
  held_at: string;
  committee_present: number;
  attendees: number;
  minutes: string;
}

/** The trust fund for anyone (GET /public/property/fund): no payer, no receipt, no names. */
export interface PublicFund {
  community_id: number;
  trust_fund_fen: number;
  fee_income_fen: number;
  expenses_fen: number;
  pending_expenses_fen: number;
  income_by_quarter: { quarter: string; paid_fen: number }[];
  expenses: (Omit<FundExpense, 'receipt_ref'> & { receipt_ref?: never })[];
  fees: Omit<QuarterFee, 'bills' | 'billed_fen'>[];
  assessment_meetings: AssessmentMeeting[];
}

export interface QuarterReport {
  quarter: string;
  bills_issued: number;
  billed_fen: number;
  bills_paid: number;
  paid_fen: number;
  collection_rate_bp: number;
  collection_rate_fen_bp: number;
  evaluations: number;
  mean_score_centi: number | null;
  next_adjustment_bp: number | null;
  my_score: number | null;
  fee: QuarterFee | null;
}

export interface FundExpense {
  id: number;
  amount_fen: number;
  category: string;
  payee_category: string;
  receipt_ref: string;
  purpose: string;
  spent_on: string;
  status: 'pending' | 'approved' | 'rejected' | string;
  approved_by_committee: boolean;
  decision_note?: string | null;
  decided_at: string | null;
  created_at: string;
  /** The committee's votes so far and what approval needs (a majority of at least 3). */
  approvals?: number;
  rejections?: number;
  committee_size?: number;
  approvals_needed?: number;
  /** The reading committee member's own vote, if any. */
  my_vote?: 'approve' | 'reject' | null;
}

export interface FundView {
  community_id: number;
  trust_fund_fen: number;
  fee_income_fen: number;
  expenses_fen: number;
  pending_expenses_fen: number;
  accounts: { code: string; balance_fen: number }[];
  income_by_quarter: { quarter: string; paid_fen: number }[];
  expenses: FundExpense[];
}

export interface Bill {
  id: number;
  household_id: number;
  quarter: string;
  amount_fen: number;
  paid: boolean;
  paid_on: string | null;
  /** Staff and admins only: the household's code ("01-1-0101"). */
  household_code?: string;
}

export interface RevenueRule {
  id: number;
  source: string;
  version: number;
  notice: string;
  shares: { destination: string; share_bp: number }[];
  published_at: string;
  effective_on: string;
  status: 'in_effect' | 'pending' | 'superseded' | string;
}

export interface RevenueIncome {
  id: number;
  source: string;
  amount_fen: number;
  received_on: string;
  receipt_ref: string;
  payer_category: string;
  rule_version: number;
  shares: { destination: string; share_bp: number; amount_fen: number }[];
}

/** What staff set: the base fee and the adjustment parameters (left out: kept). */
export interface SettingsInput {
  community_id: number;
  base_fee_fen: number;
  neutral_score?: number;
  up_bp_per_point?: number;
  down_bp_per_point?: number;
  cap_up_bp?: number;
  cap_down_bp?: number;
  notice_days?: number;
  committee_quorum_bp?: number;
  min_response_bp?: number;
  fee_per_m2_fen?: number | null;
}

export interface ExpenseInput {
  community_id: number;
  amount_fen: number;
  category: string;
  payee_category: string;
  receipt_ref: string;
  purpose: string;
  spent_on: string;
}

export interface PaymentResult {
  paid: number[];
  already_paid: number[];
  amount_fen: number;
}

export interface RuleInput {
  community_id: number;
  source: string;
  shares: { destination: string; share_bp: number }[];
  notice: string;
  effective_on?: string;
}

export interface IncomeInput {
  community_id: number;
  source: string;
  amount_fen: number;
  received_on: string;
  receipt_ref: string;
  payer_category?: string;
}

/** The expense and payee categories the server knows (trust_fund.hpp). */
export const EXPENSE_CATEGORIES = ['cleaning', 'security', 'greening', 'repairs', 'utilities', 'staff', 'insurance', 'other'];
export const PAYEE_CATEGORIES = ['property_company', 'supplier', 'service_provider', 'utility', 'insurer', 'individual', 'other'];

export const propertyApi = {
  settings: (communityId?: number) =>
    request<PropertySettings>('/property/settings', { query: { community_id: communityId } }),
  fund: (communityId?: number) =>
    request<FundView>('/property/fund', { query: { community_id: communityId, limit: 20 } }),
  quarters: (communityId?: number) =>
    request<{ items: QuarterReport[] }>('/property/quarters', { query: { community_id: communityId } }),
  myBills: (communityId?: number) =>
    request<{ items: Bill[] }>('/property/bills', { query: { community_id: communityId, limit: 40 } }),
  evaluate: (quarter: string, score: number, idempotencyKey: string) =>
    request<{ id: number; quarter: string; score: number }>('/property/evaluations', {
      body: { quarter, score },
      idempotencyKey,
    }),
  revenueRules: (communityId?: number) =>
    request<{ items: RevenueRule[] }>('/property/revenue/rules', { query: { community_id: communityId } }),
  revenueIncomes: (communityId?: number) =>
    request<{ items: RevenueIncome[] }>('/property/revenue/incomes', {
      query: { community_id: communityId, limit: 10 },
    }),
  // The staff back office (managers: staff and admins; decisions: owners' committee members).
  saveSettings: (input: SettingsInput) => request<PropertySettings>('/property/settings', { method: 'PUT', body: input }),
  bills: (communityId: number, quarter: string) =>
    request<{ items: Bill[] }>('/property/bills', { query: { community_id: communityId, quarter, limit: 5000 } }),
  issueBills: (communityId: number, quarter: string, idempotencyKey: string) =>
    request<QuarterFee>('/property/bills', { body: { community_id: communityId, quarter }, idempotencyKey }),
  pay: (billIds: number[], paidOn: string, idempotencyKey: string) =>
    request<PaymentResult>('/property/payments', { body: { bill_ids: billIds, paid_on: paidOn }, idempotencyKey }),
  addExpense: (input: ExpenseInput, idempotencyKey: string) =>
    request<FundExpense>('/property/expenses', { body: input, idempotencyKey }),
  decide: (expenseId: number, decision: 'approve' | 'reject', note: string, idempotencyKey: string) =>
    request<FundExpense>(`/property/expenses/${expenseId}/decision`, { body: { decision, note }, idempotencyKey }),
  addCommitteeMember: (communityId: number, userId: number) =>
    request<{ community_id: number; user_id: number; display_name: string }>('/property/committee', {
      body: { community_id: communityId, user_id: userId },
    }),
  publishRule: (input: RuleInput, idempotencyKey: string) =>
    request<RevenueRule>('/property/revenue/rules', { body: input, idempotencyKey }),
  incomes: (communityId: number) =>
    request<{ items: RevenueIncome[] }>('/property/revenue/incomes', { query: { community_id: communityId, limit: 50 } }),
  assessmentMeetings: (communityId: number) =>
    request<{ items: AssessmentMeeting[] }>('/property/assessment-meetings', { query: { community_id: communityId } }),
  recordAssessmentMeeting: (input: AssessmentMeetingInput, idempotencyKey: string) =>
    request<AssessmentMeeting>('/property/assessment-meetings', { body: input, idempotencyKey }),
  publicFund: (communityId: number) =>
    request<PublicFund>('/public/property/fund', { query: { community_id: communityId } }),
  addIncome: (input: IncomeInput, idempotencyKey: string) =>
    request<RevenueIncome>('/property/revenue/incomes', { body: input, idempotencyKey }),
};
