import i18next from 'i18next';
import type { i18n as I18n } from 'i18next';
import { DEFAULT_LOCALE, LOCALES, Locale } from '../../shared/domain/settings';
import { call } from '../api/client';
import { resources } from './resources';

/**
 * A fresh i18next instance (not the global one, so each test gets its own), ready at once:
 * the resources are bundled, nothing loads asynchronously.
 */
export function createI18n(locale: Locale): I18n {
  const instance = i18next.createInstance();
  // Screen readers and CJK font selection follow <html lang>.
  instance.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  void instance.init({
    resources,
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: LOCALES,
    initAsync: false,
    // React escapes text itself.
    interpolation: { escapeValue: false },
  });
  return instance;
}

/** The remembered locale, or the default if the store cannot be read (the screens' own calls then show why). */
export async function loadLocale(): Promise<Locale> {
  try {
    return (await call('settings:get', {})).locale;
  } catch {
    return DEFAULT_LOCALE;
  }
}

/** Switches the UI language and remembers it in the store. */
export async function changeLocale(i18n: I18n, locale: Locale): Promise<void> {
  const saved = await call('settings:update', { locale });
  await i18n.changeLanguage(saved.locale);
}

export const isLocale = (value: string): value is Locale => Locale.safeParse(value).success;
