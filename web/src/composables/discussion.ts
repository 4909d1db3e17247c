// A discussion's words: the author's role badge, a flag reason's name, why a hidden comment is
// hidden (the flags' own sentence in the reader's language), and the server's refusals
// (discussion.errors.<code> first; a 403 said for what was tried).
import { useI18n } from 'vue-i18n';
import { ApiError } from '../api/client';
import type { Comment } from '../api/discussion';
import { useSectionErrorText } from './sectionErrors';

export function useDiscussionWords() {
  const { t, te } = useI18n();
  const sectionError = useSectionErrorText('discussion');
  return {
    /** "社区工作人员" / "指导员" / "管理员"; "" for residents (no badge). */
    roleLabel: (role: string): string => (role !== 'resident' && te(`discussion.role.${role}`) ? t(`discussion.role.${role}`) : ''),
    reasonLabel: (reason: string): string => (te(`discussion.reason.${reason}`) ? t(`discussion.reason.${reason}`) : reason),
    hiddenReason: (comment: Pick<Comment, 'hidden_by_flags' | 'hidden_reason'>): string =>
      comment.hidden_by_flags ? t('discussion.hiddenByFlags') : (comment.hidden_reason ?? ''),
    errorText: (error: unknown, doing: 'write' | 'flag' | 'moderate' | 'read' = 'read'): string => {
      if (error instanceof ApiError && error.status === 403) {
        if (doing === 'flag') return t('discussion.errors.flagForbidden');
        if (doing === 'write') return t('discussion.errors.writeForbidden');
      }
      return sectionError(error);
    },
  };
}
