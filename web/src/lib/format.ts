// Dates and times as residents read them: always in the community's zone (Asia/Shanghai),
// whatever the device's zone is.
export const COMMUNITY_TIME_ZONE = 'Asia/Shanghai';

export function formatDateTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    timeZone: COMMUNITY_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(date);
}

/** What a person typed as a tracking code, normalised to "XXXX-XXXXX" when it has 9 symbols. */
export function normalizeTrackingCode(typed: string): string {
  const symbols = typed.toUpperCase().replace(/[\s-]/g, '');
  if (symbols.length !== 9) return typed.trim().toUpperCase();
  return `${symbols.slice(0, 4)}-${symbols.slice(4)}`;
}

/**
 * A note in brackets after a text, in the page's language: full-width （） in Chinese, a space
 * and ASCII () in English ("社区食堂意见征集 (open)", never "…（open）").
 */
export function bracketed(text: string, note: string, locale: string): string {
  if (locale.startsWith('zh')) return `${text}（${note}）`;
  return text ? `${text} (${note})` : `(${note})`;
}
