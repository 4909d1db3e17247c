// Words for the multi-party funding platform: party kinds (政府 / 企业 / 基金会 / 居民), need
// types, yuan amounts, and the server's refusals of pledges and receipts said plainly.
import { useI18n } from 'vue-i18n';
import { ApiError } from '../api/client';
import { fenToYuan } from '../lib/plans';
import { usePlanWords } from './plans';

export function useFundingWords() {
  const { t, te } = useI18n();
  const { planError, categoryLabel } = usePlanWords();
  const named = (prefix: string, code: string) => (te(`${prefix}.${code}`) ? t(`${prefix}.${code}`) : code);
  return {
    partyKindLabel: (kind: string) => named('funding.kind', kind),
    needLabel: (need: string) => named('funding.needType', need),
    categoryLabel,
    yuan: (fen: number) => t('board.yuan', { amount: fenToYuan(fen) }),
    fundingError: (error: unknown) =>
      error instanceof ApiError && te(`funding.errors.${error.code}`) ? t(`funding.errors.${error.code}`) : planError(error),
  };
}
