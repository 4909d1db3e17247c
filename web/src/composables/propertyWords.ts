// Words of the property back office: categories, sources and destinations in the page's
// language (a code the translations do not know is shown as typed), money as ¥ with two
// decimals, and the server's refusals of this module in words before the shared error text.
import { useI18n } from 'vue-i18n';
import { ApiError } from '../api/client';
import { fenToYuan } from '../lib/plans';
import { useErrorText } from './errors';

export function usePropertyWords() {
  const { t, te } = useI18n();
  const shared = useErrorText();
  /** A code of a vocabulary group: ours first (propertyStaff.<group>), then the resident page's. */
  const word = (group: string, code: string): string => {
    for (const key of [`propertyStaff.${group}.${code}`, `property.${group}.${code}`]) {
      if (te(key)) return t(key);
    }
    return code;
  };
  const yuan = (fen: number | null | undefined): string => (fen === null || fen === undefined ? '—' : `¥${fenToYuan(fen)}`);
  const errorText = (error: unknown): string => {
    if (error instanceof ApiError && te(`propertyStaff.errors.${error.code}`)) {
      return t(`propertyStaff.errors.${error.code}`);
    }
    if (error instanceof ApiError && te(`propertyFund.errors.${error.code}`)) {
      return t(`propertyFund.errors.${error.code}`);
    }
    return shared(error);
  };
  return { word, yuan, errorText };
}
