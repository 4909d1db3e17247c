import { describe, expect, it } from 'vitest';
import type { Comment } from '../api/discussion';
import {
  addComment,
  charCount,
  commentActions,
  commentDisplay,
  countComments,
  mayWrite,
  reasonCounts,
  replaceComment,
  subjectLink,
} from './discussion';

function comment(over: Partial<Comment> = {}): Comment {
  return {
    id: 1,
    subject_type: 'proposal',
    subject_id: 7,
    parent_id: null,
    author_name: '张*博',
    author_building: '3号楼',
    author_role: 'resident',
    mine: false,
    body: '支持！',
    status: 'visible',
    hidden_reason: null,
    hidden_by_flags: false,
    flagged_by_me: false,
    may_flag: true,
    created_at: '2026-12-01T10:00:00.000+08:00',
    replies: [],
    ...over,
  };
}

describe('who sees which button on a comment', () => {
  const open = { role: 'resident' as const, open: true };

  it('offers a reply only under a visible top-level comment while the subject is open', () => {
    expect(commentActions(comment(), open).reply).toBe(true);
    expect(commentActions(comment({ parent_id: 1, id: 2 }), open).reply).toBe(false);
    expect(commentActions(comment(), { ...open, open: false }).reply).toBe(false);
    expect(commentActions(comment({ status: 'hidden', body: '' }), open).reply).toBe(false);
    expect(commentActions(comment(), { role: 'street', open: true }).reply).toBe(false);
    expect(commentActions(comment(), { role: 'staff', open: true }).reply).toBe(true);
  });

  it('lets a resident flag a neighbour’s visible comment once, never their own; officials do not flag', () => {
    expect(commentActions(comment(), open).flag).toBe(true);
    expect(commentActions(comment({ mine: true }), open).flag).toBe(false);
    expect(commentActions(comment({ flagged_by_me: true }), open).flag).toBe(false);
    // The server says a comment is the reader's own household's.
    expect(commentActions(comment({ may_flag: false }), open).flag).toBe(false);
    expect(commentActions(comment({ status: 'hidden', body: '' }), open).flag).toBe(false);
    expect(commentActions(comment(), { role: 'staff', open: true }).flag).toBe(false);
    // Flags count after the notice closed too.
    expect(commentActions(comment(), { ...open, open: false }).flag).toBe(true);
  });

  it('gives staff hide on a visible or flag-hidden comment and restore on a hidden one', () => {
    const staff = { role: 'staff' as const, open: false };
    expect(commentActions(comment(), staff)).toMatchObject({ hide: true, restore: false });
    expect(commentActions(comment({ status: 'hidden', hidden_by_flags: true }), staff)).toMatchObject({ hide: true, restore: true });
    expect(commentActions(comment({ status: 'hidden', hidden_reason: '含有他人电话号码，已隐藏' }), staff)).toMatchObject({
      hide: false,
      restore: true,
    });
    for (const role of ['resident', 'guide', 'street'] as const) {
      expect(commentActions(comment({ status: 'hidden' }), { role, open: true })).toMatchObject({ hide: false, restore: false });
    }
  });

  it('lets everyone but the street write', () => {
    expect(['resident', 'guide', 'staff', 'admin', 'street', undefined].map((role) => mayWrite(role as never))).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});

describe('how a hidden comment reads', () => {
  it('shows the reason alone to a neighbour, the greyed text to staff and the author', () => {
    expect(commentDisplay(comment())).toEqual({ kind: 'visible' });
    expect(commentDisplay(comment({ status: 'hidden', body: '', hidden_reason: '含有他人电话号码，已隐藏' }))).toEqual({
      kind: 'hidden',
      byFlags: false,
    });
    expect(commentDisplay(comment({ status: 'hidden', body: '打13800001234', hidden_by_flags: true, flags: 3 }))).toEqual({
      kind: 'hiddenWithBody',
      byFlags: true,
    });
  });
});

describe('the thread’s shape', () => {
  const thread = [comment({ id: 1, replies: [comment({ id: 2, parent_id: 1 })] }), comment({ id: 3 })];

  it('counts comments and replies', () => {
    expect(countComments(thread)).toBe(3);
    expect(countComments([])).toBe(0);
  });

  it('adds a reply under its parent and a comment last', () => {
    const withReply = addComment(thread, comment({ id: 4, parent_id: 3, author_role: 'staff' }));
    expect(withReply[1].replies.map((reply) => reply.id)).toEqual([4]);
    expect(withReply[0].replies.map((reply) => reply.id)).toEqual([2]);
    const withComment = addComment(thread, comment({ id: 5 }));
    expect(withComment.map((c) => c.id)).toEqual([1, 3, 5]);
  });

  it('replaces a changed comment at either level, keeping a top-level comment’s replies', () => {
    const hiddenTop = replaceComment(thread, comment({ id: 1, status: 'hidden', body: '', replies: [] }));
    expect(hiddenTop[0].status).toBe('hidden');
    expect(hiddenTop[0].replies.map((reply) => reply.id)).toEqual([2]);
    const flaggedReply = replaceComment(thread, comment({ id: 2, parent_id: 1, flagged_by_me: true }));
    expect(flaggedReply[0].replies[0].flagged_by_me).toBe(true);
    expect(flaggedReply[1]).toBe(thread[1]);
  });
});

describe('the moderation queue', () => {
  it('counts each reason once, the most given first', () => {
    expect(reasonCounts(['abuse', 'privacy', 'privacy'])).toEqual([
      { reason: 'privacy', count: 2 },
      { reason: 'abuse', count: 1 },
    ]);
  });

  it('links each subject to where staff read its discussion', () => {
    expect(subjectLink('proposal', 7)).toBe('/staff/proposals/7');
    expect(subjectLink('plan', 3)).toBe('/board/plans/3');
    expect(subjectLink('announcement', 9)).toBe('/staff/announcements?open=9');
  });

  it('counts characters as the server does', () => {
    expect(charCount('停水时间能不能改？')).toBe(9);
    expect(charCount('👍好')).toBe(2);
  });
});
