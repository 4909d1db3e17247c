// The guide's casework (走访与工作台, /api/v1/visits, /households/{id}/timeline,
// /guides/{id}/figures): visits with what was found and when to follow up, a household's
// timeline gathered from every module, and a guide's own figures for a quarter.
import { request } from './client';
import type { Answer, Body, Item, With } from './types';

export type VisitKind = 'home' | 'phone' | 'street';
export const VISIT_KINDS: VisitKind[] = ['home', 'phone', 'street'];

export type Visit = With<Item<Answer<'get', '/api/v1/visits'>>, { kind: VisitKind }>;

/** visited_at: an ISO instant or a day YYYY-MM-DD (its start in Shanghai). */
export type NewVisit = With<
  Body<'post', '/api/v1/visits'>,
  { household_id: number; visited_at: string; kind: VisitKind; notes: string; needs_found: string[] }
>;

/** kind: request.submitted|resolved|rated, visit.<kind>, needs.assessment, activity.<kind>, points.<code> */
export type TimelineItem = With<Item<Answer<'get', '/api/v1/households/{id}/timeline'>>, { ref_id: number | null }>;

export type GuideFigures = Answer<'get', '/api/v1/guides/{id}/figures'>;

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
