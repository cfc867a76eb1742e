// Fixtures for the forms, confirm, unsubscribe and preferences route tests (used only by tests):
// an account with lists, a published form, and a visitor who opens and submits it.
import type { FastifyInstance } from 'fastify';
import { signUp, type SignedIn } from '../../../../test/helpers/accounts.ts';
import type { FormDefinitionInput } from '../../../core/forms/definition.ts';
import type { Database } from '../../../db/database.ts';

export interface FormFixture {
  owner: SignedIn;
  lists: { news: string; deals: string; sms: string };
}

type InjectResponse = Awaited<ReturnType<FastifyInstance['inject']>>;

let ipCounter = 0;
/** A fresh visitor IP per call, so the per-IP rate limit only bites in the test that wants it. */
export function nextIp(): string {
  ipCounter += 1;
  return `10.1.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
}

async function createList(app: FastifyInstance, owner: SignedIn, body: Record<string, unknown>): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/lists', headers: owner.headers, payload: body });
  if (res.statusCode !== 201) throw new Error(`create list: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: string }).id;
}

export async function accountWithLists(app: FastifyInstance): Promise<FormFixture> {
  const owner = await signUp(app);
  const base = { purposeText: 'News about our books', frequency: 'weekly', senderName: 'Acme Books' };
  return {
    owner,
    lists: {
      news: await createList(app, owner, { ...base, name: 'Newsletter', channel: 'email', doubleOptIn: true }),
      deals: await createList(app, owner, { ...base, name: 'Deals', channel: 'email', doubleOptIn: false }),
      sms: await createList(app, owner, { ...base, name: 'SMS alerts', channel: 'sms', doubleOptIn: false }),
    },
  };
}

export const PURPOSE = {
  sender: 'Acme Books',
  kind: 'a newsletter with new titles',
  purpose: 'telling you about new books',
  channel: 'email',
  frequency: 'once a week',
  withdraw: 'use the unsubscribe link in every message',
};

export function definition(lists: FormFixture['lists'], extra: Partial<FormDefinitionInput> = {}): FormDefinitionInput {
  return {
    name: 'Join Acme Books',
    language: 'en',
    fields: [{ key: 'email', required: true }, { key: 'first_name' }, { key: 'phone' }],
    consentBoxes: [
      { key: 'news', listIds: [lists.news], checkedByDefault: false, purpose: PURPOSE },
      { key: 'deals', listIds: [lists.deals], purpose: { ...PURPOSE, kind: 'deals', purpose: 'discounts' } },
      {
        key: 'sms',
        listIds: [lists.sms],
        purpose: { ...PURPOSE, channel: 'SMS' },
        sms: { programName: 'Acme Alerts', frequency: 'up to 4 msgs/month' },
      },
    ],
    partners: [{ name: 'Book Club SRL', purposeText: 'club offers by email, monthly' }],
    ...extra,
  };
}

export async function createPublishedForm(app: FastifyInstance, owner: SignedIn, def: FormDefinitionInput): Promise<string> {
  const created = await app.inject({ method: 'POST', url: '/api/v1/forms', headers: owner.headers, payload: def });
  if (created.statusCode !== 201) throw new Error(`create form: ${created.statusCode} ${created.body}`);
  const id = (created.json() as { form: { id: string } }).form.id;
  const pub = await app.inject({ method: 'POST', url: `/api/v1/forms/${id}/publish`, headers: owner.headers });
  if (pub.statusCode !== 200) throw new Error(`publish form: ${pub.statusCode} ${pub.body}`);
  return id;
}

/** GET /f/<form> and read the hidden fields a browser would send back. */
export async function openForm(
  app: FastifyInstance,
  formId: string,
): Promise<{ html: string; version: string; started: string }> {
  const res = await app.inject({ method: 'GET', url: `/f/${formId}` });
  if (res.statusCode !== 200) throw new Error(`open form: ${res.statusCode} ${res.body}`);
  const version = /name="_version" value="(\d+)"/.exec(res.body)?.[1] ?? '';
  const started = /name="_started" value="([^"]+)"/.exec(res.body)?.[1] ?? '';
  return { html: res.body, version, started };
}

export function urlencoded(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

export async function postForm(
  app: FastifyInstance,
  formId: string,
  fields: Record<string, string>,
  ip = nextIp(),
): Promise<InjectResponse> {
  return app.inject({
    method: 'POST',
    url: `/f/${formId}`,
    remoteAddress: ip,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'TestBrowser/1.0' },
    payload: urlencoded(fields),
  });
}

/** Rows that a submission would write: contacts, consent events, confirmations, outbox mail. */
export async function storedCounts(
  database: Database,
): Promise<{ contacts: number; events: number; confirmations: number; mail: number }> {
  const { db } = database;
  const count = async (table: 'contacts' | 'consent_events' | 'form_confirmations' | 'system_mail') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    contacts: await count('contacts'),
    events: await count('consent_events'),
    confirmations: await count('form_confirmations'),
    mail: await count('system_mail'),
  };
}
