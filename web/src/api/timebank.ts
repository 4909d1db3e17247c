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
