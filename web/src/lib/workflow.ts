// Which case actions the console offers for a request's state and the user's role: a mirror
// of the server's state machine (src/modules/requests/workflow.cpp), used only to decide what
// buttons to show; the server still decides, and its refusal is shown if the two disagree.
import type { Role } from '../api/accounts';
import type { RequestStatus, TransitionAction } from '../api/requests';

const OPEN: RequestStatus[] = ['submitted', 'accepted', 'assigned', 'in_progress', 'reopened'];

export const CONSOLE_ACTIONS: TransitionAction[] = ['accept', 'assign', 'start', 'resolve', 'close', 'comment'];

/** Actions whose note is required (by the server, or by us because residents read it). */
export const NOTE_REQUIRED: TransitionAction[] = ['resolve', 'comment', 'reject', 'reopen'];

export function availableActions(status: RequestStatus, role: Role): TransitionAction[] {
  const worker = role === 'staff' || role === 'guide' || role === 'admin';
  const manager = role === 'staff' || role === 'admin';
  const actions: TransitionAction[] = [];
  if (worker && (status === 'submitted' || status === 'reopened')) actions.push('accept');
  if (worker && OPEN.includes(status)) actions.push('assign');
  if (worker && ['accepted', 'assigned', 'reopened'].includes(status)) actions.push('start');
  if (worker && OPEN.includes(status)) actions.push('resolve');
  if (manager && status === 'resolved') actions.push('close');
  if (worker || role === 'street') actions.push('comment');
  return actions;
}
