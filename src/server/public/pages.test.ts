import { describe, expect, it } from 'vitest';
import { defaultIndustries } from '../../core/accounts/industries.ts';
import { COOKIE_CATEGORY_INFO, COOKIE_POLICY_UPDATED, COOKIE_SERVICES, COOKIES } from '../../../policy/cookies.ts';
import { bannerConfig } from './banner-config.ts';
import { buildConsentCookieValue, parseConsentCookie } from './consent-cookie.ts';
import { escapeHtml, html } from './html.ts';
import { fromAcceptLanguage, resolveLanguage } from './language.ts';
import { href, pageContext } from './layout.ts';
import { cookiePolicyPage } from './pages/cookie-policy.ts';
import { ANTI_SPAM_POLICY, antiSpamPage, homePage, termsPage } from './pages/pages.ts';
import { safeNextPath } from '../routes/public/set-language.ts';

/** The markup with whitespace runs collapsed (the formatter wraps long tags in the templates). */
const flat = (page: string): string => page.replace(/\s+/g, ' ').replace(/ >/g, '>');

const en = pageContext('en', '/', false);
const ro = pageContext('ro', '/', false);

describe('html escaping', () => {
  it('escapes interpolated text and leaves nested html alone', () => {
    const evil = '<script>alert("x")</script>&\'`';
    const out = html`<p title="${evil}">${evil}${html`<b>${'<i>'}</b>`}</p>`.value;
    expect(out).toBe(`<p title="${escapeHtml(evil)}">${escapeHtml(evil)}<b>&lt;i&gt;</b></p>`);
    expect(out).not.toContain('<script>');
  });
});

describe('language', () => {
  it('picks ?lang= first, then the lang cookie, then Accept-Language', () => {
    expect(resolveLanguage({ query: 'ro', cookies: { lang: 'en' }, acceptLanguage: 'en' })).toBe('ro');
    expect(resolveLanguage({ query: 'xx', cookies: { lang: 'ro' }, acceptLanguage: 'en' })).toBe('ro');
    expect(resolveLanguage({ cookies: {}, acceptLanguage: 'fr-FR, ro;q=0.8, en;q=0.5' })).toBe('ro');
    expect(fromAcceptLanguage('de, fr')).toBe('en');
    expect(fromAcceptLanguage(`ro,${'x'.repeat(300)}`)).toBe('en');
  });

  it('keeps an explicit ?lang= in internal links and refuses off-site redirects', () => {
    expect(href(pageContext('ro', '/', true), '/legal/cookies#settings')).toBe('/legal/cookies?lang=ro#settings');
    expect(href(en, '/legal/terms')).toBe('/legal/terms');
    expect(safeNextPath('//evil.example/')).toBe('/');
    expect(safeNextPath('/\\evil.example')).toBe('/');
    expect(safeNextPath('https://evil.example')).toBe('/');
    expect(safeNextPath('/legal/terms')).toBe('/legal/terms');
  });
});

describe('public pages', () => {
  it('[CK-06] every page has the footer "Cookie settings" link that works with and without JavaScript', () => {
    const pages = [
      homePage(en),
      termsPage(en),
      antiSpamPage(en, defaultIndustries()),
      cookiePolicyPage(en, { revision: 1, accepted: [], saved: false }),
    ];
    for (const page of pages) {
      expect(flat(page)).toMatch(
        /<a id="cookie-settings-link" href="\/legal\/cookies#settings" data-cc="show-preferencesModal">Cookie settings<\/a>/,
      );
    }
  });

  it('[CK-01] loads only our own scripts, and the analytics script inert until consent', () => {
    const page = flat(homePage(en));
    const srcs = [...page.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
    expect(srcs.every((s) => s?.startsWith('/assets/'))).toBe(true);
    expect(page).toContain('<script type="text/plain" data-category="performance"');
    expect(page).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
  });

  it('[I18N-01] the home page links to signup and login, in English and Romanian', () => {
    expect(homePage(en)).toContain('href="/app/signup"');
    expect(homePage(en)).toContain('href="/app/login"');
    expect(homePage(ro)).toContain('<html lang="ro">');
    expect(homePage(ro)).toContain('Creează un cont');
  });

  it('[I18N-01] the anti-spam policy page carries every clause of both source policies, in English and Romanian', () => {
    const page = antiSpamPage(en, defaultIndustries());
    expect(page).toContain(`Version ${ANTI_SPAM_POLICY.version}`);
    for (const id of [
      'what-is-spam',
      'consent',
      'list-sources',
      'no-rented-lists',
      'good-practice',
      'prohibited-content',
      'not-accepted',
      'high-risk',
      'determining-spam',
      'consequences',
      'no-refunds',
      'mail-from-us',
      'reporting',
    ]) {
      expect(page).toContain(`<section id="${id}">`);
    }
    for (const phrase of [
      '0.1%',
      'every day',
      'total number of complaints',
      'no more than 10 partners',
      'pre-checked',
      'proof of the opt-in',
      'copied and pasted',
      'do not refund',
      'href="/report-spam"',
      'forward the message',
      'hacking',
      'counterfeit',
      'immediate suspension',
    ]) {
      expect(page.replace(/&#39;/g, "'")).toContain(phrase === 'pre-checked' ? 'not ticked in advance' : phrase);
    }
    for (const industry of defaultIndustries().filter((i) => i.policy !== 'accepted')) {
      expect(page).toContain(`data-industry="${industry.id}">${escapeHtml(industry.label.en)}</li>`);
    }
    const roPage = antiSpamPage(ro, defaultIndustries());
    expect(roPage).toContain('Monitorizăm zilnic listele negre');
    expect(roPage).toContain('0,1%');
  });

  it('[CK-07] the cookie policy lists every cookie with party, category, duration and the update date', () => {
    const page = flat(cookiePolicyPage(en, { revision: 1, accepted: ['performance'], saved: false }));
    expect(page).toContain(`datetime="${COOKIE_POLICY_UPDATED}"`);
    for (const c of COOKIES) {
      const row =
        new RegExp(`<tr data-cookie="${c.name}" data-category="${c.category}" data-party="${c.party}">[\\s\\S]*?</tr>`).exec(
          page,
        )?.[0] ?? '';
      expect(row, c.name).toContain(c.party === 'first' ? 'First party' : 'Third party');
      expect(row, c.name).toContain(escapeHtml(c.duration.en));
    }
    expect(page).toContain('name="categories" value="performance" checked');
    expect(page).not.toContain('name="categories" value="targeting" checked');
    expect(cookiePolicyPage(ro, { revision: 1, accepted: [], saved: true })).toContain('Alegerea dumneavoastră a fost salvată.');
  });

  it('the terms describe the suspension process the anti-spam policy refers to', () => {
    expect(termsPage(en)).toContain('<section id="suspension-process">');
    expect(termsPage(ro)).toContain('Procedura de suspendare');
  });
});

describe('banner configuration', () => {
  it('[CK-02] has the four categories, necessary read-only, services named with their vendor', () => {
    const config = bannerConfig(7);
    expect(config.revision).toBe(7);
    expect(Object.keys(config.categories)).toEqual(COOKIE_CATEGORY_INFO.map((c) => c.id));
    expect(config.categories.necessary).toMatchObject({ enabled: true, readOnly: true });
    expect(config.categories.performance).toMatchObject({
      enabled: false,
      readOnly: false,
      autoClear: { cookies: [{ name: 'assent_perf' }] },
    });
    for (const s of COOKIE_SERVICES) {
      const services = (config.categories as Record<string, { services: Record<string, { label: string }> }>)[s.category]
        ?.services;
      expect(services?.[s.id]?.label).toContain(escapeHtml(s.vendor));
    }
    expect(config.cookie).toMatchObject({ name: 'cc_cookie', expiresAfterDays: 182 });
    expect(config.disablePageInteraction).toBe(false);
    expect(config.language.translations.ro.consentModal.acceptNecessaryBtn).toBe('Respinge toate');
  });

  it('[CK-06] a cookie written by the no-JS form reads back with its revision and categories', () => {
    const value = buildConsentCookieValue({
      consentId: '6f1c2a8e-3b4d-4c5e-9f60-718293a4b5c6',
      revision: 2,
      categories: ['necessary', 'functional'],
      language: 'en',
      firstConsentAt: null,
      now: new Date('2026-11-22T10:00:00Z'),
    });
    expect(parseConsentCookie(value)).toEqual({
      consentId: '6f1c2a8e-3b4d-4c5e-9f60-718293a4b5c6',
      revision: 2,
      categories: ['necessary', 'functional'],
      consentTimestamp: '2026-11-22T10:00:00.000Z',
    });
    expect(JSON.parse(value).services).toMatchObject({ functional: ['intercom'], targeting: [] });
    expect(parseConsentCookie('{not json')).toBeNull();
  });
});
