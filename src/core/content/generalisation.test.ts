// A small dev set of fresh messages (issue 9, generalisation): euphemistic violations, Romanian
// without diacritics, and legitimate look-alikes (news framing, ordinary shops, long digests, IT
// notices with plain-text IP addresses). Written for this file; not taken from any fixture.
import { describe, expect, it } from 'vitest';
import { screenContent, type ContentInput } from './screen.ts';

const sms = (text: string): ContentInput => ({ channel: 'sms', text });
const mail = (subject: string, html: string): ContentInput => ({ channel: 'email', subject, html });
const flagged = (input: ContentInput) => screenContent(input).verdict !== 'allow';

const VIOLATIONS: [string, ContentInput][] = [
  ['en euphemistic drugs', sms('Party supplies for the weekend: white, pills and green, discreet delivery. Text us your order.')],
  ['en euphemistic escorts', sms('Relaxation massage with happy ending by young ladies, outcall to your hotel. Call now.')],
  [
    'en get rich',
    mail('Guaranteed returns', '<p>Investment opportunity: guaranteed returns of 30% a month, no risk. Join today.</p>'),
  ],
  ['en stock tip', sms('This ticker is about to move 400%. Load up before Monday, our members already did. Join the group.')],
  ['en ico', sms('Token presale is live: buy our coin before the exchange listing, 10x guaranteed. Join now.')],
  ['en debt collection', sms('Final notice from our recovery agency: your overdue balance of 1,200 dollars must be paid today.')],
  ['en dating', sms('Lonely tonight? Hot singles in your area want to meet you. Sign up free and chat now.')],
  ['en astrology', sms('Your destiny reading is ready: our psychic reveals love and money for 2025. Call now for 9.99 €.')],
  ['en loans', sms('Need cash fast? Get up to 5,000 € today, bad credit OK, no paperwork. Apply now.')],
  [
    'en lead gen',
    mail('Buy leads', '<p>Fresh verified email leads and B2B contact lists, 100,000 contacts for 99 €. Order now.</p>'),
  ],
  ['en misinformation', sms('Doctors hide the truth: the vaccine contains a microchip. Share before they delete this!')],
  ['en real estate', sms('New apartments for sale, 2 rooms from 65,000 €, 5% down payment. Book a viewing now.')],
  ['ro fara diacritice droguri', sms('Vand iarba si cocaina, livrare discreta in Bucuresti. Suna acum!')],
  ['ro imprumut', sms('Ai nevoie de bani urgent? Imprumut rapid pana la 10000 lei, fara verificare. Aplica acum!')],
  ['ro credit', sms('Credite rapide fara adeverinta de venit, aprobare in 15 minute. Suna acum la 0722 000 000.')],
  ['ro matrimoniale', sms('Femei singure din orasul tau vor sa te cunoasca. Inscrie-te gratuit si vorbeste acum!')],
  ['ro astrologie', sms('Ghicitoarea iti citeste viitorul in carti si in palma. Suna acum, prima consultatie gratuita.')],
  ['ro castig usor', sms('Castiga 500 lei pe zi de acasa, fara efort, fara experienta. Inscrie-te acum!')],
  ['ro investitie', sms('Oportunitate de investitie: randament garantat de 20% pe luna. Intra acum in grup.')],
  ['ro dezinformare', sms('Medicii ascund adevarul: vaccinul contine un cip. Distribuie inainte sa fie sters!')],
  [
    'ro recuperare datorii',
    sms('Ultima notificare: datoria dumneavoastra de 900 lei trebuie achitata azi, altfel executare silita.'),
  ],
  ['ro imobiliare', sms('Apartamente de vanzare cu 2 camere de la 60.000 euro, avans 5%. Programeaza o vizionare acum!')],
];

const LOOK_ALIKES: [string, ContentInput][] = [
  [
    'en router notice',
    mail(
      'Scheduled maintenance',
      '<p>Our office router at 192.168.1.1 will restart at 22:00. The new DNS server is 10.0.0.53. Contact IT if you lose access.</p>',
    ),
  ],
  [
    'ro router notice',
    sms('Mentenanta programata: routerul 192.168.0.1 va fi repornit la ora 22. Serverul DNS nou este 10.0.0.53.'),
  ],
  [
    'en crypto regulation news',
    mail(
      'Weekly news digest',
      '<p>Regulators in the European Union adopted new rules for crypto exchanges and token issuers, the ministry said. Analysts expect fewer scams. Read the full story.</p>',
    ),
  ],
  [
    'ro casino tax news',
    sms('Stirile zilei: Guvernul a majorat taxa pe cazinouri si pariuri, potrivit ministerului de finante.'),
  ],
  [
    'en counterfeit seizure',
    sms('Customs officers seized 20,000 counterfeit handbags and fake watches at the port, authorities reported.'),
  ],
  [
    'ro housing report',
    mail(
      'Raport piata imobiliara',
      '<p>Raportul trimestrial: preturile apartamentelor au crescut cu 4%, potrivit analistilor. Citeste articolul.</p>',
    ),
  ],
  [
    'en renovation shop',
    sms('Our home renovation shop has new tiles, paint and kitchen cabinets. Visit our store this weekend, 10% off.'),
  ],
  [
    'ro bookstore',
    mail(
      'Noutati la librarie',
      '<p>Noutati in librarie: romane politiste, o carte despre istoria cazinourilor, un ghid de astrologie si biografii. Comanda acum, livrare gratuita.</p>',
    ),
  ],
  [
    'en bookstore',
    mail(
      'New at the bookshop',
      '<p>New titles this month: a thriller about a drug cartel, a history of gambling in Las Vegas and a memoir about dating. Order now, free delivery.</p>',
    ),
  ],
  ['en quit smoking', sms('Quit smoking with our free 8-week programme run by the public health clinic. Sign up today.')],
  ['ro renuntare fumat', sms('Renunta la fumat cu programul gratuit al clinicii, 8 saptamani de consiliere. Inscrie-te azi.')],
  [
    'en ngo election debate',
    mail(
      'Debate night',
      '<p>Our NGO hosts a debate between the candidates in the local election. Register now to attend, entry is free.</p>',
    ),
  ],
  [
    'ro ong dezbatere',
    sms('Asociatia noastra organizeaza o dezbatere intre candidatii la alegerile locale. Inscrie-te gratuit.'),
  ],
  ['en hardware shop', sms('Spring sale at our hardware store: drills, garden hoses and lawn mowers, 20% off. Shop now.')],
  [
    'en bank newsletter',
    mail(
      'Your bank newsletter',
      '<p>New in your app: savings goals and card controls. Our mortgage advisers are available at your branch.</p>',
    ),
  ],
];

describe('generalisation dev set', () => {
  for (const [name, input] of VIOLATIONS) it(`holds or rejects: ${name}`, () => expect(flagged(input)).toBe(true));
  for (const [name, input] of LOOK_ALIKES) it(`allows: ${name}`, () => expect(screenContent(input).verdict).toBe('allow'));
  it('still flags an IP URL with a scheme in plain text', () => {
    const r = screenContent(sms('Verify your account at http://192.168.4.20/login today'));
    expect(r.findings.map((f) => f.rule)).toContain('deception.ip-address-url');
  });
});
