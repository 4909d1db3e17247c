// vue-i18n set up with Chinese by default and English available; the choice is remembered
// on the device and mirrored in <html lang> so screen readers and fonts follow it.
import { createI18n } from 'vue-i18n';
import { en, zhCN, type Messages } from './messages';
import { savedLocale, saveLocale, type Locale } from '../lib/prefs';

export function makeI18n(locale: Locale = savedLocale()) {
  return createI18n<[Messages], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'zh-CN',
    messages: { 'zh-CN': zhCN, en },
  });
}

export const i18n = makeI18n();

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale;
  saveLocale(locale);
  document.documentElement.lang = locale;
}
