// Turns whatever a call threw into one sentence in the page's language: our own wording for
// the codes residents meet most, otherwise the server's message (its half in this language).
import { useI18n } from 'vue-i18n';
import { ApiError, pickLanguage } from '../api/client';

export function useErrorText() {
  const { t, te, locale } = useI18n();
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      if (error.code === 'network') return t('errors.network');
      const key = `errors.${error.code}`;
      if (te(key)) return t(key);
      if (error.status === 401) return t('errors.unauthorized');
      if (error.message && !error.code.startsWith('http_')) {
        return pickLanguage(error.message, locale.value);
      }
      if (error.status === 403) return t('errors.forbidden');
    }
    return t('errors.generic');
  };
}
