// The public pages other than the cookie policy: home, terms, anti-spam policy.
import { ANTI_SPAM_VERSION, TERMS_VERSION } from '../../../core/accounts/policy-versions.ts';
import type { Industry } from '../../../core/accounts/industries.ts';
import { ANTI_SPAM_EN } from '../content/anti-spam.en.ts';
import { ANTI_SPAM_RO } from '../content/anti-spam.ro.ts';
import { TERMS_EN, TERMS_RO } from '../content/terms.ts';
import { html } from '../html.ts';
import { href, layout, type PageContext } from '../layout.ts';
import { renderLegalDocument } from './legal-document.ts';

/**
 * The Anti-Spam Policy's version is the one customers accept at signup (ACC-01); its date is
 * the version's date. Bump ANTI_SPAM_VERSION in src/core/accounts/policy-versions.ts with the text.
 */
export const ANTI_SPAM_POLICY = { version: ANTI_SPAM_VERSION, updated: ANTI_SPAM_VERSION } as const;
export const TERMS = { version: TERMS_VERSION, updated: TERMS_VERSION } as const;

export function homePage(ctx: PageContext): string {
  const { t } = ctx;
  const body = html`<section class="hero">
      <h1>${t.homeTitle}</h1>
      <p class="lead">${t.homeLead}</p>
      <p class="cta">
        <a class="btn btn-primary btn-large" href="/app/signup">${t.homeCta}</a>
        <a class="btn btn-quiet btn-large" href="/app/login">${t.homeSecondary}</a>
      </p>
    </section>
    <section class="points">
      <ul>
        ${t.homePoints.map((p) => html`<li>${p}</li>`)}
      </ul>
    </section>
    <section class="policies">
      <p>${t.homePolicyIntro}</p>
      <ul>
        <li><a href="${href(ctx, '/legal/anti-spam')}">${t.navAntiSpam}</a></li>
        <li><a href="${href(ctx, '/legal/terms')}">${t.navTerms}</a></li>
        <li><a href="${href(ctx, '/legal/cookies')}">${t.navCookies}</a></li>
      </ul>
    </section>`;
  return layout(ctx, { title: 'Assent', body, current: '/' });
}

export function termsPage(ctx: PageContext): string {
  const doc = ctx.lang === 'ro' ? TERMS_RO : TERMS_EN;
  const body = renderLegalDocument(ctx, doc, { ...TERMS, industries: [] });
  return layout(ctx, { title: doc.title, body, current: '/legal/terms' });
}

export function antiSpamPage(ctx: PageContext, industries: readonly Industry[]): string {
  const doc = ctx.lang === 'ro' ? ANTI_SPAM_RO : ANTI_SPAM_EN;
  const body = renderLegalDocument(ctx, doc, { ...ANTI_SPAM_POLICY, industries });
  return layout(ctx, { title: doc.title, body, current: '/legal/anti-spam' });
}
