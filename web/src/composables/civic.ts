// Error wording of the civic and assistant back-office pages: their own server codes
// (civic.errors.<code>), then the participation pages' wording, then the shared one.
import { useI18n } from 'vue-i18n';
import { ApiError } from '../api/client';
import { usePartWords } from './participation';

export function useCivicError() {
  const { t, te } = useI18n();
  const { partError } = usePartWords();
  return (error: unknown): string => {
    if (error instanceof ApiError && te(`civic.errors.${error.code}`)) return t(`civic.errors.${error.code}`);
    return partError(error);
  };
}
