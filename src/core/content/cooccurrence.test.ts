// Co-occurrence terms ('a ~~ b', policy/content/euphemisms.ts) and the context rules beside them:
// a pair names the category in one sentence; each word alone, a pair split across sentences, a
// negated or reported pair, does not.
import { describe, expect, it } from 'vitest';
import { screenContent, type ContentInput } from './screen.ts';

const sms = (lang: 'en' | 'ro', text: string): ContentInput => ({ channel: 'sms', lang, text });

describe('co-occurrence terms', () => {
  it.each([
    ['en', 'Immigrants are vermin and parasites, drive them out of our town. Join the march on Saturday.', 'hate-speech'],
    ['ro', 'Țiganii sunt paraziți și gunoaie, afară cu ei din oraș! Veniți sâmbătă la marș.', 'hate-speech'],
    ['ro', 'Tiganii sunt paraziti si gunoaie, afara cu ei din oras! Veniti sambata la mars.', 'hate-speech'],
    ['en', 'Slap your kids until they obey: our course shows parents how, $29. Enrol now.', 'violence-children'],
    ['ro', 'Cursul nostru arată părinților cum să lovească copilul fără urme. Înscrie-te acum, 99 lei.', 'violence-children'],
  ] as const)('%s: flags %s', (lang, text, category) => {
    const r = screenContent(sms(lang, text));
    expect(r.verdict).not.toBe('allow');
    expect(r.findings.map((f) => f.category)).toContain(category);
  });

  it.each([
    ['en', 'Refugees fleeing the war were housed in a camp infested with rats, the report says.'],
    ['en', 'Teachers must never slap or smack children, says the new law.'],
    ['en', 'Our kids beat the county record at the swimming gala! Well done to all children who took part.'],
    [
      'en',
      'Pest control: we remove rats and cockroaches from homes. Migrants welcome to our language classes too. Call 0744 123 456',
    ],
    ['ro', 'Refugiații din Ucraina au primit ajutoare; ONG-ul a donat haine și jucării pentru copii.'],
    ['ro', 'Campanie împotriva violenței: nu bateți copiii! Sunați la 116 111 dacă un copil este lovit.'],
    ['ro', 'Deratizare: scăpăm de șobolani și gândaci. Oferim și cursuri de română pentru străini. Sună acum.'],
  ] as const)('%s: allows %s', (lang, text) => {
    const r = screenContent(sms(lang, text));
    expect(r.verdict, JSON.stringify(r.findings)).toBe('allow');
  });
});

describe('context rules', () => {
  it('an informational message (news and warning words, no call to action) reports a refused industry it names', () => {
    const r = screenContent({
      channel: 'email',
      lang: 'ro',
      subject: 'Siguranța la întâlnirile online',
      text: 'Poliția avertizează asupra escrocheriilor pe aplicațiile de dating. Raportați profilurile suspecte.',
    });
    expect(r.verdict).toBe('allow');
  });
  it('a news frame does not excuse prohibited content', () => {
    const r = screenContent({
      channel: 'email',
      lang: 'ro',
      subject: 'News',
      text: 'Adevărul ascuns: vaccinurile cauzează autism, iar presa ascunde totul. Distribuie!',
    });
    expect(r.verdict).not.toBe('allow');
  });
  it('a negated look-alike word is no look-alike cue ("fără rețetă")', () => {
    const r = screenContent(
      sms('ro', 'Xanax si Tramadol fara reteta, livrare discreta peste noapte. Comanda acum la 0744 123 456'),
    );
    expect(r.verdict).not.toBe('allow');
  });
  it('a phone number is an offer frame, a dotted IP address in prose is not', () => {
    const router = screenContent({
      channel: 'email',
      lang: 'en',
      subject: 'Maintenance',
      html: '<p>The router at 192.168.1.1 restarts at 22:00; the DNS server is 10.0.0.53. Contact IT.</p>',
    });
    expect(router.verdict).toBe('allow');
  });
});

describe('offer cues (weak words of a refused trade in an offer)', () => {
  it.each([
    ['en', 'Yoga studio opening offer: book a class tonight, first session free, then £8. Call 0207 123 4567'],
    ['en', 'Garden centre: allotment plot tools and seeds 20% off. Shop now at greenthumb.co.uk'],
    ['en', 'Our accountancy firm helps you repay tax debts and understand HMRC commission rules. Book a call: 0161 555 0100'],
    ['en', 'Hotel by the seaside: sea-view studios and family units from £79 a night. Book now, breakfast included.'],
    ['en', 'Mobile phone shop: track location with Find My, passwords manager included, new iPhone from £699. Shop now.'],
    ['ro', 'Hotel la mare: camere cu vedere la mare de la 299 lei pe noapte. Rezervă acum, mic dejun inclus.'],
    ['ro', 'Magazinul de telefoane: noul telefon cu localizare și parole sigure, de la 2.999 lei. Comandă acum.'],
    [
      'ro',
      'Ai nevoie de un contabil? Te ajutăm cu rambursarea TVA și declarațiile în cont. Sună acum 0722 111 222, 150 lei/lună.',
    ],
    ['ro', 'Agenția de turism: vacanță la mare, 5 nopți, camere duble, 1.200 lei. Rezervă acum, avans 20%.'],
  ] as const)('%s: an ordinary promotion passes: %s', (lang, text) => {
    const r = screenContent(sms(lang, text));
    expect(r.verdict, JSON.stringify(r.findings)).toBe('allow');
  });
  it.each([
    ['en', 'Own a studio flat with 2 bedrooms, 8% rental yield, off-plan from €49,900. Book a viewing: 0740 808 808'],
    ['ro', 'Garsonieră în bloc nou, 38 mp, direct de la dezvoltator, 49.900 €. Programează o vizionare: 0740 808 808'],
    ['en', 'Need cash? Borrow up to £1,500 today, bad credit OK, no credit check, pay back next month. Apply: quick.example'],
  ] as const)('%s: an offer named only by its trade words is held: %s', (lang, text) => {
    expect(screenContent(sms(lang, text)).verdict).not.toBe('allow');
  });
});

describe('promotion in a long message', () => {
  const filler = (n: number) =>
    Array.from({ length: n }, (_, i) => `Section ${i + 1}: the library opens a new reading room for the town's families.`).join(
      ' ',
    );
  it("a digest's shop offer does not promote a news item sections away", () => {
    const text =
      'Shop now: winter coats 30% off, from £49, free delivery, order online. ' +
      filler(12) +
      ' In the news: regulators warn about a token presale that promised guaranteed returns; investors lost millions. ' +
      filler(12);
    const r = screenContent({ channel: 'email', lang: 'en', subject: 'Weekly digest', text });
    expect(r.verdict, JSON.stringify(r.findings)).toBe('allow');
  });
  it('an offer in a long message is still promoted by the cues beside it', () => {
    const text =
      filler(12) +
      ' Join the MOONX token presale now: early buyers get 40% bonus tokens, send ETH to claim your allocation, 100x expected. Buy now at moonx.io. ' +
      filler(12);
    expect(screenContent({ channel: 'email', lang: 'en', subject: 'Weekly digest', text }).verdict).not.toBe('allow');
  });
});

describe('forged papers and chain letters', () => {
  it.each([
    ['en', 'We issue fake invoices and receipts from real companies so you can deduct expenses. Order yours today.'],
    ['ro', 'Facem facturi false și chitanțe de la firme reale, ca să deduci cheltuieli. Comandă acum, 200 lei.'],
  ] as const)('%s: an offer of forged papers is held: %s', (lang, text) => {
    expect(screenContent(sms(lang, text)).verdict).not.toBe('allow');
  });
  it.each([
    ['en', 'Police seized fake passports and forged documents at the border, the agency reported.'],
    ['en', 'How to spot fake invoices: a short guide from the tax office for small businesses.'],
    ['en', 'Enjoyed this newsletter? Forward this to a friend or share this with your family!'],
    ['en', 'Urgent: share this with your family - flu vaccination dates at the clinic are on Monday and Tuesday.'],
    ['ro', 'Poliția a confiscat pașapoarte false și acte falsificate la graniță, a anunțat agenția.'],
    ['ro', 'Cum recunoști facturi false: un ghid al ANAF pentru firmele mici.'],
    ['ro', 'Urgent: trimiteți mesajul familiei - programul de vaccinare antigripală la dispensar este luni și marți.'],
    ['ro', 'Ți-a plăcut newsletterul? Distribuie-l prietenilor și familiei!'],
  ] as const)('%s: a look-alike passes: %s', (lang, text) => {
    const r = screenContent(sms(lang, text));
    expect(r.verdict, JSON.stringify(r.findings)).toBe('allow');
  });
});

describe('calls to action that are not', () => {
  it('a call-to-action word inside a category phrase is not a separate cue ("token sales" in a news item)', () => {
    const r = screenContent({
      channel: 'email',
      lang: 'en',
      subject: 'Weekly digest',
      text: 'Regulators published new rules on token sales; analysts expect fewer crypto offerings next year, according to the report.',
    });
    expect(r.verdict, JSON.stringify(r.findings)).toBe('allow');
  });
  it('a Romanian reflexive verb ("se aplică") is no imperative', () => {
    const r = screenContent({
      channel: 'email',
      lang: 'ro',
      subject: 'Știrile săptămânii',
      text: 'Regulamentul MiCA se aplică de anul acesta ofertelor de tokenuri; analiștii spun că investitorii vor fi mai protejați, potrivit raportului.',
    });
    expect(r.verdict, JSON.stringify(r.findings)).toBe('allow');
  });
});
