// The hosted form as HTML (no JavaScript). Every consent box is served UNCHECKED (CON-02). When
// the page comes back after a validation error, the boxes THIS person ticked in that same version
// come back ticked, with the values they typed (their own act, not a default: Mailchimp, Brevo and
// the browser's own form restore do the same); a stale version comes back with no box ticked,
// since its texts may have changed and must be read again.
import { HONEYPOT_FIELD } from '../../../core/forms/bot-defence.ts';
import { isHttpUrl } from '../../../core/forms/definition.ts';
import { BOX_TICK_VALUE } from '../../../core/forms/submission.ts';
import type { FormVersion } from '../../../core/forms/types.ts';
import { html, type SafeHtml } from '../../public/html.ts';
import type { PublicSender } from '../../../core/forms/types.ts';
import { senderLine } from './sender-line.ts';
import { page } from './shell.ts';
import { PAGE_STRINGS, pageLanguage } from './strings.ts';

/** Hidden field names of the hosted form. */
export const VERSION_FIELD = '_version';
export const START_FIELD = '_started';
/** The embedded snippet's first step: "continue" shows the hosted form with these values. */
export const STEP_FIELD = '_step';

export interface FormPageOptions {
  formId: string;
  version: FormVersion;
  startStamp: string;
  values?: Record<string, string>;
  /** Keys of the boxes the person ticked in this version before an error (shown ticked again). */
  ticked?: ReadonlySet<string>;
  errors?: Record<string, string>;
  notice?: string;
  /** The account: named with its privacy policy link above the form. */
  sender?: PublicSender | null;
}

const INPUT_TYPES = { email: 'email', phone: 'tel', first_name: 'text', last_name: 'text' } as const;
const AUTOCOMPLETE = { email: 'email', phone: 'tel', first_name: 'given-name', last_name: 'family-name' } as const;

function fieldsHtml(v: FormVersion, values: Record<string, string>, errors: Record<string, string>): SafeHtml[] {
  const t = PAGE_STRINGS[pageLanguage(v.definition.language)];
  return v.definition.fields.map((f) => {
    const id = `f-${f.key}`;
    const label = f.label || t.fields[f.key];
    return html`<label for="${id}">${label}${f.required ? html` <span aria-hidden="true">*</span>` : ''}</label>
      <input
        id="${id}"
        name="${f.key}"
        type="${INPUT_TYPES[f.key]}"
        autocomplete="${AUTOCOMPLETE[f.key]}"
        value="${values[f.key] ?? ''}"
        ${f.required ? html` required` : ''}${errors[f.key] ? html` aria-invalid="true" aria-describedby="${id}-err"` : ''}
      />
      ${errors[f.key] ? html`<div class="err" id="${id}-err">${errors[f.key]}</div>` : ''}`;
  });
}

function box(key: string, text: string, ticked: ReadonlySet<string>): SafeHtml {
  // CON-02: `checked` only for a box this person ticked themselves, shown again after an error.
  return html`<label class="box"
    ><input type="checkbox" name="box_${key}" value="${BOX_TICK_VALUE}" ${ticked.has(key) ? html`checked` : ''} /><span
      >${text}</span
    ></label
  >`;
}

export function formPage(o: FormPageOptions): string {
  const v = o.version;
  const lang = pageLanguage(v.definition.language);
  const t = PAGE_STRINGS[lang];
  const errors = o.errors ?? {};
  const ticked = o.ticked ?? new Set<string>();
  const { boxes, partners, terms } = v.rendered;
  const body = html`<h1>${v.definition.name}</h1>
    ${senderLine(lang, o.sender ?? null)} ${v.definition.intro ? html`<p>${v.definition.intro}</p>` : ''}
    ${o.notice ? html`<p class="notice" role="alert">${o.notice}</p>` : ''}
    ${Object.keys(errors).length > 0 ? html`<p class="notice" role="alert">${t.errorsTitle}</p>` : ''}
    <form method="post" action="/f/${o.formId}" accept-charset="utf-8">
      <input type="hidden" name="${VERSION_FIELD}" value="${v.version}" />
      <input type="hidden" name="${START_FIELD}" value="${o.startStamp}" />
      ${fieldsHtml(v, o.values ?? {}, errors)}
      <fieldset style="border:0;padding:0;margin:1rem 0 0">
        ${boxes.map((b) => box(b.key, b.text, ticked))} ${partners.map((p) => box(p.key, p.text, ticked))}
        ${errors.consent ? html`<div class="err">${errors.consent}</div>` : ''}
      </fieldset>
      ${terms ? html`${box('terms', terms.text, ticked)}${terms.url && isHttpUrl(terms.url) ? html`<p><a href="${terms.url}" rel="noopener">${terms.url}</a></p>` : ''}${errors.terms ? html`<div class="err">${errors.terms}</div>` : ''}` : ''}
      <div class="hp" aria-hidden="true">
        <label for="f-hp">${t.honeypot}</label
        ><input id="f-hp" type="text" name="${HONEYPOT_FIELD}" value="" tabindex="-1" autocomplete="off" />
      </div>
      <button type="submit">${t.submit}</button>
    </form>`;
  return page(lang, v.definition.name, body);
}

/**
 * The embeddable snippet: the form's fields and a Continue button posting to /f/<form>. The
 * consent boxes are NOT in the snippet on purpose: they are ticked on the hosted page, where the
 * exact text of the current version is shown and a fresh start stamp measures the fill time
 * (CON-07, CON-11). A page that copied the snippet cannot alter what the ledger records.
 */
export function embedSnippet(publicUrl: string, formId: string, v: FormVersion): string {
  const t = PAGE_STRINGS[pageLanguage(v.definition.language)];
  return html`<form method="post" action="${publicUrl}/f/${formId}" accept-charset="utf-8" class="assent-form">
    <input type="hidden" name="${STEP_FIELD}" value="continue" />
    ${fieldsHtml(v, {}, {})}
    <div style="position:absolute;left:-10000px" aria-hidden="true">
      <input type="text" name="${HONEYPOT_FIELD}" value="" tabindex="-1" autocomplete="off" />
    </div>
    <button type="submit">${t.continue}</button>
  </form> `.value;
}
