// Interface strings of the public site, English and Romanian (I18N-01).
import type { Language } from '../../../policy/cookies.ts';

export interface SiteStrings {
  siteTagline: string;
  navHome: string;
  navAntiSpam: string;
  navCookies: string;
  navTerms: string;
  signUp: string;
  logIn: string;
  languageLabel: string;
  cookieSettings: string;
  reportSpam: string;
  skipToContent: string;
  footerNote: string;
  homeTitle: string;
  homeLead: string;
  homePoints: string[];
  homeCta: string;
  homeSecondary: string;
  homePolicyIntro: string;
  updated: string;
  version: string;
}

export const STRINGS: Record<Language, SiteStrings> = {
  en: {
    siteTagline: 'Permission-first email and SMS marketing',
    navHome: 'Home',
    navAntiSpam: 'Anti-Spam Policy',
    navCookies: 'Cookie Policy',
    navTerms: 'Terms',
    signUp: 'Sign up',
    logIn: 'Log in',
    languageLabel: 'Language',
    cookieSettings: 'Cookie settings',
    reportSpam: 'Report spam',
    skipToContent: 'Skip to content',
    footerNote: 'Assent sends only to people who asked for it.',
    homeTitle: 'Email and SMS marketing that only reaches people who said yes',
    homeLead:
      'Assent is a marketing platform that enforces permission: every contact carries a recorded, provable consent, and the platform refuses to send to anyone without one.',
    homePoints: [
      'Double opt-in sign-up forms with one checkbox per purpose, never pre-checked.',
      'A consent ledger you can show to anyone who asks: when, where and to what each contact agreed.',
      'Imports are reviewed; bought, rented or scraped lists are refused.',
      'Complaint rates and blocklists are watched every day, so your sending reputation stays clean.',
    ],
    homeCta: 'Create an account',
    homeSecondary: 'Log in',
    homePolicyIntro: 'Before you sign up, read the rules every account agrees to:',
    updated: 'Last updated',
    version: 'Version',
  },
  ro: {
    siteTagline: 'Marketing prin email și SMS, doar cu permisiune',
    navHome: 'Acasă',
    navAntiSpam: 'Politica anti-spam',
    navCookies: 'Politica de cookie-uri',
    navTerms: 'Termeni',
    signUp: 'Creează cont',
    logIn: 'Autentificare',
    languageLabel: 'Limba',
    cookieSettings: 'Setări cookie-uri',
    reportSpam: 'Raportează spam',
    skipToContent: 'Salt la conținut',
    footerNote: 'Assent trimite mesaje doar persoanelor care le-au cerut.',
    homeTitle: 'Marketing prin email și SMS care ajunge doar la cei care au spus „da”',
    homeLead:
      'Assent este o platformă de marketing care impune permisiunea: fiecare contact are un consimțământ înregistrat și demonstrabil, iar platforma refuză să trimită oricui nu l-a dat.',
    homePoints: [
      'Formulare de abonare cu dublă confirmare, câte o căsuță pentru fiecare scop, niciodată bifată în prealabil.',
      'Un registru al consimțământului pe care îl puteți arăta oricui: când, unde și la ce a fost de acord fiecare contact.',
      'Importurile sunt verificate; listele cumpărate, închiriate sau copiate de pe internet sunt refuzate.',
      'Rata reclamațiilor și listele negre sunt urmărite zilnic, pentru ca reputația dumneavoastră de expeditor să rămână curată.',
    ],
    homeCta: 'Creează un cont',
    homeSecondary: 'Autentificare',
    homePolicyIntro: 'Înainte de a vă înscrie, citiți regulile acceptate de fiecare cont:',
    updated: 'Ultima actualizare',
    version: 'Versiunea',
  },
};

/** Formats an ISO date (YYYY-MM-DD) for people, in the page's language. */
export function formatDate(isoDate: string, lang: Language): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  return new Intl.DateTimeFormat(lang === 'ro' ? 'ro-RO' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}
