import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { nl } from './nl';
import { reasonKeys, reasonsNl } from './reasons-nl';

/**
 * English and Dutch (react-i18next: plurals, interpolation and a hook that re-renders on a switch,
 * which a hand-made table of strings would not give). The language follows the system locale until
 * the admin picks one; the pick is kept in this window's storage.
 */

/** Languages the screens come in. */
export type Language = 'en' | 'nl';

const STORAGE_KEY = 'hrp.language';

function initialLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (stored === 'en' || stored === 'nl') return stored;
  return navigator.language.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

void i18next.use(initReactI18next).init({
  // `reasons`: the engine's reasons by code (electron/shared/reason-codes.ts); English keeps the engine's text.
  resources: { en: { translation: en }, nl: { translation: nl, reasons: reasonKeys(reasonsNl) } },
  ns: ['translation', 'reasons'],
  defaultNS: 'translation',
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18next.language;

/** Switch the language of the screens and remember the choice. */
export function setLanguage(language: Language): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  void i18next.changeLanguage(language);
}

/** The BCP 47 locale for dates and numbers in the current language. */
export function locale(): string {
  return i18next.language === 'nl' ? 'nl-NL' : 'en-GB';
}

export { i18next };
