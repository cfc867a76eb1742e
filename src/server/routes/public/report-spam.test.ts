// ABU-01: the report form of the public "Report spam" page, on both engines. A valid report is
// stored as one inbound item (source 'report-form', mailbox 'abuse'); bad input shows the form
// again with a message per field and stores nothing; the public forms' bot defences (CON-11:
// honeypot, minimum fill time, single-use start stamp, per-IP limit) keep bots out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORM_SUBMISSIONS_PER_IP_PER_MINUTE } from '../../../core/forms/bot-defence.ts';
import { ENGINES, pgAvailable } from '../../../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';
import { MAX_REPORT_MESSAGE_CHARS } from '../../public/pages/report-spam.ts';

/** The markup with whitespace runs collapsed (the formatter wraps long tags in the templates). */
const flat = (page: string): string => page.replace(/\s+/g, ' ').replace(/ >/g, '>');

const REPORTED = [
  'Return-Path: <b-abc123@bounce.assent.test>',
  'From: "Deals" <news@shop.example>',
  'To: reader@example.com',
  'Subject: Buy now',
  'Message-ID: <m-1@assent.test>',
  '',
  'Hello <b>there</b> & welcome',
].join('\r\n');

let ipCounter = 0;
const nextIp = () => {
  ipCounter += 1;
  return `10.7.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
};

interface Row {
  source: string;
  mailbox: string | null;
  raw: unknown;
}

for (const engine of ENGINES) {
  describe.skipIf(engine === 'postgres' && !pgAvailable())(`report-spam form [${engine}]`, () => {
    let t: TestPlatform;
    beforeAll(async () => {
      t = await createTestPlatform(engine, { config: { abuseEmail: 'abuse@assent.example' } });
    });
    afterAll(async () => {
      await t?.close();
    });

    async function reports(): Promise<Row[]> {
      return (await t.platform.database.db
        .selectFrom('inbound_messages')
        .select(['source', 'mailbox', 'raw'])
        .where('source', '=', 'report-form')
        .execute()) as Row[];
    }
    const rawJson = (row: Row) => JSON.parse(Buffer.from(row.raw as Uint8Array).toString('utf8')) as Record<string, unknown>;

    async function openPage(query = ''): Promise<{ body: string; started: string }> {
      const res = await t.app.inject({ method: 'GET', url: `/report-spam${query}` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      const started = /name="_started" value="([^"]+)"/.exec(res.body)?.[1] ?? '';
      expect(started).not.toBe('');
      return { body: res.body, started };
    }

    function post(fields: Record<string, string>, remoteAddress = nextIp()) {
      return t.app.inject({
        method: 'POST',
        url: '/report-spam',
        remoteAddress,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(fields).toString(),
      });
    }

    /** Opens the page, waits like a person, and posts the fields with that page's start stamp. */
    async function fillAndSend(fields: Record<string, string>, opts: { wait?: number; lang?: string } = {}) {
      const page = await openPage(opts.lang ? `?lang=${opts.lang}` : '');
      t.clock.advance(opts.wait ?? 10_000);
      return post({ _started: page.started, lang: opts.lang ?? 'en', ...fields });
    }

    it('[ABU-01] the page carries a no-JS form posting to /report-spam with the three fields, in English and Romanian', async () => {
      for (const [lang, words] of [
        [
          'en',
          ['Report a message', 'Paste the full message source, or at least its headers', 'Your email address', 'Send the report'],
        ],
        ['ro', ['Raportați un mesaj', 'Lipiți sursa completă a mesajului', 'Adresa dumneavoastră de email', 'Trimite raportul']],
      ] as const) {
        const page = flat((await openPage(`?lang=${lang}`)).body);
        expect(page).toContain(`<html lang="${lang}">`);
        const form = /<form method="post" action="\/report-spam"[\s\S]*?<\/form>/.exec(page)?.[0] ?? '';
        expect(form, lang).not.toBe('');
        expect(form).toMatch(/<textarea id="report-message" name="message"[^>]* required/);
        expect(form).toMatch(/<input id="report-email" name="email" type="email"[^>]* required/);
        expect(form).toMatch(/<textarea id="report-comment" name="comment"[^>]* maxlength="2000"/);
        expect(form).not.toMatch(/name="comment"[^>]* required/);
        // The public forms' bot defences: the honeypot and the signed start stamp.
        expect(form).toMatch(/<input id="report-hp" type="text" name="website" value="" tabindex="-1"/);
        expect(form).toContain('name="_started" value="');
        expect(form).toContain(`name="lang" value="${lang}"`);
        expect(form).not.toContain('<script');
        for (const w of words) expect(page, `${lang}: ${w}`).toContain(w);
        // The abuse address is still there for those who prefer mail.
        expect(page).toContain('href="mailto:abuse@assent.example"');
      }
    });

    it('[ABU-01] a valid report is stored once as a report-form item of the abuse mailbox, then the thanks', async () => {
      const before = (await reports()).length;
      const ip = nextIp();
      const page = await openPage();
      t.clock.advance(10_000);
      const res = await post(
        { _started: page.started, lang: 'en', message: REPORTED, email: ' Reader@Example.com ', comment: 'Never signed up.' },
        ip,
      );
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/report-spam?sent=1&lang=en#report-form');
      const rows = await reports();
      expect(rows.length).toBe(before + 1);
      const row = rows.at(-1) as Row;
      expect([row.source, row.mailbox]).toEqual(['report-form', 'abuse']);
      expect(rawJson(row)).toEqual({
        message: REPORTED,
        reporterEmail: 'reader@example.com',
        comment: 'Never signed up.',
        remoteAddress: ip,
      });
      const thanks = await t.app.inject({ method: 'GET', url: '/report-spam?sent=1&lang=en' });
      expect(thanks.statusCode).toBe(200);
      expect(thanks.body).toContain('Thank you, we received your report');
      expect(thanks.body).not.toContain('<form method="post" action="/report-spam"');
      const ro = await t.app.inject({ method: 'GET', url: '/report-spam?sent=1&lang=ro' });
      expect(ro.body).toContain('Vă mulțumim, am primit raportul');
    });

    it('[ABU-01] the comment is optional', async () => {
      const before = (await reports()).length;
      const res = await fillAndSend({ message: 'Subject: hi\r\n\r\nbody', email: 'other@example.com' });
      expect(res.statusCode).toBe(303);
      const rows = await reports();
      expect(rows.length).toBe(before + 1);
      expect(rawJson(rows.at(-1) as Row)).toMatchObject({ reporterEmail: 'other@example.com', comment: '' });
    });

    it('[ABU-01] an invalid email gives 400 with the field error, keeps what was typed, and stores nothing', async () => {
      const before = (await reports()).length;
      const res = await fillAndSend({ message: REPORTED, email: 'not-an-email', comment: 'my <comment>' });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      const page = flat(res.body);
      expect(page).toContain('Please check the marked fields.');
      expect(page).toContain('<p class="err" id="report-email-err" role="alert">This is not a valid email address.</p>');
      expect(page).toMatch(/id="report-email"[^>]*value="not-an-email"[^>]*aria-invalid="true"/);
      // What was typed comes back, escaped.
      expect(res.body).toContain('Hello &lt;b&gt;there&lt;/b&gt; &amp; welcome');
      expect(res.body).toContain('my &lt;comment&gt;</textarea>');
      expect(res.body).not.toContain('<b>there</b>');
      // A fresh start stamp to send the corrected form with.
      expect(res.body).toMatch(/name="_started" value="[^"]+"/);
      expect((await reports()).length).toBe(before);
    });

    it('[ABU-01] an empty message or a missing email gives 400 with each field error and stores nothing, also in Romanian', async () => {
      const before = (await reports()).length;
      const en = await fillAndSend({ message: '  \r\n ', email: '' });
      expect(en.statusCode).toBe(400);
      expect(en.body).toContain('Paste the message, or at least its headers.');
      expect(en.body).toContain('Enter your email address.');
      const ro = await fillAndSend({ message: '', email: 'x@' }, { lang: 'ro' });
      expect(ro.statusCode).toBe(400);
      expect(ro.body).toContain('<html lang="ro">');
      expect(ro.body).toContain('Lipiți mesajul sau măcar antetele lui.');
      expect(ro.body).toContain('Aceasta nu este o adresă de email validă.');
      expect((await reports()).length).toBe(before);
    });

    it('[ABU-01] a message or comment over its limit gives 400 with the field error and stores nothing', async () => {
      const before = (await reports()).length;
      const res = await fillAndSend({
        message: 'x'.repeat(MAX_REPORT_MESSAGE_CHARS + 1),
        email: 'long@example.com',
        comment: 'y'.repeat(2_001),
      });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('The message may have at most 200,000 characters');
      expect(res.body).toContain('The comment may have at most 2,000 characters.');
      expect((await reports()).length).toBe(before);
    });

    it('[ABU-01] a filled-in honeypot gets the same answer as a success and stores nothing', async () => {
      const before = (await reports()).length;
      const res = await fillAndSend({ message: REPORTED, email: 'bot@example.com', website: 'http://spam.example' });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/report-spam?sent=1&lang=en#report-form');
      expect((await reports()).length).toBe(before);
    });

    it('[ABU-01] a submission faster than a person, or without a valid start stamp, shows the form again and stores nothing', async () => {
      const before = (await reports()).length;
      const fast = await fillAndSend({ message: REPORTED, email: 'fast@example.com' }, { wait: 500 });
      expect(fast.statusCode).toBe(400);
      expect(fast.body).toContain('That was quicker than a person can fill in the form.');
      expect(fast.body).toContain('fast@example.com');
      const none = await post({ message: REPORTED, email: 'nostamp@example.com' });
      expect(none.statusCode).toBe(400);
      expect(none.body).toContain('This page is too old.');
      const forged = await post({ _started: 'forged.stamp', message: REPORTED, email: 'forged@example.com' });
      expect(forged.statusCode).toBe(400);
      // A sign-up form's stamp (same secret, another form id) is not a report form's stamp.
      const signupStamp = t.platform.services.forms.startStamp('0190a1b2-0000-7000-8000-000000000001');
      t.clock.advance(10_000);
      const foreign = await post({ _started: signupStamp, message: REPORTED, email: 'foreign@example.com' });
      expect(foreign.statusCode).toBe(400);
      expect(foreign.body).toContain('This page is too old.');
      const page = await openPage();
      t.clock.advance(25 * 60 * 60 * 1000);
      const old = await post({ _started: page.started, message: REPORTED, email: 'old@example.com' });
      expect(old.statusCode).toBe(400);
      expect(old.body).toContain('This page is too old.');
      expect((await reports()).length).toBe(before);
    });

    it('[ABU-01] one page load buys one report: a replay shows the form again (409) and stores nothing', async () => {
      const page = await openPage();
      t.clock.advance(10_000);
      const fields = { _started: page.started, lang: 'en', message: REPORTED, email: 'once@example.com' };
      expect((await post(fields)).statusCode).toBe(303);
      const before = (await reports()).length;
      const replay = await post(fields);
      expect(replay.statusCode).toBe(409);
      expect(replay.body).toContain('This page was already sent.');
      expect((await reports()).length).toBe(before);
    });

    it('[ABU-01] the public forms’ per-IP submission limit applies: past it, 429 and nothing stored', async () => {
      const ip = '198.51.100.77';
      const page = await openPage();
      t.clock.advance(10_000);
      // Honeypot hits count too, and store nothing: the limit is per request, like the forms'.
      const bot = { _started: page.started, message: REPORTED, email: 'limit@example.com', website: 'x' };
      for (let i = 0; i < FORM_SUBMISSIONS_PER_IP_PER_MINUTE; i += 1) expect((await post(bot, ip)).statusCode).toBe(303);
      const before = (await reports()).length;
      const fresh = await openPage();
      t.clock.advance(10_000);
      const over = await post({ _started: fresh.started, message: REPORTED, email: 'limit@example.com' }, ip);
      expect(over.statusCode).toBe(429);
      expect((await reports()).length).toBe(before);
    });
  });
}
