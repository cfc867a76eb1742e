// Composes the exact text shown beside each box from its structured parts (CON-04, SMS-01,
// CON-05). The result is stored with the version and its SHA-256 recorded on every consent
// event (CON-07), so the ledger proves what the person read, word for word.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { boxKeys, type ConsentBox, type FormDefinition, type FormLanguage, type Partner } from './definition.ts';

export interface RenderedBox {
  key: string;
  /** The first (and, once published, only) list of the box. */
  listId: string;
  channel: 'email' | 'sms';
  text: string;
  textHash: string;
}

export interface RenderedPartner {
  key: string;
  name: string;
  text: string;
  textHash: string;
}

export interface RenderedTerms {
  key: 'terms';
  text: string;
  url: string | null;
}

export interface RenderedForm {
  boxes: RenderedBox[];
  partners: RenderedPartner[];
  terms: RenderedTerms | null;
}

/** For reading a stored RenderedForm back (JSON column). */
export const RenderedFormSchema = z.object({
  boxes: z.array(
    z.object({ key: z.string(), listId: z.string(), channel: z.enum(['email', 'sms']), text: z.string(), textHash: z.string() }),
  ),
  partners: z.array(z.object({ key: z.string(), name: z.string(), text: z.string(), textHash: z.string() })),
  terms: z.object({ key: z.literal('terms'), text: z.string(), url: z.string().nullable() }).nullable(),
});

/** SMS-01: the fixed notices every SMS box carries, per form language. */
export const SMS_NOTICES: Record<FormLanguage, string> = {
  en: 'Message and data rates may apply. Reply HELP for help, STOP to cancel.',
  ro: 'Se pot aplica tarife pentru mesaje și date (Message and data rates may apply). Trimiteți HELP pentru ajutor, STOP pentru dezabonare.',
};

const clean = (s: string | undefined) => (s ?? '').trim().replace(/[.\s]+$/u, '');

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Ends a sentence: no full stop after a part that already ends in ! ? or … */
const end = (s: string) => (/[!?…]$/u.test(s) ? s : `${s}.`);

/** The channel as the sentence says it: the usual spellings of email and SMS are normalised. */
function channelWords(channel: string, language: FormLanguage): string {
  if (/^e-?mail$/iu.test(channel)) return language === 'ro' ? 'e-mail' : 'email';
  if (/^(sms|text( messages?)?)$/iu.test(channel)) return 'SMS';
  return channel;
}

/**
 * The consent sentence of one box (CON-04), in the form's language. Every part is the customer's
 * own words; the frame is built so that any of them reads right: the kind and sender inside the
 * sentence, then frequency after a comma, then "Purpose:" and "I can withdraw…:" each with a colon
 * (a purpose or a way to withdraw may be a noun phrase or an instruction). A missing part (a draft
 * the rules will still refuse) drops its clause instead of leaving a gap.
 * Composed when a version is SAVED and stored with it: a stored version's text never changes when
 * this wording does (CON-07); only versions saved afterwards read the new wording.
 */
export function composeBoxText(box: ConsentBox, language: FormLanguage): string {
  const p = box.purpose ?? {};
  const [kind, sender, channel, frequency, purpose, withdraw] = [
    p.kind,
    p.sender,
    p.channel,
    p.frequency,
    p.purpose,
    p.withdraw,
  ].map(clean);
  const ro = language === 'ro';
  const parts: string[] = [];
  let first = ro ? `Sunt de acord să primesc ${kind || 'mesaje'}` : `I agree to receive ${kind || 'messages'}`;
  if (sender) first += ro ? ` de la ${sender}` : ` from ${sender}`;
  if (channel) first += ro ? ` prin ${channelWords(channel, language)}` : ` by ${channelWords(channel, language)}`;
  if (frequency) first += `, ${frequency}`;
  parts.push(end(first));
  if (purpose) parts.push(end(ro ? `Scopul: ${purpose}` : `Purpose: ${purpose}`));
  parts.push(
    withdraw
      ? end(ro ? `Îmi pot retrage acordul oricând: ${withdraw}` : `I can withdraw my consent at any time: ${withdraw}`)
      : ro
        ? 'Îmi pot retrage acordul oricând.'
        : 'I can withdraw my consent at any time.',
  );
  if (box.sms) {
    const program = clean(box.sms.programName);
    const smsFrequency = clean(box.sms.frequency);
    if (program) parts.push(end(ro ? `Program SMS: ${program}` : `SMS program: ${program}`));
    if (smsFrequency) parts.push(end(ro ? `Frecvența mesajelor: ${smsFrequency}` : `Message frequency: ${smsFrequency}`));
    parts.push(SMS_NOTICES[language]);
  }
  const sentence = parts.join(' ');
  const label = clean(box.label);
  return label ? `${label} — ${sentence}` : sentence;
}

export function composePartnerText(partner: Partner, language: FormLanguage): string {
  const name = clean(partner.name);
  const purpose = clean(partner.purposeText);
  return language === 'ro'
    ? end(`Sunt de acord ca datele mele să fie transmise către ${name}, care mă poate contacta în acest scop: ${purpose}`)
    : end(`I agree that my details may be passed to ${name}, who may contact me for this purpose: ${purpose}`);
}

export function renderForm(def: FormDefinition): RenderedForm {
  const keys = boxKeys(def);
  const boxes = def.consentBoxes.map((box, i): RenderedBox => {
    const text = composeBoxText(box, def.language);
    return {
      key: keys[i] ?? `list-${i + 1}`,
      listId: box.listIds[0] ?? '',
      channel: box.sms ? 'sms' : 'email',
      text,
      textHash: sha256Hex(text),
    };
  });
  const partners = def.partners.map((partner, i): RenderedPartner => {
    const text = composePartnerText(partner, def.language);
    return { key: `partner-${i + 1}`, name: clean(partner.name), text, textHash: sha256Hex(text) };
  });
  const terms = def.termsBox ? { key: 'terms' as const, text: def.termsBox.label, url: def.termsBox.url ?? null } : null;
  return { boxes, partners, terms };
}
