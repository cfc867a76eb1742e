// The DKIM sign pool on its own (MSG-05): worker signatures equal in-thread ones, key sets are sent
// once and re-sent after eviction, a worker error rejects, close() ends the workers.
import { createHash, createPrivateKey, generateKeyPairSync, verify } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { dkimSign } from './dkim.ts';
import { createSignPool, type SignPool } from './sign-pool.ts';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ed = generateKeyPairSync('ed25519');
const pem = (k: typeof rsa.privateKey) => k.export({ type: 'pkcs8', format: 'pem' }) as string;
const keySet = (id: string) => ({ id, rsaPem: pem(rsa.privateKey), ed25519Pem: pem(ed.privateKey) });
const pools: SignPool[] = [];
afterEach(async () => {
  for (const p of pools.splice(0)) await p.close();
});

it('[MSG-05] signs a batch across the workers, in order, exactly as the in-thread signer does', async () => {
  const pool = createSignPool(2);
  pools.push(pool);
  const data = Array.from({ length: 40 }, (_, i) => `from:a@b\r\nto:r${i}@x\r\ndkim-signature:v=1; b=`);
  const ks = keySet('k1');
  const rsaSigs = await pool.sign(ks, 'rsa-sha256', data);
  // RSA PKCS#1 v1.5 is deterministic: the same bytes as in this thread.
  expect(rsaSigs).toEqual(data.map((d) => dkimSign('rsa-sha256', d, createPrivateKey(ks.rsaPem))));
  const edSigs = await pool.sign(ks, 'ed25519-sha256', data);
  edSigs.forEach((s, i) => {
    const digest = createHash('sha256').update(data[i]!).digest();
    expect(verify(null, digest, ed.publicKey, Buffer.from(s, 'base64'))).toBe(true);
  });
  expect(await pool.sign(ks, 'rsa-sha256', [])).toEqual([]);
});

it('re-sends a key set evicted from the workers and rejects a key set without Ed25519', async () => {
  const pool = createSignPool(2);
  pools.push(pool);
  for (let i = 0; i < 20; i++)
    await pool.sign(
      keySet(`k${i}`),
      'rsa-sha256',
      Array.from({ length: 16 }, () => 'x'),
    );
  expect(await pool.sign(keySet('k0'), 'rsa-sha256', ['y'])).toHaveLength(1);
  await expect(pool.sign({ ...keySet('no-ed'), ed25519Pem: null }, 'ed25519-sha256', ['x'])).rejects.toThrow(/no Ed25519/);
  await pool.close();
  await expect(pool.sign(keySet('k0'), 'rsa-sha256', ['x'])).rejects.toThrow(/closed/);
});
