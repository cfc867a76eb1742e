// The public "Report spam" page (the footer's link): how a recipient stops unwanted mail and
// where to report it, with the report form (ABU-01). The form is plain HTML posting to
// POST /report-spam (src/server/routes/public/post-report-spam.ts): it works without JavaScript
// and carries the public forms' bot defences (CON-11): a honeypot field hidden from people and a
// signed start stamp that measures the fill time. The abuse address comes from config (ABUSE_EMAIL).
import { HONEYPOT_FIELD } from '../../../core/forms/bot-defence.ts';
import { MAX_EMAIL_LENGTH } from '../../../core/suppression/address.ts';
import { START_FIELD } from '../../routes/forms-public/render-form.ts';
import { REPORT_SPAM } from '../content/report-spam.ts';
import { html, type SafeHtml } from '../html.ts';
import { href, layout, type PageContext } from '../layout.ts';

export const REPORT_SPAM_PATH = '/report-spam';

/** Longest reported message accepted (characters): a full message source, or its headers. */
export const MAX_REPORT_MESSAGE_CHARS = 200_000;
/** Longest optional comment accepted (characters). */
export const MAX_REPORT_COMMENT_CHARS = 2_000;

/** The form's field names (the honeypot and the start stamp are the public forms' own). */
export const REPORT_FIELDS = { message: 'message', email: 'email', comment: 'comment', lang: 'lang' } as const;
export type ReportField = 'message' | 'email' | 'comment';

export interface ReportFormState {
  /** The signed start stamp this page load carries (minimum fill time, CON-11). */
  startStamp: string;
  /** What was typed, shown again after an error. */
  values?: Partial<Record<ReportField, string>>;
  /** A message per wrong field. */
  errors?: Partial<Record<ReportField, string>>;
  /** A refusal of the whole submission (too fast, page too old). */
  notice?: string;
}

export type ReportSpamState = { sent: true } | ({ sent?: false } & ReportFormState);

function field(
  ctx: PageContext,
  name: ReportField,
  o: { label: string; hint: string; required: boolean; error?: string; control: (describedBy: string) => SafeHtml },
): SafeHtml {
  const t = REPORT_SPAM[ctx.lang].form;
  const id = `report-${name}`;
  const describedBy = o.error ? `${id}-hint ${id}-err` : `${id}-hint`;
  return html`<div class="report-field${o.error ? ' has-error' : ''}">
    <label for="${id}">${o.label} <span class="muted">(${o.required ? t.required : t.optional})</span></label>
    <p class="hint" id="${id}-hint">${o.hint}</p>
    ${o.control(describedBy)} ${o.error ? html`<p class="err" id="${id}-err" role="alert">${o.error}</p>` : ''}
  </div>`;
}

function reportForm(ctx: PageContext, state: ReportFormState): SafeHtml {
  const t = REPORT_SPAM[ctx.lang].form;
  const values = state.values ?? {};
  const errors = state.errors ?? {};
  const invalid = (name: ReportField) => (errors[name] ? html` aria-invalid="true"` : '');
  return html`<form method="post" action="${REPORT_SPAM_PATH}" accept-charset="utf-8" id="report-form" class="report-form">
    ${state.notice ? html`<p class="notice" role="alert">${state.notice}</p>` : ''}
    ${Object.keys(errors).length > 0 ? html`<p class="notice" role="alert">${t.errorsTitle}</p>` : ''}
    <input type="hidden" name="${START_FIELD}" value="${state.startStamp}" />
    <input type="hidden" name="${REPORT_FIELDS.lang}" value="${ctx.lang}" />
    ${field(ctx, 'message', {
      label: t.messageLabel,
      hint: t.messageHint,
      required: true,
      error: errors.message,
      // No maxlength: a browser would cut a long paste silently; the server says it is too long.
      control: (d) =>
        html`<textarea
          id="report-message"
          name="${REPORT_FIELDS.message}"
          rows="12"
          cols="80"
          required
          aria-describedby="${d}"
          ${invalid('message')}
        >
${values.message ?? ''}</textarea>`,
    })}
    ${field(ctx, 'email', {
      label: t.emailLabel,
      hint: t.emailHint,
      required: true,
      error: errors.email,
      control: (d) =>
        html`<input
          id="report-email"
          name="${REPORT_FIELDS.email}"
          type="email"
          autocomplete="email"
          maxlength="${MAX_EMAIL_LENGTH}"
          required
          value="${values.email ?? ''}"
          aria-describedby="${d}"
          ${invalid('email')}
        />`,
    })}
    ${field(ctx, 'comment', {
      label: t.commentLabel,
      hint: t.commentHint,
      required: false,
      error: errors.comment,
      control: (d) =>
        html`<textarea
          id="report-comment"
          name="${REPORT_FIELDS.comment}"
          rows="4"
          cols="80"
          maxlength="${MAX_REPORT_COMMENT_CHARS}"
          aria-describedby="${d}"
          ${invalid('comment')}
        >
${values.comment ?? ''}</textarea>`,
    })}
    <div style="position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden" aria-hidden="true">
      <label for="report-hp">${t.honeypot}</label
      ><input id="report-hp" type="text" name="${HONEYPOT_FIELD}" value="" tabindex="-1" autocomplete="off" />
    </div>
    <button type="submit">${t.submit}</button>
  </form>`;
}

function thanks(ctx: PageContext): SafeHtml {
  const t = REPORT_SPAM[ctx.lang].form;
  return html`<div class="notice report-sent" id="report-form" role="status">
    <h3>${t.thanksTitle}</h3>
    <p>${t.thanks}</p>
    <p><a href="${href(ctx, `${REPORT_SPAM_PATH}#report-form`)}">${t.reportAnother}</a></p>
  </div>`;
}

export function reportSpamPage(ctx: PageContext, abuseEmail: string, state: ReportSpamState): string {
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
      <h3>${t.form.heading}</h3>
      ${
        state.sent
          ? thanks(ctx)
          : html`<p>${t.form.intro}</p>
              ${reportForm(ctx, state)}`
      }
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
