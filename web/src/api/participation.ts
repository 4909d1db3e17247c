// Participation (/api/v1/activities, /proposals, /participation): activities and meetings with
// sign-ups, check-ins and minutes; resident proposals with seconding, the agenda, the motion
// (move, second, call the vote), votes, the outcome and the required public response.
import { request } from './client';
import type { Answer, Body, Item, With } from './types';

export type ActivityKind = 'meeting' | 'activity' | 'volunteer' | 'skill_sharing';
export type Channel = 'online_hall' | 'building_corner' | 'tenant_reps' | 'community';

/**
 * An activity or meeting. video_url: the online hall's video meeting (https), null elsewhere;
 * my_household_checked_in: for a resident reading one activity; checkin_code: only for those
 * who run it; ended, signup_open, the check-in window: its windows at the server's now
 * (participation/rules.hpp), pages offer what these allow. 社区主理人 (issue 19): a resident's
 * activity waits for staff (status proposed) until approved or declined; is_host: the logged-in
 * resident hosts it; budget_fen: requested fen while proposed, the approved budget afterwards.
 */
export type Activity = With<
  Item<Answer<'get', '/api/v1/activities'>>,
  { kind: ActivityKind; channel: Channel; status: HostingStatus; my_household_checked_in?: boolean }
>;

export type HostingStatus = 'proposed' | 'approved' | 'declined';
export type HostingKind = 'activity' | 'volunteer' | 'skill_sharing';

/** agenda: what, for whom, how. */
export type HostingInput = With<Body<'post', '/api/v1/activities/hosting'>, { kind: HostingKind }>;

export type HostingDecision =
  | { decision: 'approve'; note?: string; plan_id?: number; category?: string; budget_fen?: number }
  | { decision: 'decline'; note: string };

/** name: masked (张**) for the host. */
export type Signup = Item<Answer<'get', '/api/v1/activities/{id}/signups'>>;

/** video_url: online hall only, the https link of its video meeting (400 invalid_video_url otherwise). */
export type ActivityInput = With<
  Body<'post', '/api/v1/activities'>,
  { kind: ActivityKind; channel: Channel }
>;

export type CheckinResult = Answer<'post', '/api/v1/activities/{id}/checkins'>;

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

type ProposalAnswer = Answer<'get', '/api/v1/proposals/{id}'>;

/** my_household_present, my_vote: the reading resident's household at the meeting. */
export type AgendaItem = With<
  NonNullable<ProposalAnswer['agenda']>[number],
  { motion: Motion; my_vote: VoteChoice | null }
>;

/** seconded: the reader's household seconded it. agenda: GET by id only. */
export type Proposal = With<
  Item<Answer<'get', '/api/v1/proposals'>>,
  { state: ProposalState; agenda?: AgendaItem[] }
>;

export type ParticipationSettings = Answer<'get', '/api/v1/participation/settings'>;

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
