// The error text of the insight pages: our words for the warnings module's own refusals
// (check_pending, improvement_exists…, whose server messages are English only), otherwise the
// application's usual error text.
import { useI18n } from 'vue-i18n';
import { ApiError } from '../api/client';
import { useErrorText } from './errors';

export function useInsightErrorText() {
  const { t, te } = useI18n();
  const common = useErrorText();
  return (error: unknown): string => {
    if (error instanceof ApiError && te(`insight.errors.${error.code}`)) return t(`insight.errors.${error.code}`);
    return common(error);
  };
}

/** Whether the thing changed under the user (refresh the list). */
export function isStale(error: unknown): boolean {
  return error instanceof ApiError && ['invalid_stage', 'already_resolved'].includes(error.code);
}
