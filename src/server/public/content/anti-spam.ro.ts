// Politica anti-spam Assent, în limba română (aceleași secțiuni și ancore ca versiunea engleză).
import type { LegalDocument } from './types.ts';

export const ANTI_SPAM_RO: LegalDocument = {
  title: 'Politica anti-spam',
  intro: [
    'Assent nu tolerează spamul sub nicio formă. Marketingul prin email sau SMS trebuie să fie legal, așteptat și cerut de cei care îl primesc. Această politică se aplică tuturor utilizatorilor Assent și tuturor serviciilor noastre.',
    'Când vă creați un cont și acceptați Termenii și condițiile, acceptați și această politică anti-spam.',
  ],
  sections: [
    {
      id: 'what-is-spam',
      heading: '1. Ce numim spam',
      blocks: [
        { kind: 'p', text: 'Spam este orice email sau mesaj text trimis cuiva care nu și-a dat permisiunea să îl primească.' },
      ],
    },
    {
      id: 'consent',
      heading: '2. Consimțământul pe care trebuie să îl aveți',
      blocks: [
        {
          kind: 'p',
          text: 'Înainte de a trimite orice mesaj de marketing prin Assent, fiecare destinatar trebuie să vă fi dat un consimțământ:',
        },
        {
          kind: 'ul',
          items: [
            'activ: persoana a bifat ea însăși o căsuță pentru abonare, iar căsuța nu era bifată dinainte;',
            'explicit și specific: persoana a știut ce fel de mesaje va primi și în ce scop;',
            'separat: câte o căsuță pentru fiecare scop. Consimțământul nu poate fi inclus într-o singură căsuță care acceptă și termenii sau politica de confidențialitate, iar înscrierea unei adrese de email sau a unui număr de telefon într-o listă folosită pentru prospectare comercială cere un consimțământ explicit separat;',
            'legat de subiect: puteți scrie cuiva doar despre subiectul la care a consimțit;',
            'demonstrabil: puteți arăta oricând dovada abonării fiecărui contact, la cererea noastră sau a contactului.',
          ],
        },
        {
          kind: 'p',
          text: 'Abonarea la partenerii dumneavoastră și co-înregistrarea trebuie să apară chiar în formularul de abonare. Numele tuturor partenerilor trebuie afișate acolo și ușor de găsit, iar partenerii pot fi cel mult 10.',
        },
      ],
    },
    {
      id: 'list-sources',
      heading: '3. Adrese pe care nu le puteți importa și cărora nu le puteți scrie',
      blocks: [
        {
          kind: 'p',
          text: 'Vă angajați să nu importați în Assent și să nu trimiteți mesaje către nicio adresă de email sau număr de telefon care:',
        },
        {
          kind: 'ol',
          items: [
            'nu v-a dat o permisiune explicită și demonstrabilă de a fi contactat despre subiectul mesajului;',
            'a fost cumpărat, împrumutat, închiriat sau obținut în alt fel de la un terț, indiferent ce susține acesta despre calitate sau permisiune. Permisiunea trebuie obținută direct de dumneavoastră;',
            'a fost copiat de pe site-uri web sau colectat în alt mod de pe internet;',
            'provine dintr-o listă de contacte disponibilă public;',
            'a fost adăugat într-o bază de date existentă fără ca titularul să se fi abonat.',
          ],
        },
      ],
    },
    {
      id: 'no-rented-lists',
      heading: '4. Fără liste închiriate sau cumpărate',
      blocks: [
        {
          kind: 'p',
          text: 'Nu permitem liste închiriate sau cumpărate. Persoanele din ele nu au ales să primească mesajele dumneavoastră, deci aceste liste le ignoră alegerea. Emailul funcționează cel mai bine cu un public care își dorește mesajul, iar acesta începe cu o listă construită numai pe permisiune.',
        },
      ],
    },
    {
      id: 'good-practice',
      heading: '5. Ce trebuie să faceți pentru a evita spamul',
      blocks: [
        {
          kind: 'p',
          text: 'Pentru a nu ajunge pe liste negre și a nu fi acuzat în alt fel că trimiteți spam, luați aceste măsuri:',
        },
        {
          kind: 'ul',
          items: [
            'trimiteți doar contactelor care s-au abonat direct și de bunăvoie la acest tip de mesaje;',
            'nu cumpărați și nu închiriați niciodată o listă de contacte de la un terț, în nicio situație;',
            'nu adăugați niciodată adrese într-o bază de date existentă: fiecare adresă trebuie să se fi abonat explicit;',
            'nu trimiteți niciodată mesaje unei liste de contacte disponibile public;',
            'nu colectați niciodată contacte, de exemplu adrese de email, de pe internet.',
          ],
        },
      ],
    },
    {
      id: 'prohibited-content',
      heading: '6. Conținut interzis',
      blocks: [
        { kind: 'p', text: 'Nu puteți folosi Assent pentru a trimite mesaje despre sau care conțin:' },
        {
          kind: 'ul',
          items: [
            'activități ilegale;',
            'droguri ilegale;',
            'produse contrafăcute;',
            'programe sau unelte de hacking;',
            'instrucțiuni pentru fabricarea sau asamblarea bombelor;',
            'explozibili sau alte arme;',
            'materiale care arată violență împotriva copiilor sau care încurajează violența;',
            'orice încalcă legile anti-spam;',
            'discurs instigator la ură sau orice alt limbaj interzis;',
            'conținutul și domeniile pe care nu le acceptăm (secțiunea 7) sau le acceptăm doar după verificare (secțiunea 8).',
          ],
        },
      ],
    },
    {
      id: 'not-accepted',
      heading: '7. Domenii și subiecte pe care nu le acceptăm',
      blocks: [
        {
          kind: 'p',
          text: 'Nu deschidem și nu păstrăm conturi pentru aceste domenii și subiecte; o înscriere care declară unul dintre ele este refuzată:',
        },
        { kind: 'industries', policy: 'refused' },
        {
          kind: 'p',
          text: 'Aici intră în special conținutul care promovează violența sau ura, dezinformarea („fake news”), „simulările de phishing” făcute de firme de securitate și conținutul care promovează acte sexuale plătite.',
        },
      ],
    },
    {
      id: 'high-risk',
      heading: '8. Domenii și subiecte cu risc ridicat',
      blocks: [
        {
          kind: 'p',
          text: 'Unele subiecte atrag mult mai multe abuzuri și reclamații decât media, așa că nu le acceptăm ca activitate obișnuită. Un cont care declară unul dintre ele este verificat de echipa noastră și nu poate trimite până la finalul verificării; îl refuzăm dacă nu poate respecta în întregime această politică:',
        },
        { kind: 'industries', policy: 'review' },
      ],
    },
    {
      id: 'determining-spam',
      heading: '9. Cum stabilim dacă trimiteți spam',
      blocks: [
        {
          kind: 'ol',
          items: [
            'Verificăm conținutul mesajelor în cauză.',
            'Verificăm fiecare listă mare importată în Assent. Nu puteți trimite către o listă până nu o aprobăm.',
            'Monitorizăm zilnic listele negre și conturile de raportare a abuzurilor. Dacă aflăm că trimiteți mesaje persoanelor fără permisiunea lor, vă blocăm imediat contul.',
            'Analizăm fiecare reclamație de spam.',
            'Urmărim rata reclamațiilor: o rată de peste 0,1% arată de obicei mesaje necerute.',
            'Urmărim și numărul total de reclamații, indiferent de rată. Multe reclamații afectează livrarea pentru toți, chiar dacă un volum mare menține rata scăzută, așa că nu le permitem nici pe acestea.',
          ],
        },
      ],
    },
    {
      id: 'consequences',
      heading: '10. Ce se întâmplă dacă încălcați politica',
      blocks: [
        {
          kind: 'p',
          text: 'Pentru a ne proteja reputația și livrarea mesajelor tuturor utilizatorilor Assent, încălcarea acestei politici poate duce la suspendarea imediată a întregului cont sau la restricționarea unor servicii ale acestuia (de exemplu importuri, email, SMS sau API). Se aplică procedura de suspendare descrisă în Termenii și condițiile noastre.',
        },
      ],
    },
    {
      id: 'no-refunds',
      heading: '11. Fără rambursări',
      blocks: [
        {
          kind: 'p',
          text: 'Dacă vă blocăm contul pentru încălcarea acestei politici anti-spam, nu rambursăm nicio sumă plătită pentru serviciu.',
        },
      ],
    },
    {
      id: 'mail-from-us',
      heading: '12. Mesajele pe care vi le trimitem',
      blocks: [
        {
          kind: 'p',
          text: 'Vă respectăm căsuța de email așa cum vă cerem să o respectați pe a contactelor dumneavoastră. Vă scriem doar despre contul dumneavoastră. Vă putem anunța funcții sau îmbunătățiri noi ori vă putem întreba cum a mers ultima campanie. Unele mesaje merg la toți clienții, altele sunt scrise doar pentru dumneavoastră. Puteți opri noutățile despre funcții din setările contului; mesajele esențiale pentru cont nu pot fi oprite.',
        },
      ],
    },
    {
      id: 'reporting',
      heading: '13. Raportarea spamului',
      blocks: [
        {
          kind: 'p',
          text: 'Dacă ați primit spam despre care credeți că a fost trimis prin Assent, anunțați-ne fără ezitare. Includeți expeditorul mesajului în raport; cel mai simplu este să atașați sau să redirecționați chiar mesajul respectiv.',
          link: { href: '/report-spam', label: 'Raportează spam' },
        },
      ],
    },
  ],
};
