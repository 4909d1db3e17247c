// Per-device preferences kept in localStorage: the page language and the elderly-friendly
// mode (适老化: larger type, higher contrast, fewer choices per step). Storage may be missing
// or refuse writes (private windows); the page then works with the defaults.

export const LOCALE_KEY = 'gongzhi.locale';
export const ELDERLY_KEY = 'gongzhi.elderly';
export const SUPPORTED_LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function read(key: string): string | null {
  try {
    return storage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    storage()?.setItem(key, value);
  } catch {
    // Not remembered, but the choice still applies to this page.
  }
}

export function savedLocale(): Locale {
  const value = read(LOCALE_KEY);
  return (SUPPORTED_LOCALES as readonly string[]).includes(value ?? '')
    ? (value as Locale)
    : DEFAULT_LOCALE;
}

export function saveLocale(locale: Locale): void {
  write(LOCALE_KEY, locale);
}

export function savedElderlyMode(): boolean {
  return read(ELDERLY_KEY) === 'on';
}

export function saveElderlyMode(on: boolean): void {
  write(ELDERLY_KEY, on ? 'on' : 'off');
}

/** Puts the mode on the root element, where the stylesheet enlarges type and contrast. */
export function applyElderlyMode(on: boolean, root: HTMLElement = document.documentElement): void {
  root.classList.toggle('elderly', on);
}
