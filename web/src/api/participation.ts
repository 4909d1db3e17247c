// Participation (/api/v1/activities, /proposals, /participation): activities and meetings with
// sign-ups, check-ins and minutes; resident proposals with seconding, the agenda, the motion
// (move, second, call the vote), votes, the outcome and the required public response.
import { request } from './client';

export type ActivityKind = 'meeting' | 'activity' | 'volunteer' | 'skill_sharing';
export type Channel = 'online_hall' | 'building_corner' | 'tenant_reps' | 'community';

export interface Activity {
  id: number;
  community_id: number;
  kind: ActivityKind;
  channel: Channel;
  building_id: number | null;
  title: string;
  agenda: string;
  starts_at: string;
  ends_at: string;
  capacity: number | null;
  signups: number;
  attendees: number;
  attending_households: number;
  minutes: string | null;
  minutes_at: string | null;
  /** The online hall's video meeting (https), null elsewhere. */
  video_url?: string | null;
  /** For a resident reading one activity: whether their household has checked in. */
  my_household_checked_in?: boolean;
  places_left?: number;
  /** Only for those who run the activity. */
  checkin_code?: string;
  /** Its windows at the server's now (participation/rules.hpp): pages offer what these allow. */
  ended: boolean;
  signup_open: boolean;
  checkin_opens_at: string;
  checkin_closes_at: string;
  self_checkin_open: boolean;
  staff_checkin_open: boolean;
  /** 社区主理人 (issue 19): a resident's activity waits for staff (proposed) until approved or declined. */
  status?: HostingStatus;
  hosted?: boolean;
  /** The logged-in resident hosts it. */
  is_host?: boolean;
  host_name?: string | null;
  /** Requested fen while proposed; the approved budget afterwards. */
  budget_fen?: number | null;
  budget_plan_id?: number | null;
  budget_category?: string | null;
  decision_note?: string | null;
  host_points_paid?: boolean;
}

export type HostingStatus = 'proposed' | 'approved' | 'declined';
export type HostingKind = 'activity' | 'volunteer' | 'skill_sharing';

export interface HostingInput {
  community_id: number;
  kind: HostingKind;
  title: string;
  /** What, for whom, how. */
  agenda: string;
  starts_at: string;
  ends_at: string;
  capacity?: number;
  budget_fen?: number;
}

export type HostingDecision =
  | { decision: 'approve'; note?: string; plan_id?: number; category?: string; budget_fen?: number }
  | { decision: 'decline'; note: string };

export interface Signup {
  resident_id: number;
  /** Masked (张**) for the host. */
  name: string;
  signed_up_at: string;
  checked_in: boolean;
}

export interface ActivityInput {
  community_id: number;
  kind: ActivityKind;
  channel: Channel;
  title: string;
  agenda?: string;
  starts_at?: string;
  ends_at?: string;
  capacity?: number;
  building_id?: number;
  /** Online hall only: the https link of its video meeting (400 invalid_video_url otherwise). */
  video_url?: string;
}

export interface CheckinResult {
  activity_id: number;
  points_awarded: number;
  items: { resident_id: number; points: number; already_checked_in: boolean; checked_in_at: string }[];
}

export type ProposalState =
  | 'draft'
  | 'seconding'
  | 'eligible'
  | 'on_agenda'
  | 'passed'
  | 'rejected'
  | 'no_quorum'
  | 'deferred'
  | 'responded'
  | 'withdrawn';
export type Motion = 'scheduled' | 'moved' | 'debating' | 'voting' | 'decided' | 'deferred';
export type MotionStep = 'move' | 'second' | 'call_vote' | 'defer';
export type VoteChoice = 'yes' | 'no' | 'abstain';

export interface AgendaItem {
  id: number;
  activity_id: number;
  meeting_title: string;
  meeting_starts_at: string;
  motion: Motion;
  outcome: string | null;
  present_households: number;
  yes: number;
  no: number;
  abstain: number;
  note: string | null;
  decided_at: string | null;
  /** The reading resident's household: checked in at the meeting, and how it voted. */
  my_household_present?: boolean;
  my_vote?: VoteChoice | null;
}

export interface Proposal {
  id: number;
  community_id: number;
  title: string;
  body: string;
  state: ProposalState;
  seconds: number;
  seconds_required: number;
  meetings: number;
  stalled: boolean;
  response_overdue: boolean;
  warnings: string[];
  decided_at: string | null;
  response_due_at: string | null;
  response: string | null;
  responded_at: string | null;
  created_at: string;
  own: boolean;
  household_id?: number;
  agenda?: AgendaItem[];
}

export interface ParticipationSettings {
  community_id: number;
  seconds_required: number;
  quorum_percent: number;
  quorum_min_households: number;
  response_days: number;
}

export const participationApi = {
  activities: (communityId: number | undefined, from?: string) =>
    request<{ items: Activity[] }>('/activities', { query: { community_id: communityId, from } }),
  activity: (id: number) => request<Activity>(`/activities/${id}`),
  createActivity: (input: ActivityInput, idempotencyKey: string) =>
    request<Activity>('/activities', { body: input, idempotencyKey }),
  signUp: (id: number, residentId: number | undefined, idempotencyKey: string) =>
    request<unknown>(`/activities/${id}/signups`, {
      body: residentId ? { resident_id: residentId } : {},
      idempotencyKey,
    }),
  checkInWithCode: (id: number, code: string, residentId: number | undefined, idempotencyKey: string) =>
    request<CheckinResult>(`/activities/${id}/checkins`, {
      body: residentId ? { code, resident_id: residentId } : { code },
      idempotencyKey,
    }),
  checkInResidents: (id: number, residentIds: number[], idempotencyKey: string) =>
    request<CheckinResult>(`/activities/${id}/checkins`, { body: { resident_ids: residentIds }, idempotencyKey }),
  proposeHosting: (input: HostingInput, idempotencyKey: string) =>
    request<Activity>('/activities/hosting', { body: input, idempotencyKey }),
  decideHosting: (id: number, decision: HostingDecision, idempotencyKey: string) =>
    request<Activity>(`/activities/${id}/hosting-decision`, { body: decision, idempotencyKey }),
  signups: (id: number) => request<{ items: Signup[] }>(`/activities/${id}/signups`),
  recordMinutes: (id: number, minutes: string) =>
    request<Activity>(`/activities/${id}/minutes`, { method: 'PUT', body: { minutes } }),

  proposals: (communityId: number | undefined, state?: ProposalState) =>
    request<{ items: Proposal[]; warnings: { stalled_topic: number; response_overdue: number } }>('/proposals', {
      query: { community_id: communityId, state },
    }),
  proposal: (id: number) => request<Proposal>(`/proposals/${id}`),
  createProposal: (title: string, body: string, submit: boolean, idempotencyKey: string) =>
    request<Proposal>('/proposals', { body: { title, body, submit }, idempotencyKey }),
  proposalTransition: (id: number, action: 'submit' | 'withdraw', idempotencyKey: string) =>
    request<Proposal>(`/proposals/${id}/transitions`, { body: { action }, idempotencyKey }),
  second: (id: number, idempotencyKey: string) =>
    request<Proposal>(`/proposals/${id}/seconds`, { method: 'POST', idempotencyKey }),
  putOnAgenda: (id: number, activityId: number, idempotencyKey: string) =>
    request<Proposal>(`/proposals/${id}/agenda`, { body: { activity_id: activityId }, idempotencyKey }),
  motion: (id: number, step: MotionStep, idempotencyKey: string) =>
    request<Proposal>(`/proposals/${id}/motion`, { body: { step }, idempotencyKey }),
  vote: (id: number, choice: VoteChoice, idempotencyKey: string) =>
    request<unknown>(`/proposals/${id}/votes`, { body: { choice }, idempotencyKey }),
  outcome: (id: number, note: string | undefined, idempotencyKey: string) =>
    request<Proposal>(`/proposals/${id}/outcome`, { body: note ? { note } : {}, idempotencyKey }),
  respond: (id: number, response: string, idempotencyKey: string) =>
    request<Proposal>(`/proposals/${id}/response`, { body: { response }, idempotencyKey }),
  settings: (communityId: number | undefined) =>
    request<ParticipationSettings>('/participation/settings', { query: { community_id: communityId } }),
  setSettings: (settings: ParticipationSettings) =>
    request<ParticipationSettings>('/participation/settings', { method: 'PUT', body: settings }),
};
