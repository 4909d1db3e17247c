// The time bank (时间银行, /api/v1/timebank): one member serves another, the recipient
// confirms, and the minutes are banked. Recording and confirming are ledger writes.
import { request } from './client';
import type { Answer, Body, Item, With } from './types';

export type TimebankService = With<
  Item<Answer<'get', '/api/v1/timebank/services'>>,
  { status: 'pending' | 'confirmed' | 'disputed' | 'expired'; posting_id: number | null }
>;

export type TimebankAccount = Answer<'get', '/api/v1/timebank/accounts/{resident_id}'>;

export type NewService = Body<'post', '/api/v1/timebank/services'>;

export const timebankApi = {
  account: (residentId: number) => request<TimebankAccount>(`/timebank/accounts/${residentId}`),
  services: (communityId: number | undefined) =>
    request<{ items: TimebankService[] }>('/timebank/services', { query: { community_id: communityId } }),
  recordService: (input: NewService, idempotencyKey: string) =>
    request<TimebankService>('/timebank/services', { body: input, idempotencyKey }),
  confirmService: (id: number, idempotencyKey: string) =>
    request<TimebankService>(`/timebank/services/${id}/confirm`, { method: 'POST', idempotencyKey }),
};

// --- The marketplace (互助集市, as TimeOverflow): offers and requests of a household's member;
// neighbours answer them for a member of theirs; the poster accepts or declines; the provider
// records the service from the match and the recipient confirms it as above. Hand-written
// types: these routes came after the generated schema.

export const SERVICE_TYPES = [
  'companionship',
  'shopping',
  'meal_delivery',
  'cleaning',
  'escort_to_hospital',
  'tech_help',
  'tutoring',
  'repair',
  'other',
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];
export type PostKind = 'offer' | 'request';
export type AgeBand = 'under_60' | '60s' | '70s' | '80_plus';

export interface MarketPost {
  id: number;
  community_id: number;
  kind: PostKind;
  service_type: ServiceType | string;
  title: string;
  details: string;
  availability: string;
  status: 'open' | 'closed';
  /** Masked ("周**") for other households. */
  poster_name: string;
  building: string | null;
  age_band: AgeBand | null;
  /** The reader's household's post. */
  mine: boolean;
  /** The poster: their own household and officials only. */
  resident_id: number | null;
  /** Proposed and accepted answers. */
  responses: number;
  created_at: string;
}

export interface NewMarketPost {
  resident_id: number;
  kind: PostKind;
  service_type: string;
  /** 1–40 characters. */
  title: string;
  /** Up to 500. */
  details?: string;
  /** Up to 60 ("工作日下午"). */
  availability?: string;
}

export type PostQuery = {
  community_id?: number;
  kind?: PostKind;
  service_type?: string;
  building_id?: number;
  mine?: boolean;
  include_closed?: boolean;
  limit?: number;
};

export type MatchStatus = 'proposed' | 'accepted' | 'declined' | 'withdrawn' | 'done';

export interface MarketMatch {
  id: number;
  post_id: number;
  post_title: string;
  post_kind: PostKind;
  status: MatchStatus;
  message: string;
  /** Masked for others than the two households and officials. */
  responder_name: string;
  responder_building: string | null;
  responder_age_band: AgeBand | null;
  /** The two households and officials only. */
  responder_resident_id: number | null;
  /** The time-bank service recorded from the match. */
  service_id: number | null;
  created_at: string;
}

export interface MatchService {
  /** YYYY-MM-DD, within the last 14 days. */
  service_date: string;
  minutes: number;
  note?: string;
}

export const marketApi = {
  posts: (query: PostQuery) => request<{ items: MarketPost[] }>('/timebank/posts', { query }),
  createPost: (input: NewMarketPost, idempotencyKey: string) =>
    request<MarketPost>('/timebank/posts', { body: input, idempotencyKey }),
  closePost: (id: number) => request<MarketPost>(`/timebank/posts/${id}/close`, { method: 'POST' }),
  respond: (postId: number, residentId: number, message: string, idempotencyKey: string) =>
    request<MarketMatch>(`/timebank/posts/${postId}/responses`, {
      body: message ? { resident_id: residentId, message } : { resident_id: residentId },
      idempotencyKey,
    }),
  /** A post's answers (its household, officials), or without a post the household's own. */
  responses: (postId?: number) =>
    request<{ items: MarketMatch[] }>('/timebank/responses', { query: { post_id: postId } }),
  decide: (matchId: number, accept: boolean) =>
    request<MarketMatch>(`/timebank/responses/${matchId}/decision`, { body: { accept } }),
  recordService: (matchId: number, input: MatchService, idempotencyKey: string) =>
    request<TimebankService>(`/timebank/responses/${matchId}/service`, { body: input, idempotencyKey }),
};
