// Pure parts of imports: reading CSV, per-row checks, provenance, forensics. Files are real bytes
// written by the test (encodings included); no database.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { REFUSED_SOURCES, RISK_WEIGHTS } from '../../../policy/imports.ts';
import { checkSyntax, cleanAddress, isDisposableDomain, isRoleAddress } from './address.ts';
import { classifyRecord } from './classify.ts';
import { openCsv, type CsvRecord } from './csv-reader.ts';
import { detectEncoding } from './encoding.ts';
import { createForensicCollector, scoreImport } from './forensics.ts';
import { MAX_COLUMNS, MAX_ROW_BYTES } from './limits.ts';
import { resolveMapping } from './mapping.ts';
import { holdReasons } from './hold.ts';
import { checkDeclaration } from './provenance.ts';

async function* bytes(...chunks: Array<string | Buffer>): AsyncGenerator<Uint8Array> {
  for (const c of chunks) yield typeof c === 'string' ? Buffer.from(c, 'utf8') : c;
}

async function readAll(data: Buffer | string) {
  const csv = await openCsv(bytes(data));
  const records: CsvRecord[] = [];
  for await (const r of csv.records) records.push(r);
  return { layout: csv.layout, records };
}

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a failure');
}

const who = { at: '2026-11-22T10:00:00.000Z', userId: 'u1', ip: '127.0.0.1', userAgent: 'vitest' };

describe('imports: reading CSV', () => {
  it('[IMP-06] detects ; tab and | delimiters, strips the BOM and keeps quoted delimiters', async () => {
    const semi = await readAll('\uFEFFemail;name\n"a;b@example.com";"Ion; Popescu"\nc@example.com;Ana\n');
    expect(semi.layout.delimiter).toBe(';');
    expect(semi.layout.header).toEqual(['email', 'name']);
    expect(semi.records.map((r) => r.fields)).toEqual([
      ['a;b@example.com', 'Ion; Popescu'],
      ['c@example.com', 'Ana'],
    ]);
    expect((await readAll('email\tname\nx@example.com\tX\n')).layout.delimiter).toBe('\t');
    expect((await readAll('email|name\nx@example.com|X\n')).layout.delimiter).toBe('|');
  });

  it('[IMP-06] decodes a Windows-1252 Romanian file and an ISO-8859-2 file with ş ţ ă', async () => {
    const cp1252 = iconv.encode('email,prenume,oras\nana@example.ro,Ană,Câmpina Întâi\n', 'windows-1252');
    // ă is not in Windows-1252 (becomes ?); â and Î are, and must come back right.
    const a = await readAll(cp1252);
    expect(a.layout.encoding).toBe('windows-1252');
    expect(a.records[0]!.fields![2]).toBe('Câmpina Întâi');
    const latin2 = iconv.encode(
      'email,prenume,oras\nstefan@example.ro,Ştefan,Târgu Mureş\nt@example.ro,Ţară,Brăila\n',
      'iso-8859-2',
    );
    const b = await readAll(latin2);
    expect(b.layout.encoding).toBe('iso-8859-2');
    expect(b.records.map((r) => r.fields)).toEqual([
      ['stefan@example.ro', 'Ştefan', 'Târgu Mureş'],
      ['t@example.ro', 'Ţară', 'Brăila'],
    ]);
    expect(detectEncoding(Buffer.from('ăşţ', 'utf8'), true)).toBe('utf-8');
  });

  it('[IMP-06] detects the single-byte encoding of real text in Portuguese, French, German, Spanish, Romanian, Polish, Czech', async () => {
    const samples: Array<[string, string, string]> = [
      [
        'pt',
        'windows-1252',
        'João Conceição,joao@example.pt,São Paulo\nAntónio Guimarães,antonio@example.pt,Évora\nInês Estêvão,ines@example.pt,Coimbra\n',
      ],
      [
        'fr',
        'windows-1252',
        'Hélène Lefèvre,helene@example.fr,Besançon\nFrançois Noël,francois@example.fr,Orléans\nCœur Élodie,elodie@example.fr,Nîmes\n',
      ],
      [
        'de',
        'windows-1252',
        'Jürgen Müller,juergen@example.de,Köln\nGrößer Straße,strasse@example.de,München\nÄnne Schäfer,aenne@example.de,Lübeck\n',
      ],
      [
        'es',
        'windows-1252',
        'José Núñez,jose@example.es,Logroño\nMaría Peña,maria@example.es,Cádiz\nAgustín Ibáñez,agustin@example.es,Alcalá\n',
      ],
      [
        'ro',
        'iso-8859-2',
        'Ştefan Brăileanu,stefan@example.ro,Târgu Mureş\nŢuţuianu Ana,ana@example.ro,Brăila\nIoniţă Găină,ionita@example.ro,Bacău\n',
      ],
      [
        'pl',
        'iso-8859-2',
        'Łukasz Wąsik,lukasz@example.pl,Łódź\nZażółć Gęślą,jazn@example.pl,Kraków\nMałgorzata Dąbrowska,malgorzata@example.pl,Gdańsk\n',
      ],
      [
        'cs',
        'windows-1250',
        'Jiří Dvořák,jiri@example.cz,Plzeň\nŽaneta Šťastná,zaneta@example.cz,České Budějovice\nPřemysl Kůň,premysl@example.cz,Ústí\n',
      ],
    ];
    for (const [lang, encoding, text] of samples) {
      const file = iconv.encode(`name,email,city\n${text}`, encoding);
      const r = await readAll(file);
      expect([lang, r.layout.encoding]).toEqual([lang, encoding]);
      expect(r.records[0]!.fields![0]).toBe(text.split(',')[0]);
    }
    // Polish in Windows-1250 too (its own positions for ą ś ź).
    const pl1250 = await readAll(
      iconv.encode('name,email\nŚwiętosław Źdźbło,s@example.pl\nąś źć,q@example.pl\n', 'windows-1250'),
    );
    expect(pl1250.layout.encoding).toBe('windows-1250');
    expect(pl1250.records[0]!.fields![0]).toBe('Świętosław Źdźbło');
  });

  it('[IMP-06] refuses binary, empty, header-only, 50,000 columns and a 10 MB line with clear codes', async () => {
    expect((await failure(readAll(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2])))).code).toBe('IMPORT_NOT_CSV');
    expect((await failure(readAll(Buffer.from('email\nab\u0000cd\n', 'latin1')))).code).toBe('IMPORT_NOT_CSV');
    expect((await failure(readAll(''))).code).toBe('IMPORT_EMPTY');
    expect((await failure(readAll('\uFEFF  \n\n'))).code).toBe('IMPORT_EMPTY');
    expect((await failure(readAll('email,name\n'))).code).toBe('IMPORT_NO_ROWS');
    const wide = Array.from({ length: 50_000 }, (_, i) => `c${i}`).join(',');
    const cols = await failure(readAll(`${wide}\n`));
    expect(cols.code).toBe('IMPORT_TOO_MANY_COLUMNS');
    expect(cols.details?.maxColumns).toBe(MAX_COLUMNS);
    const long = await failure(readAll(`email,note\na@example.com,${'x'.repeat(10 * 1024 * 1024)}\n`));
    expect(long.code).toBe('IMPORT_ROW_TOO_LONG');
    expect(long.details?.maxRowBytes).toBe(MAX_ROW_BYTES);
  });

  it('[IMP-06] ragged rows become per-row problems with their address; an unclosed quote fails with its line', async () => {
    const r = await readAll('email,name\na@example.com,A\nb@example.com\nc@example.com,C"x\nd@example.com,D,,\n');
    expect(r.records.map((x) => [x.rowNumber, x.problem ?? 'ok'])).toEqual([
      [1, 'ok'],
      [2, 'ragged-row'],
      [3, 'ok'],
      [4, 'ok'],
    ]);
    const ragged = classifyRecord(
      r.records[1]!,
      { email: 0 },
      { consentDate: null, source: 'customers', sourceDescription: null, importedAt: '2026-06-01T00:00:00.000Z' },
    );
    expect(ragged).toMatchObject({ kind: 'rejected', rowNumber: 2, email: 'b@example.com', reason: 'ragged-row' });
    const unclosed = await failure(readAll('email,name\na@example.com,"open\nb@example.com,B\n'));
    expect(unclosed.code).toBe('IMPORT_MALFORMED');
    expect(unclosed.details?.line).toBeTypeOf('number');
  });

  it('[IMP-06] bare quotes in unquoted fields (Excel exports, csv-spectrum location_coordinates) keep one row per record with its address', async () => {
    const r = await readAll(
      [
        'email,note',
        'a@example.com,wants 12" and 15" sizes',
        'b@example.com,"quoted, with ""quotes"" and a',
        'newline"',
        'c@example.com,37°36\'37.8"N 121°2\'17.9"W',
        'd@example.com,"C"x',
        'e@example.com,ok',
        '',
      ].join('\r\n'),
    );
    expect(r.records.map((x) => [x.rowNumber, x.problem ?? 'ok', x.fields?.[0]])).toEqual([
      [1, 'ok', 'a@example.com'],
      [2, 'ok', 'b@example.com'],
      [3, 'ok', 'c@example.com'],
      [4, 'ok', 'd@example.com'],
      [5, 'ok', 'e@example.com'],
    ]);
    expect(r.records[0]!.fields![1]).toBe('wants 12" and 15" sizes');
    expect(r.records[1]!.fields![1]).toBe('quoted, with "quotes" and a\r\nnewline');
    expect(r.records[2]!.fields![1]).toBe('37°36\'37.8"N 121°2\'17.9"W');
    const spectrum = await readAll(
      'Contact Phone Number,Location Coordinates,Cities,Counties,Email\n02095257564,37°36\'37.8"N 121°2\'17.9"W,Modesto,Stanislaus,m@example.com\n',
    );
    expect(spectrum.records).toEqual([
      { rowNumber: 1, fields: ['02095257564', '37°36\'37.8"N 121°2\'17.9"W', 'Modesto', 'Stanislaus', 'm@example.com'] },
    ]);
  });

  it('[IMP-02] maps a Mailchimp audience export automatically and ignores unknown columns', async () => {
    const header = [
      'Email Address',
      'First Name',
      'Last Name',
      'MEMBER_RATING',
      'OPTIN_TIME',
      'OPTIN_IP',
      'CONFIRM_TIME',
      'CONFIRM_IP',
      'LATITUDE',
      'LONGITUDE',
    ];
    const { mapping, resolved } = resolveMapping(header, null);
    expect(mapping).toEqual({
      email: 'Email Address',
      firstName: 'First Name',
      lastName: 'Last Name',
      optinTime: 'OPTIN_TIME',
      optinIp: 'OPTIN_IP',
      confirmTime: 'CONFIRM_TIME',
      confirmIp: 'CONFIRM_IP',
    });
    const rec: CsvRecord = {
      rowNumber: 1,
      fields: [
        'ana@example.ro',
        'Ana',
        'Pop',
        '2',
        '2026-01-03 10:00:00',
        '10.0.0.1',
        '2026-01-03 10:05:00',
        '10.0.0.2',
        '44.4',
        '26.1',
      ],
    };
    const c = classifyRecord(rec, resolved, { source: 'signup-form', importedAt: '2026-06-01T00:00:00.000Z' });
    expect(c.kind).toBe('candidate');
    if (c.kind !== 'candidate') return;
    expect(c.candidate.withEvidence).toBe(true);
    expect(c.candidate.evidence.claimed).toEqual({
      OPTIN_TIME: '2026-01-03 10:00:00',
      OPTIN_IP: '10.0.0.1',
      CONFIRM_TIME: '2026-01-03 10:05:00',
      CONFIRM_IP: '10.0.0.2',
    });
    expect(c.candidate.evidence.confirmAt).toBe('2026-01-03T10:05:00.000Z');
    expect(() => resolveMapping(['name', 'city'], null)).toThrow(/email/);
  });
});

describe('imports: per-row checks', () => {
  it('[IMP-03] RFC 5321 syntax and lengths, domain shape, disposable and role addresses', () => {
    expect(checkSyntax('Ana.Pop@Example.COM')).toMatchObject({ ok: true, address: 'Ana.Pop@example.com' });
    expect(checkSyntax('"quoted local"@example.com').ok).toBe(true);
    expect(checkSyntax('a..b@example.com')).toEqual({ ok: false, problem: 'invalid-syntax' });
    expect(checkSyntax('no-at-sign.example.com')).toEqual({ ok: false, problem: 'invalid-syntax' });
    expect(checkSyntax(`${'a'.repeat(65)}@example.com`)).toEqual({ ok: false, problem: 'too-long' });
    expect(
      checkSyntax(`a@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(60)}.${'f'.repeat(10)}.com`),
    ).toEqual({ ok: false, problem: 'too-long' });
    expect(checkSyntax('a@localhost')).toEqual({ ok: false, problem: 'invalid-domain' });
    expect(checkSyntax('a@example.invalidtld')).toEqual({ ok: false, problem: 'invalid-domain' });
    expect(checkSyntax('a@[127.0.0.1]')).toEqual({ ok: false, problem: 'invalid-domain' });
    expect(isDisposableDomain('mailinator.com')).toBe(true);
    expect(isDisposableDomain('example.com')).toBe(false);
    expect(isRoleAddress('info')).toBe(true);
    expect(isRoleAddress('sales+ro')).toBe(true);
    expect(isRoleAddress('ana.pop')).toBe(false);
  });

  it('[IMP-03] [IMP-04] undoes "[at]"/"(dot)" obfuscation and strips markup artefacts, flagging both', () => {
    const plain = { deobfuscated: false, artefact: false, displayName: null };
    expect(cleanAddress('ion [at] firma (dot) ro')).toEqual({ ...plain, address: 'ion@firma.ro', deobfuscated: true });
    expect(cleanAddress('mailto:ana@example.com')).toEqual({ ...plain, address: 'ana@example.com', artefact: true });
    expect(cleanAddress('<ana@example.com>')).toEqual({ ...plain, address: 'ana@example.com', artefact: true });
    expect(cleanAddress('ana@example.com.')).toEqual({ ...plain, address: 'ana@example.com', artefact: true });
    expect(cleanAddress(' ana@example.com ')).toEqual({ ...plain, address: 'ana@example.com' });
    expect(cleanAddress('<a href="mailto:ana@example.com">ana@example.com</a>')).toEqual({
      ...plain,
      address: 'ana@example.com',
      artefact: true,
    });
    expect(cleanAddress("<A HREF='mailto:ion%2Bnews@example.ro?subject=Hi'>Ion</A>")).toEqual({
      ...plain,
      address: 'ion+news@example.ro',
      artefact: true,
    });
    expect(cleanAddress('<b>dan@example.com</b>')).toEqual({ ...plain, address: 'dan@example.com', artefact: true });
  });

  it('[IMP-06] an Excel "sep=;" first line names the delimiter and is not read as the header', async () => {
    const r = await readAll('\uFEFFsep=;\r\nE-mail;Prenume\r\nana@example.ro;Ana\r\n');
    expect(r.layout).toMatchObject({ delimiter: ';', header: ['E-mail', 'Prenume'], hasHeader: true });
    expect(r.records).toEqual([{ rowNumber: 1, fields: ['ana@example.ro', 'Ana'] }]);
  });

  it('[IMP-06] a file without a header whose first row is "Name <address>" keeps that row', async () => {
    const r = await readAll('Anna Pop <anna@example.org>,2026-01-02\n<a href="mailto:ion@example.ro">Ion</a>,2026-01-03\n');
    expect(r.layout.hasHeader).toBe(false);
    expect(r.records.map((x) => x.fields?.[0])).toEqual([
      'Anna Pop <anna@example.org>',
      '<a href="mailto:ion@example.ro">Ion</a>',
    ]);
    expect((await readAll('email,note\nana@example.org,x\n')).layout.hasHeader).toBe(true);
  });

  it('[IMP-06] a header that names no email column maps the column whose first row holds an address', async () => {
    const r = await readAll('Nume,Contact,Oras\nAna Pop,ana@example.ro,Cluj\nIon,ion@example.ro,Iasi\n');
    expect(r.layout.addressColumn).toBe(1);
    expect(r.records).toHaveLength(2);
    expect(resolveMapping(r.layout.header, null, r.layout.addressColumn).mapping).toEqual({ email: 'Contact', lastName: 'Nume' });
    // A named email column wins over the hint.
    expect(resolveMapping(['Email', 'Alt'], null, 1).mapping).toEqual({ email: 'Email' });
  });

  it('[IMP-03] an RFC 5322 name-addr cell ("Anna Pop <anna@example.org>") is read as name + address, not quarantined', () => {
    expect(cleanAddress('Anna Pop <anna@example.org>')).toEqual({
      address: 'anna@example.org',
      deobfuscated: false,
      artefact: false,
      displayName: 'Anna Pop',
    });
    expect(cleanAddress('"Pop, Anna" <anna@example.org>').displayName).toBe('Pop, Anna');
    const file = {
      consentDate: '2026-01-02',
      source: 'customers',
      sourceDescription: null,
      importedAt: '2026-06-01T00:00:00.000Z',
    };
    const c = classifyRecord({ rowNumber: 1, fields: ['Anna Maria Pop <Anna@Example.org>'] }, { email: 0 }, file);
    expect(c).toMatchObject({
      kind: 'candidate',
      candidate: {
        email: 'anna@example.org',
        quarantine: null,
        artefact: false,
        attributes: { firstName: 'Anna Maria', lastName: 'Pop' },
      },
    });
    // Name columns win over the display name.
    const named = classifyRecord({ rowNumber: 2, fields: ['Ana <ana@example.org>', 'Ioana'] }, { email: 0, firstName: 1 }, file);
    expect(named).toMatchObject({ kind: 'candidate', candidate: { attributes: { firstName: 'Ioana' } } });
  });

  it('[IMP-06] maps the headers real exports have: Google Contacts, German, French, Spanish, Dutch, Italian, Polish, Czech, Romanian', () => {
    const cases: Array<[string[], Record<string, string>]> = [
      [
        ['Name', 'Given Name', 'Family Name', 'E-mail 1 - Type', 'E-mail 1 - Value', 'Phone 1 - Type', 'Phone 1 - Value'],
        { email: 'E-mail 1 - Value', firstName: 'Given Name', lastName: 'Family Name', phone: 'Phone 1 - Value' },
      ],
      [
        ['Vorname', 'Nachname', 'E-Mail-Adresse', 'Telefonnummer'],
        { email: 'E-Mail-Adresse', firstName: 'Vorname', lastName: 'Nachname', phone: 'Telefonnummer' },
      ],
      [
        ['Prénom', 'Nom', 'Courriel', 'Téléphone'],
        { email: 'Courriel', firstName: 'Prénom', lastName: 'Nom', phone: 'Téléphone' },
      ],
      [
        ['Nombre', 'Apellidos', 'Correo electrónico', 'Teléfono'],
        { email: 'Correo electrónico', firstName: 'Nombre', lastName: 'Apellidos', phone: 'Teléfono' },
      ],
      [['Voornaam', 'Achternaam', 'Emailadres'], { email: 'Emailadres', firstName: 'Voornaam', lastName: 'Achternaam' }],
      [['Nome', 'Cognome', 'Indirizzo email'], { email: 'Indirizzo email', firstName: 'Nome', lastName: 'Cognome' }],
      [['Imię', 'Nazwisko', 'Adres e-mail'], { email: 'Adres e-mail', firstName: 'Imię', lastName: 'Nazwisko' }],
      [['Jméno', 'Příjmení', 'E-mailová adresa'], { email: 'E-mailová adresa', firstName: 'Jméno', lastName: 'Příjmení' }],
      [
        ['Email opt-in date', 'Mailing Address', 'Full Name', 'Work Email', 'Mobile Phone'],
        { email: 'Work Email', phone: 'Mobile Phone' },
      ],
      [['MailChimp ID', 'workEmail'], { email: 'workEmail' }],
    ];
    for (const [header, expected] of cases) expect(resolveMapping(header, null).mapping).toEqual(expected);
  });
});

describe('imports: provenance', () => {
  it('[IMP-01] refuses every forbidden source with the policy clause, requires the attestation and a description for "other"', () => {
    for (const source of Object.keys(REFUSED_SOURCES)) {
      let err: AppError | null = null;
      try {
        checkDeclaration({ source, attest: true }, who);
      } catch (e) {
        err = e as AppError;
      }
      expect(err?.kind).toBe('unprocessable');
      expect(err?.code).toBe('IMPORT_SOURCE_REFUSED');
      expect(err?.details?.clause).toBe(REFUSED_SOURCES[source as keyof typeof REFUSED_SOURCES]);
    }
    expect(String(REFUSED_SOURCES['social-network'])).toMatch(/LinkedIn/);
    expect(() => checkDeclaration({ source: 'signup-form', attest: false }, who)).toThrow(
      expect.objectContaining({ code: 'IMPORT_ATTESTATION_REQUIRED', kind: 'invalid' }),
    );
    expect(() => checkDeclaration({ source: 'other', sourceDescription: 'fair', attest: true }, who)).toThrow(
      expect.objectContaining({ code: 'IMPORT_SOURCE_DESCRIPTION_REQUIRED' }),
    );
    const ok = checkDeclaration({ source: 'event', attest: true }, who);
    expect(ok.attestation).toMatchObject({ attested: true, userId: 'u1', ip: '127.0.0.1', userAgent: 'vitest', version: 1 });
    expect(ok.attestation.text).toMatch(/bought, rented/);
  });
});

describe('imports: forensics', () => {
  const ctx = { now: '2026-11-22T10:00:00.000Z', accountCreatedAt: '2020-01-01T00:00:00.000Z', verifiedContacts: 5_000 };
  const FIRST = ['ana', 'ion', 'maria', 'vlad', 'elena', 'mihai', 'ioana', 'radu', 'irina', 'dan', 'oana', 'andrei'];
  const LAST = ['pop', 'ionescu', 'dumitru', 'stan', 'marin', 'tudor', 'munteanu', 'florea', 'lazar', 'neagu'];
  const DOMAINS = ['gmail.com', 'yahoo.com', 'example.ro', 'firma.ro', 'outlook.com'];

  function score(rows: Array<{ raw: string; date: string | null }>) {
    const c = createForensicCollector(ctx);
    rows.forEach((r, i) => {
      c.countRow();
      const cleaned = cleanAddress(r.raw);
      const s = checkSyntax(cleaned.address);
      if (!s.ok) return;
      c.observe({
        rowNumber: i + 1,
        email: s.address.toLowerCase(),
        local: s.local,
        domain: s.domain,
        role: isRoleAddress(s.local),
        disposable: isDisposableDomain(s.domain),
        deobfuscated: cleaned.deobfuscated,
        artefact: cleaned.artefact,
        suppressedElsewhere: false,
        consentAt: r.date,
      });
    });
    return scoreImport(c.finish());
  }

  it('[IMP-04] a clean list scores low', () => {
    const rows = Array.from({ length: 300 }, (_, i) => ({
      raw: `${FIRST[i % FIRST.length]}.${LAST[Math.floor(i / FIRST.length) % LAST.length]}${Math.floor(i / 120) || ''}@${DOMAINS[i % DOMAINS.length]}`,
      date: new Date(Date.parse('2026-03-01T00:00:00Z') + i * 3_600_000 + (i % 7) * 61_000).toISOString(),
    }));
    const r = score(rows);
    expect(r.score).toBeLessThan(20);
  });

  it('[IMP-04] a purchased-looking list (sequential, role-heavy, identical dates) scores high with those reasons', () => {
    const rows = [
      ...Array.from({ length: 200 }, (_, i) => ({ raw: `user${i + 1}@bulkmail.com`, date: '2026-05-05T12:00:00.000Z' })),
      ...Array.from({ length: 100 }, (_, i) => ({
        raw: `${['info', 'sales', 'office', 'contact', 'admin'][i % 5]}@company${i}.com`,
        date: '2026-05-05T12:00:00.000Z',
      })),
    ];
    const r = score(rows);
    const reasons = r.reasons.map((x) => x.reason);
    expect(r.score).toBeGreaterThanOrEqual(60);
    expect(reasons).toEqual(expect.arrayContaining(['sequential-local-parts', 'role-addresses', 'identical-consent-dates']));
    expect(r.samples['sequential-local-parts']?.length).toBeGreaterThan(0);
    expect(r.reasons.find((x) => x.reason === 'role-addresses')?.weight).toBe(25);
  });

  it('[IMP-04] a scraped-looking list (de-obfuscated, artefacts, webmaster@ across many domains, old or missing dates) scores high', () => {
    const rows = Array.from({ length: 120 }, (_, i) => {
      const site = `site${i}.ro`;
      const forms = [
        `webmaster [at] ${site.replace('.', ' (dot) ')}`,
        `mailto:info@${site}`,
        `<contact@${site}>`,
        `office@${site}.`,
        `birou@${site}`,
      ];
      return { raw: forms[i % forms.length]!, date: i % 2 === 0 ? null : '2019-02-01T00:00:00.000Z' };
    });
    const r = score(rows);
    const reasons = r.reasons.map((x) => x.reason);
    expect(r.score).toBeGreaterThanOrEqual(60);
    expect(reasons).toEqual(
      expect.arrayContaining(['scraping-artefacts', 'generic-mailboxes-many-domains', 'old-consent', 'missing-consent-dates']),
    );
    expect(r.samples['scraping-artefacts']?.some((s) => s.note === 'de-obfuscated')).toBe(true);
  });

  it('[IMP-04] future and implausibly early consent dates are their own reason', () => {
    const rows = Array.from({ length: 100 }, (_, i) => ({
      raw: `${FIRST[i % 12]}${LAST[i % 10]}x${i * 7}@gmail.com`,
      date: i % 2 ? '2031-01-01T00:00:00.000Z' : '1970-01-01T00:00:00.000Z',
    }));
    const r = score(rows);
    expect(r.reasons.map((x) => x.reason)).toContain('implausible-consent-dates');
    expect(r.stats.future).toBe(50);
    expect(r.stats.tooEarly).toBe(50);
  });

  it('[IMP-04] sparse sequential local parts (client<N>@ with N drawn from 0–799) are detected like dense ones', () => {
    // 150 distinct numbers from 0–799, shuffled: not contiguous, not in file order.
    const numbers = Array.from({ length: 800 }, (_, i) => i)
      .filter((i) => (i * 7919) % 16 < 3)
      .sort((a, b) => ((a * 2654435761) % 1000) - ((b * 2654435761) % 1000));
    expect(numbers.length).toBeGreaterThan(100);
    const clean = Array.from({ length: 600 }, (_, i) => ({
      raw: `${FIRST[i % FIRST.length]}.${LAST[Math.floor(i / FIRST.length) % LAST.length]}${Math.floor(i / 120) || ''}@${DOMAINS[i % DOMAINS.length]}`,
      date: new Date(Date.parse('2026-03-01T00:00:00Z') + i * 3_600_000).toISOString(),
    }));
    const rows = [
      ...clean,
      ...numbers.map((n, i) => ({
        raw: `client${n}@shop-list.ro`,
        date: new Date(Date.parse('2026-04-01T00:00:00Z') + i * 977_000).toISOString(),
      })),
    ];
    const r = score(rows);
    expect(r.stats.sequentialRows).toBe(numbers.length);
    expect(r.reasons.map((x) => x.reason)).toContain('sequential-local-parts');
    expect(r.samples['sequential-local-parts']?.[0]?.email).toMatch(/^client\d+@shop-list\.ro$/);
    // The clean part alone has no sequence.
    expect(score(clean).stats.sequentialRows).toBe(0);
  });

  it('[IMP-04] <a href="mailto:…"> cells are read and counted as scraping artefacts, not rejected as invalid syntax', () => {
    const rows = Array.from({ length: 50 }, (_, i) => ({
      raw:
        i % 2
          ? `<a href="mailto:person${i}@site${i}.ro">person${i}@site${i}.ro</a>`
          : `ana.${LAST[i % LAST.length]}${i}@example.ro`,
      date: '2026-03-01T00:00:00.000Z',
    }));
    const r = score(rows);
    expect(r.stats.addressed).toBe(50);
    expect(r.stats.artefact).toBe(25);
    expect(r.reasons.find((x) => x.reason === 'scraping-artefacts')?.points).toBeGreaterThan(0);
    const c = classifyRecord(
      { rowNumber: 1, fields: ['<a href="mailto:x@example.ro">x@example.ro</a>'] },
      { email: 0 },
      { consentDate: '2026-01-02', source: 'customers', sourceDescription: null, importedAt: '2026-06-01T00:00:00.000Z' },
    );
    expect(c).toMatchObject({ kind: 'candidate', candidate: { email: 'x@example.ro', quarantine: 'markup-artefact' } });
  });

  it('[IMP-04] [IMP-05] size against verified contacts is counted once (a hold reason, no risk points); the hold text uses the forensics row count', () => {
    const rows = Array.from({ length: 400 }, (_, i) => ({
      raw:
        i < 10 ? `not an address ${i}` : `${FIRST[i % FIRST.length]}.${LAST[i % LAST.length]}${i}@${DOMAINS[i % DOMAINS.length]}`,
      date: new Date(Date.parse('2026-03-01T00:00:00Z') + i * 3_600_000).toISOString(),
    }));
    const r = score(rows);
    expect(r.stats.rows).toBe(400);
    expect(r.stats.addressed).toBe(390);
    expect(Object.keys(RISK_WEIGHTS)).not.toContain('large-against-verified');
    expect(r.reasons.map((x) => x.reason)).not.toContain('large-against-verified');
    const reasons = holdReasons(r.stats.rows, 3, r.score);
    expect(reasons).toEqual([`400 rows against 3 verified contacts (more than 5×)`]);
  });
});

describe('consent times after the import and unclean cells', () => {
  const file = { consentDate: null, source: 'customers', sourceDescription: null, importedAt: '2026-06-01T12:00:00.000Z' };
  const resolved = { email: 0, optinTime: 1, confirmTime: 2 };

  it('[CON-13] a row claiming consent after the import was made has no consent evidence (kept, not sendable, claim kept as written)', () => {
    const c = classifyRecord({ rowNumber: 1, fields: ['ana@example.org', '2099-01-01 10:00:00', ''] }, resolved, file);
    expect(c).toMatchObject({
      kind: 'candidate',
      candidate: {
        withEvidence: false,
        evidence: { optinAt: null, futureDate: true, claimed: { OPTIN_TIME: '2099-01-01 10:00:00' } },
      },
    });
    // A confirmation in the future spoils an opt-in in the past too.
    const both = classifyRecord(
      { rowNumber: 2, fields: ['bo@example.org', '2026-01-01 10:00:00', '2031-01-01 10:00:00'] },
      resolved,
      file,
    );
    expect(both).toMatchObject({ kind: 'candidate', candidate: { withEvidence: false, evidence: { confirmAt: null } } });
    // A file-level consent date after the import is no evidence either.
    const fileLevel = classifyRecord({ rowNumber: 3, fields: ['cy@example.org', '', ''] }, resolved, {
      ...file,
      consentDate: '2030-05-05',
    });
    expect(fileLevel).toMatchObject({ kind: 'candidate', candidate: { withEvidence: false, evidence: { futureDate: true } } });
  });

  it('[CON-13] a claim within the clock-skew allowance after the import is recorded as the import time; an earlier one as claimed', () => {
    const skewed = classifyRecord({ rowNumber: 1, fields: ['ana@example.org', '2026-06-01 12:03:00', ''] }, resolved, file);
    expect(skewed).toMatchObject({
      kind: 'candidate',
      candidate: { withEvidence: true, evidence: { optinAt: file.importedAt } },
    });
    const past = classifyRecord({ rowNumber: 2, fields: ['bo@example.org', '2026-05-01 08:00:00', ''] }, resolved, file);
    expect(past).toMatchObject({
      kind: 'candidate',
      candidate: { evidence: { optinAt: '2026-05-01T08:00:00.000Z', futureDate: false } },
    });
  });

  it('[SEC-06] [IMP-06] a row with a NUL or a lone surrogate in any cell is rejected as invalid-text, with its address when that cell is clean', () => {
    const nul = classifyRecord({ rowNumber: 4, fields: ['ana@example.org', '2026-05-01', 'x\u0000y'] }, resolved, file);
    expect(nul).toEqual({ kind: 'rejected', rowNumber: 4, email: 'ana@example.org', reason: 'invalid-text' });
    const surrogate = classifyRecord({ rowNumber: 5, fields: ['bo\ud800@example.org', '', ''] }, resolved, file);
    expect(surrogate).toEqual({ kind: 'rejected', rowNumber: 5, email: null, reason: 'invalid-text' });
  });
});
