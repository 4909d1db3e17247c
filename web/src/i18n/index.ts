// vue-i18n set up with Chinese by default and English available; the choice is remembered
// on the device and mirrored in <html lang> so screen readers and fonts follow it.
// Messages load by area, to keep a phone's first download small: the public pages' Chinese
// comes with the page (public-zh-CN.ts), the rest of the Chinese once someone is logged in
// (loadLoggedInMessages, awaited by the router), and English when it is chosen (setLocale).
import { createI18n } from 'vue-i18n';
import type { Messages } from './sections';
import { zhCNPublic } from './public-zh-CN';
import { DEFAULT_LOCALE, savedLocale, saveLocale, type Locale } from '../lib/prefs';

/** An i18n instance; the page's own starts with the public Chinese, tests pass every message. */
export function makeI18n(locale: Locale = DEFAULT_LOCALE, messages: Partial<Record<Locale, Messages>> = { 'zh-CN': zhCNPublic }) {
  return createI18n<[Messages], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'zh-CN',
    messages: messages as Record<Locale, Messages>,
  });
}

export const i18n = makeI18n();

let loggedIn: Promise<void> | null = null;
let english: Promise<void> | null = null;

/** The Chinese of the pages behind a login, fetched once (a failed fetch is tried again). */
export function loadLoggedInMessages(): Promise<void> {
  loggedIn ??= import('./zh-CN-rest').then(
    // A new message tree, not a merge into the old one: pages already drawn (the header's
    // menus, drawn the moment the login succeeds) redraw with the new words only when the
    // locale's messages are replaced.
    ({ zhCNRest }) => i18n.global.setLocaleMessage('zh-CN', { ...zhCNPublic, ...zhCNRest }),
    (error: unknown) => {
      loggedIn = null;
      throw error;
    },
  );
  return loggedIn;
}

function loadMessages(locale: Locale): Promise<void> {
  if (locale !== 'en') return Promise.resolve();
  english ??= import('./en').then(
    ({ en }) => i18n.global.setLocaleMessage('en', en),
    (error: unknown) => {
      english = null;
      throw error;
    },
  );
  return english;
}

/** Switches the page's language once its messages are there, and remembers the choice. */
export async function setLocale(locale: Locale): Promise<void> {
  await loadMessages(locale);
  i18n.global.locale.value = locale;
  saveLocale(locale);
  document.documentElement.lang = locale;
}

/** Before the first paint: the remembered language, or Chinese when English cannot be fetched. */
export async function applySavedLocale(): Promise<void> {
  const locale = savedLocale();
  try {
    await loadMessages(locale);
    i18n.global.locale.value = locale;
  } catch {
    i18n.global.locale.value = DEFAULT_LOCALE;
  }
  document.documentElement.lang = i18n.global.locale.value;
}
