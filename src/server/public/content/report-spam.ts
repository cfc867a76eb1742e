// The public "Report spam" page, English and Romanian. It says what a recipient can do: leave the
// list with the message's own links, and report the message, either with the form on this page
// (ABU-01: a server-rendered form that works without JavaScript, POST /report-spam, stored as an
// inbound item for the enforcement work, ABU-02) or by writing to the abuse address (config
// ABUSE_EMAIL). Every visible word of the page and of its form is here, for both languages.
import type { Language } from '../../../../policy/cookies.ts';

export interface ReportSpamText {
  title: string;
  lead: string;
  stopHeading: string;
  stopItems: string[];
  reportHeading: string;
  /** Shown before the mailto link of the abuse address. */
  reportWriteTo: string;
  reportInclude: string[];
  afterHeading: string;
  after: string;
  /** Shown before the link to the Anti-Spam Policy. */
  policyIntro: string;
  form: ReportFormText;
}

/** The report form (ABU-01): labels, hints, per-field errors, the bot-defence notices, thanks. */
export interface ReportFormText {
  heading: string;
  intro: string;
  /** Marks a required field after its label. */
  required: string;
  optional: string;
  messageLabel: string;
  messageHint: string;
  emailLabel: string;
  emailHint: string;
  commentLabel: string;
  commentHint: string;
  submit: string;
  /** The honeypot's label: hidden from people, read only by bots (CON-11). */
  honeypot: string;
  /** Above the form when a field is wrong. */
  errorsTitle: string;
  errors: {
    messageRequired: string;
    messageTooLong: (max: number) => string;
    emailRequired: string;
    emailInvalid: string;
    commentTooLong: (max: number) => string;
  };
  /** The bot-defence refusals, as the public forms word them (CON-11). */
  tooFast: string;
  startInvalid: string;
  startUsed: string;
  thanksTitle: string;
  thanks: string;
  reportAnother: string;
}

export const REPORT_SPAM: Record<Language, ReportSpamText> = {
  en: {
    title: 'Report spam',
    lead: 'Did you receive an email or text message through Assent that you never asked for? Here is how to stop it and how to tell us.',
    stopHeading: 'Stop the messages now',
    stopItems: [
      'Every marketing email sent through Assent carries an unsubscribe link at the bottom. Open it: it works at once, without an account or a password, and the sender cannot send to you on that list again.',
      'The page that link opens also leads to your preferences, where you can leave every list of that sender at once.',
      'You can also use the "Unsubscribe" button your mail program shows next to the sender: it uses the same link.',
    ],
    reportHeading: 'Tell us',
    reportWriteTo: 'If you prefer email, write to our abuse address:',
    reportInclude: [
      'forward the message itself, or attach it (this keeps the headers that show who sent it);',
      'name the sender of the message, as you know it;',
      'say, if you can, why you believe you never gave permission.',
    ],
    afterHeading: 'What we do with a report',
    after:
      'A person on our team reads every report. We check the consent the sender recorded for your address; if the sender cannot show your permission, the account is restricted or blocked as our Anti-Spam Policy says.',
    policyIntro: 'The rules every sender agrees to:',
    form: {
      heading: 'Report a message',
      intro:
        'Paste the message below and send the form; it works without JavaScript. Your address tells us whom the sender must stop writing to.',
      required: 'required',
      optional: 'optional',
      messageLabel: 'The message you received',
      messageHint:
        'Paste the full message source, or at least its headers. In most mail programs this is "Show original" or "View source".',
      emailLabel: 'Your email address',
      emailHint: 'The address that received the message.',
      commentLabel: 'Comment',
      commentHint: 'Anything else we should know, for example why you believe you never gave permission.',
      submit: 'Send the report',
      honeypot: 'Leave this field empty',
      errorsTitle: 'Please check the marked fields.',
      errors: {
        messageRequired: 'Paste the message, or at least its headers.',
        messageTooLong: (max) => `The message may have at most ${max.toLocaleString('en')} characters; paste its headers only.`,
        emailRequired: 'Enter your email address.',
        emailInvalid: 'This is not a valid email address.',
        commentTooLong: (max) => `The comment may have at most ${max.toLocaleString('en')} characters.`,
      },
      tooFast: 'That was quicker than a person can fill in the form. Please wait a few seconds and send it again.',
      startInvalid: 'This page is too old. Please send the form again.',
      startUsed: 'This page was already sent. Please send the form again.',
      thanksTitle: 'Thank you, we received your report',
      thanks:
        'A person on our team will look at it. You do not need to do anything else; to stop the messages now, use the unsubscribe link in them.',
      reportAnother: 'Report another message',
    },
  },
  ro: {
    title: 'Raportează spam',
    lead: 'Ați primit prin Assent un email sau un SMS pe care nu l-ați cerut niciodată? Iată cum îl opriți și cum ne anunțați.',
    stopHeading: 'Opriți mesajele acum',
    stopItems: [
      'Fiecare email de marketing trimis prin Assent are la final un link de dezabonare. Deschideți-l: funcționează imediat, fără cont sau parolă, iar expeditorul nu vă mai poate scrie pe acea listă.',
      'Pagina deschisă de acel link duce și la preferințele dumneavoastră, unde puteți părăsi dintr-odată toate listele acelui expeditor.',
      'Puteți folosi și butonul „Dezabonare” pe care programul de email îl arată lângă expeditor: folosește același link.',
    ],
    reportHeading: 'Anunțați-ne',
    reportWriteTo: 'Dacă preferați emailul, scrieți-ne la adresa pentru abuzuri:',
    reportInclude: [
      'redirecționați mesajul sau atașați-l (așa se păstrează antetele care arată cine l-a trimis);',
      'numiți expeditorul mesajului, așa cum îl cunoașteți;',
      'spuneți, dacă puteți, de ce credeți că nu v-ați dat niciodată permisiunea.',
    ],
    afterHeading: 'Ce facem cu un raport',
    after:
      'Fiecare raport este citit de o persoană din echipa noastră. Verificăm consimțământul pe care expeditorul l-a înregistrat pentru adresa dumneavoastră; dacă expeditorul nu vă poate arăta permisiunea, contul este restricționat sau blocat, așa cum prevede Politica noastră anti-spam.',
    policyIntro: 'Regulile acceptate de fiecare expeditor:',
    form: {
      heading: 'Raportați un mesaj',
      intro:
        'Lipiți mesajul mai jos și trimiteți formularul; funcționează fără JavaScript. Adresa dumneavoastră ne spune cui nu mai trebuie să îi scrie expeditorul.',
      required: 'obligatoriu',
      optional: 'opțional',
      messageLabel: 'Mesajul primit',
      messageHint:
        'Lipiți sursa completă a mesajului sau măcar antetele lui. În majoritatea programelor de email se numește „Afișează originalul” sau „Vezi sursa”.',
      emailLabel: 'Adresa dumneavoastră de email',
      emailHint: 'Adresa care a primit mesajul.',
      commentLabel: 'Comentariu',
      commentHint: 'Orice altceva ar trebui să știm, de exemplu de ce credeți că nu v-ați dat niciodată permisiunea.',
      submit: 'Trimite raportul',
      honeypot: 'Lăsați acest câmp gol',
      errorsTitle: 'Verificați câmpurile marcate.',
      errors: {
        messageRequired: 'Lipiți mesajul sau măcar antetele lui.',
        messageTooLong: (max) =>
          `Mesajul poate avea cel mult ${max.toLocaleString('ro')} de caractere; lipiți doar antetele lui.`,
        emailRequired: 'Introduceți adresa dumneavoastră de email.',
        emailInvalid: 'Aceasta nu este o adresă de email validă.',
        commentTooLong: (max) => `Comentariul poate avea cel mult ${max.toLocaleString('ro')} de caractere.`,
      },
      tooFast:
        'Formularul a fost trimis mai repede decât îl poate completa o persoană. Așteptați câteva secunde și trimiteți-l din nou.',
      startInvalid: 'Pagina este prea veche. Trimiteți formularul din nou.',
      startUsed: 'Această pagină a fost deja trimisă. Trimiteți formularul din nou.',
      thanksTitle: 'Vă mulțumim, am primit raportul',
      thanks:
        'O persoană din echipa noastră îl va analiza. Nu mai trebuie să faceți nimic; pentru a opri mesajele acum, folosiți linkul de dezabonare din ele.',
      reportAnother: 'Raportați alt mesaj',
    },
  },
};
