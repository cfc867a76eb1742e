// The vanilla-cookieconsent v3 configuration, built from policy/cookies.ts (the one source of the
// cookie policy page too) and served as JSON at /assets/consent-config.json; /assets/consent.js
// adds the callbacks. Texts end up in the banner through innerHTML: only constants from this
// repository go in here, never request data.
import {
  CONSENT_COOKIE_NAME,
  CONSENT_MAX_AGE_DAYS,
  COOKIE_CATEGORY_INFO,
  COOKIES,
  servicesOf,
  cookiesOf,
  type CookieEntry,
  type Language,
} from '../../../policy/cookies.ts';
import { escapeHtml } from './html.ts';

/** A cookie to clear; `regex` marks a name prefix pattern (consent.js turns it into a RegExp). */
interface ClearItem {
  name: string;
  regex?: true;
}

const UI: Record<
  Language,
  {
    title: string;
    description: string;
    revisionMessage: string;
    acceptAll: string;
    rejectAll: string;
    manage: string;
    close: string;
    prefsTitle: string;
    save: string;
    prefsIntroTitle: string;
    prefsIntro: string;
    moreTitle: string;
    more: string;
    headers: { name: string; party: string; vendor: string; duration: string };
    party: { first: string; third: string };
    serviceCounter: string;
  }
> = {
  en: {
    title: 'Cookies only with your permission',
    description:
      'We use strictly necessary cookies to run this site. With your permission we would also use performance, functional and targeting cookies. Nothing optional is set until you choose, and you can change your choice at any time with “Cookie settings” at the bottom of every page. {{revisionMessage}}',
    revisionMessage: 'Our cookie policy changed since your last choice, so we ask again.',
    acceptAll: 'Accept all',
    rejectAll: 'Reject all',
    manage: 'Manage preferences',
    close: 'Reject all and close',
    prefsTitle: 'Cookie preferences',
    save: 'Save preferences',
    prefsIntroTitle: 'How we use cookies',
    prefsIntro:
      'Choose the categories you allow. Strictly necessary cookies cannot be switched off. Every choice is logged with a truncated IP address so we can prove it.',
    moreTitle: 'More information',
    more: 'Every cookie, its vendor and its duration are listed in our <a href="/legal/cookies">Cookie Policy</a>.',
    headers: { name: 'Name', party: 'Party', vendor: 'Service (vendor)', duration: 'Duration' },
    party: { first: 'First party', third: 'Third party' },
    serviceCounter: 'service|services',
  },
  ro: {
    title: 'Cookie-uri doar cu permisiunea dumneavoastră',
    description:
      'Folosim cookie-uri strict necesare pentru funcționarea site-ului. Cu permisiunea dumneavoastră am folosi și cookie-uri de performanță, funcționale și de marketing. Nimic opțional nu este setat până nu alegeți, iar alegerea o puteți schimba oricând din „Setări cookie-uri”, în partea de jos a fiecărei pagini. {{revisionMessage}}',
    revisionMessage: 'Politica noastră de cookie-uri s-a schimbat de la ultima alegere, așa că vă întrebăm din nou.',
    acceptAll: 'Acceptă toate',
    rejectAll: 'Respinge toate',
    manage: 'Gestionează preferințele',
    close: 'Respinge toate și închide',
    prefsTitle: 'Preferințe privind cookie-urile',
    save: 'Salvează preferințele',
    prefsIntroTitle: 'Cum folosim cookie-urile',
    prefsIntro:
      'Alegeți categoriile pe care le permiteți. Cookie-urile strict necesare nu pot fi dezactivate. Fiecare alegere este înregistrată cu adresa IP trunchiată, ca să o putem dovedi.',
    moreTitle: 'Mai multe informații',
    more: 'Fiecare cookie, furnizorul și durata lui sunt enumerate în <a href="/legal/cookies?lang=ro">Politica de cookie-uri</a>.',
    headers: { name: 'Nume', party: 'Parte', vendor: 'Serviciu (furnizor)', duration: 'Durată' },
    party: { first: 'Prima parte', third: 'Terță parte' },
    serviceCounter: 'serviciu|servicii',
  },
};

function clearItems(cookies: CookieEntry[]): ClearItem[] {
  // Only cookies of this site can be deleted by the page; a vendor's own domain is out of reach.
  return cookies
    .filter((c) => c.domain === null)
    .map((c) =>
      c.namePattern ? { name: `^${c.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, regex: true as const } : { name: c.name },
    );
}

function translation(lang: Language) {
  const ui = UI[lang];
  return {
    consentModal: {
      title: ui.title,
      description: ui.description,
      revisionMessage: ui.revisionMessage,
      acceptAllBtn: ui.acceptAll,
      acceptNecessaryBtn: ui.rejectAll,
      showPreferencesBtn: ui.manage,
      // CK-03: the X closes the banner and refuses (vanilla-cookieconsent: "accept necessary").
      closeIconLabel: ui.close,
    },
    preferencesModal: {
      title: ui.prefsTitle,
      acceptAllBtn: ui.acceptAll,
      acceptNecessaryBtn: ui.rejectAll,
      savePreferencesBtn: ui.save,
      closeIconLabel: ui.close,
      serviceCounterLabel: ui.serviceCounter,
      sections: [
        { title: ui.prefsIntroTitle, description: ui.prefsIntro },
        ...COOKIE_CATEGORY_INFO.map((c) => ({
          title: c.title[lang],
          description: escapeHtml(c.description[lang]),
          linkedCategory: c.id,
          cookieTable: {
            caption: c.title[lang],
            headers: ui.headers,
            body: COOKIES.filter((k) => k.category === c.id).map((k) => {
              const service = servicesOf(c.id).find((s) => s.id === k.service);
              return {
                name: escapeHtml(`${k.name}${k.namePattern ? '*' : ''}`),
                party: escapeHtml(`${k.party === 'first' ? ui.party.first : ui.party.third}${k.domain ? ` (${k.domain})` : ''}`),
                vendor: escapeHtml(service ? `${service.label} — ${service.vendor}` : k.service),
                duration: escapeHtml(k.duration[lang]),
              };
            }),
          },
        })),
        { title: ui.moreTitle, description: ui.more },
      ],
    },
  };
}

export function bannerConfig(revision: number) {
  const categories = Object.fromEntries(
    COOKIE_CATEGORY_INFO.map((c) => [
      c.id,
      {
        enabled: c.readOnly,
        readOnly: c.readOnly,
        // CK-04: withdrawing a category deletes its cookies.
        ...(c.readOnly ? {} : { autoClear: { cookies: clearItems(COOKIES.filter((k) => k.category === c.id)) } }),
        services: Object.fromEntries(
          servicesOf(c.id).map((s) => [
            s.id,
            { label: escapeHtml(`${s.label} — ${s.vendor}`), ...(c.readOnly ? {} : { cookies: clearItems(cookiesOf(s.id)) }) },
          ]),
        ),
      },
    ]),
  );
  return {
    mode: 'opt-in',
    revision,
    // CK-03: the page stays usable; closing the banner (X, Escape) is a refusal.
    disablePageInteraction: false,
    // Headless browsers and crawlers get the banner too: hiding it would hide the choice.
    hideFromBots: false,
    autoClearCookies: true,
    manageScriptTags: true,
    cookie: { name: CONSENT_COOKIE_NAME, expiresAfterDays: CONSENT_MAX_AGE_DAYS, sameSite: 'Lax', path: '/' },
    guiOptions: {
      // CK-03: "Accept all" and "Reject all" side by side with the same style.
      consentModal: { layout: 'box wide', position: 'bottom center', equalWeightButtons: true, flipButtons: false },
      preferencesModal: { layout: 'box', equalWeightButtons: true, flipButtons: false },
    },
    categories,
    language: {
      default: 'en',
      autoDetect: 'document',
      translations: { en: translation('en'), ro: translation('ro') },
    },
  };
}
