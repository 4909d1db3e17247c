// Words of the time bank's marketplace: a service type in the page's language (part.service),
// the neighbour's line with the age band, a length in hours and minutes, a date, and the
// server's error codes with the marketplace's own wording first (timeMarket.errors.<code>).
import { useI18n } from 'vue-i18n';
import { formatDateTime } from '../lib/format';
import { hoursAndMinutes } from '../lib/participation';
import { neighbourLine } from '../lib/market';
import type { AgeBand } from '../api/timebank';
import { useSectionErrorText } from './sectionErrors';

export function useMarketWords() {
  const { t, te, locale } = useI18n();
  const errorText = useSectionErrorText('timeMarket');
  return {
    serviceLabel: (code: string) => (te(`part.service.${code}`) ? t(`part.service.${code}`) : code),
    neighbour: (name: string, building: string | null | undefined, band: AgeBand | string | null | undefined) =>
      neighbourLine(name, building, band, (key) => t(key)),
    duration: (minutes: number) => {
      const { hours: h, minutes: m } = hoursAndMinutes(minutes);
      if (h === 0) return t('timeMarket.record.lenM', { m });
      return m === 0 ? t('timeMarket.record.lenH', { h }) : t('timeMarket.record.lenHM', { h, m });
    },
    when: (iso: string) => formatDateTime(iso, locale.value),
    errorText,
  };
}
