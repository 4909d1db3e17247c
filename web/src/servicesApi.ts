// The resident-service parts of the JSON API (/api/v1): the community assistant (问答 and the
// category suggestion for requests), the property trust fund (信托制物业) with public-revenue
// sharing, and photos on requests. Kept beside api.ts, on the same `request`, so several
// people can grow the client without stepping on each other.
import { API_BASE, ApiError, errorFromResponse, request, type Priority } from './api';

// ---- assistant ----------------------------------------------------------------------------

export interface AssistantAnswer {
  entry_id: number;
  score: number;
  score_bp: number;
  question: string;
  answer: string;
  source: 'faq' | 'notice' | 'policy' | string;
  source_ref: string;
  updated_at: string;
  matched: string[];
}

export interface AskResult {
  community_id: number;
  question: string;
  answered: boolean;
  /** The best answer, or the server's "我不知道" sentence. */
  message: string;
  answers: AssistantAnswer[];
  threshold_bp: number;
  unanswered_id: number | null;
}

export interface Classification {
  community_id: number;
  /** "" when no keyword matched. */
  category: string;
  category_name: string;
  priority: Priority;
  priority_source: string;
  priority_note: string;
  matched_keywords: string[];
  urgent_keywords: string[];
  confidence: number;
  confidence_bp: number;
}

// ---- property trust fund ------------------------------------------------------------------

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

// ---- photos -------------------------------------------------------------------------------

export interface PhotoInfo {
  n: number;
  content_type: 'image/jpeg' | 'image/png';
  bytes: number;
  created_at: string;
}

/** Where the image of photo `n` is; the browser sends the session cookie with it. */
export function photoUrl(requestId: number, n: number): string {
  return `${API_BASE}/requests/${requestId}/photos/${n}`;
}

/** Uploads one image as the raw body (not JSON), so it needs its own fetch. */
async function uploadPhoto(requestId: number, file: Blob): Promise<PhotoInfo> {
  let response: Response;
  try {
    response = await fetch(`${API_BASE}/requests/${requestId}/photos`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': file.type || 'application/octet-stream' },
      body: file,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network', 'the server could not be reached');
  }
  if (!response.ok) throw await errorFromResponse(response);
  return (await response.json()) as PhotoInfo;
}

const property = (path: string) => `/property${path}`;

export const servicesApi = {
  ask: (question: string, communityId: number, signal?: AbortSignal) =>
    request<AskResult>('/assistant/ask', { query: { q: question, community_id: communityId }, signal }),
  classify: (text: string, communityId: number | undefined, signal?: AbortSignal) =>
    request<Classification>('/assistant/classify', {
      body: communityId ? { text, community_id: communityId } : { text },
      signal,
    }),

  propertySettings: (communityId?: number) =>
    request<PropertySettings>(property('/settings'), { query: { community_id: communityId } }),
  fund: (communityId?: number) =>
    request<FundView>(property('/fund'), { query: { community_id: communityId, limit: 20 } }),
  quarters: (communityId?: number) =>
    request<{ items: QuarterReport[] }>(property('/quarters'), { query: { community_id: communityId } }),
  myBills: (communityId?: number) =>
    request<{ items: Bill[] }>(property('/bills'), { query: { community_id: communityId, limit: 40 } }),
  evaluate: (quarter: string, score: number, idempotencyKey: string) =>
    request<{ id: number; quarter: string; score: number }>(property('/evaluations'), {
      body: { quarter, score },
      idempotencyKey,
    }),
  revenueRules: (communityId?: number) =>
    request<{ items: RevenueRule[] }>(property('/revenue/rules'), { query: { community_id: communityId } }),
  revenueIncomes: (communityId?: number) =>
    request<{ items: RevenueIncome[] }>(property('/revenue/incomes'), {
      query: { community_id: communityId, limit: 10 },
    }),

  uploadPhoto,
};
