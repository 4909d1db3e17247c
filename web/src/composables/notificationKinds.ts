// The name of a notification kind ("request.resolved") in the reader's language, for the inbox
// and the staff's channels page; "*" is every kind; an unknown kind shows as written.
import { useI18n } from 'vue-i18n';

export function useNotificationKinds() {
  const { t, te } = useI18n();
  return {
    kindLabel(kind: string): string {
      if (kind === '*') return t('channels.allEvents');
      const key = `inbox.kind.${kind.replace(/\./g, '_')}`;
      return te(key) ? t(key) : kind;
    },
  };
}
