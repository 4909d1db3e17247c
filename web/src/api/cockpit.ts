// The data cockpit (数据驾驶舱, /api/v1/cockpit): one snapshot of a community's or a street's
// indicators, open warnings, today's requests and the audit-chain head, and the event stream
// that pushes a new snapshot when they change (components/cockpit/useCockpitStream.ts).
import { apiUrl, request } from './client';
import type { Indicator } from './indicators';

export interface CockpitWarning {
  id: number;
  community_id: number;
  kind: string;
  subject: string;
  suggestion: string;
  suggestion_en: string;
  raised_at: string;
}

export interface CockpitSnapshot {
  generated_at: string;
  community_id?: number;
  street_id?: string;
  community_ids: number[];
  period: string;
  indicators: Indicator[];
  warnings: { open: number; newest: CockpitWarning[] };
  requests_today: { received: number; overdue_open: number };
  ledger: { seq: number; hash: string };
  /** What the non-government parties added (issue 19): fen, and the resources multiplier in
   * basis points (14200 = ×1.42). */
  funding?: { government: number; others_received: number; parties: number; multiplier_bp: number } | null;
}

/** Either one community or a street (communities.street), as the cockpit routes take them. */
export type CockpitScope = { communityId: number } | { streetId: string };

export function scopeQuery(scope: CockpitScope): Record<string, string | number> {
  return 'streetId' in scope ? { street_id: scope.streetId } : { community_id: scope.communityId };
}

/** The URL the EventSource listens on. */
export function streamUrl(scope: CockpitScope): string {
  return apiUrl('/cockpit/stream', scopeQuery(scope));
}

export const cockpitApi = {
  snapshot: (scope: CockpitScope) => request<CockpitSnapshot>('/cockpit', { query: scopeQuery(scope) }),
};
