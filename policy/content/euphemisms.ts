// Indirect wordings of the categories (CNT-01): the product named by euphemism ("party supplies",
// "guaranteed returns", "destiny reading"), claims without the obvious keywords, and plainer words
// for the refused industries. Merged into the category lexicons by index.ts. Romanian is written
// with diacritics; the screen folds ș/ş/s, ț/ţ/t, ă/â/a, î/i and matches the inflected forms.
import type { Lexicon } from '../../src/core/content/policy-types.ts';

/**
 * Co-occurrence terms: every word of `as` within NEAR_WINDOW words of every word of `bs`, in one
 * sentence ("immigrants … are vermin", "bateți … copiii"; not a pest-control offer beside a language class). One word of either list is ordinary; the pair names
 * the category whatever the phrasing between them.
 */
const near = (as: readonly string[], bs: readonly string[]): string[] => as.flatMap((a) => bs.map((b) => `${a} ~~ ${b}`));

const GROUPS_EN = ['immigrants', 'migrants', 'refugees', 'foreigners', 'muslims', 'jews', 'blacks', 'gypsies', 'roma', 'gays'];
const DEHUMANISING_EN = ['vermin', 'parasites', 'subhuman', 'rats', 'cockroaches', 'scum', 'filth', 'invaders', 'garbage'];
const GROUPS_RO = [
  'imigranți',
  'imigranții',
  'migranți',
  'refugiați',
  'străini',
  'musulmani',
  'evrei',
  'țigani',
  'țiganii',
  'romi',
  'homosexuali',
  'unguri',
];
const DEHUMANISING_RO = [
  'paraziți',
  'gunoaie',
  'șobolani',
  'gândaci',
  'scursuri',
  'invadatori',
  'subumani',
  'jigodii',
  'lepădături',
];
const HARM_EN = ['slap', 'slapping', 'smack', 'punch', 'whip', 'whipping', 'spank', 'bruises'];
const CHILDREN_EN = ['kids', 'children', 'child', 'toddler', 'toddlers'];
const HARM_RO = ['bate', 'bateți', 'bătaie', 'pălmuiți', 'pălmuiește', 'plesniți', 'snopiți', 'lovească', 'loviți', 'lovește'];
const CHILDREN_RO = ['copil', 'copilul', 'copii', 'copiii', 'copilului', 'copiilor', 'copilași'];

const FAKE_EN = ['fake', 'forged', 'counterfeit', 'false', 'backdated'];
const PAPERS_EN = [
  'invoices',
  'receipts',
  'diplomas',
  'certificates',
  'documents',
  'ids',
  'licences',
  'licenses',
  'passports',
  'payslips',
  'bank statements',
];
const FAKE_RO = ['false', 'fals', 'falsă', 'falși', 'falsificate', 'contrafăcute'];
const PAPERS_RO = [
  'facturi',
  'chitanțe',
  'diplome',
  'diplomă',
  'certificate',
  'acte',
  'buletine',
  'permise',
  'pașapoarte',
  'adeverințe',
  'fluturași',
];
/** A chain letter: "forward this to your family", "trimiteți mesajul familiei" (weak: newsletters say it too). */
const SPREAD_EN = ['forward this', 'share this', 'send this', 'pass this on'];
const AUDIENCE_EN = ['your family', 'everyone you know', 'all your contacts', 'before it is deleted', 'before they delete'];
const SPREAD_RO = ['trimiteți mesajul', 'trimite mesajul', 'distribuie', 'distribuiți', 'dați mai departe', 'dă mai departe'];
const AUDIENCE_RO = ['familiei', 'tuturor cunoscuților', 'tuturor prietenilor', 'înainte să fie șters', 'până nu e șters'];

export const EUPHEMISMS: Record<string, { en?: Lexicon; ro?: Lexicon }> = {
  'illegal-activities': {
    en: {
      topic: [...near(FAKE_EN, PAPERS_EN), 'no questions asked'],
      weak: ['the tax office never', 'never notices', 'no one will know'],
    },
    ro: { topic: [...near(FAKE_RO, PAPERS_RO), 'fără întrebări'], weak: ['nu observă nimeni', 'nimeni nu află'] },
  },
  'hate-speech': {
    en: { topic: near(GROUPS_EN, DEHUMANISING_EN) },
    ro: { topic: near(GROUPS_RO, DEHUMANISING_RO) },
  },
  'violence-children': {
    en: { topic: near(HARM_EN, CHILDREN_EN) },
    ro: { topic: near(HARM_RO, CHILDREN_RO) },
  },
  'illegal-drugs': {
    en: {
      strong: ['party supplies ~ discreet', 'party favours ~ discreet', 'party favors ~ discreet', 'party pack ~ delivery'],
      topic: ['party supplies', 'party favours', 'party favors', 'party pack', 'snow ~ party', 'white and green'],
    },
    ro: {
      strong: ['produse de petrecere ~ discret', 'marfă de calitate ~ discret'],
      topic: ['produse de petrecere', 'marfă de calitate', 'albă și verde'],
    },
  },
  'compensated-sexual-acts': {
    en: { topic: ['happy ending', 'relaxation products', 'adult entertainment', 'companionship ~ hour', 'outcall', 'incall'] },
    ro: { topic: ['final fericit', 'masaj erotic', 'companie ~ oră', 'deplasare la hotel', 'divertisment pentru adulți'] },
  },
  'currency-exchange-stocks': {
    en: {
      strong: ['load up before', 'about to move', 'before it explodes', 'next big stock', 'ticker ~ explode'],
      topic: ['ticker', 'load up', 'investment opportunity', 'no risk', 'risk-free'],
    },
    ro: {
      strong: ['acțiunea va exploda', 'cumpără acțiunile înainte'],
      topic: ['oportunitate de investiție', 'fără risc', 'simbolul bursier'],
    },
  },
  'get-rich-quick': {
    en: { topic: ['investment opportunity', 'no risk', 'risk-free', 'no effort', 'financial freedom', 'be your own boss'] },
    ro: {
      topic: ['oportunitate de investiție', 'fără risc', 'fără efort', 'libertate financiară', 'propriul tău șef', 'bani ușori'],
    },
  },
  misinformation: {
    en: {
      strong: [
        'share before they delete',
        'before they delete this',
        'before it gets deleted',
        'doctors hide the truth',
        'hide the truth',
        'the media won’t tell you',
        "the media won't tell you",
        'mainstream media hides',
        'wake up people',
      ],
      weak: ['urgent', 'in secret', 'admitted', 'they hide', ...near(SPREAD_EN, AUDIENCE_EN)],
      topic: [
        'admitted in secret',
        'revealed in secret',
        "they don't want you to know",
        'microchip ~ vaccine',
        'the real truth',
        'they are hiding',
        'censored truth',
        'plandemic',
        'chemtrails',
      ],
    },
    ro: {
      strong: [
        'distribuie înainte să fie șters',
        'înainte să fie șters',
        'înainte să fie șters',
        'ascund adevărul',
        'presa nu îți spune',
        'presa nu vă spune',
        'treziți-vă oameni',
      ],
      weak: ['urgent', 'în secret', 'a recunoscut', 'ascund', ...near(SPREAD_RO, AUDIENCE_RO)],
      topic: [
        'a recunoscut în secret',
        'au recunoscut în secret',
        'nu vor să afli',
        'cip ~ vaccin',
        'microcip ~ vaccin',
        'adevărul adevărat',
        'ne ascund',
        'adevărul cenzurat',
        'plandemie',
        'chemtrails',
      ],
    },
  },

  clairvoyance: {
    en: { topic: ['destiny reading', 'your destiny', 'spiritual reading', 'energy reading', 'love spell', 'medium'] },
    ro: { topic: ['citirea destinului', 'destinul tău', 'vrăji de dragoste', 'legare de dragoste', 'ghicit'] },
  },
  'political-lists': {
    en: { benign: ['debate', 'ngo', 'nonpartisan', 'non-partisan', 'all candidates', 'voter information', 'civic'] },
    ro: { benign: ['dezbatere', 'ong', 'asociația', 'nepartizan', 'toți candidații', 'informare civică', 'civic'] },
  },
  ico: {
    en: {
      strong: ['token presale', 'presale is live', 'before the exchange listing'],
      topic: ['presale', 'exchange listing', 'whitelist spots'],
    },
    ro: { strong: ['precomanda de tokeni', 'vânzarea de tokeni'], topic: ['presale', 'listare pe exchange'] },
  },
};

/**
 * The everyday vocabulary of the refused trades, as weak words: alone each is ordinary, and weak
 * words count only beside a strong or topic term — or, two or more of one category, in a message
 * that is an offer (≥ 2 promotion cues: a call to action, a price, a number or address to reply to).
 * Written from the trades' own vocabulary, not from the labelled messages.
 */
export const OFFER_CUES: Record<string, { en: Lexicon; ro: Lexicon }> = {
  'real-estate': {
    en: {
      weak: ['bedroom', 'bedrooms', 'sqm', 'square metres', 'rental yield', 'villa', 'penthouse', 'plot', 'off-plan', 'viewing'],
    },
    ro: {
      weak: [
        'garsonieră',
        'garsoniere',

        'mp',
        'metri pătrați',
        'vilă',
        'penthouse',
        'lot',
        'dezvoltator',
        'randament din chirie',
        'vizionare',

        'bloc nou',
      ],
    },
  },
  loans: {
    en: {
      weak: [
        'borrow',
        'lender',
        'bad credit',
        'payday',
        'cash advance',
        'repay',
        'pay back',
        'no credit check',
        'approved',
        'in your account',
      ],
    },
    ro: {
      weak: [
        'împrumut',
        'împrumuți',
        'avans',
        'dai înapoi',
        'rambursare',
        'istoric negativ',
        'biroul de credit',
        'aprobat',
        'în cont',
        'fără adeverință',
      ],
    },
  },
  dating: {
    en: {
      weak: [
        'flirt',
        'single women',
        'single men',
        'wants to meet',
        'meet her',
        'women near you',
        'soulmate',
        'her photos',
        'tonight',
      ],
    },
    ro: {
      weak: [
        'flirt',
        'femei singure',
        'bărbați singuri',
        'vrea să te cunoască',
        'suflet pereche',
        'pozele ei',
        'în seara asta',
        'singur',
        'singură',
      ],
    },
  },
  clairvoyance: {
    en: { weak: ['tarot', 'psychic', 'horoscope', 'your future', 'spells', 'aura'] },
    ro: { weak: ['tarot', 'viitorul', 'horoscop', 'ghicitoare', 'vrăji', 'aura'] },
  },
  ico: {
    en: {
      weak: [
        'allocation',
        'private round',
        'presale price',
        'listing',
        'tokenomics',
        'airdrop',
        'early-bird',
        'utility coin',
        'at launch',
      ],
    },
    ro: { weak: ['alocare', 'alocarea', 'rundă privată', 'listare', 'airdrop', 'early-bird', 'monedă digitală', 'la lansare'] },
  },
  'currency-exchange-stocks': {
    en: { weak: ['exchange office', 'commission', 'shares', 'penny stock', 'insider', 'tip', 'ticker'] },
    ro: { weak: ['casă de schimb', 'schimb valutar', 'comision', 'acțiunile', 'pont', 'din interior'] },
  },
  'lead-generation': {
    en: {
      weak: [
        'leads',
        'prospecting',

        'booked meetings',
        'decision makers',
        'outbound',
        'cold outreach',
        'contact lists',
        'qualified',
        'email lists',
        'email addresses',
        'mailing lists',
        'consumer data',
        'contact data',
        'by postcode',
      ],
    },
    ro: {
      weak: [
        'lead-uri',
        'prospectare',
        'întâlniri programate',
        'factori de decizie',
        'liste de contacte',
        'calificate',
        'baze de date',
        'adrese de email',
        'liste de email',
        'date de contact',
        'segmentate pe județ',
      ],
    },
  },
  'hacking-tools': {
    en: { weak: ['spy', 'spy app', 'hack', 'read messages', 'track location', 'keylogger', 'passwords', 'any account'] },
    ro: { weak: ['spionaj', 'spionat', 'spargem', 'parole', 'parolele', 'orice cont', 'citești mesajele', 'locația'] },
  },
  'alcohol-tobacco': {
    en: {
      weak: [
        'cigarette',
        'cigarettes',
        'carton',
        'cartons',
        'tobacco',
        'marlboro',
        'camel',
        'whisky',
        'whiskey',
        'vodka',
        'gin',
        'spirits',
        'liquor',
        'wines',
        'wine club',
        'bourbon',
        'champagne',
        'prosecco',
        'lager',
      ],
    },
    ro: {
      weak: [
        'țigări',
        'țigara',
        'cartuș',
        'cartușe',
        'tutun',
        'whisky',
        'vodcă',
        'gin',
        'spirtoase',
        'lichior',
        'vinuri',
        'vinul',
        'vinului',
        'clubul vinului',
        'șampanie',
        'prosecco',
        'pălincă',
        'țuică',
      ],
    },
  },
  'weight-loss': {
    en: { weak: ['slim', 'slim down', 'keto', 'melt', 'fat', 'lose weight', 'waist', 'appetite', 'no gym', 'detox'] },
    ro: {
      weak: ['slăbește', 'slăbire', 'keto', 'topesc', 'grăsime', 'grăsimea', 'talie', 'pofta de mâncare', 'fără sală', 'detox'],
    },
  },
  gambling: {
    en: { benign: ['charity night', 'fundraiser', 'raises money'] },
    ro: { benign: ['caritabil', 'caritabilă', 'strângere de fonduri', 'în scop caritabil'] },
  },
  'illegal-activities': {
    en: { weak: ['without exam', 'without a test', 'in the system', 'registered in the system', 'no paperwork', 'discreet'] },
    ro: { weak: ['fără examen', 'în sistem', 'trecut în sistem', 'fără acte', 'discret', 'rezolvăm'] },
  },
};
