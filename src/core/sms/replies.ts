// SMS-02: the two automatic answers of the channel. After an opt-out: one confirmation and nothing
// else (no marketing, no link, no offer; CTIA: it names the program and says no more messages will
// come). After HELP: the program, how to get help, "Msg & data rates may apply" and how to opt out
// (CTIA's HELP content). Each should fit ONE GSM-7 part (160 characters): the first wording that
// fits is used, and Romanian (and any diacritics in a program name) is transliterated so that it
// stays GSM-7 (ș ț ă alone would make it UCS-2 and halve the room to 70). Wording follows the
// consent box's notice (forms/render-text.ts SMS_NOTICES: "Trimiteți HELP …, STOP pentru dezabonare").
import type { AccountLanguage } from '../accounts/types.ts';
import { measureSms, transliterate, type SmsEncoding } from './segments.ts';

export interface SmsReply {
  text: string;
  encoding: SmsEncoding;
  segments: number;
}

export interface ReplyFacts {
  /** The program name of the SMS list's consent box (SMS-01), e.g. "Shop Alerts". */
  program: string;
  language: AccountLanguage;
}

export interface HelpFacts extends ReplyFacts {
  /** Where to get help: a phone number, an address or a link. */
  contact: string;
}

type Wording<F> = (facts: F) => string;

/** Opt-out confirmations, longest and clearest first. */
const STOP_WORDINGS: Record<AccountLanguage, Wording<ReplyFacts>[]> = {
  en: [
    ({ program }) => `${program}: You have been unsubscribed. No more messages will be sent to this number.`,
    ({ program }) => `${program}: Unsubscribed. No more messages will be sent.`,
  ],
  ro: [
    ({ program }) => `${program}: V-ați dezabonat. Nu vă vom mai trimite niciun mesaj pe acest număr.`,
    ({ program }) => `${program}: Dezabonat. Nu vă vom mai trimite mesaje.`,
  ],
};

const HELP_WORDINGS: Record<AccountLanguage, Wording<HelpFacts>[]> = {
  en: [
    ({ program, contact }) => `${program}: For help, contact ${contact}. Msg & data rates may apply. Reply STOP to opt out.`,
    ({ program, contact }) => `${program}: Help: ${contact}. Msg&data rates may apply. Reply STOP to opt out.`,
  ],
  ro: [
    ({ program, contact }) =>
      `${program}: Pentru ajutor, contactați ${contact}. Se pot aplica tarife pentru mesaje și date. Trimiteți STOP pentru dezabonare.`,
    ({ program, contact }) =>
      `${program}: Ajutor: ${contact}. Se pot aplica tarife pentru mesaje și date. Trimiteți STOP pentru dezabonare.`,
    ({ program, contact }) => `${program}: Ajutor: ${contact}. Se pot aplica tarife mesaje/date. STOP pentru dezabonare.`,
  ],
};

/** One line, no control characters: a program name or contact never breaks the message apart. */
function oneLine(value: string, what: string): string {
  const clean = value.replace(/[\p{Cc}\s]+/gu, ' ').trim();
  if (clean.length === 0) throw new RangeError(`${what} must not be empty`);
  return clean;
}

function firstThatFits<F>(wordings: Wording<F>[], facts: F): SmsReply {
  let reply: SmsReply | null = null;
  for (const wording of wordings) {
    const text = transliterate(wording(facts));
    const { encoding, segments } = measureSms(text);
    reply = { text, encoding, segments };
    if (segments === 1) return reply;
  }
  // None fits one part (a very long program name or contact): the shortest wording, in parts.
  return reply!;
}

/** The one confirmation sent after an opt-out keyword (SMS-02). */
export function optOutConfirmation(facts: ReplyFacts): SmsReply {
  const program = oneLine(facts.program, 'program');
  return firstThatFits(STOP_WORDINGS[facts.language], { ...facts, program });
}

/** The answer to HELP / INFO / AJUTOR (SMS-02). */
export function helpReply(facts: HelpFacts): SmsReply {
  const program = oneLine(facts.program, 'program');
  const contact = oneLine(facts.contact, 'contact');
  return firstThatFits(HELP_WORDINGS[facts.language], { ...facts, program, contact });
}
