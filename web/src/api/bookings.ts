// Room and facility booking (场地预约, /api/v1/rooms, /api/v1/bookings): a community's rooms with
// their rules, each room's schedule, a household's bookings, staff's approval queue and the
// rooms' use over a quarter. The types are written by hand to match
// src/modules/bookings/bookings.hpp until the generated schema (schema.gen.ts) has these routes.
import { request } from './client';

export type RoomKind = 'activity_room' | 'childcare' | 'meeting_room' | 'sports' | 'other';
export const ROOM_KINDS: RoomKind[] = ['activity_room', 'childcare', 'meeting_room', 'sports', 'other'];

export type RoomOpenTo = 'residents' | 'officials';

export interface Room {
  id: number;
  community_id: number;
  name: string;
  kind: RoomKind;
  /** People. */
  capacity: number;
  /** Minutes of the Shanghai day: 480 = 8:00. */
  opens_minute: number;
  closes_minute: number;
  /** 15, 30 or 60: bookings start and end on these boundaries. */
  slot_minutes: number;
  /** The longest booking. */
  max_minutes: number;
  /** A household's bookings starting in one Monday-to-Sunday week, this room. */
  max_per_week: number;
  /** Bookable up to this many days ahead. */
  advance_days: number;
  open_to: RoomOpenTo;
  needs_approval: boolean;
  active: boolean;
  description: string;
}

/** What POST /rooms takes (PUT /rooms/{id} the same without community_id). */
export type RoomInput = Omit<Room, 'id'>;

export type BookingStatus = 'pending' | 'approved' | 'rejected' | 'cancelled';

export interface Booking {
  id: number;
  room_id: number;
  room_name: string;
  community_id: number;
  /** ISO-8601 instants, Shanghai offset. */
  starts_at: string;
  ends_at: string;
  status: BookingStatus;
  /** The reader's household's (or the official's own). */
  mine: boolean;
  /** The booker and officials only; others read "" / null. */
  purpose: string;
  attendees: number | null;
  booker_name: string;
  household_code: string | null;
  decision_note: string | null;
  decided_at: string | null;
  created_at: string;
}

export interface NewBooking {
  room_id: number;
  starts_at: string;
  ends_at: string;
  purpose: string;
  attendees: number;
  /** Guides and staff booking at the desk or on the phone for a household of the community. */
  household_id?: number;
}

export interface BookingQuery {
  community_id?: number;
  status?: BookingStatus;
  mine?: boolean;
  upcoming?: boolean;
  limit?: number;
}

export interface RoomUseFigures {
  room_id: number;
  room_name: string;
  open_minutes: number;
  booked_minutes: number;
  /** 0..1, null when the room was never open in the period. */
  utilization: number | null;
  bookings: number;
  households: number;
}

export interface RoomUse {
  community_id: number;
  period: string;
  open_minutes: number;
  booked_minutes: number;
  utilization: number | null;
  bookings: number;
  households: number;
  rooms: RoomUseFigures[];
}

export const bookingsApi = {
  rooms: (communityId: number) => request<{ items: Room[] }>('/rooms', { query: { community_id: communityId } }),
  addRoom: (room: RoomInput) => request<Room>('/rooms', { method: 'POST', body: room }),
  /** Every rule at once (PUT); the community stays. */
  updateRoom: (id: number, room: RoomInput) => {
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { community_id, ...rules } = room;
    return request<Room>(`/rooms/${id}`, { method: 'PUT', body: rules });
  },
  /** `from`: a Shanghai day "YYYY-MM-DD"; `days`: 1..31. */
  schedule: (roomId: number, from: string, days: number) =>
    request<{ room: Room; items: Booking[] }>(`/rooms/${roomId}/schedule`, { query: { from, days } }),
  book: (input: NewBooking) => request<Booking>('/bookings', { method: 'POST', body: input }),
  list: (query: BookingQuery) =>
    request<{ items: Booking[] }>('/bookings', {
      query: {
        community_id: query.community_id,
        status: query.status,
        mine: query.mine ? 'true' : undefined,
        upcoming: query.upcoming ? 'true' : undefined,
        limit: query.limit,
      },
    }),
  cancel: (id: number, reason?: string) =>
    request<Booking>(`/bookings/${id}/cancel`, { method: 'POST', body: reason ? { reason } : {} }),
  decide: (id: number, approve: boolean, note: string) =>
    request<Booking>(`/bookings/${id}/decision`, { method: 'POST', body: { approve, note } }),
  /** `period`: a quarter, "2026Q4". */
  use: (communityId: number, period: string) =>
    request<RoomUse>('/rooms/use', { query: { community_id: communityId, period } }),
};
