// One POST to an SMS gateway with Node's fetch (undici): a timeout, a cap on the answer read back,
// and the classification every gateway adapter shares. The line between 'unavailable' and
// 'unknown' is whether the gateway may have acted on the request:
//   never reached it (refused connection, no such host, TLS failure), or it said "not now"
//   (429, 503), or it refused us rather than the message (401, 403, 404: credentials or account
//   URL)                                                      → unavailable: safe to send again
//   it took the request and then failed (timeout, reset, other 5xx, a 2xx we cannot read)
//                                                             → unknown: may have been sent
//   4xx about the message                                     → rejected (permanent unless 408/409)

/** How long one submit may take, connect to the last byte of the answer. */
export const GATEWAY_TIMEOUT_MS = 10_000;
/** The largest answer read back (a submit answer is under 2 KB); more is treated as unreadable. */
export const MAX_GATEWAY_RESPONSE_BYTES = 64 * 1024;

export type HttpFetch = typeof fetch;

export type GatewayAnswer =
  | { kind: 'answer'; status: number; body: unknown }
  | { kind: 'unavailable'; reason: string }
  | { kind: 'unknown'; reason: string };

/** Errors raised before the request could reach the gateway (undici / Node error codes). */
const NOT_REACHED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_HAS_EXPIRED',
]);

function errorCode(err: unknown): string {
  const cause = (err as { cause?: { code?: unknown } })?.cause;
  if (cause && typeof cause.code === 'string') return cause.code;
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' ? code : '';
}

async function readCapped(res: Response, max: number): Promise<string | null> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function postToGateway(
  fetchImpl: HttpFetch,
  url: string,
  init: { headers: Record<string, string>; body: string },
  timeoutMs = GATEWAY_TIMEOUT_MS,
): Promise<GatewayAnswer> {
  const signal = AbortSignal.timeout(timeoutMs);
  let res: Response;
  let text: string | null;
  try {
    res = await fetchImpl(url, { method: 'POST', headers: init.headers, body: init.body, signal, redirect: 'error' });
    text = await readCapped(res, MAX_GATEWAY_RESPONSE_BYTES);
  } catch (err) {
    const code = errorCode(err);
    if (NOT_REACHED.has(code)) return { kind: 'unavailable', reason: `gateway not reached (${code})` };
    if ((err as Error)?.name === 'TimeoutError') return { kind: 'unknown', reason: `no answer within ${timeoutMs} ms` };
    return { kind: 'unknown', reason: `request failed after it was sent (${code || (err as Error)?.message || 'error'})` };
  }
  if (text === null) {
    return res.ok
      ? { kind: 'unknown', reason: `answer over ${MAX_GATEWAY_RESPONSE_BYTES} bytes` }
      : { kind: 'answer', status: res.status, body: null };
  }
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  return { kind: 'answer', status: res.status, body };
}

export type StatusClass = 'ok' | 'unavailable' | 'unknown' | 'rejected-permanent' | 'rejected-transient';

export function classifyStatus(status: number): StatusClass {
  if (status >= 200 && status < 300) return 'ok';
  if (status === 401 || status === 403 || status === 404 || status === 429 || status === 503) return 'unavailable';
  if (status === 408 || status === 409) return 'rejected-transient';
  if (status >= 400 && status < 500) return 'rejected-permanent';
  return 'unknown';
}
