// I18N-01: every visible string of the web app exists in English and Romanian. The chosen
// language lives in memory, in the user's profile on the server and in the public site's `lang`
// cookie (set only by a click on a language switch), never in localStorage.
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../policy/cookies.ts';

export const LANGUAGES: Language[] = ['en', 'ro'];

type Catalogue = { [key: string]: string | Catalogue };

/** One catalogue per language, kept as one file per area of the app (`en/lists.json`, …): each file
 * holds whole top-level sections, and no two files may hold the same one. */
export function mergeCatalogue(files: Record<string, Catalogue>): Catalogue {
  const out: Catalogue = {};
  for (const [file, sections] of Object.entries(files)) {
    for (const [key, value] of Object.entries(sections)) {
      if (key in out) throw new Error(`i18n section "${key}" is in two files (${file})`);
      out[key] = value;
    }
  }
  return out;
}

const en = mergeCatalogue(import.meta.glob<Catalogue>('./en/*.json', { eager: true, import: 'default' }));
const ro = mergeCatalogue(import.meta.glob<Catalogue>('./ro/*.json', { eager: true, import: 'default' }));

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
