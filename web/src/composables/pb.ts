// Words the budgeting pages share: amounts in 元, rule and window names, dates in the
// community's zone, and the server's refusals in the page's language.
import { useI18n } from 'vue-i18n';
import { ApiError } from '../api/client';
import { formatDateTime } from '../lib/format';
import { toYuan } from '../lib/pb';
import { useErrorText } from './errors';

export function usePbWords() {
  const { t, te, locale } = useI18n();
  const errorText = useErrorText();
  const money = (amount: number, decimals = 0) =>
    t('pb.yuan', {
      amount: toYuan(amount, decimals).toLocaleString(locale.value, { maximumFractionDigits: decimals }),
    });
  const ruleLabel = (rule: string) => (te(`pb.rule.${rule}`) ? t(`pb.rule.${rule}`) : t('pb.rule.other', { rule }));
  const when = (iso: string | null | undefined) => formatDateTime(iso, locale.value);
  const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
  const pbError = (error: unknown) => {
    if (error instanceof ApiError && te(`pb.errors.${error.code}`)) return t(`pb.errors.${error.code}`);
    return errorText(error);
  };
  return { t, money, ruleLabel, when, percent, pbError };
}
