// Pure rules of the online hall (线上议事厅, issue 19): the video link staff type (an https://
// link, as the server takes it), which of a proposal's meetings is the one it is voted at now,
// and why a vote cannot be cast there — said from the server's fields (the activity's `ended`,
// the motion), never from this device's clock.
import type { Activity, AgendaItem, Proposal } from '../api/participation';

export type VideoUrlProblem = 'https' | 'too_long' | 'spaces';

/** What is wrong with a typed video link, or null (an empty one is no link: also null). */
export function videoUrlProblem(typed: string): VideoUrlProblem | null {
  const url = typed.trim();
  if (!url) return null;
  if (!/^https:\/\/[^/\s]+/i.test(url) || !url.startsWith('https://')) return 'https';
  if (url.length > 500) return 'too_long';
  if (/[\s"<>]/.test(url)) return 'spaces';
  return null;
}

/** An online-hall meeting with its video room. */
export function hasVideo(activity: Pick<Activity, 'channel' | 'video_url'> | null | undefined): boolean {
  return !!activity && activity.channel === 'online_hall' && !!activity.video_url;
}

/** The agenda item of the meeting where the proposal stands now (on the agenda), if any. */
export function liveItem(proposal: Pick<Proposal, 'state' | 'agenda'>): AgendaItem | null {
  if (proposal.state !== 'on_agenda') return null;
  const agenda = proposal.agenda ?? [];
  return agenda.length ? agenda[agenda.length - 1] : null;
}

/** Proposals whose current agenda item is at the given meeting. */
export function proposalsAt<P extends Pick<Proposal, 'state' | 'agenda'>>(proposals: P[], activityId: number): P[] {
  return proposals.filter((p) => liveItem(p)?.activity_id === activityId);
}

export type VoteState = 'open' | 'not_voting' | 'online_ended';

/**
 * Whether a household may vote on the proposal at this meeting: the motion must be put to the
 * vote, and an online meeting's vote closes when the meeting ends (the server then answers
 * 409 voting_closed).
 */
export function voteState(
  proposal: Pick<Proposal, 'state' | 'agenda'>,
  meeting: Pick<Activity, 'channel' | 'ended'> | null | undefined,
): VoteState {
  const item = liveItem(proposal);
  if (!item || item.motion !== 'voting') return 'not_voting';
  if (meeting && meeting.channel === 'online_hall' && meeting.ended) return 'online_ended';
  return 'open';
}

/**
 * The key of the words for a server refusal at an online meeting: `voting_closed` from an
 * online hall reads as "the online meeting has ended" (the server's reason there); other codes
 * go to the shared wording (null).
 */
export function hallErrorKey(code: string, meeting: Pick<Activity, 'channel'> | null | undefined): string | null {
  if (code === 'invalid_video_url') return 'hall.errors.invalid_video_url';
  if (code === 'voting_closed' && meeting?.channel === 'online_hall') return 'hall.errors.voting_closed';
  return null;
}
