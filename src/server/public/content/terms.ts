// Assent's Terms of Service, English and Romanian. The suspension process here is the one the
// Anti-Spam Policy refers to (section "consequences") and the standing service implements (ACC-04).
import type { LegalDocument } from './types.ts';

export const TERMS_EN: LegalDocument = {
  title: 'Terms of Service',
  intro: [
    'These terms govern your use of Assent. By creating an account you accept them together with our Anti-Spam Policy and Cookie Policy.',
  ],
  sections: [
    {
      id: 'account',
      heading: '1. Your account',
      blocks: [
        {
          kind: 'p',
          text: 'You give us your company name, postal address, industry and what you plan to send, and keep them accurate. The account owner is responsible for everything done with the account, including by team members and API keys.',
        },
      ],
    },
    {
      id: 'permission',
      heading: '2. Permission comes first',
      blocks: [
        {
          kind: 'p',
          text: 'You may only send to people who gave you consent as described in the Anti-Spam Policy, and you keep proof of that consent. Assent records consent and refuses to send where it is missing.',
          link: { href: '/legal/anti-spam', label: 'Anti-Spam Policy' },
        },
      ],
    },
    {
      id: 'suspension-process',
      heading: '3. Suspension process',
      blocks: [
        { kind: 'p', text: 'When an account breaks these terms or the Anti-Spam Policy, we act in proportion to the harm:' },
        {
          kind: 'ol',
          items: [
            'Warning: we tell the owner what is wrong and what to change.',
            'Restriction: we switch off some services (imports, email, SMS or the API) until the problem is fixed.',
            'Suspension: the whole account stops sending while we investigate.',
            'Block: the account is closed for good. Clear abuse, such as sending to people without their permission, can lead straight to suspension or a block.',
          ],
        },
        {
          kind: 'p',
          text: 'Every step is recorded with its reason and the owner is told by email. You may ask us to review a decision; a restricted or suspended account can be reinstated once the cause is fixed.',
        },
      ],
    },
    {
      id: 'refunds',
      heading: '4. Payments and refunds',
      blocks: [
        { kind: 'p', text: 'If an account is blocked for breaking the Anti-Spam Policy, amounts already paid are not refunded.' },
      ],
    },
    {
      id: 'data',
      heading: '5. Your data',
      blocks: [
        {
          kind: 'p',
          text: 'Your contacts and their consent records belong to you. We process them only to provide the service, and you can export them at any time.',
        },
      ],
    },
    {
      id: 'changes',
      heading: '6. Changes to these terms',
      blocks: [
        {
          kind: 'p',
          text: 'We announce changes by email before they take effect. Each version carries its date; your acceptance records the version you accepted.',
        },
      ],
    },
  ],
};

export const TERMS_RO: LegalDocument = {
  title: 'Termeni și condiții',
  intro: [
    'Acești termeni guvernează folosirea Assent. Creându-vă un cont, îi acceptați împreună cu Politica anti-spam și Politica de cookie-uri.',
  ],
  sections: [
    {
      id: 'account',
      heading: '1. Contul dumneavoastră',
      blocks: [
        {
          kind: 'p',
          text: 'Ne furnizați numele companiei, adresa poștală, domeniul de activitate și ce intenționați să trimiteți, și le păstrați corecte. Proprietarul contului răspunde pentru tot ce se face cu contul, inclusiv de către membrii echipei și prin cheile API.',
        },
      ],
    },
    {
      id: 'permission',
      heading: '2. Permisiunea este pe primul loc',
      blocks: [
        {
          kind: 'p',
          text: 'Puteți trimite doar persoanelor care v-au dat consimțământul descris în Politica anti-spam și păstrați dovada acestuia. Assent înregistrează consimțământul și refuză să trimită acolo unde lipsește.',
          link: { href: '/legal/anti-spam', label: 'Politica anti-spam' },
        },
      ],
    },
    {
      id: 'suspension-process',
      heading: '3. Procedura de suspendare',
      blocks: [
        { kind: 'p', text: 'Când un cont încalcă acești termeni sau Politica anti-spam, acționăm proporțional cu prejudiciul:' },
        {
          kind: 'ol',
          items: [
            'Avertisment: îi spunem proprietarului ce nu este în regulă și ce trebuie schimbat.',
            'Restricționare: oprim unele servicii (importuri, email, SMS sau API) până la rezolvarea problemei.',
            'Suspendare: întregul cont nu mai poate trimite cât timp investigăm.',
            'Blocare: contul este închis definitiv. Abuzul evident, de exemplu trimiterea către persoane fără permisiunea lor, poate duce direct la suspendare sau blocare.',
          ],
        },
        {
          kind: 'p',
          text: 'Fiecare pas este înregistrat cu motivul său, iar proprietarul este anunțat prin email. Puteți cere reanalizarea unei decizii; un cont restricționat sau suspendat poate fi reactivat după ce cauza este remediată.',
        },
      ],
    },
    {
      id: 'refunds',
      heading: '4. Plăți și rambursări',
      blocks: [
        {
          kind: 'p',
          text: 'Dacă un cont este blocat pentru încălcarea Politicii anti-spam, sumele deja plătite nu se rambursează.',
        },
      ],
    },
    {
      id: 'data',
      heading: '5. Datele dumneavoastră',
      blocks: [
        {
          kind: 'p',
          text: 'Contactele și înregistrările lor de consimțământ vă aparțin. Le prelucrăm doar pentru a furniza serviciul și le puteți exporta oricând.',
        },
      ],
    },
    {
      id: 'changes',
      heading: '6. Modificarea termenilor',
      blocks: [
        {
          kind: 'p',
          text: 'Anunțăm modificările prin email înainte de intrarea lor în vigoare. Fiecare versiune are data ei; acceptarea dumneavoastră reține versiunea acceptată.',
        },
      ],
    },
  ],
};
