// SMPP provider configuration from one URL, as operators write it (Kannel and jasmin take the same
// pieces): smpp://system_id:password@host:port?window=10&enquire_link=30&system_type=X
// (ssmpp:// for SMPP over TLS). system_id and password are URL-encoded; SMPP caps them at 15 and
// 8 octets (SMPP 3.4 §4.1.1), so longer values are refused here rather than by the SMSC.

/** Max submit_sm awaiting their submit_sm_resp at once (SMPP's "window"), unless the URL says. */
export const DEFAULT_SMPP_WINDOW = 10;
/** The largest window we accept: SMSCs typically allow 10–100 and throttle above. */
export const MAX_SMPP_WINDOW = 1_000;
/** enquire_link interval (seconds) unless the URL says: below the usual SMSC idle timeout of 60 s. */
export const DEFAULT_ENQUIRE_LINK_SECONDS = 30;
export const DEFAULT_SMPP_PORT = 2775;
export const DEFAULT_SSMPP_PORT = 3550;
const MAX_SYSTEM_ID = 15;
const MAX_PASSWORD = 8;
const MAX_SYSTEM_TYPE = 12;

export interface SmppConfig {
  host: string;
  port: number;
  tls: boolean;
  systemId: string;
  password: string;
  systemType: string;
  window: number;
  enquireLinkSeconds: number;
}

function intParam(u: URL, name: string, fallback: number, min: number, max: number): number {
  const raw = u.searchParams.get(name);
  if (raw === null) return fallback;
  if (!/^\d{1,7}$/.test(raw) || Number(raw) < min || Number(raw) > max)
    throw new Error(`SMPP URL: ${name} must be a whole number from ${min} to ${max}, got ${raw}`);
  return Number(raw);
}

/** Throws with a sentence naming the bad part (config is read at boot: fail loudly there). */
export function parseSmppUrl(url: string): SmppConfig {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error('SMPP URL: not a URL (expected smpp://system_id:password@host:port)');
  }
  if (u.protocol !== 'smpp:' && u.protocol !== 'ssmpp:')
    throw new Error(`SMPP URL: expected smpp:// or ssmpp://, got ${u.protocol}//`);
  const tls = u.protocol === 'ssmpp:';
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!host) throw new Error('SMPP URL: no host');
  let systemId: string;
  let password: string;
  try {
    systemId = decodeURIComponent(u.username);
    password = decodeURIComponent(u.password);
  } catch {
    throw new Error('SMPP URL: system_id or password is not valid URL encoding');
  }
  if (!systemId) throw new Error('SMPP URL: no system_id (smpp://system_id:password@host)');
  if (systemId.length > MAX_SYSTEM_ID) throw new Error(`SMPP URL: system_id is longer than ${MAX_SYSTEM_ID} characters`);
  if (password.length > MAX_PASSWORD) throw new Error(`SMPP URL: password is longer than ${MAX_PASSWORD} characters`);
  const systemType = u.searchParams.get('system_type') ?? '';
  if (systemType.length > MAX_SYSTEM_TYPE) throw new Error(`SMPP URL: system_type is longer than ${MAX_SYSTEM_TYPE} characters`);
  return {
    host,
    port: u.port === '' ? (tls ? DEFAULT_SSMPP_PORT : DEFAULT_SMPP_PORT) : Number(u.port),
    tls,
    systemId,
    password,
    systemType,
    window: intParam(u, 'window', DEFAULT_SMPP_WINDOW, 1, MAX_SMPP_WINDOW),
    enquireLinkSeconds: intParam(u, 'enquire_link', DEFAULT_ENQUIRE_LINK_SECONDS, 1, 3_600),
  };
}
