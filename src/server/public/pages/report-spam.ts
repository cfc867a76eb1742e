// The public "Report spam" page (the footer's link): how a recipient stops unwanted mail and
// where to report it. The abuse address comes from config (ABUSE_EMAIL).
import { REPORT_SPAM } from '../content/report-spam.ts';
import { html } from '../html.ts';
import { href, layout, type PageContext } from '../layout.ts';

export const REPORT_SPAM_PATH = '/report-spam';

export function reportSpamPage(ctx: PageContext, abuseEmail: string): string {
  const t = REPORT_SPAM[ctx.lang];
  const body = html`<article class="legal report-spam">
    <h1>${t.title}</h1>
    <p class="lead">${t.lead}</p>
    <section id="stop">
      <h2>${t.stopHeading}</h2>
      <ul>
        ${t.stopItems.map((item) => html`<li>${item}</li>`)}
      </ul>
    </section>
    <section id="report">
      <h2>${t.reportHeading}</h2>
      <p>${t.reportWriteTo} <a class="abuse-address" href="mailto:${abuseEmail}">${abuseEmail}</a></p>
      <ul>
        ${t.reportInclude.map((item) => html`<li>${item}</li>`)}
      </ul>
    </section>
    <section id="after">
      <h2>${t.afterHeading}</h2>
      <p>${t.after}</p>
      <p>${t.policyIntro} <a href="${href(ctx, '/legal/anti-spam#determining-spam')}">${ctx.t.navAntiSpam}</a></p>
    </section>
  </article>`;
  return layout(ctx, { title: t.title, body, current: REPORT_SPAM_PATH });
}
