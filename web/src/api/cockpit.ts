// The data cockpit (数据驾驶舱, /api/v1/cockpit): one snapshot of a community's or a street's
// indicators, open warnings, today's requests and the audit-chain head, and the event stream
// that pushes a new snapshot when they change (components/cockpit/useCockpitStream.ts).
import { apiUrl, request } from './client';
import type { Answer, With } from './types';
import type { Indicator } from './indicators';

type CockpitAnswer = Answer<'get', '/api/v1/cockpit'>;

export type CockpitWarning = CockpitAnswer['warnings']['newest'][number];

/**
 * funding: what the non-government parties added (issue 19), fen, and the resources
 * multiplier in basis points (14200 = ×1.42; null while the government gave nothing).
 */
export type CockpitSnapshot = With<CockpitAnswer, { indicators: Indicator[] }>;

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
