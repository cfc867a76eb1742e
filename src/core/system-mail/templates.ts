// System mail templates (ACC-07, I18N-01): the data each one needs, its default category, and
// rendering to subject + text + html with Liquid (no code execution; own properties only).
import { Liquid, type Template } from 'liquidjs';
import { z } from 'zod';
import { invalid } from '../errors.ts';
import type { SystemMailCategory } from './ports.ts';
import { EN, EN_LABELS } from './templates-en.ts';
import { RO, RO_LABELS } from './templates-ro.ts';

export const SYSTEM_MAIL_LANGUAGES = ['en', 'ro'] as const;
export type SystemMailLanguage = (typeof SYSTEM_MAIL_LANGUAGES)[number];
export const MAX_SUBJECT_LENGTH = 250;
const url = z.string().url().max(2000);
const short = z.string().max(300);
/** A name shown in the text; an empty one is allowed (the template words around it still read). */
const name = short.default('');
const count = z.number().int().nonnegative();

/** The data each template needs. Extra keys are ignored; missing ones are refused (TEMPLATE_DATA_INVALID). */
export const TEMPLATE_DATA = {
  'verify-email': z.object({ name: short.optional(), link: url, expiresInHours: z.number().nonnegative().optional() }),
  'password-reset': z.object({ name: short.optional(), link: url, expiresInMinutes: z.number().nonnegative().optional() }),
  invitation: z.object({
    accountName: name,
    inviterName: short.optional(),
    link: url,
    role: short.optional(),
    expiresAt: short.optional(),
  }),
  'standing-changed': z.object({
    accountName: name,
    standing: z.enum(['active', 'warned', 'restricted', 'suspended', 'blocked']),
    services: z.array(z.enum(['import', 'email', 'sms', 'api'])),
    reason: z.string().max(1000),
  }),
  /** Someone signed up with the address of an existing user: told to the user, nothing created. */
  'signup-attempt': z.object({ name: short.optional(), signInLink: url, resetLink: url }),
  'signup-review-outcome': z.object({ accountName: name, decision: z.enum(['approve', 'refuse']), reason: z.string().max(1000) }),
  'import-review-outcome': z.object({
    accountName: name,
    importName: short.optional(),
    decision: z.enum(['approve', 'refuse']),
    reason: z.string().max(1000).optional(),
    contacts: count.optional(),
  }),
  'campaign-report': z.object({
    accountName: name,
    campaignName: short,
    sent: count,
    delivered: count.optional(),
    bounced: count.optional(),
    complaints: count.optional(),
    unsubscribed: count.optional(),
    reportUrl: url.optional(),
  }),
  /** CNT-02: a campaign approved or rejected by the content review; a reject lists what was found. */
  'campaign-review-outcome': z.object({
    accountName: name,
    campaignName: short,
    decision: z.enum(['approve', 'reject']),
    reason: z.string().max(1000).optional(),
    findings: z
      .array(z.object({ category: z.string().max(100), excerpts: z.array(z.string().max(200)).max(5) }))
      .max(20)
      .optional(),
    campaignUrl: url.optional(),
  }),
  /** REP-03, ABU-02: a recipient reported a campaign as spam; the sender is told (the seed asks reporters to copy it). */
  'complaint-received': z.object({
    accountName: name,
    campaignName: short.default(''),
    source: z.enum(['feedback-loop', 'spam-report']),
    recipient: short,
    receivedAt: short,
  }),
  /** REP-04, REP-06: the account's rates hold its new campaigns for a reviewer. */
  'campaign-hold': z.object({ accountName: name, reason: z.string().max(1000) }),
  'consent-confirm': z.object({ formName: short, listNames: z.array(short).min(1).max(50), confirmUrl: url, senderName: name }),
  notice: z.object({ subject: z.string().min(1).max(200), body: z.string().min(1).max(20_000) }),
  'feature-news': z.object({ subject: z.string().min(1).max(200), body: z.string().min(1).max(20_000) }),
} as const;

export type TemplateId = keyof typeof TEMPLATE_DATA;
export const TEMPLATE_IDS = Object.keys(TEMPLATE_DATA) as TemplateId[];

export interface TemplateText {
  subject: string;
  text: string;
  html: string;
}
export type TemplateTexts = Record<TemplateId, TemplateText>;

/** 'feature-news' is the only category a customer can turn off (ACC-07); everything else is account mail. */
export const DEFAULT_CATEGORY: Record<TemplateId, SystemMailCategory> = {
  'verify-email': 'critical',
  'password-reset': 'critical',
  invitation: 'critical',
  'standing-changed': 'critical',
  'signup-attempt': 'critical',
  'signup-review-outcome': 'critical',
  'import-review-outcome': 'critical',
  'campaign-report': 'critical',
  'campaign-review-outcome': 'critical',
  'complaint-received': 'critical',
  'campaign-hold': 'critical',
  'consent-confirm': 'critical',
  notice: 'critical',
  'feature-news': 'feature-news',
};

const TEXTS: Record<SystemMailLanguage, TemplateTexts> = { en: EN, ro: RO };
const LABELS: Record<SystemMailLanguage, typeof EN_LABELS> = { en: EN_LABELS, ro: RO_LABELS };

export function isTemplateId(id: string): id is TemplateId {
  return Object.hasOwn(TEMPLATE_DATA, id);
}

export function mailLanguage(language: string | null | undefined): SystemMailLanguage {
  const base = (language ?? '').toLowerCase().split(/[-_]/)[0];
  return base === 'ro' ? 'ro' : 'en';
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export interface TemplateRenderer {
  render(
    template: string,
    data: Record<string, unknown>,
    language: SystemMailLanguage,
    category: SystemMailCategory,
  ): RenderedMail;
}

/** One renderer per platform; each template text is parsed once. */
export function createTemplateRenderer(options: { appName?: string; publicUrl: string }): TemplateRenderer {
  const common = { ownPropertyOnly: true, strictFilters: true, cache: true, jsTruthy: false } as const;
  const textEngine = new Liquid(common);
  const htmlEngine = new Liquid({ ...common, outputEscape: 'escape' });
  const appName = options.appName ?? 'Assent';
  // Parsed once per template text (a fixed, small set: the texts of templates-en/ro.ts), then
  // only rendered: parsing cost more than rendering on every mail.
  const compiled = new Map<Liquid, Map<string, Template[]>>([
    [textEngine, new Map()],
    [htmlEngine, new Map()],
  ]);
  const renderSync = (engine: Liquid, source: string, scope: object): string => {
    const cache = compiled.get(engine)!;
    let parsed = cache.get(source);
    if (!parsed) {
      parsed = engine.parse(source);
      cache.set(source, parsed);
    }
    return engine.renderSync(parsed, scope) as string;
  };

  return {
    render(template, data, language, category) {
      if (!isTemplateId(template)) throw invalid('UNKNOWN_TEMPLATE', `No system mail template "${template}".`);
      // Liquid treats '' as true; an empty optional value is the same as none.
      const present = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== '' && v !== null && v !== undefined));
      const parsed = TEMPLATE_DATA[template].safeParse(present);
      if (!parsed.success) {
        throw invalid('TEMPLATE_DATA_INVALID', `The data for "${template}" is not valid.`, {
          issues: parsed.error.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), message: i.message })),
        });
      }
      const labels = LABELS[language];
      const scope = { ...parsed.data, t: labels, appName, publicUrl: options.publicUrl };
      const texts = TEXTS[language][template];
      const footerKey = template === 'consent-confirm' ? 'contact' : 'account';
      const footers = [labels.footer[footerKey], ...(category === 'feature-news' ? [labels.footer.featureNews] : [])].map((f) =>
        renderSync(textEngine, f, scope),
      );
      // RFC 5322 §2.2: a header field is one line; strip CR/LF from the rendered subject.
      const subject = renderSync(textEngine, texts.subject, scope)
        .replace(/[\r\n]+/g, ' ')
        .trim()
        .slice(0, MAX_SUBJECT_LENGTH);
      const text = `${renderSync(textEngine, texts.text, scope)}\n\n-- \n${footers.join('\n')}\n`;
      const body = renderSync(htmlEngine, texts.html, scope);
      const footerHtml = footers.map((f) => `<p style="color:#666;font-size:12px">${escapeHtml(f)}</p>`).join('');
      const html = `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:sans-serif;line-height:1.5">${body}<hr>${footerHtml}</body></html>`;
      return { subject, text, html };
    },
  };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
