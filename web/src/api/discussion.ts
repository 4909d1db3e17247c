// Discussion with moderation (/api/v1/comments): threads one level deep under a proposal, a plan
// in public notice or an announcement; residents flag a comment (three households' flags hide
// it until staff look); staff hide it with a public reason or restore it; the moderation queue.
// The types are written by hand to match src/modules/discussion/routes.cpp until the generated
// schema (schema.gen.ts) has these routes.
import { request } from './client';

export type SubjectType = 'proposal' | 'plan' | 'announcement';
export type AuthorRole = 'resident' | 'guide' | 'staff' | 'admin';
export type FlagReason = 'spam' | 'abuse' | 'privacy' | 'off_topic' | 'other';
export const FLAG_REASONS: FlagReason[] = ['spam', 'abuse', 'privacy', 'off_topic', 'other'];
/** The longest comment the server takes, in characters. */
export const MAX_COMMENT = 1000;
/** The longest public reason for hiding. */
export const MAX_HIDE_REASON = 200;

export interface Comment {
  id: number;
  subject_type: SubjectType;
  subject_id: number;
  parent_id: number | null;
  /** Masked ("张*博") when a resident reads another household's comment. */
  author_name: string;
  author_building: string | null;
  author_role: AuthorRole;
  mine: boolean;
  /** "" when hidden, except for officials and the author. */
  body: string;
  status: 'visible' | 'hidden';
  hidden_reason: string | null;
  /** Hidden by three households' flags, staff not yet looked. */
  hidden_by_flags: boolean;
  flagged_by_me: boolean;
  /** The reader may flag it: a resident reading another household's visible comment. */
  may_flag: boolean;
  /** ISO-8601 instant. */
  created_at: string;
  /** Top-level comments only, oldest first. */
  replies: Comment[];
  /** Officials only: how many flags it has. */
  flags?: number;
}

export interface Thread {
  subject_type: SubjectType;
  subject_id: number;
  /** Whether comments are taken now (a plan only while in public notice). */
  open: boolean;
  /** Comments and replies together. */
  count: number;
  comments: Comment[];
}

export interface QueueItem extends Comment {
  subject_title: string;
  flag_reasons: FlagReason[];
}

export interface NewComment {
  subject_type: SubjectType;
  subject_id: number;
  parent_id?: number;
  body: string;
}

export const discussionApi = {
  thread: (subjectType: SubjectType, subjectId: number) =>
    request<Thread>('/comments', { query: { subject_type: subjectType, subject_id: subjectId } }),
  post: (input: NewComment) => request<Comment>('/comments', { body: input }),
  get: (id: number) => request<Comment>(`/comments/${id}`),
  flag: (id: number, reason: FlagReason, note?: string) =>
    request<Comment>(`/comments/${id}/flags`, { body: note ? { reason, note } : { reason } }),
  moderate: (id: number, action: 'hide' | 'restore' | 'keep', reason?: string) =>
    request<Comment>(`/comments/${id}/moderation`, { body: reason ? { action, reason } : { action } }),
  queue: (communityId: number) =>
    request<{ items: QueueItem[] }>('/comments/moderation', { query: { community_id: communityId } }),
};
