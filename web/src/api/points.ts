// The contribution-points bank (积分银行, /api/v1/points): a resident's account, the
// redemption catalogue, and redeeming (a ledger write: retried with the same key).
import { request } from './client';

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

export const pointsApi = {
  account: (residentId: number) => request<PointsAccount>(`/points/accounts/${residentId}`),
  catalog: (communityId?: number) =>
    request<{ items: CatalogItem[] }>('/points/catalog', { query: { community_id: communityId } }),
  redeem: (residentId: number, itemId: number, quantity: number, idempotencyKey: string) =>
    request<Redemption>('/points/redemptions', {
      body: { resident_id: residentId, item_id: itemId, quantity },
      idempotencyKey,
    }),
};
