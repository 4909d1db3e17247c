// The notice board's words (社区公告): a kind's name, whom a notice is for, how long it is
// valid, and the server's refusals in the reader's language (announcements.errors.<code> first).
import { useI18n } from 'vue-i18n';
import type { Announcement } from '../api/announcements';
import { scopeNames, validThroughDay } from '../lib/announcements';
import { useSectionErrorText } from './sectionErrors';

export function useAnnouncementWords() {
  const { t, te } = useI18n();
  const errorText = useSectionErrorText('announcements');
  return {
    kindLabel: (kind: string): string => (te(`announcements.kind.${kind}`) ? t(`announcements.kind.${kind}`) : kind),
    /** "全社区" or "3号楼、5号楼". */
    scopeText: (notice: Pick<Announcement, 'buildings'>): string => {
      const names = scopeNames(notice);
      return names.length ? names.join('、') : t('announcements.wholeCommunity');
    },
    /** "有效期至 2026-12-09" or "长期有效". */
    validText: (notice: Pick<Announcement, 'valid_until'>): string => {
      const day = validThroughDay(notice.valid_until);
      return day ? t('announcements.validThrough', { day }) : t('announcements.noEnd');
    },
    /** "2026-12-09" or "长期有效", after a label 有效期至. */
    validDay: (notice: Pick<Announcement, 'valid_until'>): string =>
      validThroughDay(notice.valid_until) ?? t('announcements.noEnd'),
    errorText,
  };
}
