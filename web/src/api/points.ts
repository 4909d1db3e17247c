// The contribution-points bank (积分银行, /api/v1/points): a resident's account, the
// redemption catalogue, and redeeming (a ledger write: retried with the same key).
import { apiUrl, request } from './client';
import type { Answer, Body, Item, With } from './types';

export type PointsAccount = Answer<'get', '/api/v1/points/accounts/{resident_id}'>;

export type CatalogItem = With<
  Answer<'post', '/api/v1/points/catalog', 201>,
  { available_from: string | null; available_until: string | null }
>;

type PostingsAnswer = Answer<'get', '/api/v1/points/accounts/{resident_id}/postings'>;

/**
 * A ledger line of a resident's account, as GET …/postings gives it (newest first):
 * signed_amount + for what came in to this account, − for what went out; code award,
 * redemption, correction, expiry.
 */
export type Posting = Item<PostingsAnswer>;

export type Postings = PostingsAnswer;

/** unit event: points per event; minute: points per hour of service. */
export type EarningRule = With<
  Answer<'get', '/api/v1/points/rules'>['rules'][number],
  { unit: 'event' | 'minute' }
>;

/** expiry_months null: points never expire. */
export type PointsSettings = Answer<'get', '/api/v1/points/settings'>;

export type NewCatalogItem = Body<'post', '/api/v1/points/catalog'>;

/** A correction's reversing posting (without signed_amount: it belongs to no one account). */
export type Correction = With<
  Answer<'post', '/api/v1/points/corrections', 201>,
  { reference: string | null; rule: string | null }
>;

export interface Award {
  resident_id: number;
  rule: string;
  quantity: number;
  reference: string;
  memo?: string;
}

export interface AwardResult extends Posting {
  resident_id: number;
  points: number;
  balance: number;
}

export interface LeaderboardRow {
  rank: number;
  /** Only for residents who chose to be named. */
  resident_id: number | null;
  /** "匿名居民" unless the resident opted in. */
  name: string;
  points: number;
}

/** The API tests only saw an empty leaderboard: its rows stay LeaderboardRow. */
export type Leaderboard = With<Answer<'get', '/api/v1/points/leaderboard'>, { items: LeaderboardRow[] }>;

export const CATALOG_CATEGORIES = [
  'canteen_voucher',
  'parking_discount',
  'childcare_place',
  'daily_goods',
  'service_voucher',
  'activity_ticket',
  'other',
] as const;

export const LIMIT_PERIODS = ['day', 'week', 'month', 'quarter', 'year', 'total'] as const;

/** voucher_code "K7QM-4XPD": what the resident shows at the counter. */
export type Redemption = Answer<'post', '/api/v1/points/redemptions', 201>;

export type VoucherState = 'valid' | 'used' | 'void';

/**
 * A redemption's voucher (GET /points/vouchers/{code}); the name is masked for guides and
 * staff. code is null for a redemption made before vouchers had codes.
 */
export type Voucher = With<
  Answer<'get', '/api/v1/points/vouchers/{code}'>,
  { code: string | null; used_at: string | null; state: VoucherState }
>;

const voucherPath = (code: string) => `/points/vouchers/${encodeURIComponent(code)}`;

export const pointsApi = {
  account: (residentId: number) => request<PointsAccount>(`/points/accounts/${residentId}`),
  catalog: (communityId?: number) =>
    request<{ items: CatalogItem[] }>('/points/catalog', { query: { community_id: communityId } }),
  redeem: (residentId: number, itemId: number, quantity: number, idempotencyKey: string) =>
    request<Redemption>('/points/redemptions', {
      body: { resident_id: residentId, item_id: itemId, quantity },
      idempotencyKey,
    }),
  /** The code in any case, with or without the dash. */
  voucher: (code: string) => request<Voucher>(voucherPath(code)),
  /** Marks the voucher used, once (409 voucher_used, voucher_void); guides, staff, admin. */
  useVoucher: (code: string) => request<Voucher>(`${voucherPath(code)}/use`, { method: 'POST' }),
  /** The QR image of the code, for an <img> (the login cookie is enough). */
  voucherQrUrl: (code: string) => apiUrl(`${voucherPath(code)}/qr.svg`),
  /** A resident's vouchers, newest first. */
  redemptions: (residentId: number) =>
    request<{ items: Voucher[] }>(`/points/accounts/${residentId}/redemptions`),
  postings: (residentId: number, before?: number, limit = 50) =>
    request<Postings>(`/points/accounts/${residentId}/postings`, { query: { before, limit } }),
  /** One award by rule; the reference must be new for this resident and rule. */
  award: (award: Award, idempotencyKey: string) =>
    request<AwardResult>('/points/awards', { body: award, idempotencyKey }),
  addCatalogItem: (item: NewCatalogItem, idempotencyKey: string) =>
    request<CatalogItem>('/points/catalog', { body: item, idempotencyKey }),
  /** A reversing posting with the reason; a posting is corrected once. */
  correct: (postingId: number, reason: string, idempotencyKey: string) =>
    request<Correction>('/points/corrections', { body: { posting_id: postingId, reason }, idempotencyKey }),
  /** `period`: "2026", "2026Q3" or "2026-11". */
  leaderboard: (communityId: number, period?: string) =>
    request<Leaderboard>('/points/leaderboard', { query: { community_id: communityId, period } }),
  /** Whether the leaderboard names this resident (residents choose; the server keeps no way to read it back). */
  setLeaderboardName: (residentId: number, showName: boolean) =>
    request<{ resident_id: number; show_name: boolean }>('/points/leaderboard/optin', {
      method: 'PUT',
      body: { resident_id: residentId, show_name: showName },
    }),
  rules: (communityId: number) => request<{ rules: EarningRule[] }>('/points/rules', { query: { community_id: communityId } }),
  setRule: (communityId: number, rule: EarningRule) =>
    request<EarningRule>('/points/rules', { method: 'PUT', body: { community_id: communityId, ...rule } }),
  settings: (communityId: number) =>
    request<PointsSettings>('/points/settings', { query: { community_id: communityId } }),
  setSettings: (communityId: number, expiryMonths: number | null, floorMinutes: number) =>
    request<PointsSettings>('/points/settings', {
      method: 'PUT',
      body: { community_id: communityId, expiry_months: expiryMonths, timebank_floor_minutes: floorMinutes },
    }),
};
