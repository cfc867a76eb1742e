// What a person reads for each content category (CNT-02): the reviewer queue, the customer's
// rejected campaign and the review-outcome mail name a category by these words, never by its id.
// Keys are the category ids of policy/content (prohibited, not-accepted, high-risk) and the
// deception checks' category. A category without a name here is shown by its id (a test guards).

export const CONTENT_CATEGORY_LANGUAGES = ['en', 'ro'] as const;
export type ContentCategoryLanguage = (typeof CONTENT_CATEGORY_LANGUAGES)[number];

export const CONTENT_CATEGORY_NAMES: Record<ContentCategoryLanguage, Readonly<Record<string, string>>> = {
  en: {
    'illegal-activities': 'Illegal activities',
    'illegal-drugs': 'Illegal drugs',
    'counterfeit-goods': 'Counterfeit goods',
    'hacking-tools': 'Hacking tools and services',
    'bomb-instructions': 'Instructions for making bombs',
    'weapons-explosives': 'Weapons and explosives',
    'violence-children': 'Violence against children',
    'hate-speech': 'Hate speech',
    'sexually-explicit': 'Pornography and sexually explicit content',
    'compensated-sexual-acts': 'Paid sexual services',
    'erectile-remedies': 'Erectile dysfunction remedies',
    'bulk-hiring': 'Bulk hiring and work-from-home offers',
    'political-lists': 'Political mailing lists',
    ico: 'Initial coin offerings (ICO)',
    forex: 'Forex trading',
    'debt-collection': 'Debt collection',
    misinformation: 'Misinformation',
    'phishing-simulation': 'Phishing simulations',
    narcotics: 'Narcotic and psychotropic substances',
    'currency-exchange-stocks': 'Currency exchange and stock tips',
    'get-rich-quick': 'Get-rich-quick and pyramid schemes',
    'weight-loss': 'Weight-loss products',
    cbd: 'CBD products',
    'alcohol-tobacco': 'Alcohol and tobacco',
    vaping: 'Vaping products',
    'real-estate': 'Real estate',
    blockchain: 'Blockchain and cryptocurrencies',
    gambling: 'Gambling',
    dating: 'Dating services',
    clairvoyance: 'Clairvoyance and astrology',
    'linkedin-contacts': 'Contacts taken from LinkedIn',
    loans: 'Loans and credit offers',
    'lead-generation': 'Lead generation',
    deception: 'Misleading message (deceptive subject, hidden text or links)',
    'spam-score': 'Spam score over the limit (SpamAssassin second opinion)',
  },
  ro: {
    'illegal-activities': 'Activități ilegale',
    'illegal-drugs': 'Droguri ilegale',
    'counterfeit-goods': 'Produse contrafăcute',
    'hacking-tools': 'Instrumente și servicii de hacking',
    'bomb-instructions': 'Instrucțiuni pentru fabricarea bombelor',
    'weapons-explosives': 'Arme și explozibili',
    'violence-children': 'Violență împotriva copiilor',
    'hate-speech': 'Discurs instigator la ură',
    'sexually-explicit': 'Pornografie și conținut sexual explicit',
    'compensated-sexual-acts': 'Servicii sexuale contra cost',
    'erectile-remedies': 'Remedii pentru disfuncția erectilă',
    'bulk-hiring': 'Angajări în masă și oferte de lucru de acasă',
    'political-lists': 'Liste de adrese politice',
    ico: 'Oferte inițiale de monede (ICO)',
    forex: 'Tranzacționare forex',
    'debt-collection': 'Recuperare de datorii',
    misinformation: 'Dezinformare',
    'phishing-simulation': 'Simulări de phishing',
    narcotics: 'Substanțe narcotice și psihotrope',
    'currency-exchange-stocks': 'Schimb valutar și ponturi bursiere',
    'get-rich-quick': 'Îmbogățire rapidă și scheme piramidale',
    'weight-loss': 'Produse de slăbit',
    cbd: 'Produse cu CBD',
    'alcohol-tobacco': 'Alcool și tutun',
    vaping: 'Produse de vaping',
    'real-estate': 'Imobiliare',
    blockchain: 'Blockchain și criptomonede',
    gambling: 'Jocuri de noroc',
    dating: 'Servicii de întâlniri',
    clairvoyance: 'Clarviziune și astrologie',
    'linkedin-contacts': 'Contacte preluate de pe LinkedIn',
    loans: 'Împrumuturi și oferte de credit',
    'lead-generation': 'Generare de clienți potențiali',
    deception: 'Mesaj înșelător (subiect, text ascuns sau linkuri care induc în eroare)',
    'spam-score': 'Scor de spam peste limită (a doua opinie SpamAssassin)',
  },
};

/** The category's name in the language (English when the language is not one we write). */
export function contentCategoryName(category: string, language: string): string {
  const lang: ContentCategoryLanguage = language.toLowerCase().startsWith('ro') ? 'ro' : 'en';
  return CONTENT_CATEGORY_NAMES[lang][category] ?? CONTENT_CATEGORY_NAMES.en[category] ?? category;
}
