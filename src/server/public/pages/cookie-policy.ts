// The cookie policy page (CK-07): every cookie in policy/cookies.ts with name, party, category,
// purpose and duration, the policy's update date, and (#settings) a plain HTML form that records a
// choice without JavaScript (CK-05, CK-06) — it posts to /legal/cookies/settings.
import {
  COOKIE_CATEGORY_INFO,
  COOKIE_POLICY_UPDATED,
  COOKIE_SERVICES,
  COOKIES,
  type CookieCategory,
  type Language,
} from '../../../../policy/cookies.ts';
import { html } from '../html.ts';
import { layout, type PageContext } from '../layout.ts';
import { formatDate } from '../strings.ts';

export const COOKIE_SETTINGS_FORM_PATH = '/legal/cookies/settings';

const TEXT: Record<
  Language,
  {
    title: string;
    intro: string;
    categoriesHeading: string;
    tableHeading: string;
    caption: string;
    columns: [string, string, string, string, string, string];
    firstParty: string;
    thirdParty: string;
    thisSite: string;
    thirdPartyHeading: string;
    thirdPartyText: string;
    vendorsNote: string;
    revision: string;
    settingsHeading: string;
    settingsIntro: string;
    alwaysOn: string;
    acceptAll: string;
    rejectAll: string;
    save: string;
    saved: string;
  }
> = {
  en: {
    title: 'Cookie Policy',
    intro:
      'A cookie is a small text file a website asks your browser to keep on your device so it can remember something about you, such as your language or that you are signed in. We set cookies that are strictly necessary; every other cookie is set only after you agree to its category, and you can change your mind at any time.',
    categoriesHeading: 'Categories',
    tableHeading: 'Every cookie we use',
    caption: 'Cookies on this site',
    columns: ['Name', 'Party', 'Category', 'Service (vendor)', 'Purpose', 'Duration'],
    firstParty: 'First party',
    thirdParty: 'Third party',
    thisSite: 'this site',
    thirdPartyHeading: 'Third-party cookies',
    thirdPartyText:
      'Third-party cookies belong to a domain other than the site you are visiting. Our advertising partners may set them for advertising and marketing. They are listed above with the vendor that sets them, and are only ever set after you accept the targeting category.',
    vendorsNote:
      'None of these vendors\u2019 scripts loads before you accept its category; we load nothing from another site for the pages you read.',
    revision: 'Policy revision',
    settingsHeading: 'Your cookie settings',
    settingsIntro:
      'Choose which optional categories you allow. This form works without JavaScript; the choice is saved in the cc_cookie cookie and logged with a truncated IP address.',
    alwaysOn: 'always on',
    acceptAll: 'Accept all',
    rejectAll: 'Reject all',
    save: 'Save my choice',
    saved: 'Your choice was saved.',
  },
  ro: {
    title: 'Politica de cookie-uri',
    intro:
      'Un cookie este un mic fișier text pe care un site îi cere browserului să îl păstreze pe dispozitiv pentru a-și aminti ceva despre dumneavoastră, de exemplu limba sau faptul că sunteți autentificat. Setăm cookie-urile strict necesare; orice alt cookie este setat doar după ce acceptați categoria lui, iar decizia o puteți schimba oricând.',
    categoriesHeading: 'Categorii',
    tableHeading: 'Toate cookie-urile pe care le folosim',
    caption: 'Cookie-urile acestui site',
    columns: ['Nume', 'Parte', 'Categorie', 'Serviciu (furnizor)', 'Scop', 'Durată'],
    firstParty: 'Prima parte',
    thirdParty: 'Terță parte',
    thisSite: 'acest site',
    thirdPartyHeading: 'Cookie-uri de la terți',
    thirdPartyText:
      'Cookie-urile terților aparțin unui alt domeniu decât site-ul vizitat. Partenerii noștri de publicitate le pot seta pentru publicitate și marketing. Sunt enumerate mai sus, cu furnizorul care le setează, și sunt setate doar după ce acceptați categoria de marketing.',
    vendorsNote:
      'Niciun script al acestor furnizori nu se încarcă înainte să acceptați categoria lui; paginile pe care le citiți nu încarcă nimic de pe alt site.',
    revision: 'Revizia politicii',
    settingsHeading: 'Setările dumneavoastră pentru cookie-uri',
    settingsIntro:
      'Alegeți ce categorii opționale permiteți. Formularul funcționează fără JavaScript; alegerea este salvată în cookie-ul cc_cookie și înregistrată cu adresa IP trunchiată.',
    alwaysOn: 'mereu active',
    acceptAll: 'Acceptă toate',
    rejectAll: 'Respinge toate',
    save: 'Salvează alegerea',
    saved: 'Alegerea dumneavoastră a fost salvată.',
  },
};

export function cookiePolicyPage(
  ctx: PageContext,
  state: { revision: number; accepted: CookieCategory[]; saved: boolean },
): string {
  const x = TEXT[ctx.lang];
  const title = (c: CookieCategory) => COOKIE_CATEGORY_INFO.find((i) => i.id === c)?.title[ctx.lang] ?? c;
  const service = (id: string) => COOKIE_SERVICES.find((s) => s.id === id);
  const rows = COOKIES.map((c) => {
    const s = service(c.service);
    return html`<tr data-cookie="${c.name}" data-category="${c.category}" data-party="${c.party}">
      <td><code>${c.name}${c.namePattern ? '*' : ''}</code></td>
      <td>${c.party === 'first' ? x.firstParty : x.thirdParty} <span class="muted">(${c.domain ?? x.thisSite})</span></td>
      <td>${title(c.category)}</td>
      <td>${s ? `${s.label} (${s.vendor})` : c.service}</td>
      <td>${c.purpose[ctx.lang]}</td>
      <td>${c.duration[ctx.lang]}</td>
    </tr>`;
  });
  const body = html`<article class="legal">
    <h1>${x.title}</h1>
    <p class="doc-meta">
      <span class="doc-updated"
        >${ctx.t.updated}:
        <time id="cookie-policy-updated" datetime="${COOKIE_POLICY_UPDATED}"
          >${formatDate(COOKIE_POLICY_UPDATED, ctx.lang)}</time
        ></span
      >
      · <span>${x.revision} ${state.revision}</span>
    </p>
    <p class="lead">${x.intro}</p>
    <h2>${x.categoriesHeading}</h2>
    ${COOKIE_CATEGORY_INFO.map(
      (c) =>
        html`<section id="category-${c.id}">
          <h3>${c.title[ctx.lang]}</h3>
          <p>${c.description[ctx.lang]}</p>
        </section>`,
    )}
    <h2 id="cookie-list">${x.tableHeading}</h2>
    <div class="table-scroll">
      <table id="cookie-table">
        <caption>
          ${x.caption}
        </caption>
        <thead>
          <tr>
            ${x.columns.map((h) => html`<th scope="col">${h}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>
    </div>
    <h2>${x.thirdPartyHeading}</h2>
    <p>${x.thirdPartyText}</p>
    <p class="muted">${x.vendorsNote}</p>
    <section id="settings" class="settings">
      <h2>${x.settingsHeading}</h2>
      ${state.saved ? html`<p class="notice" role="status" id="settings-saved">${x.saved}</p>` : ''}
      <p>${x.settingsIntro}</p>
      <form method="post" action="${COOKIE_SETTINGS_FORM_PATH}" id="cookie-settings-form">
        <input type="hidden" name="lang" value="${ctx.lang}" />
        <fieldset>
          <legend>${x.categoriesHeading}</legend>
          ${COOKIE_CATEGORY_INFO.map((c) =>
            c.readOnly
              ? html`<label class="check"
                  ><input type="checkbox" checked disabled /> ${c.title[ctx.lang]}
                  <span class="muted">(${x.alwaysOn})</span></label
                >`
              : html`<label class="check"
                  ><input
                    type="checkbox"
                    name="categories"
                    value="${c.id}"
                    ${state.accepted.includes(c.id) ? html` checked` : ''}
                  />
                  ${c.title[ctx.lang]}</label
                >`,
          )}
        </fieldset>
        <div class="form-buttons">
          <button class="btn btn-choice" type="submit" name="action" value="accept-all">${x.acceptAll}</button>
          <button class="btn btn-choice" type="submit" name="action" value="reject-all">${x.rejectAll}</button>
          <button class="btn btn-quiet" type="submit" name="action" value="custom">${x.save}</button>
        </div>
      </form>
    </section>
  </article>`;
  return layout(ctx, { title: x.title, body, current: '/legal/cookies' });
}
