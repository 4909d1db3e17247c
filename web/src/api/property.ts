// The property fee as a trust fund (信托制物业, /api/v1/property): the fee rules, the fund in
// aggregate, each quarter's fee and collection, the household's bills, the owners' quarterly
// score, and how public revenue is shared out.
import { request } from './client';
import type { Answer, Body, Item, With } from './types';

/**
 * committee_quorum_bp: the share of the owners' committee an expense needs (5001–10000 bp, more
 * than half), committee_min_members its smallest size, min_response_bp the share of households
 * that must score before the score moves the fee (issue 19); fee_per_m2_fen the fee by floor
 * area, fen per ㎡ per month (120 = 1.2 元), null: per household.
 */
export type PropertySettings = With<
  Answer<'put', '/api/v1/property/settings'>,
  { base_fee_fen: number | null }
>;

/** responses_needed: scores needed for the score to move the fee; responses_sufficient: whether there were enough. */
export type QuarterFee = Answer<'post', '/api/v1/property/bills', 201>;

/** The quarter's service assessment meeting (质量评估会) and its minutes. */
export type AssessmentMeeting = Item<Answer<'get', '/api/v1/property/assessment-meetings'>>;

export type AssessmentMeetingInput = With<
  Body<'post', '/api/v1/property/assessment-meetings'>,
  { community_id: number }
>;

type PublicFundAnswer = Answer<'get', '/api/v1/public/property/fund'>;

/** The trust fund for anyone (GET /public/property/fund): no payer, no receipt, no names. */
export type PublicFund = With<
  PublicFundAnswer,
  {
    expenses: With<PublicFundAnswer['expenses'][number], { status: ExpenseStatus }>[];
    fees: With<
      PublicFundAnswer['fees'][number],
      { mean_score_centi: number | null; fee_per_m2_fen: number | null }
    >[];
  }
>;

export type QuarterReport = With<
  Item<Answer<'get', '/api/v1/property/quarters'>>,
  { fee: QuarterFee | null }
>;

/** pending, approved, rejected (or another a newer server knows). */
export type ExpenseStatus = 'pending' | 'approved' | 'rejected' | (string & {});

type FundAnswer = Answer<'get', '/api/v1/property/fund'>;

/**
 * An expense with the committee's votes so far and what approval needs (a majority of at least
 * 3); my_vote: the reading committee member's own vote, if any.
 */
export type FundExpense = With<
  FundAnswer['expenses'][number],
  { status: ExpenseStatus; my_vote: 'approve' | 'reject' | null }
>;

export type FundView = With<FundAnswer, { expenses: FundExpense[] }>;

/** household_code: staff and admins only, the household's code ("01-1-0101"). */
export type Bill = With<
  Item<Answer<'get', '/api/v1/property/bills'>>,
  { paid_on: string | null; posting_id: number | null }
>;

/** status: in_effect, pending, superseded (or another a newer server knows). */
export type RevenueRule = Item<Answer<'get', '/api/v1/property/revenue/rules'>>;

export type RevenueIncome = Item<Answer<'get', '/api/v1/property/revenue/incomes'>>;

/** What staff set: the base fee and the adjustment parameters (left out: kept). */
export type SettingsInput = With<
  Body<'put', '/api/v1/property/settings'>,
  { community_id: number; fee_per_m2_fen?: number | null }
>;

export type ExpenseInput = With<Body<'post', '/api/v1/property/expenses'>, { community_id: number }>;

type PaymentAnswer = Answer<'post', '/api/v1/property/payments', 201>;

/** 201 when something was paid; 200 with posting null when every bill was paid already. */
export type PaymentResult = With<
  PaymentAnswer,
  { already_paid: number[]; posting: PaymentAnswer['posting'] | null }
>;

export type RuleInput = With<
  Body<'post', '/api/v1/property/revenue/rules'>,
  { community_id: number; shares: { destination: string; share_bp: number }[] }
>;

export type IncomeInput = With<Body<'post', '/api/v1/property/revenue/incomes'>, { community_id: number }>;

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
    request<Answer<'post', '/api/v1/property/committee', 201>>('/property/committee', {
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
