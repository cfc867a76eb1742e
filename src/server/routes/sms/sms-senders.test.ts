// The SMS sender API through the Fastify app on both engines: the owner adds, lists and removes
// senders; bad input, a sender another account has, a member and another account get stable codes;
// the inbound path finds the account by the number a text was sent to.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signUp, type SignedIn } from '../../../../test/helpers/accounts.ts';
import { describeEachEngine } from '../../../../test/helpers/engines.ts';
import { createTestPlatform, type TestPlatform } from '../../../../test/helpers/platform.ts';

describeEachEngine('SMS sender routes', (_db, engine) => {
  let t: TestPlatform;
  let owner: SignedIn;
  let other: SignedIn;
  beforeAll(async () => {
    t = await createTestPlatform(engine);
    owner = await signUp(t.app);
    other = await signUp(t.app);
  });
  afterAll(async () => {
    await t?.close();
  });

  const call = (who: SignedIn, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: who.headers, ...(payload === undefined ? {} : { payload: payload as object }) });

  it('[SMS-04] adds a number (stored in E.164), a short code and a sender ID; lists them; removes one (204)', async () => {
    const number = await call(owner, 'POST', '/api/v1/sms/senders', { sender: '+40 722 555 010' });
    expect(number.statusCode, number.body).toBe(201);
    expect(number.json()).toMatchObject({ sender: '+40722555010', kind: 'number', accountId: owner.accountId });
    const short = await call(owner, 'POST', '/api/v1/sms/senders', { sender: '1234' });
    expect(short.json()).toMatchObject({ sender: '1234', kind: 'short-code' });
    const alpha = await call(owner, 'POST', '/api/v1/sms/senders', { sender: 'ShopAlerts' });
    expect(alpha.json()).toMatchObject({ sender: 'ShopAlerts', kind: 'alphanumeric' });

    const list = await call(owner, 'GET', '/api/v1/sms/senders');
    // Oldest first; the test clock does not move, so the order within one instant is not asserted.
    expect(
      list
        .json()
        .items.map((x: { sender: string }) => x.sender)
        .sort(),
    ).toEqual(['+40722555010', '1234', 'ShopAlerts']);
    expect((await call(other, 'GET', '/api/v1/sms/senders')).json().items).toEqual([]);

    // The inbound question: which account is a text to this number for (with or without its '+').
    expect(await t.platform.services.smsSenders.accountFor('40722555010')).toEqual({
      accountId: owner.accountId,
      sender: '+40722555010',
    });
    expect(await t.platform.services.smsSenders.accountFor('+40722555011')).toBeNull();

    const removed = await call(owner, 'DELETE', `/api/v1/sms/senders/${short.json().id}`);
    expect(removed.statusCode).toBe(204);
    expect((await call(owner, 'GET', '/api/v1/sms/senders')).json().items).toHaveLength(2);
    expect(await t.platform.services.smsSenders.accountFor('1234')).toBeNull();
    const audit = await t.platform.services.audit.list({ accountId: owner.accountId, actionPrefix: 'sms.sender.' });
    expect(audit.map((a) => a.action).sort()).toEqual([
      'sms.sender.added',
      'sms.sender.added',
      'sms.sender.added',
      'sms.sender.removed',
    ]);
  });

  it('[SMS-04] bad input and conflicts answer stable codes: invalid sender, taken (here or by another account), not found, not the owner', async () => {
    for (const sender of ['+40 12', '12', 'TwelveChars1', 'Shop!', '123456789', 'a  b', '']) {
      const res = await call(owner, 'POST', '/api/v1/sms/senders', { sender });
      expect([sender, res.statusCode, res.json().error.code]).toEqual([
        sender,
        400,
        sender === '' ? 'VALIDATION_FAILED' : 'SMS_SENDER_INVALID',
      ]);
    }
    expect((await call(owner, 'POST', '/api/v1/sms/senders', { sender: '+40722555020' })).statusCode).toBe(201);
    const twice = await call(owner, 'POST', '/api/v1/sms/senders', { sender: '+40 722 555 020' });
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'SMS_SENDER_TAKEN']);
    const elsewhere = await call(other, 'POST', '/api/v1/sms/senders', { sender: '+40722555020' });
    expect([elsewhere.statusCode, elsewhere.json().error.code]).toEqual([409, 'SMS_SENDER_TAKEN']);
    const gone = await call(owner, 'DELETE', '/api/v1/sms/senders/no-such-id');
    expect([gone.statusCode, gone.json().error.code]).toEqual([404, 'SMS_SENDER_NOT_FOUND']);
    const ownerSender = (await call(owner, 'GET', '/api/v1/sms/senders')).json().items[0].id as string;
    const foreign = await call(other, 'DELETE', `/api/v1/sms/senders/${ownerSender}`);
    expect([foreign.statusCode, foreign.json().error.code]).toEqual([404, 'SMS_SENDER_NOT_FOUND']);
  });

  it('[SMS-04] a restricted sms service refuses adding a sender (the standing guard)', async () => {
    const restricted = await signUp(t.app);
    await t.platform.services.standing.transition({
      accountId: restricted.accountId,
      action: 'restrict',
      services: ['sms'],
      reason: 'test',
      actor: { type: 'operator', id: 'op-sms-senders' },
    });
    const res = await call(restricted, 'POST', '/api/v1/sms/senders', { sender: '+40722555030' });
    expect([res.statusCode, res.json().error.code]).toEqual([403, 'SERVICE_RESTRICTED']);
  });
});
