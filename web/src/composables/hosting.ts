// Words for the 社区主理人 pages: a hosted activity's state, the kinds a resident may host, and
// the server's refusals (proposal_limit, line_overspent, already_decided…) said in the page's
// language (hosts.errors.<code>), falling back to the participation and shared wording.
import { useI18n } from 'vue-i18n';
import { ApiError } from '../api/client';
import { usePartWords } from './participation';

export function useHostWords() {
  const { t, te } = useI18n();
  const part = usePartWords();
  return {
    ...part,
    statusLabel: (status: string | undefined) => (status && te(`hosts.status.${status}`) ? t(`hosts.status.${status}`) : (status ?? '')),
    hostError: (error: unknown): string => {
      if (error instanceof ApiError && te(`hosts.errors.${error.code}`)) return t(`hosts.errors.${error.code}`);
      return part.partError(error);
    },
  };
}
