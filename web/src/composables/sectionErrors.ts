// Error text with a page section's own wording first: `<section>.errors.<code>` when the
// section has it (the codes only its pages meet), otherwise the shared wording of errors.ts.
import { useI18n } from 'vue-i18n';
import { ApiError } from '../api/client';
import { useErrorText } from './errors';

export function useSectionErrorText(section: string) {
  const { t, te } = useI18n();
  const shared = useErrorText();
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      const key = `${section}.errors.${error.code}`;
      if (te(key)) return t(key);
    }
    return shared(error);
  };
}
