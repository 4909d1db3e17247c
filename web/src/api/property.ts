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
  decided_at: string | null;
  created_at: string;
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
};
