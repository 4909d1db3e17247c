// The guide's casework (走访与工作台, /api/v1/visits, /households/{id}/timeline,
// /guides/{id}/figures): visits with what was found and when to follow up, a household's
// timeline gathered from every module, and a guide's own figures for a quarter.
import { request } from './client';

export type VisitKind = 'home' | 'phone' | 'street';
export const VISIT_KINDS: VisitKind[] = ['home', 'phone', 'street'];

export interface Visit {
  id: number;
  community_id: number;
  household_id: number;
  household_code: string;
  household_address: string;
  visitor_user_id: number;
  visitor_name: string;
  kind: VisitKind;
  visited_at: string;
  notes: string;
  needs_found: string[];
  follow_up_at: string | null;
  created_at: string;
}

export interface NewVisit {
  household_id: number;
  /** An ISO instant or a day YYYY-MM-DD (its start in Shanghai). */
  visited_at: string;
  kind: VisitKind;
  notes: string;
  needs_found: string[];
  follow_up_at?: string;
}

export interface TimelineItem {
  at: string;
  /** request.submitted|resolved|rated, visit.<kind>, needs.assessment, activity.<kind>, points.<code> */
  kind: string;
  title: string;
  ref_id: number | null;
  amount: number | null;
  note: string | null;
  resident_id: number | null;
}

export interface GuideFigures {
  guide_user_id: number;
  guide_name: string;
  community_id: number;
  period: string;
  households_in_charge: number;
  households_visited: number;
  visits: number;
  silent_in_charge: number;
  silent_reached: number;
  follow_ups_due: number;
  requests_resolved: number;
  requests_resolved_on_time: number;
  requests_open: number;
  requests_open_overdue: number;
}

export const caseworkApi = {
  recordVisit: (visit: NewVisit, idempotencyKey: string) =>
    request<Visit>('/visits', { body: visit, idempotencyKey }),
  householdVisits: (householdId: number, limit = 50) =>
    request<{ items: Visit[] }>('/visits', { query: { household_id: householdId, limit } }),
  myVisits: (limit = 50) => request<{ items: Visit[] }>('/visits', { query: { visitor: 'me', limit } }),
  followUpsDue: () => request<{ items: Visit[] }>('/visits', { query: { visitor: 'me', follow_up: 'due', limit: 200 } }),
  timeline: (householdId: number, limit = 100) =>
    request<{ household_id: number; items: TimelineItem[] }>(`/households/${householdId}/timeline`, { query: { limit } }),
  myFigures: (communityId: number, period?: string) =>
    request<GuideFigures>('/guides/me/figures', { query: { community_id: communityId, period } }),
};
