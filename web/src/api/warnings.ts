// Risk warnings and improvement (PDCA) tasks (/api/v1/warnings, /api/v1/improvements; server
// module src/modules/warnings): each warning with the evidence that raised it and the suggested
// response, resolved once by staff with a note; tasks that run plan → do → check → act → closed,
// each move recording what was done in the stage being finished.
import { request } from './client';
import type { Answer, Body, Item, With } from './types';

export type WarningKind =
  | 'participation_falling'
  | 'complaints_rising'
  | 'allocation_dispute'
  | 'stalled_topic'
  | 'platform_fault'
  | 'calendar_expiring'
  | 'emergency_unsigned';

export type WarningState = 'open' | 'resolved' | 'all';

/**
 * kind: a WarningKind (a newer server may send others). evidence: the figures that raised it;
 * its shape depends on the kind (lib/insight.ts reads it).
 */
export type Warning = With<
  Item<Answer<'get', '/api/v1/warnings'>>,
  { evidence: unknown; state: 'open' | 'resolved' }
>;

export type Stage = 'plan' | 'do' | 'check' | 'act' | 'closed';

/**
 * owner_name: for readers who may not list users (guides). notes: what was done in each stage,
 * written when the task left it. check: the next quarter's figure that settles it (satisfaction
 * tasks).
 */
export type Improvement = With<
  Answer<'patch', '/api/v1/improvements/{id}'>,
  {
    stage: Stage;
    owner_name: string | null;
    trigger_value_bp: number | null;
    target_bp: number | null;
    notes: Record<'plan' | 'do' | 'check' | 'act', string | null>;
  }
>;

export type NewImprovement = Body<'post', '/api/v1/improvements'>;

/** stage: the next one, needs `note`. */
export type ImprovementChange = With<Body<'patch', '/api/v1/improvements/{id}'>, { stage?: Stage }>;

export const warningsApi = {
  list: (communityId: number, state: WarningState) =>
    request<{ community_id: number; items: Warning[] }>('/warnings', { query: { community_id: communityId, state } }),
  resolve: (id: number, resolution: string) =>
    request<Warning>(`/warnings/${id}/resolve`, { body: { resolution } }),
  improvements: (communityId: number) =>
    request<{ community_id: number; items: Improvement[] }>('/improvements', { query: { community_id: communityId } }),
  openImprovement: (task: NewImprovement) => request<Improvement>('/improvements', { body: task }),
  changeImprovement: (id: number, change: ImprovementChange) =>
    request<Improvement>(`/improvements/${id}`, { method: 'PATCH', body: change }),
};
