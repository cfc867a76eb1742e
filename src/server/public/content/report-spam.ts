// The public "Report spam" page, English and Romanian. It says what a recipient can do today:
// leave the list with the message's own links, and write to the abuse address (config
// ABUSE_EMAIL). A complaint form with its own handling comes with the enforcement work; until
// then this page promises nothing the platform does not do.
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
    reportWriteTo: 'Write to our abuse address:',
    reportInclude: [
      'forward the message itself, or attach it (this keeps the headers that show who sent it);',
      'name the sender of the message, as you know it;',
      'say, if you can, why you believe you never gave permission.',
    ],
    afterHeading: 'What we do with a report',
    after:
      'A person on our team reads every report. We check the consent the sender recorded for your address; if the sender cannot show your permission, the account is restricted or blocked as our Anti-Spam Policy says.',
    policyIntro: 'The rules every sender agrees to:',
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
    reportWriteTo: 'Scrieți-ne la adresa pentru abuzuri:',
    reportInclude: [
      'redirecționați mesajul sau atașați-l (așa se păstrează antetele care arată cine l-a trimis);',
      'numiți expeditorul mesajului, așa cum îl cunoașteți;',
      'spuneți, dacă puteți, de ce credeți că nu v-ați dat niciodată permisiunea.',
    ],
    afterHeading: 'Ce facem cu un raport',
    after:
      'Fiecare raport este citit de o persoană din echipa noastră. Verificăm consimțământul pe care expeditorul l-a înregistrat pentru adresa dumneavoastră; dacă expeditorul nu vă poate arăta permisiunea, contul este restricționat sau blocat, așa cum prevede Politica noastră anti-spam.',
    policyIntro: 'Regulile acceptate de fiecare expeditor:',
  },
};
