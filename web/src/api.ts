// The typed client for the Gongzhi JSON API (/api/v1). Every call goes through `request`,
// which sends the session cookie (the server sets it HttpOnly at login, so the page never
// handles the token) and turns the server's {"error": {"code", "message"}} bodies, and
// network failures, into ApiError exceptions that views can show next to the field. Every
// response also sets the page's clock to the server's (composables/now.ts).
import { noteServerDate } from './composables/now';

export class ApiError extends Error {
  /** HTTP status, or 0 when the server could not be reached. */
  readonly status: number;
  /** The server's snake_case code ("invalid_credentials"), or "network" / "http_<status>". */
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Sent as Idempotency-Key so a retried write is applied once. */
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** Path prefix; API_BASE unless the route was published outside /api/v1. */
  base?: string;
}

export const API_BASE = '/api/v1';

/** Builds "/api/v1/path?x=1", leaving out empty query values. */
export function apiUrl(path: string, query?: Record<string, QueryValue>, base = API_BASE): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.append(key, String(value));
  }
  const search = params.toString();
  return base + path + (search ? `?${search}` : '');
}

/** The error a non-2xx response stands for, read from its JSON body when it has one. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's HTML page, an empty body): fall back to the status line.
  }
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (error && typeof error.code === 'string') {
    const message = typeof error.message === 'string' ? error.message : error.code;
    return new ApiError(response.status, error.code, message);
  }
  return new ApiError(
    response.status,
    `http_${response.status}`,
    response.statusText || `HTTP ${response.status}`,
  );
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query, options.base), {
      method: options.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network', 'the server could not be reached');
  }
  noteServerDate(response.headers?.get('Date'));
  if (!response.ok) throw await errorFromResponse(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * Server messages are often bilingual, "中文 / English"; this picks the half for the page's
 * language and leaves one-language messages as they are.
 */
export function pickLanguage(message: string, locale: string): string {
  const hasChinese = (text: string) => /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(text);
  // The separator is "/ " after the Chinese part (sometimes without a space before it, as
  // after a full-width bracket), and the English part has no Chinese characters.
  for (let at = message.indexOf('/ '); at >= 0; at = message.indexOf('/ ', at + 1)) {
    const chinese = message.slice(0, at).trim();
    const english = message.slice(at + 2).trim();
    if (chinese && english && hasChinese(chinese) && !hasChinese(english)) {
      return locale.startsWith('zh') ? chinese : english;
    }
  }
  return message;
}

/** A random key for Idempotency-Key; crypto.randomUUID needs a secure context, this does not. */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

// ---- Types of the responses this application reads --------------------------------------

export type Role = 'resident' | 'guide' | 'staff' | 'street' | 'admin';
export type Priority = 'red' | 'yellow' | 'blue';
export type RequestStatus =
  | 'submitted'
  | 'accepted'
  | 'assigned'
  | 'in_progress'
  | 'resolved'
  | 'closed'
  | 'reopened'
  | 'duplicate'
  | 'not_our_responsibility'
  | 'cancelled';
export type TransitionAction =
  | 'accept'
  | 'assign'
  | 'start'
  | 'resolve'
  | 'close'
  | 'reopen'
  | 'mark_duplicate'
  | 'reject'
  | 'cancel'
  | 'comment'
  | 'set_priority';

export interface User {
  id: number;
  username: string;
  role: Role;
  community_ids: number[];
  household_id: number | null;
  display_name: string;
}

export interface LoginResponse {
  token: string;
  expires_in: number;
  user: User;
}

export interface Category {
  code: string;
  name_zh: string;
  name_en: string;
  default_priority: Priority;
  resolution_working_days: number;
  is_complaint: boolean;
}

export interface Department {
  code: string;
  name_zh: string;
  name_en: string;
}

export interface RequestEvent {
  at: string;
  action: string;
  from_status: RequestStatus | null;
  status: RequestStatus;
  note: string | null;
  by: string;
}

/** The deadline an open case works against now (the server's rule), null once closed. */
export interface Deadline {
  kind: 'response' | 'resolution';
  due_at: string;
  overdue: boolean;
  /** Counted on days whose official holidays are not loaded yet: it may still move. */
  provisional: boolean;
}

export interface ServiceRequest {
  id: number;
  community_id: number;
  tracking_code: string;
  category: string;
  description: string;
  priority: Priority;
  priority_source: string;
  triage_note: string | null;
  status: RequestStatus;
  channel: string;
  household_id: number | null;
  location: string | null;
  received_at: string;
  response_due_at: string;
  resolution_due_at: string;
  responded_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  assignee_user_id: number | null;
  assignee_department: string | null;
  duplicate_of: number | null;
  overdue: boolean;
  deadline: Deadline | null;
  escalated: boolean;
  rating: number | null;
  rating_comment: string | null;
  version: number;
  contact_name: string | null;
  contact_phone: string | null;
  events?: RequestEvent[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  page_size: number;
}

export interface TrackResult {
  tracking_code: string;
  category: string;
  category_name: string;
  status: RequestStatus;
  priority: Priority;
  received_at: string;
  response_due_at: string;
  resolution_due_at: string;
  responded_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  overdue: boolean;
  deadline: Deadline | null;
  rated: boolean;
  timeline: RequestEvent[];
}

export interface LedgerHead {
  seq: number;
  hash: string;
}

/** The server's Ed25519 signature over the audit chain's head at one moment: a file to keep. */
export interface LedgerCheckpoint {
  format: string;
  algorithm: string;
  seq: number;
  hash: string;
  time: string;
  public_key: string;
  signature: string;
}

export interface LedgerCheckpoints {
  format: string;
  algorithm: string;
  /** The key this server signs with now (null when it holds none). */
  public_key: string | null;
  head: LedgerHead;
  /** Newest first. */
  checkpoints: LedgerCheckpoint[];
}

/** An ID number someone without personal-data rights entered that another resident holds. */
export interface IdNumberDispute {
  id_number: string;
  holder_resident_id: number | null;
  holder_household_id: number | null;
}

export interface Resident {
  id: number;
  household_id: number;
  name: string;
  sex: string;
  /** Staff and admins only: everyone else gets the year, never the date beside a masked ID. */
  birth_date?: string | null;
  birth_year: number | null;
  id_number: string | null;
  mobile: string | null;
  relation: string;
  registration: string;
  /** Staff and admins only, while the dispute is unsettled (id_number is then null). */
  id_number_dispute?: IdNumberDispute;
}

export interface Household {
  id: number;
  community_id: number;
  building_id: number;
  building: string;
  code: string;
  address: string;
  housing_type: string;
  size: number;
  income_band: string;
  willingness: string;
  guide_user_id: number | null;
  tags: string[];
  needs: string[];
  skills: string[];
  residents?: Resident[];
}

export interface Community {
  id: number;
  name: string;
  code: string;
  district: string;
  street: string;
}

export interface VocabularyEntry {
  code: string;
  label_zh: string;
}

export interface Vocabulary {
  tags: VocabularyEntry[];
  housing_types: VocabularyEntry[];
  [list: string]: VocabularyEntry[];
}

export interface PointsAccount {
  resident_id: number;
  community_id: number;
  balance: number;
  earned: number;
  spent: number;
}

export interface CatalogItem {
  id: number;
  community_id: number;
  name: string;
  category: string;
  price_points: number;
  stock: number | null;
  stock_remaining: number | null;
  limit_per_resident: number | null;
  limit_period: string | null;
  available_from: string | null;
  available_until: string | null;
}

export interface Redemption {
  id: number;
  resident_id: number;
  item_id: number;
  quantity: number;
  points: number;
  balance: number;
  stock_remaining: number | null;
}

export interface SubmitRequestInput {
  category: string;
  description: string;
  location?: string;
}

export interface TransitionInput {
  action: TransitionAction;
  note?: string;
  assignee?: number;
  department?: string;
  version?: number;
}

export interface RateValue {
  value: number | null;
  numerator: number;
  denominator: number;
}

export interface RequestStats {
  community_id: number;
  received: number;
  response_rate: RateValue;
  resolution_rate: RateValue;
  satisfaction_rate: RateValue;
  overdue: number;
  resolved: number;
  median_working_days_to_resolve: number | null;
}

// ---- Allocation plans and the public transparency board ---------------------------------

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

export interface AllocationPlanLine {
  category: string;
  total: number;
  previous_total: number | null;
  change: number | null;
}

export interface AllocationPlan {
  id: number;
  community_id: number;
  quarter: string;
  total: number;
  unit: string;
  lines: AllocationPlanLine[];
}

// ---- Endpoints ---------------------------------------------------------------------------

const enc = encodeURIComponent;

export const api = {
  login: (username: string, password: string) =>
    request<LoginResponse>('/auth/login', { body: { username, password } }),
  logout: () => request<unknown>('/auth/logout', { method: 'POST' }),
  me: () => request<{ user: User }>('/me'),

  ledgerHead: () => request<LedgerHead>('/ledger/head'),
  ledgerCheckpoints: (limit?: number) =>
    request<LedgerCheckpoints>('/ledger/checkpoints', { query: { limit } }),
  track: (code: string) => request<TrackResult>(`/track/${enc(code)}`),

  categories: (communityId?: number) =>
    request<{ categories: Category[]; departments: Department[] }>('/requests/categories', {
      query: { community_id: communityId },
    }),
  submitRequest: (input: SubmitRequestInput, idempotencyKey: string) =>
    request<ServiceRequest>('/requests', { body: input, idempotencyKey }),
  requests: (query: Record<string, QueryValue> = {}) =>
    request<Page<ServiceRequest>>('/requests', { query }),
  requestById: (id: number) => request<ServiceRequest>(`/requests/${id}`),
  transition: (id: number, input: TransitionInput, idempotencyKey: string) =>
    request<ServiceRequest>(`/requests/${id}/transitions`, { body: input, idempotencyKey }),
  rate: (id: number, score: number, comment: string | undefined, idempotencyKey: string) =>
    request<ServiceRequest>(`/requests/${id}/rating`, {
      body: comment ? { score, comment } : { score },
      idempotencyKey,
    }),
  requestStats: (communityId?: number) =>
    request<RequestStats>('/requests/stats', { query: { community_id: communityId } }),

  communities: () => request<{ items: Community[] }>('/communities'),
  vocabulary: () => request<Vocabulary>('/registry/vocabulary'),
  households: (query: Record<string, QueryValue>) =>
    request<Page<Household>>('/households', { query }),
  household: (id: number) => request<Household>(`/households/${id}`),

  pointsAccount: (residentId: number) => request<PointsAccount>(`/points/accounts/${residentId}`),
  catalog: (communityId?: number) =>
    request<{ items: CatalogItem[] }>('/points/catalog', { query: { community_id: communityId } }),
  redeem: (residentId: number, itemId: number, quantity: number, idempotencyKey: string) =>
    request<Redemption>('/points/redemptions', {
      body: { resident_id: residentId, item_id: itemId, quantity },
      idempotencyKey,
    }),
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
  allocationPlan: (id: number) => request<AllocationPlan>(`/allocation/plans/${id}`),
};
