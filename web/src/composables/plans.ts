// Words for allocation plans in the page's language: stages, categories, payees, amounts in
// the plan's unit, and the server's refusals (a plan's 409s) said plainly.
import { useI18n } from 'vue-i18n';
import { ApiError } from '../api/client';
import { fenToYuan, isMoney } from '../lib/plans';
import { useErrorText } from './errors';

export function usePlanWords() {
  const { t, te } = useI18n();
  const errorText = useErrorText();
  const named = (prefix: string, code: string) => (te(`${prefix}.${code}`) ? t(`${prefix}.${code}`) : code);
  return {
    stageLabel: (stage: string) => named('stage', stage),
    actionLabel: (action: string) => named('planAction', action),
    /** The five planned services by name; budgeting projects keep the name they were given. */
    categoryLabel: (category: string) => named('serviceCategory', category),
    payeeLabel: (payee: string) => named('payee', payee),
    /** 1250000 fen → "12,500.00 元"; 60 places → "60 个名额". */
    amount: (value: number, unit: string) =>
      isMoney(unit) ? t('board.yuan', { amount: fenToYuan(value) }) : t('board.units', { amount: value }),
    planError: (error: unknown) =>
      error instanceof ApiError && te(`planErrors.${error.code}`) ? t(`planErrors.${error.code}`) : errorText(error),
  };
}
