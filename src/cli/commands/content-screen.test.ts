// `assent content screen` as an operator runs it: a real child process reading a JSON message, a
// .eml file, standard input or a JSONL sample. Its verdicts must be the screen's own (compared
// with screenContent in this process), and bad input must exit 2 with a message a person can act on.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/helpers/cli.ts';
import { screenContent, type ContentInput } from '../../core/content/screen.ts';

const dir = mkdtempSync(join(tmpdir(), 'assent-content-screen-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, body);
  return path;
}

/** What the command prints for one message, computed in this process. */
function expected(input: ContentInput) {
  const r = screenContent(input);
  return {
    verdict: r.verdict,
    findings: r.findings.map((f) => ({ category: f.category, rule: f.rule, spans: f.spans, score: f.score })),
    policyRevision: r.policyRevision,
  };
}

async function withStdin(args: string[], stdin: string): Promise<{ code: number; out: string; err: string }> {
  const child = spawn(process.execPath, ['src/cli/main.ts', ...args]);
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  child.stdin.end(stdin);
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
  return { code, out, err };
}

const SMS_OFFER: ContentInput = {
  channel: 'sms',
  lang: 'en',
  text: 'Untraceable pistols and ammo, no licence, no papers. Delivery in 24h, cash only. Text 0755 000 111',
};
const NEWSLETTER: ContentInput = {
  channel: 'email',
  lang: 'ro',
  subject: 'Programul bibliotecii de sărbători',
  html: '<p>Biblioteca este deschisă între 27 și 30 decembrie, de la 10:00 la 16:00.</p>',
};

describe('assent content screen', () => {
  it('screens a JSON message from FILE and prints the verdict with each finding', async () => {
    const { code, out } = await runCli(['content', 'screen', file('sms.json', JSON.stringify(SMS_OFFER))]);
    expect(code).toBe(0);
    const printed = JSON.parse(out);
    expect(printed).toEqual(expected(SMS_OFFER));
    expect(['allow', 'hold', 'reject']).toContain(printed.verdict);
    for (const f of printed.findings) expect(Object.keys(f).sort()).toEqual(['category', 'rule', 'score', 'spans']);
  });

  it('reads the message from standard input when no FILE is given', async () => {
    const { code, out } = await withStdin(['content', 'screen'], JSON.stringify(NEWSLETTER));
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual(expected(NEWSLETTER));
  });

  it('reads a .eml file (subject, HTML and text parts) as an email', async () => {
    const subject = 'Weekend menu';
    const html = '<p>Slow-cooked lamb with polenta and our pear tart. Book a table by replying.</p>';
    const text = 'Slow-cooked lamb with polenta and our pear tart. Book a table by replying.';
    const eml = [
      'From: Bistro <news@bistro.example>',
      'To: guest@example.com',
      `Subject: ${subject}`,
      'Content-Language: en',
      'MIME-Version: 1.0',
      'Content-Type: multipart/alternative; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset=utf-8',
      '',
      text,
      '--b1',
      'Content-Type: text/html; charset=utf-8',
      '',
      html,
      '--b1--',
      '',
    ].join('\r\n');
    const { code, out } = await runCli(['content', 'screen', file('menu.eml', eml)]);
    expect(code).toBe(0);
    const printed = JSON.parse(out);
    const inProcess = expected({ channel: 'email', lang: 'en', subject, html, text });
    expect(printed.verdict).toBe(inProcess.verdict);
    expect(printed.findings.map((f: { rule: string }) => f.rule)).toEqual(inProcess.findings.map((f) => f.rule));
  });

  it('--jsonl prints one verdict per line, in order, and an error line (exit 2) for a bad line', async () => {
    const sample = [
      JSON.stringify({ id: 'a', ...SMS_OFFER }),
      '{"channel":"fax","text":"hello"}',
      '',
      JSON.stringify({ id: 'b', ...NEWSLETTER }),
    ].join('\n');
    const { code, out } = await runCli(['content', 'screen', '--jsonl', file('sample.jsonl', sample)]);
    expect(code).toBe(2);
    const lines = out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toEqual({ id: 'a', ...expected(SMS_OFFER) });
    expect(lines[1].error.code).toBe('CONTENT_INPUT_INVALID');
    expect(lines[1].error.message).toMatch(/line 2: channel/);
    expect(lines[2]).toEqual({ id: 'b', ...expected(NEWSLETTER) });
  });

  it('exits 2 with a clear message on bad input', async () => {
    const notJson = await runCli(['content', 'screen', file('bad.json', '{"channel": "email", ')]);
    expect(notJson.code).toBe(2);
    expect(notJson.out).toContain('not JSON');

    const noChannel = await runCli(['content', 'screen', file('nochannel.json', '{"text":"hi"}')]);
    expect(noChannel.code).toBe(2);
    expect(noChannel.out).toMatch(/channel/);

    const emptySms = await runCli(['content', 'screen', file('empty-sms.json', '{"channel":"sms"}')]);
    expect(emptySms.code).toBe(2);
    expect(emptySms.out).toContain('an SMS needs "text"');

    const missing = await runCli(['content', 'screen', join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.out).toMatch(/ENOENT|no such file/);

    // Issue 9, "Bad input": a 5 MB HTML body is over the screen's named limit and refused with a code.
    const huge = JSON.stringify({ channel: 'email', subject: 'Big', html: `<p>${'a'.repeat(5 * 1024 * 1024)}</p>` });
    const tooLarge = await runCli(['content', 'screen', file('huge.json', huge)]);
    expect(tooLarge.code).toBe(2);
    expect(tooLarge.out).toContain('CONTENT_TOO_LARGE');

    const badLang = await runCli(['content', 'screen', '--lang', 'de', file('ok.json', JSON.stringify(SMS_OFFER))]);
    expect(badLang.code).toBe(2);
    expect(badLang.out).toContain('usage: assent content screen');
  });
});
