import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('config: the content review second opinion (SPAMD_URL, SPAMD_MAX_SCORE)', () => {
  it('is off by default, with the policy limit 5', () => {
    const c = loadConfig({});
    expect(c.spamdUrl).toBeUndefined();
    expect(c.spamdMaxScore).toBe(5);
  });
  it('reads spamd:// and tcp:// URLs and a numeric limit', () => {
    expect(loadConfig({ SPAMD_URL: 'spamd://127.0.0.1:783', SPAMD_MAX_SCORE: '6.5' })).toMatchObject({
      spamdUrl: 'spamd://127.0.0.1:783',
      spamdMaxScore: 6.5,
    });
    expect(loadConfig({ SPAMD_URL: 'tcp://spamd.internal' }).spamdUrl).toBe('tcp://spamd.internal');
  });
  it('refuses another scheme or a non-numeric limit', () => {
    expect(() => loadConfig({ SPAMD_URL: 'http://127.0.0.1:783' })).toThrow(ConfigError);
    expect(() => loadConfig({ SPAMD_MAX_SCORE: 'high' })).toThrow(/SPAMD_MAX_SCORE/);
  });
});

describe('config: the sending IPs checked against blocklists (SENDING_IPS, BL-01)', () => {
  it('reads a comma list of IPv4 and IPv6 addresses; none by default', () => {
    expect(loadConfig({}).sendingIps).toEqual([]);
    expect(loadConfig({ SENDING_IPS: '192.0.2.1, 2001:db8::25' }).sendingIps).toEqual(['192.0.2.1', '2001:db8::25']);
  });
  it('refuses anything that is not an IP address', () => {
    expect(() => loadConfig({ SENDING_IPS: '192.0.2.1,mail.example.com' })).toThrow(/SENDING_IPS/);
  });
});

describe('config: the SMS provider (SMS_PROVIDER, SMS_WEBHOOK_SECRET, SMS_GATEWAY_TOKEN)', () => {
  it('is off by default and reads the three kinds of URL', () => {
    expect(loadConfig({}).sms).toBeUndefined();
    expect(loadConfig({ SMS_PROVIDER: 'smpp://assent:secret@smsc.example.net:2775' }).sms).toEqual({
      provider: 'smpp://assent:secret@smsc.example.net:2775',
    });
    expect(loadConfig({ SMS_PROVIDER: 'twilio://AC123:token@api.twilio.com' }).sms?.provider).toBe(
      'twilio://AC123:token@api.twilio.com',
    );
    expect(
      loadConfig({
        SMS_PROVIDER: 'https://gw.example.net/send',
        SMS_WEBHOOK_SECRET: 'a-long-webhook-secret',
        SMS_GATEWAY_TOKEN: 'tok',
      }).sms,
    ).toEqual({ provider: 'https://gw.example.net/send', webhookSecret: 'a-long-webhook-secret', gatewayToken: 'tok' });
  });
  it('refuses another scheme, Twilio without SID and token, a generic gateway without its webhook secret', () => {
    expect(() => loadConfig({ SMS_PROVIDER: 'ftp://gw.example.net' })).toThrow(/SMS_PROVIDER/);
    expect(() => loadConfig({ SMS_PROVIDER: 'twilio://api.twilio.com' })).toThrow(ConfigError);
    expect(() => loadConfig({ SMS_PROVIDER: 'https://gw.example.net/send' })).toThrow(/SMS_WEBHOOK_SECRET/);
  });
});
