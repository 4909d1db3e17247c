// Pure rules the participation pages need, apart from Vue and the network: which activities are
// still to come and on which channel, how far a proposal is from enough seconds, which motion
// step comes next at a meeting, the quorum as the server counts it, and survey answers checked
// before they are sent. The server stays the judge; these only shape what the page offers.
import type {
  Activity,
  AgendaItem,
  Channel,
  Motion,
  MotionStep,
  ParticipationSettings,
  Proposal,
  ProposalState,
} from '../api/participation';
import type { Question, SurveyAnswer } from '../api/civic';

export const CHANNELS: Channel[] = ['online_hall', 'building_corner', 'tenant_reps', 'community'];

/**
 * Activities a resident may still act on, soonest first: not over yet, or over but still open
 * for checking in with the code. Both are the server's word (the activity's `ended` and
 * `self_checkin_open`, from the rules in participation/rules.hpp), never this device's clock.
 */
export function upcoming(activities: Activity[]): Activity[] {
  return activities
    .filter((activity) => !activity.ended || activity.self_checkin_open)
    .sort((a, b) => Date.parse(a.starts_at) - Date.parse(b.starts_at));
}

/** The activities of each channel, channels in a fixed order and empty ones left out. */
export function byChannel(activities: Activity[]): { channel: Channel; items: Activity[] }[] {
  return CHANNELS.map((channel) => ({ channel, items: activities.filter((a) => a.channel === channel) })).filter(
    (group) => group.items.length > 0,
  );
}

export interface SecondingProgress {
  count: number;
  required: number;
  /** Seconds still missing; 0 once enough. */
  missing: number;
  /** 0..100 for a meter. */
  percent: number;
}

export function secondingProgress(proposal: Pick<Proposal, 'seconds' | 'seconds_required'>): SecondingProgress {
  const required = Math.max(1, proposal.seconds_required);
  const count = Math.max(0, proposal.seconds);
  return {
    count,
    required,
    missing: Math.max(0, required - count),
    percent: Math.min(100, Math.round((count * 100) / required)),
  };
}

/** Whether a resident may second it: seconding, and not their own household's. */
export function maySecond(proposal: Pick<Proposal, 'state' | 'own'>): boolean {
  return proposal.state === 'seconding' && !proposal.own;
}

/** States from which staff may put a proposal on a meeting's agenda. */
export const AGENDA_READY: ProposalState[] = ['eligible', 'no_quorum', 'deferred'];

export function mayPutOnAgenda(state: ProposalState): boolean {
  return AGENDA_READY.includes(state);
}

/** The agenda item of the meeting the proposal is on now (the newest), if any. */
export function currentItem(proposal: Pick<Proposal, 'agenda'>): AgendaItem | null {
  const agenda = proposal.agenda ?? [];
  return agenda.length ? agenda[agenda.length - 1] : null;
}

/** Whether the vote is open: on the agenda with the motion called to a vote. */
export function votingOpen(proposal: Pick<Proposal, 'state' | 'agenda'>): boolean {
  return proposal.state === 'on_agenda' && currentItem(proposal)?.motion === 'voting';
}

/** The steps the chair may take next (simplified Robert's Rules); deferring is always one. */
export function nextSteps(motion: Motion): MotionStep[] {
  switch (motion) {
    case 'scheduled':
      return ['move', 'defer'];
    case 'moved':
      return ['second', 'defer'];
    case 'debating':
      return ['call_vote', 'defer'];
    case 'voting':
      return ['defer'];
    default:
      return [];
  }
}

export interface QuorumView {
  present: number;
  voted: number;
  /** Votes needed for the quorum at this attendance. */
  votesNeeded: number;
  met: boolean;
  passes: boolean;
}

/**
 * The server's rule: present >= quorum_min_households and voted * 100 >= quorum_percent *
 * present; passes with the quorum and a strict majority of yes over no.
 */
export function quorumView(
  item: Pick<AgendaItem, 'present_households' | 'yes' | 'no' | 'abstain'>,
  settings: Pick<ParticipationSettings, 'quorum_percent' | 'quorum_min_households'>,
): QuorumView {
  const present = item.present_households;
  const voted = item.yes + item.no + item.abstain;
  const votesNeeded = Math.ceil((settings.quorum_percent * present) / 100);
  const met = present >= settings.quorum_min_households && voted * 100 >= settings.quorum_percent * present;
  return { present, voted, votesNeeded, met, passes: met && item.yes > item.no };
}

/** A draft of survey answers as the form holds them. */
export type AnswerDraft = Record<number, number | number[] | string | null | undefined>;

/**
 * The answers to send, or the ids of required questions left unanswered. Empty optional
 * answers are left out; free text is trimmed.
 */
export function buildAnswers(
  questions: Question[],
  draft: AnswerDraft,
): { answers: SurveyAnswer[]; missing: number[] } {
  const answers: SurveyAnswer[] = [];
  const missing: number[] = [];
  for (const question of questions) {
    const raw = draft[question.id];
    let value: SurveyAnswer['value'] | null = null;
    if (question.kind === 'multiple_choice') {
      value = Array.isArray(raw) && raw.length ? [...raw].sort((a, b) => a - b) : null;
    } else if (question.kind === 'text') {
      value = typeof raw === 'string' && raw.trim() ? raw.trim() : null;
    } else if (typeof raw === 'number' && Number.isInteger(raw)) {
      value = raw;
    }
    if (value === null) {
      if (question.required) missing.push(question.id);
      continue;
    }
    answers.push({ question_id: question.id, value });
  }
  return { answers, missing };
}

/** Resident numbers typed as "12, 13 14" (full-width commas too); bad entries dropped. */
export function parseIds(text: string): number[] {
  const ids = text
    .split(/[,，、\s]+/)
    .filter(Boolean)
    .map(Number)
    .filter((id) => Number.isInteger(id) && id > 0);
  return [...new Set(ids)];
}

/** A datetime-local value ("2026-12-01T19:30"), read in the community's zone, as ISO 8601. */
export function localToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  return `${value}:00+08:00`;
}

/** Minutes as "1 小时 30 分" parts, for the time bank. */
export function hoursAndMinutes(minutes: number): { hours: number; minutes: number; negative: boolean } {
  const negative = minutes < 0;
  const total = Math.abs(minutes);
  return { hours: Math.floor(total / 60), minutes: total % 60, negative };
}
