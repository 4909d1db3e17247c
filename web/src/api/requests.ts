// Resident requests (诉求, /api/v1/requests and /track): submitting, the queue, the case's
// transitions, the resident's rating, the public lookup by tracking code, the categories and
// departments, and the three rates. Photos on a request are in attachments.ts.
import { ApiError, request, type Page, type QueryValue } from './client';
import type { PhotoInfo } from './attachments';
import type { Answer, Body, With } from './types';

export type Priority = 'red' | 'yellow' | 'blue';
export type RequestStatus =
  | 'submitted'
  | 'accepted'
  | 'assigned'
  | 'in_progress'
  | 'resolved'
  | 'closed'
  | 'reopened'
  | 'duplicate'
  | 'not_our_responsibility'
  | 'cancelled';
export type TransitionAction =
  | 'accept'
  | 'assign'
  | 'start'
  | 'resolve'
  | 'close'
  | 'reopen'
  | 'mark_duplicate'
  | 'reject'
  | 'cancel'
  | 'comment'
  | 'set_priority'
  | 'refer'
  | 'accept_referral'
  | 'return_referral';

type CategoriesAnswer = Answer<'get', '/api/v1/requests/categories'>;
type RequestAnswer = Answer<'get', '/api/v1/requests/{id}'>;
type TrackAnswer = Answer<'get', '/api/v1/track/{code}'>;

export type Category = With<CategoriesAnswer['categories'][number], { default_priority: Priority }>;
export type Department = CategoriesAnswer['departments'][number];

export type RequestEvent = With<
  RequestAnswer['events'][number],
  { from_status: RequestStatus | null; status: RequestStatus }
>;

/** The deadline an open case works against now (the server's rule), null once closed. */
export type Deadline = With<NonNullable<RequestAnswer['deadline']>, { kind: 'response' | 'resolution' }>;

/** A photo's facts as GET /requests/{id} lists them (the same as its upload answers). */
export type RequestPhoto = PhotoInfo;

/**
 * A case as GET /requests/{id} answers it; lists and transitions answer the same without
 * events and photos. assignee_name is the handler's display name (a guide, who may not list
 * users, still sees a name).
 */
export type ServiceRequest = With<
  RequestAnswer,
  {
    priority: Priority;
    status: RequestStatus;
    deadline: Deadline | null;
    // Null where the server has none; the API tests only ever saw one side of these.
    assignee_department: string | null;
    duplicate_of: number | null;
    latitude: string | null;
    longitude: string | null;
    triage_note: string | null;
    events?: RequestEvent[];
    photos?: RequestPhoto[];
    /** Its referrals to the street or a department (转办), oldest first; GET /requests/{id} only. */
    referrals?: Referral[];
  }
>;

export type ReferralStatus = 'pending' | 'accepted' | 'returned' | 'resolved' | 'withdrawn';
/** A referral as GET /requests/{id} lists it; receiver is the street's or the department's name. */
export interface Referral {
  id: number;
  level: 'street' | 'department';
  department: string | null;
  receiver: string;
  reason: string;
  status: ReferralStatus;
  referred_at: string;
  answered_at: string | null;
  answer_note: string | null;
}

/** A rate as the league and the stats give it (routes.cpp rate_json): value null without data. */
export interface LeagueRate {
  numerator: number;
  denominator: number;
  value?: number | null;
}
export interface LeagueRow {
  community_id: number;
  community_name: string;
  received: number;
  response_rate: LeagueRate;
  resolution_rate: LeagueRate;
  satisfaction_rate: LeagueRate;
  overdue: number;
  referred: number;
  referrals_returned: number;
  /** 0-100, null when the community had no rate that month (then it ranks last). */
  score: number | null;
  rank: number;
}
export interface LeagueMonth {
  month: string;
  rows: LeagueRow[];
}
/** GET /requests/league: the street's communities ranked month by month, newest month first. */
export interface League {
  street_id: number;
  street_name: string;
  weights: { response: number; resolution: number; satisfaction: number };
  months: LeagueMonth[];
}

export type TrackResult = With<
  TrackAnswer,
  {
    status: RequestStatus;
    priority: Priority;
    deadline: Deadline | null;
    closed_at: string | null;
    timeline: RequestEvent[];
  }
>;

/** What POST /requests answers: the new case's code and deadlines, not the whole case. */
export type SubmittedRequest = With<
  Answer<'post', '/api/v1/requests', 201>,
  { priority: Priority; status: RequestStatus; triage_note: string | null }
>;

/** received_at: ISO 8601 with its offset, may be earlier than now (up to 90 days); staff filing for a caller (代录) give community_id, household_id, channel. */
export type SubmitRequestInput = With<Body<'post', '/api/v1/requests'>, { channel?: 'phone' | 'counter' }>;

export type TransitionInput = With<
  Body<'post', '/api/v1/requests/{id}/transitions'>,
  { action: TransitionAction; priority?: Priority; level?: 'street' | 'department' }
>;

export type RequestStats = Answer<'get', '/api/v1/requests/stats'>;
export type RateValue = RequestStats['response_rate'];

export const requestsApi = {
  track: (code: string) => request<TrackResult>(`/track/${encodeURIComponent(code)}`),
  categories: (communityId?: number) =>
    request<{ categories: Category[]; departments: Department[] }>('/requests/categories', {
      query: { community_id: communityId },
    }),
  submitRequest: (input: SubmitRequestInput, idempotencyKey: string) =>
    request<SubmittedRequest>('/requests', { body: input, idempotencyKey }),
  requests: (query: Record<string, QueryValue> = {}) => request<Page<ServiceRequest>>('/requests', { query }),
  requestById: (id: number) => request<ServiceRequest>(`/requests/${id}`),
  transition: (id: number, input: TransitionInput, idempotencyKey: string) =>
    request<ServiceRequest>(`/requests/${id}/transitions`, { body: input, idempotencyKey }),
  rate: (id: number, score: number, comment: string | undefined, idempotencyKey: string) =>
    request<ServiceRequest>(`/requests/${id}/rating`, {
      body: comment ? { score, comment } : { score },
      idempotencyKey,
    }),
  /** The street's league table: `months` months (1-12) ending with `month` ("2026-11"). */
  league: (streetId: number, month?: string, months?: number) =>
    request<League>('/requests/league', { query: { street_id: streetId, month, months } }),
  stats: (communityId?: number) =>
    request<RequestStats>('/requests/stats', { query: { community_id: communityId } }),
  /** The working-day calendar in force; `year` narrows the dates to one year. */
  calendar: (year?: number) => request<WorkCalendar>('/calendar', { query: { year } }),
  /** Loads a year's calendar file (administrators): replaces the years it covers. */
  loadCalendar: (file: Blob) => sendCalendar(file),
};

/** The working-day calendar: holidays and make-up workdays by date, with their names. */
export type WorkCalendar = With<Answer<'get', '/api/v1/calendar'>, { covered_through: string | null }>;

export type CalendarLoadReport = Answer<'put', '/api/v1/calendar'>;

/** PUT /calendar takes the file's JSON as it is. */
async function sendCalendar(file: Blob): Promise<CalendarLoadReport> {
  const text = await file.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid_calendar_file', 'not a JSON file');
  }
  return request<CalendarLoadReport>('/calendar', { method: 'PUT', body });
}
