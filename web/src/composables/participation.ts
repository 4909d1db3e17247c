// Words for the participation pages: channels, kinds, proposal states, motion steps, and every
// server error code of activities, proposals, surveys and the time bank said in the page's
// language (part.errors.<code>), falling back to the shared wording.
import { useI18n } from 'vue-i18n';
import { ApiError } from '../api/client';
import { useErrorText } from './errors';
import { formatDateTime } from '../lib/format';

export function usePartWords() {
  const { t, te, locale } = useI18n();
  const errorText = useErrorText();
  const word = (group: string, code: string) => (te(`part.${group}.${code}`) ? t(`part.${group}.${code}`) : code);
  return {
    channelLabel: (code: string) => word('channel', code),
    kindLabel: (code: string) => word('kind', code),
    stateLabel: (code: string) => word('state', code),
    motionLabel: (code: string) => word('motion', code),
    stepLabel: (code: string) => word('step', code),
    choiceLabel: (code: string) => word('choice', code),
    serviceLabel: (code: string) => word('service', code),
    when: (iso: string | null | undefined) => formatDateTime(iso, locale.value),
    partError: (error: unknown): string => {
      if (error instanceof ApiError && te(`part.errors.${error.code}`)) return t(`part.errors.${error.code}`);
      return errorText(error);
    },
  };
}
