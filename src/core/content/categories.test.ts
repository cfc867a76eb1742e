// Per category (CNT-01): a clear violation in English and in Romanian is held or rejected with that
// category and a span on the offending words; a legitimate look-alike passes.
import { describe, expect, it } from 'vitest';
import { CONTENT_POLICY_DATA } from '../../../policy/content/index.ts';
import { screenContent, type ContentInput } from './screen.ts';

interface Case {
  category: string;
  /** A violation: [message, a word the span must show]. */
  en: [string, string];
  ro: [string, string];
  /** Legitimate look-alikes: must be allowed. */
  lookAlikes: string[];
}

const CASES: Case[] = [
  {
    category: 'illegal-activities',
    en: ['Fake passports and fake IDs, undetectable, delivered worldwide. Order now, no questions asked.', 'passports'],
    ro: ['Vindem acte false și permis de conducere fără examen. Sună acum, fără întrebări.', 'acte false'],
    lookAlikes: ['Police arrested a gang selling fake passports, prosecutors said in court on Monday. Read more in our digest.'],
  },
  {
    category: 'illegal-drugs',
    en: ['Buy cocaine and MDMA online, discreet delivery, best prices. Text us now.', 'cocaine'],
    ro: ['Vând cocaină și iarbă, livrare discretă în București. Sună acum!', 'cocaină'],
    lookAlikes: [
      'Știrile zilei: Poliția a confiscat 200 kg de cocaină în portul Constanța, potrivit DIICOT.',
      'Our pharmacy is open Monday to Friday 8:00–20:00. Prescription medicines and drugs for allergies are in stock.',
    ],
  },
  {
    category: 'counterfeit-goods',
    en: ['Replica watches and designer replicas, AAA quality, 1:1 copies of Rolex. Shop now!', 'Replica watches'],
    ro: ['Genți replica și ceasuri replica, copii fidele ale brandurilor de lux. Comandă acum!', 'copii fidele'],
    lookAlikes: ['Every bag is authentic, with a certificate of authenticity. New autumn collection in store.'],
  },
  {
    category: 'hacking-tools',
    en: ['Hack any Facebook account in minutes with our hacking tool. Keylogger included. Download now.', 'hacking tool'],
    ro: ['Program spion: citește mesajele partenerului și spargere parole. Descarcă acum!', 'spion'],
    lookAlikes: ['10 kitchen hacks for busy parents, and a security update for our app: protect your account with 2FA.'],
  },
  {
    category: 'bomb-instructions',
    en: ['Step-by-step guide: how to make a bomb at home with a pipe bomb kit.', 'how to make a bomb'],
    ro: ['Ghid complet: cum să faci o bombă artizanală acasă.', 'cum să faci o bombă'],
    lookAlikes: ['Bath bombs with lavender, 3 for 25 lei. Treat yourself this weekend!'],
  },
  {
    category: 'weapons-explosives',
    en: ['Guns for sale: pistols, rifles and ammo, no background check. Order today.', 'Guns for sale'],
    ro: ['Vând pistol fără permis și muniție de vânzare. Sună acum.', 'pistol fără permis'],
    lookAlikes: ['New in the DIY shop: a cordless glue gun and a nail gun, 20% off this week.'],
  },
  {
    category: 'violence-children',
    en: ['They are coming. Take up arms against them, kill them all.', 'kill them all'],
    ro: ['Ieșiți în stradă, bateți-i și omorâți-i pe toți!', 'omorâți-i pe toți'],
    lookAlikes: ['Help us prevent child abuse: donate to our helpline, which protects children every day.'],
  },
  {
    category: 'hate-speech',
    en: ['Go back to your country, you subhumans. White power!', 'subhumans'],
    ro: ['Afară cu țiganii, jidanii și bozgorii din țara noastră!', 'jidanii'],
    lookAlikes: ['Join our workshop on combating hate speech and discrimination in schools.'],
  },
  {
    category: 'sexually-explicit',
    en: ['Hot XXX videos and live sex cams, free porn every day. Join now!', 'porn'],
    ro: ['Filme porno gratis și videochat erotic cu fete goale. Intră acum!', 'Filme porno'],
    lookAlikes: ['Our clinic offers sexual health testing and sex education sessions for teenagers.'],
  },
  {
    category: 'compensated-sexual-acts',
    en: ['VIP escort agency: call girls, incall and outcall, discreet. Book now.', 'escort agency'],
    ro: ['Dame de companie și masaj erotic la domiciliu, tarif pe oră. Sună acum!', 'Dame de companie'],
    lookAlikes: ['The tour includes a police escort from the airport and escorted tours of the old town.'],
  },
  {
    category: 'erectile-remedies',
    en: ['Cheap V1agra and Cialis, last longer in bed. Order now, 50% off!', 'V1agra'],
    ro: ['Pastila albastră pentru disfuncție erectilă, livrare discretă. Comandă acum!', 'disfuncție erectilă'],
    lookAlikes: ['Men’s health month: our urologist answers your questions about prostate screening.'],
  },
  {
    category: 'bulk-hiring',
    en: ['We are hiring 300 warehouse workers, no experience needed, accommodation provided. Apply now!', 'warehouse workers'],
    ro: ['Angajăm urgent 200 de muncitori în Germania, cazare asigurată, fără experiență. Aplică acum!', 'muncitori'],
    lookAlikes: ["We're growing! We are looking for a senior frontend developer to join our team. See our careers page."],
  },
  {
    category: 'political-lists',
    en: ['Vote for Jane Smith on Sunday! Donate to our campaign and re-elect a mayor who cares.', 'Vote for'],
    ro: ['Votați candidatul nostru duminică! Susțineți candidatura și donează pentru campanie.', 'candidatul nostru'],
    lookAlikes: ['Weekend party at the club: DJs, dancing and free entry before 11pm. See you there!'],
  },
  {
    category: 'ico',
    en: ['Our token sale is live! Join the presale of $MOON before listing on Binance, 100x potential.', 'token sale'],
    ro: ['Vânzare de tokenuri: cumpără tokenul nostru înainte de listare pe Binance!', 'tokenul nostru'],
    lookAlikes: ['The Information Commissioner’s Office published new guidance on data protection for small businesses.'],
  },
  {
    category: 'forex',
    en: ['Trade forex with leverage 1:500 and get our daily forex signals. Open your account now!', 'forex'],
    ro: ['Tranzacționare forex cu semnale forex zilnice. Deschide cont acum și profită!', 'forex'],
    lookAlikes: ["The central bank's foreign exchange reserves grew in March, our market report shows."],
  },
  {
    category: 'debt-collection',
    en: ['Final notice: pay your outstanding debt today or legal action will be taken. Our debt collectors will call.', 'debt'],
    ro: ['Somație de plată: achitați datoria restantă în 48 de ore. Firmă de recuperare creanțe.', 'datoria'],
    lookAlikes: ['Budgeting tips for a debt-free year: our free financial literacy course starts Monday.'],
  },
  {
    category: 'misinformation',
    en: ["Doctors don't want you to know: vaccines cause autism. The mainstream media hides the truth.", 'vaccines cause autism'],
    ro: ['Adevărul ascuns: vaccinurile cauzează autism, iar presa ascunde totul. Distribuie!', 'vaccinurile cauzează autism'],
    lookAlikes: ['Fact check: no, vaccines do not cause autism. Our media literacy class debunks common myths.'],
  },
  {
    category: 'phishing-simulation',
    en: ['Run phishing simulations for your staff: our security awareness test shows who clicks.', 'phishing simulations'],
    ro: ['Contul tău va fi suspendat. Verifică-ți contul și confirmă parola aici.', 'Verifică-ți contul'],
    lookAlikes: ['Security tips: we will never ask for your password by email. Beware of scam messages and report them.'],
  },
  {
    category: 'narcotics',
    en: ['Buy Xanax and tramadol without a prescription, fast shipping. Order now!', 'Xanax'],
    ro: ['Xanax fără rețetă și tramadol, livrare rapidă. Comandă acum!', 'Xanax'],
    lookAlikes: ['Ask your pharmacist: how to store prescription medicines safely at home.'],
  },
  {
    category: 'currency-exchange-stocks',
    en: ['Hot stock alert: this penny stock will explode, guaranteed returns. Buy shares now!', 'penny stock'],
    ro: ['Pont bursier: acțiuni care vor exploda, randament garantat. Investește acum!', 'Pont bursier'],
    lookAlikes: ['Our annual report is out: read what the board said at the shareholders meeting.'],
  },
  {
    category: 'get-rich-quick',
    en: [
      'Make money from home: earn 500 per day with no effort. Passive income, be your own boss!',
      'passive income'.replace('p', 'P'),
    ],
    ro: ['Câștigă bani de acasă, fără niciun efort: venit pasiv de 300 lei pe zi. Înscrie-te acum!', 'venit pasiv'],
    lookAlikes: ['Beware: our fraud team warns about pyramid scheme scams. Report suspicious offers to us.'],
  },
  {
    category: 'weight-loss',
    en: ['Lose 10 kg in 2 weeks with our fat burner pills, no diet! Order now.', 'fat burner'],
    ro: ['Slăbește rapid: pierde 10 kg cu ceaiul de slăbit, fără dietă. Comandă acum!', 'Slăbește rapid'],
    lookAlikes: ['New yoga classes this autumn, and healthy eating recipes from our nutritionist.'],
  },
  {
    category: 'cbd',
    en: ['Premium CBD oil and CBD gummies, full spectrum. 20% off, order now!', 'CBD oil'],
    ro: ['Ulei CBD și flori CBD, spectru complet. Reducere 20%, comandă acum!', 'Ulei CBD'],
    lookAlikes: ['Our gardening shop has tomato seedlings, herbs and compost on sale this weekend.'],
  },
  {
    category: 'alcohol-tobacco',
    en: ['Vodka, whisky and gin at the lowest prices, alcohol delivery in 30 minutes. Order now!', 'Vodka'],
    ro: ['Vodcă, whisky și coniac la cele mai mici prețuri. Livrare alcool acasă, comandă acum!', 'Vodcă'],
    lookAlikes: ['Try our new alcohol-free lemonade and smoke-free terrace this summer.'],
  },
  {
    category: 'vaping',
    en: ['Disposable vapes and e-liquids, 30% off at our vape shop. Shop now!', 'vape'],
    ro: ['Țigări electronice și lichide vape la reducere, kit vape gratuit. Comandă acum!', 'Țigări electronice'],
    lookAlikes: ['A new study warns about the health risks of vaping among teens, researchers said.'],
  },
  {
    category: 'real-estate',
    en: ['3 bedroom apartments for sale in the city centre, from 120,000 €. Book a viewing now!', 'apartments for sale'],
    ro: ['Apartamente de vânzare cu 2 camere, 65 mp, 89.000 €. Programează o vizionare!', 'Apartamente de vânzare'],
    lookAlikes: [
      'Canapele noi pentru sufragerie și mobilier pentru apartamentul tău. Reducere 20%, livrare gratuită.',
      'New sofas and lamps for your home: 20% off the whole furniture range this week.',
    ],
  },
  {
    category: 'blockchain',
    en: ['Buy Bitcoin and Ethereum on our crypto exchange, zero fees. Sign up now!', 'crypto exchange'],
    ro: ['Cumpără bitcoin și criptomonede pe platforma crypto, fără comision. Înscrie-te acum!', 'Cumpără bitcoin'],
    lookAlikes: ['Our bank warns customers about crypto scam calls: we never ask you to move money.'],
  },
  {
    category: 'gambling',
    en: ['200 free spins and a 500 € casino bonus on your first deposit. Bet now!', 'free spins'],
    ro: ['200 rotiri gratuite la CazinoX! Bonus 500 lei la prima depunere. Joacă acum.', 'rotiri gratuite'],
    lookAlikes: [
      'The university research team published a study on gambling addiction among students. Take part in our survey.',
      'Visit the Casino in Constanța, restored and open to visitors again. Book a guided tour.'.replace('Casino in', 'Casino of'),
    ],
  },
  {
    category: 'dating',
    en: ['Hot singles in your area want to meet you. Join the best dating site tonight!', 'dating site'],
    ro: ['Femei singure din zona ta te așteaptă pe site-ul de întâlniri. Înscrie-te gratuit!', 'Femei singure'],
    lookAlikes: ['Our museum shows pottery dating back to the Bronze Age; carbon dating confirmed it.'],
  },
  {
    category: 'clairvoyance',
    en: ['Your horoscope for 2026 and a free tarot reading by our clairvoyant. Call now!', 'horoscope'],
    ro: [
      'Ghicit în cărți și vrăji de dragoste: clarvăzătoare Maria îți aduce persoana iubită înapoi. Sună acum!',
      'Ghicit în cărți',
    ],
    lookAlikes: ['Join the planetarium for a night of astronomy: see Saturn through our telescope.'],
  },
  {
    category: 'linkedin-contacts',
    en: ['Hi Anna, I found your profile on LinkedIn and thought our outsourcing services could help.', 'LinkedIn'],
    ro: ['Bună, te-am găsit pe LinkedIn și cred că serviciile noastre te pot ajuta.', 'LinkedIn'],
    lookAlikes: ['Follow us on LinkedIn and Instagram for news about our shop.'],
  },
  {
    category: 'loans',
    en: ['Fast loans up to 5,000 €, no credit check, money in your account in 15 minutes. Apply now!', 'Fast loans'],
    ro: ['Credit rapid fără verificare, până la 5000 lei, bani în cont în 15 minute. Aplică acum!', 'Credit rapid'],
    lookAlikes: [
      'Noutăți de la banca ta: aplicația nouă de mobile banking, dobânzi mai mari la depozite și un card fără comision.',
      'Your bank newsletter: new savings account rates, a redesigned mobile banking app and security tips.',
    ],
  },
  {
    category: 'lead-generation',
    en: ['B2B leads: buy our verified email list of 50,000 decision makers. Qualified leads guaranteed.', 'leads'],
    ro: [
      'Baze de date cu emailuri: 50.000 de contacte de firme, lead-uri B2B verificate. Comandă acum!',
      'Baze de date cu emailuri',
    ],
    lookAlikes: ['Our sales team will be at the trade fair next week. Come and say hello at stand 12.'],
  },
];

const email = (text: string, lang: 'en' | 'ro'): ContentInput => ({
  channel: 'email',
  lang,
  subject: 'News',
  html: `<p>${text}</p>`,
});
const sms = (text: string, lang: 'en' | 'ro'): ContentInput => ({ channel: 'sms', lang, text });

describe('content categories', () => {
  it('[CNT-01] every category of the seed lists is in the policy, with its clause and verdict', () => {
    const ids = CONTENT_POLICY_DATA.categories.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(CASES.map((c) => c.category).sort());
    for (const c of CONTENT_POLICY_DATA.categories) {
      expect(c.clause).toMatch(/^Assent (prohibits|does not accept)\b.*\(\/legal\/anti-spam#[a-z-]+[,)]/);
      expect(c.clause).toMatch(/\/legal\/anti-spam#(prohibited-content|not-accepted|high-risk)/);
      expect(['reject', 'hold']).toContain(c.verdict);
      for (const lang of [c.en, c.ro]) expect((lang.strong?.length ?? 0) + (lang.topic?.length ?? 0)).toBeGreaterThan(0);
    }
  });

  for (const c of CASES) {
    describe(c.category, () => {
      for (const lang of ['en', 'ro'] as const) {
        const [text, word] = c[lang];
        it(`[CNT-01] a ${lang} violation is held or rejected as ${c.category}, the span on the words`, () => {
          for (const input of [email(text, lang), sms(text, lang)]) {
            const result = screenContent(input);
            expect(result.verdict).not.toBe('allow');
            const finding = result.findings.find((f) => f.category === c.category);
            expect(finding, JSON.stringify(result.findings.map((f) => f.category))).toBeDefined();
            expect(finding!.clause).toBeTruthy();
            const field = input.html ?? input.text!;
            for (const s of finding!.spans) expect(field.slice(s.start, s.end)).toBe(s.excerpt);
            expect(finding!.spans.some((s) => s.excerpt.toLowerCase().includes(word.toLowerCase()))).toBe(true);
          }
        });
      }
      it('a legitimate look-alike passes', () => {
        for (const text of c.lookAlikes) {
          const result = screenContent(email(text, 'en'));
          expect(result.verdict, `${text} → ${JSON.stringify(result.findings)}`).toBe('allow');
        }
      });
    });
  }
});
