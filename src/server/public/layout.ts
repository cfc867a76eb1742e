// The one page layout of the public site: readable and navigable without JavaScript. The cookie
// banner scripts are our own files (CSP script-src 'self', no inline script); the analytics
// script is inert (type="text/plain") until the visitor consents to performance cookies (CK-04).
import { PERFORMANCE_COOKIE_DAYS, type Language } from '../../../policy/cookies.ts';
import { html, type SafeHtml } from './html.ts';
import { STRINGS, type SiteStrings } from './strings.ts';

export interface PageContext {
  lang: Language;
  t: SiteStrings;
  /** The request path (no query), used by the language switch. */
  path: string;
  /** True when the language came from ?lang=: internal links then carry it along. */
  langInQuery: boolean;
}

export function pageContext(lang: Language, path: string, langInQuery: boolean): PageContext {
  return { lang, t: STRINGS[lang], path, langInQuery };
}

/** An internal link that keeps an explicit ?lang= choice. */
export function href(ctx: PageContext, path: string): string {
  if (!ctx.langInQuery) return path;
  const [base = '', hash] = path.split('#');
  const withLang = `${base}${base.includes('?') ? '&' : '?'}lang=${ctx.lang}`;
  return hash === undefined ? withLang : `${withLang}#${hash}`;
}

export const ASSET_PATHS = {
  siteCss: '/assets/site.css',
  bannerCss: '/assets/cookieconsent/cookieconsent.css',
  bannerJs: '/assets/cookieconsent/cookieconsent.umd.js',
  consentJs: '/assets/consent.js',
  analyticsJs: '/assets/analytics.js',
  logo: '/assets/logo.svg',
  favicon: '/favicon.svg',
} as const;

export function layout(ctx: PageContext, page: { title: string; body: SafeHtml; current?: string }): string {
  const { t } = ctx;
  const nav: Array<[string, string]> = [
    ['/', t.navHome],
    ['/legal/anti-spam', t.navAntiSpam],
    ['/legal/cookies', t.navCookies],
    ['/legal/terms', t.navTerms],
  ];
  const other: Language = ctx.lang === 'en' ? 'ro' : 'en';
  const switchHref = `/lang/${other}?next=${encodeURIComponent(ctx.path)}`;
  const doc = html`<!doctype html>
    <html lang="${ctx.lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${page.title} · Assent</title>
        <link rel="icon" type="image/svg+xml" href="${ASSET_PATHS.favicon}" />
        <meta name="theme-color" content="#1f6f5c" />
        <link rel="stylesheet" href="${ASSET_PATHS.bannerCss}" />
        <link rel="stylesheet" href="${ASSET_PATHS.siteCss}" />
      </head>
      <body>
        <a class="skip" href="#main">${t.skipToContent}</a>
        <header class="site-header">
          <div class="wrap header-row">
            <a class="brand" href="${href(ctx, '/')}"
              ><img src="${ASSET_PATHS.logo}" alt="Assent" width="120" height="32" /><span class="tagline"
                >${t.siteTagline}</span
              ></a
            >
            <nav aria-label="Main">
              <ul class="nav">
                ${nav.map(([path, label]) => html`<li><a href="${href(ctx, path)}" ${page.current === path ? html` aria-current="page"` : ''}>${label}</a></li>`)}
              </ul>
            </nav>
            <div class="header-actions">
              <a class="lang-switch" href="${switchHref}" hreflang="${other}" lang="${other}"
                >${other === 'ro' ? 'Română' : 'English'}</a
              >
              <a class="btn btn-quiet" href="/app/login">${t.logIn}</a>
              <a class="btn btn-primary" href="/app/signup">${t.signUp}</a>
            </div>
          </div>
        </header>
        <main id="main" class="wrap">${page.body}</main>
        <footer class="site-footer">
          <div class="wrap footer-row">
            <p>${t.footerNote}</p>
            <ul class="footer-links">
              <li><a href="${href(ctx, '/legal/terms')}">${t.navTerms}</a></li>
              <li><a href="${href(ctx, '/legal/anti-spam')}">${t.navAntiSpam}</a></li>
              <li><a href="${href(ctx, '/legal/cookies')}">${t.navCookies}</a></li>
              <li><a href="${href(ctx, '/report-spam')}">${t.reportSpam}</a></li>
              <li>
                <a id="cookie-settings-link" href="${href(ctx, '/legal/cookies#settings')}" data-cc="show-preferencesModal"
                  >${t.cookieSettings}</a
                >
              </li>
            </ul>
          </div>
        </footer>
        <script src="${ASSET_PATHS.bannerJs}" defer></script>
        <script src="${ASSET_PATHS.consentJs}" defer></script>
        <script
          type="text/plain"
          data-category="performance"
          data-max-age-days="${PERFORMANCE_COOKIE_DAYS}"
          src="${ASSET_PATHS.analyticsJs}"
        ></script>
      </body>
    </html> `;
  return doc.value;
}
