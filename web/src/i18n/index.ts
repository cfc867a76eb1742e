// I18N-01: every visible string of the web app exists in English and Romanian. The chosen
// language lives in memory, in the user's profile on the server and in the public site's `lang`
// cookie (set only by a click on a language switch), never in localStorage.
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import ro from './ro.json';
import type { Language } from '../../../policy/cookies.ts';

export const LANGUAGES: Language[] = ['en', 'ro'];

export function pickLanguage(candidates: readonly (string | null | undefined)[]): Language {
  for (const c of candidates) {
    const base = c?.toLowerCase().split('-')[0];
    if (base === 'en' || base === 'ro') return base;
  }
  return 'en';
}

export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources: { en: { translation: en }, ro: { translation: ro } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}
