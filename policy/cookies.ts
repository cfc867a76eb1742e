// The cookie policy as data: the ONE source for the cookie policy page (/legal/cookies, CK-07),
// the consent banner configuration (/assets/consent-config.json, CK-02) and the server's
// validation of logged choices (CK-05). Change a cookie here and bump COOKIE_POLICY_REVISION:
// every visitor is asked again on the next visit (CK-06).

export type Language = 'en' | 'ro';
export type Localized = Record<Language, string>;

/** Bump on every change that alters what a visitor agrees to (CK-06: a new revision asks again). */
export const COOKIE_POLICY_REVISION = 1;
/** Shown on the policy page (CK-07). ISO date. */
export const COOKIE_POLICY_UPDATED = '2026-11-22';
/** The consent cookie's name (vanilla-cookieconsent's default, kept on purpose). */
export const CONSENT_COOKIE_NAME = 'cc_cookie';
/** CK-06: a choice is asked again after 6 months at the latest. */
export const CONSENT_MAX_AGE_DAYS = 182;
/** The explicit language choice (strictly necessary: only set when the visitor picks a language). */
export const LANGUAGE_COOKIE_NAME = 'lang';
export const LANGUAGE_COOKIE_DAYS = 365;
/** Our first-party performance cookie, set by /assets/analytics.js only after consent (CK-04). */
export const PERFORMANCE_COOKIE_NAME = 'assent_perf';
export const PERFORMANCE_COOKIE_DAYS = 182;

export const COOKIE_CATEGORIES = ['necessary', 'performance', 'functional', 'targeting'] as const;
export type CookieCategory = (typeof COOKIE_CATEGORIES)[number];

export interface CookieCategoryInfo {
  id: CookieCategory;
  /** Strictly necessary: always on, cannot be switched off (CK-02). */
  readOnly: boolean;
  title: Localized;
  description: Localized;
}

export interface CookieService {
  id: string;
  category: CookieCategory;
  label: string;
  /** CK-02: third-party cookies are listed per service with the vendor's name. */
  vendor: string;
  party: 'first' | 'third';
}

export interface CookieEntry {
  /** The cookie's name; `namePattern` marks a prefix followed by an id (e.g. intercom-id-<app>). */
  name: string;
  namePattern?: boolean;
  party: 'first' | 'third';
  /** The domain it belongs to; null for this site (first party, deletable by our banner). */
  domain: string | null;
  category: CookieCategory;
  service: string;
  purpose: Localized;
  duration: Localized;
}

export const COOKIE_CATEGORY_INFO: CookieCategoryInfo[] = [
  {
    id: 'necessary',
    readOnly: true,
    title: { en: 'Strictly necessary cookies', ro: 'Cookie-uri strict necesare' },
    description: {
      en: 'Needed for the site to work; they cannot be switched off. They are set only in answer to something you do, such as choosing your privacy preferences, choosing a language or signing in. They hold no information that identifies you.',
      ro: 'Necesare pentru funcționarea site-ului; nu pot fi dezactivate. Sunt setate doar ca răspuns la o acțiune a dumneavoastră, precum alegerea preferințelor de confidențialitate, alegerea limbii sau autentificarea. Nu conțin informații care vă identifică.',
    },
  },
  {
    id: 'performance',
    readOnly: false,
    title: { en: 'Performance cookies', ro: 'Cookie-uri de performanță' },
    description: {
      en: 'Let us count visits and see which pages are used most, so we can improve the site. What they collect is counted in aggregate. Without them we do not know when you visited.',
      ro: 'Ne permit să numărăm vizitele și să vedem ce pagini sunt folosite cel mai des, pentru a îmbunătăți site-ul. Datele sunt numărate agregat. Fără ele nu știm când ne-ați vizitat.',
    },
  },
  {
    id: 'functional',
    readOnly: false,
    title: { en: 'Functional cookies', ro: 'Cookie-uri funcționale' },
    description: {
      en: 'Enable extra features such as live chat. They may be set by us or by the providers named below. Without them those features may not work.',
      ro: 'Activează funcții suplimentare, precum chatul live. Pot fi setate de noi sau de furnizorii numiți mai jos. Fără ele aceste funcții pot să nu meargă.',
    },
  },
  {
    id: 'targeting',
    readOnly: false,
    title: { en: 'Targeting cookies', ro: 'Cookie-uri de marketing (targeting)' },
    description: {
      en: 'May be set by the advertising partners named below to build a profile of your interests and show you relevant adverts on other sites. They identify your browser and device. Without them you see less targeted advertising.',
      ro: 'Pot fi setate de partenerii de publicitate numiți mai jos pentru a construi un profil al intereselor dumneavoastră și a vă arăta reclame relevante pe alte site-uri. Identifică browserul și dispozitivul. Fără ele vedeți reclame mai puțin personalizate.',
    },
  },
];

export const COOKIE_SERVICES: CookieService[] = [
  { id: 'assent-core', category: 'necessary', label: 'Assent', vendor: 'Assent (this site)', party: 'first' },
  { id: 'assent-analytics', category: 'performance', label: 'Assent Analytics', vendor: 'Assent (this site)', party: 'first' },
  {
    id: 'intercom',
    category: 'functional',
    label: 'Intercom live chat',
    vendor: 'Intercom R&D Unlimited Company',
    party: 'third',
  },
  {
    id: 'linkedin-insight',
    category: 'targeting',
    label: 'LinkedIn Insight Tag',
    vendor: 'LinkedIn Ireland Unlimited Company',
    party: 'third',
  },
  {
    id: 'google-ads',
    category: 'targeting',
    label: 'Google Ads conversion tracking',
    vendor: 'Google Ireland Limited',
    party: 'third',
  },
];

const days = (n: number): Localized => ({ en: `${n} days`, ro: `${n} de zile` });
const months = (n: number): Localized => ({ en: `${n} months`, ro: `${n} luni` });

export const COOKIES: CookieEntry[] = [
  {
    name: CONSENT_COOKIE_NAME,
    party: 'first',
    domain: null,
    category: 'necessary',
    service: 'assent-core',
    purpose: {
      en: 'Remembers your cookie choices and the policy revision you answered.',
      ro: 'Reține alegerile dumneavoastră privind cookie-urile și revizia politicii la care ați răspuns.',
    },
    duration: days(CONSENT_MAX_AGE_DAYS),
  },
  {
    name: 'assent_session',
    party: 'first',
    domain: null,
    category: 'necessary',
    service: 'assent-core',
    purpose: {
      en: 'Keeps you signed in to the Assent app; set only when you sign in.',
      ro: 'Vă păstrează autentificat în aplicația Assent; setat doar la autentificare.',
    },
    duration: { en: '14 days, or until you sign out', ro: '14 zile sau până vă deconectați' },
  },
  {
    name: 'assent_csrf',
    party: 'first',
    domain: null,
    category: 'necessary',
    service: 'assent-core',
    purpose: {
      en: 'Protects forms in the Assent app against cross-site request forgery.',
      ro: 'Protejează formularele din aplicația Assent împotriva falsificării cererilor între site-uri.',
    },
    duration: { en: 'Browser session', ro: 'Sesiunea browserului' },
  },
  {
    name: LANGUAGE_COOKIE_NAME,
    party: 'first',
    domain: null,
    category: 'necessary',
    service: 'assent-core',
    purpose: {
      en: 'Remembers the language you picked with the language switch; set only when you pick one.',
      ro: 'Reține limba aleasă cu selectorul de limbă; setat doar când alegeți o limbă.',
    },
    duration: days(LANGUAGE_COOKIE_DAYS),
  },
  {
    name: PERFORMANCE_COOKIE_NAME,
    party: 'first',
    domain: null,
    category: 'performance',
    service: 'assent-analytics',
    purpose: {
      en: 'A random visitor id so our own analytics can count returning visits. Nothing is shared with anyone.',
      ro: 'Un identificator aleator al vizitatorului, pentru ca statisticile noastre să numere vizitele repetate. Nu este partajat cu nimeni.',
    },
    duration: days(PERFORMANCE_COOKIE_DAYS),
  },
  {
    name: 'intercom-id-',
    namePattern: true,
    party: 'first',
    domain: null,
    category: 'functional',
    service: 'intercom',
    purpose: {
      en: 'Identifies your browser to the live chat so a conversation can continue.',
      ro: 'Identifică browserul în chatul live, pentru ca o conversație să poată continua.',
    },
    duration: months(9),
  },
  {
    name: 'intercom-session-',
    namePattern: true,
    party: 'first',
    domain: null,
    category: 'functional',
    service: 'intercom',
    purpose: {
      en: 'Keeps the live chat session open between pages.',
      ro: 'Menține sesiunea de chat live deschisă între pagini.',
    },
    duration: days(7),
  },
  {
    name: 'bcookie',
    party: 'third',
    domain: 'linkedin.com',
    category: 'targeting',
    service: 'linkedin-insight',
    purpose: {
      en: 'Browser identifier LinkedIn uses to measure ad conversions and show you ads.',
      ro: 'Identificator de browser folosit de LinkedIn pentru a măsura conversiile și a afișa reclame.',
    },
    duration: { en: '1 year', ro: '1 an' },
  },
  {
    name: 'li_sugr',
    party: 'third',
    domain: 'linkedin.com',
    category: 'targeting',
    service: 'linkedin-insight',
    purpose: {
      en: 'Matches your browser across LinkedIn advertising for ad targeting.',
      ro: 'Asociază browserul în publicitatea LinkedIn pentru reclame țintite.',
    },
    duration: days(90),
  },
  {
    name: '_gcl_au',
    party: 'first',
    domain: null,
    category: 'targeting',
    service: 'google-ads',
    purpose: {
      en: 'Stores ad-click information so Google Ads can attribute conversions.',
      ro: 'Stochează informații despre clicurile pe reclame pentru ca Google Ads să atribuie conversiile.',
    },
    duration: days(90),
  },
];

/** The services of one category, in policy order. */
export function servicesOf(category: CookieCategory): CookieService[] {
  return COOKIE_SERVICES.filter((s) => s.category === category);
}

/** The cookies of one service, in policy order. */
export function cookiesOf(serviceId: string): CookieEntry[] {
  return COOKIES.filter((c) => c.service === serviceId);
}
