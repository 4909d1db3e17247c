// The time bank (时间银行, /api/v1/timebank): one member serves another, the recipient
// confirms, and the minutes are banked. Recording and confirming are ledger writes.
import { request } from './client';

export interface TimebankService {
  id: number;
  community_id: number;
  provider_resident_id: number;
  recipient_resident_id: number;
  service_date: string;
  minutes: number;
  service_type: string;
  note: string | null;
  status: 'pending' | 'confirmed' | 'disputed' | 'expired';
  created_at: string;
  expires_at: string;
}

export interface TimebankAccount {
  resident_id: number;
  balance: number;
  earned: number;
  spent: number;
  floor: number | null;
}

export interface NewService {
  provider_resident_id: number;
  recipient_resident_id: number;
  service_date: string;
  minutes: number;
  service_type: string;
  note?: string;
}

export const timebankApi = {
  account: (residentId: number) => request<TimebankAccount>(`/timebank/accounts/${residentId}`),
  services: (communityId: number | undefined) =>
    request<{ items: TimebankService[] }>('/timebank/services', { query: { community_id: communityId } }),
  recordService: (input: NewService, idempotencyKey: string) =>
    request<TimebankService>('/timebank/services', { body: input, idempotencyKey }),
  confirmService: (id: number, idempotencyKey: string) =>
    request<TimebankService>(`/timebank/services/${id}/confirm`, { method: 'POST', idempotencyKey }),
};
