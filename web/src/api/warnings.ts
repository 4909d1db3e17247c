// Risk warnings and improvement (PDCA) tasks (/api/v1/warnings, /api/v1/improvements; server
// module src/modules/warnings): each warning with the evidence that raised it and the suggested
// response, resolved once by staff with a note; tasks that run plan → do → check → act → closed,
// each move recording what was done in the stage being finished.
import { request } from './client';

export type WarningKind =
  | 'participation_falling'
  | 'complaints_rising'
  | 'allocation_dispute'
  | 'stalled_topic'
  | 'platform_fault'
  | 'calendar_expiring'
  | 'emergency_unsigned';

export type WarningState = 'open' | 'resolved' | 'all';

export interface Warning {
  id: number;
  community_id: number;
  /** A WarningKind; a newer server may send others. */
  kind: string;
  subject: string;
  /** The figures that raised it; its shape depends on the kind (lib/insight.ts reads it). */
  evidence: unknown;
  suggestion: string;
  suggestion_en: string;
  raised_at: string;
  state: 'open' | 'resolved';
  resolved_at: string | null;
  resolution: string | null;
}

export type Stage = 'plan' | 'do' | 'check' | 'act' | 'closed';

export interface Improvement {
  id: number;
  community_id: number;
  indicator: string;
  period: string;
  title: string;
  trigger_value_bp: number | null;
  target_bp: number | null;
  stage: Stage;
  owner_user_id: number | null;
  /** The owner's name, for readers who may not list users (guides). */
  owner_name?: string | null;
  due_on: string;
  /** What was done in each stage, written when the task left it. */
  notes: Record<'plan' | 'do' | 'check' | 'act', string | null>;
  /** The next quarter's figure that settles the check (satisfaction tasks). */
  check: { period: string | null; value_bp: number | null; met: boolean | null };
  automatic: boolean;
  created_at: string;
  updated_at: string;
}

export interface NewImprovement {
  community_id: number;
  indicator: string;
  period: string;
  title: string;
  due_on: string;
  owner_user_id?: number;
}

export interface ImprovementChange {
  /** The next stage; needs `note`. */
  stage?: Stage;
  note?: string;
  owner_user_id?: number;
  due_on?: string;
}

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
