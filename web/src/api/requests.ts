// Resident requests (诉求, /api/v1/requests and /track): submitting, the queue, the case's
// transitions, the resident's rating, the public lookup by tracking code, the categories and
// departments, and the three rates. Photos on a request are in attachments.ts.
import { ApiError, request, type Page, type QueryValue } from './client';

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
  | 'set_priority';

export interface Category {
  code: string;
  name_zh: string;
  name_en: string;
  default_priority: Priority;
  resolution_working_days: number;
  is_complaint: boolean;
}

export interface Department {
  code: string;
  name_zh: string;
  name_en: string;
}

export interface RequestEvent {
  at: string;
  action: string;
  from_status: RequestStatus | null;
  status: RequestStatus;
  note: string | null;
  by: string;
}

/** The deadline an open case works against now (the server's rule), null once closed. */
export interface Deadline {
  kind: 'response' | 'resolution';
  due_at: string;
  overdue: boolean;
  /** Counted on days whose official holidays are not loaded yet: it may still move. */
  provisional: boolean;
}

export interface ServiceRequest {
  id: number;
  community_id: number;
  tracking_code: string;
  category: string;
  description: string;
  priority: Priority;
  priority_source: string;
  triage_note: string | null;
  status: RequestStatus;
  channel: string;
  household_id: number | null;
  location: string | null;
  received_at: string;
  response_due_at: string;
  resolution_due_at: string;
  responded_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  assignee_user_id: number | null;
  assignee_department: string | null;
  /** The handler's display name (a guide, who may not list users, still sees a name). */
  assignee_name?: string | null;
  duplicate_of: number | null;
  overdue: boolean;
  deadline: Deadline | null;
  escalated: boolean;
  rating: number | null;
  rating_comment: string | null;
  version: number;
  contact_name: string | null;
  contact_phone: string | null;
  events?: RequestEvent[];
}

export interface TrackResult {
  tracking_code: string;
  category: string;
  category_name: string;
  status: RequestStatus;
  priority: Priority;
  received_at: string;
  response_due_at: string;
  resolution_due_at: string;
  responded_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  overdue: boolean;
  deadline: Deadline | null;
  rated: boolean;
  timeline: RequestEvent[];
}

export interface SubmitRequestInput {
  category: string;
  description: string;
  location?: string;
  /** Staff filing for a caller (代录). */
  community_id?: number;
  household_id?: number;
  channel?: 'phone' | 'counter';
  /** ISO 8601 with its offset; may be earlier than now (up to 90 days). */
  received_at?: string;
  contact_name?: string;
  contact_phone?: string;
}

export interface TransitionInput {
  action: TransitionAction;
  note?: string;
  assignee?: number;
  department?: string;
  duplicate_of?: number;
  priority?: Priority;
  version?: number;
}

export interface RateValue {
  value: number | null;
  numerator: number;
  denominator: number;
}

export interface RequestStats {
  community_id: number;
  received: number;
  response_rate: RateValue;
  resolution_rate: RateValue;
  satisfaction_rate: RateValue;
  overdue: number;
  resolved: number;
  median_working_days_to_resolve: number | null;
}

export const requestsApi = {
  track: (code: string) => request<TrackResult>(`/track/${encodeURIComponent(code)}`),
  categories: (communityId?: number) =>
    request<{ categories: Category[]; departments: Department[] }>('/requests/categories', {
      query: { community_id: communityId },
    }),
  submitRequest: (input: SubmitRequestInput, idempotencyKey: string) =>
    request<ServiceRequest>('/requests', { body: input, idempotencyKey }),
  requests: (query: Record<string, QueryValue> = {}) => request<Page<ServiceRequest>>('/requests', { query }),
  requestById: (id: number) => request<ServiceRequest>(`/requests/${id}`),
  transition: (id: number, input: TransitionInput, idempotencyKey: string) =>
    request<ServiceRequest>(`/requests/${id}/transitions`, { body: input, idempotencyKey }),
  rate: (id: number, score: number, comment: string | undefined, idempotencyKey: string) =>
    request<ServiceRequest>(`/requests/${id}/rating`, {
      body: comment ? { score, comment } : { score },
      idempotencyKey,
    }),
  stats: (communityId?: number) =>
    request<RequestStats>('/requests/stats', { query: { community_id: communityId } }),
  /** The working-day calendar in force; `year` narrows the dates to one year. */
  calendar: (year?: number) => request<WorkCalendar>('/calendar', { query: { year } }),
  /** Loads a year's calendar file (administrators): replaces the years it covers. */
  loadCalendar: (file: Blob) => sendCalendar(file),
};

/** The working-day calendar: holidays and make-up workdays by date, with their names. */
export interface WorkCalendar {
  years: number[];
  holidays: Record<string, string>;
  workdays: Record<string, string>;
  covered_through: string | null;
  covers_next_60_days: boolean;
}

export interface CalendarLoadReport {
  years: number[];
  holidays: number;
  workdays: number;
  deadlines_recomputed: number;
}

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
