// What a discussion thread shows to whom, as pure functions the thread component draws from:
// which buttons each comment offers the reader (reply only under a top-level comment, flag
// only a neighbour's visible comment, hide and restore for staff), how a hidden comment reads,
// and the moderation queue's order. The server decides; these only avoid offering what it would
// refuse.
import type { Comment, FlagReason, QueueItem, SubjectType } from '../api/discussion';

export type ViewerRole = 'resident' | 'guide' | 'staff' | 'admin' | 'street';

export interface Viewer {
  role: ViewerRole | undefined;
  /** Whether the subject takes comments now (the thread's `open`). */
  open: boolean;
}

/** Street supervisors read only; anyone else logged in writes (a resident with a household). */
export function mayWrite(role: ViewerRole | undefined): boolean {
  return role === 'resident' || role === 'guide' || role === 'staff' || role === 'admin';
}

/** Staff and administrators hide and restore comments. */
export function mayModerate(role: ViewerRole | undefined): boolean {
  return role === 'staff' || role === 'admin';
}

export interface CommentActions {
  reply: boolean;
  flag: boolean;
  hide: boolean;
  restore: boolean;
}

/** The buttons a comment offers this reader. */
export function commentActions(comment: Comment, viewer: Viewer): CommentActions {
  const visible = comment.status === 'visible';
  return {
    // Threads are one level deep: replies answer a top-level comment.
    reply: viewer.open && mayWrite(viewer.role) && comment.parent_id === null && visible,
    // Residents flag another household's comment once each (the server says which: may_flag).
    flag:
      viewer.role === 'resident' && !comment.mine && comment.may_flag && !comment.flagged_by_me && visible,
    // A comment hidden by flags waits for staff: they hide it for good with a reason, or restore it.
    hide: mayModerate(viewer.role) && (visible || comment.hidden_by_flags),
    restore: mayModerate(viewer.role) && !visible,
  };
}

export type CommentDisplay =
  /** The body as written. */
  | { kind: 'visible' }
  /** Hidden: only the reason (a neighbour reading it). */
  | { kind: 'hidden'; byFlags: boolean }
  /** Hidden, and the reader still sees the body greyed (staff, the author). */
  | { kind: 'hiddenWithBody'; byFlags: boolean };

export function commentDisplay(comment: Comment): CommentDisplay {
  if (comment.status === 'visible') return { kind: 'visible' };
  const byFlags = comment.hidden_by_flags;
  return comment.body ? { kind: 'hiddenWithBody', byFlags } : { kind: 'hidden', byFlags };
}

/** Comments and replies in a thread. */
export function countComments(comments: Comment[]): number {
  return comments.reduce((sum, comment) => sum + 1 + comment.replies.length, 0);
}

/** The thread with one comment replaced by the server's new answer (found at either level). */
export function replaceComment(comments: Comment[], changed: Comment): Comment[] {
  return comments.map((comment) => {
    if (comment.id === changed.id) return { ...changed, replies: changed.replies.length ? changed.replies : comment.replies };
    if (comment.replies.some((reply) => reply.id === changed.id)) {
      return { ...comment, replies: comment.replies.map((reply) => (reply.id === changed.id ? changed : reply)) };
    }
    return comment;
  });
}

/** The thread with a new comment added: a reply under its parent, a top-level comment last. */
export function addComment(comments: Comment[], added: Comment): Comment[] {
  if (added.parent_id === null) return [...comments, { ...added, replies: added.replies ?? [] }];
  return comments.map((comment) =>
    comment.id === added.parent_id ? { ...comment, replies: [...comment.replies, added] } : comment,
  );
}

/** Each reason once with how many flags gave it, the most given first ("隐私 ×2"). */
export function reasonCounts(reasons: FlagReason[]): { reason: FlagReason; count: number }[] {
  const counts = new Map<FlagReason, number>();
  for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count);
}

/** Where a resident reads a subject's discussion; officials go where staff read it. */
export function readerSubjectLink(type: SubjectType, id: number, role: ViewerRole | undefined): string {
  if (role !== 'resident') return subjectLink(type, id);
  if (type === 'proposal') return `/resident/proposals/${id}`;
  if (type === 'plan') return `/board/plans/${id}`;
  return `/resident/notices/${id}`;
}

/** Where staff read a subject's discussion: a proposal's, a plan's or a notice's page. */
export function subjectLink(type: SubjectType, id: number): string {
  if (type === 'proposal') return `/staff/proposals/${id}`;
  if (type === 'plan') return `/board/plans/${id}`;
  return `/staff/announcements?open=${id}`;
}

/** The queue with a reviewed comment taken out. */
export function withoutItem(items: QueueItem[], id: number): QueueItem[] {
  return items.filter((item) => item.id !== id);
}

/** Characters typed against the limit, counting what the server counts (code points). */
export function charCount(text: string): number {
  return [...text].length;
}
