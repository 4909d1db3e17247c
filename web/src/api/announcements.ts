// The community notice board (社区公告, /api/v1/announcements, /public/announcements): staff
// publish notices to the whole community or chosen buildings; residents read the current ones
// for their building (each with `read`); officials see `reads` and the figures per building.
// The types are written by hand to match src/modules/announcements/routes.cpp until the
// generated schema (schema.gen.ts) has these routes.
import { request } from './client';

export type AnnouncementKind = 'outage' | 'event' | 'policy' | 'notice';

export interface AnnouncementBuilding {
  id: number;
  name: string;
}

export interface Announcement {
  id: number;
  community_id: number;
  kind: AnnouncementKind;
  title: string;
  body: string;
  pinned: boolean;
  urgent: boolean;
  /** ISO-8601 instant, Shanghai offset. */
  published_at: string;
  /** The instant it ends (exclusive: "valid through 12-09" is 12-10T00:00+08:00); null: no end. */
  valid_until: string | null;
  /** Empty: the whole community. */
  buildings: AnnouncementBuilding[];
  withdrawn_at: string | null;
  withdrawn_reason: string | null;
  /** Officials only. */
  author_name?: string;
  /** Residents only: whether they have read it. */
  read?: boolean;
  /** Officials only: residents who have read it. */
  reads?: number;
}

export interface NewAnnouncement {
  community_id: number;
  kind: AnnouncementKind;
  title: string;
  body: string;
  /** Absent or empty: the whole community. */
  building_ids?: number[];
  pinned?: boolean;
  urgent?: boolean;
  /** "YYYY-MM-DD": valid through that day (Shanghai). */
  valid_until?: string;
}

export interface AnnouncementChange {
  pinned?: boolean;
  /** A day, or null for no end. */
  valid_until?: string | null;
}

export interface BuildingReads {
  building_id: number;
  building_name: string;
  households: number;
  households_read: number;
  residents_read: number;
}

export interface ReadFigures {
  announcement_id: number;
  households: number;
  households_read: number;
  residents_read: number;
  buildings: BuildingReads[];
}

export const announcementsApi = {
  list: (communityId: number, options: { past?: boolean; limit?: number } = {}) =>
    request<{ items: Announcement[] }>('/announcements', {
      query: { community_id: communityId, include: options.past ? 'past' : undefined, limit: options.limit },
    }),
  publicList: (communityId: number, limit?: number) =>
    request<{ items: Announcement[] }>('/public/announcements', { query: { community_id: communityId, limit } }),
  get: (id: number) => request<Announcement>(`/announcements/${id}`),
  markRead: (id: number) => request<Announcement>(`/announcements/${id}/read`, { method: 'POST', body: {} }),
  publish: (input: NewAnnouncement) => request<Announcement>('/announcements', { method: 'POST', body: input }),
  update: (id: number, change: AnnouncementChange) =>
    request<Announcement>(`/announcements/${id}`, { method: 'PATCH', body: change }),
  withdraw: (id: number, reason: string) =>
    request<Announcement>(`/announcements/${id}/withdraw`, { method: 'POST', body: { reason } }),
  reads: (id: number) => request<ReadFigures>(`/announcements/${id}/reads`),
};
