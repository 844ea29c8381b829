import { describe, expect, it } from 'vitest';
import { generateAgencyKeyPair } from '../platform/identity/keys.js';
import { signerFromPem } from './crypto.js';
import { checkRequest, checkResponse, REPLAY_WINDOW_MS, signRequest, signResponse } from './requests.js';
import type { TrustedKey } from './trust.js';

const pair = generateAgencyKeyPair();
const mm = signerFromPem('MM', pair.privateKeyPem);
const keys: TrustedKey[] = [{ fingerprint: pair.fingerprint, publicKey: pair.publicKey, retiredAt: null }];
const now = new Date('2025-05-01T12:00:00.000Z');
const path = '/api/v1/federation/feed?after=10&limit=500';

const signed = (at = now, body: unknown = null) =>
  signRequest(mm, { method: 'GET', path, to: 'CN', body }, at);
const check = (
  headers: Record<string, string>,
  at = now,
  overrides: Partial<{ method: string; path: string; self: string; body: unknown }> = {},
) => checkRequest(headers, { method: 'GET', path, self: 'CN', body: null, ...overrides }, keys, at);

describe('signed partner requests', () => {
  it('verify for the addressed node within the window', () => {
    const result = check(signed());
    expect(result).toMatchObject({ ok: true, from: 'MM', key: pair.fingerprint });
  });

  it.each([
    [-REPLAY_WINDOW_MS, true],
    [REPLAY_WINDOW_MS, true],
    [REPLAY_WINDOW_MS + 1, false],
    [-REPLAY_WINDOW_MS - 1, false],
  ])('with a clock difference of %i ms: accepted %s', (skew, ok) => {
    expect(check(signed(), new Date(now.getTime() + skew)).ok).toBe(ok);
  });

  it('give the nonce and an expiry at the end of the window, for the nonce store', () => {
    const result = check(signed());
    expect(result.ok && result.expiresAt.getTime()).toBe(now.getTime() + REPLAY_WINDOW_MS);
    const again = signed();
    expect(again['liaison-nonce']).not.toBe(signed()['liaison-nonce']);
  });

  it.each([
    ['another node', { self: 'TH' }, 'wrong-recipient'],
    ['another path', { path: '/api/v1/federation/feed?after=0&limit=500' }, 'bad-signature'],
    ['another method', { method: 'POST' }, 'bad-signature'],
    ['another body', { body: { positions: [1] } }, 'bad-signature'],
  ])('fail when replayed to %s', (_what, overrides, code) => {
    const result = check(signed(), now, overrides);
    expect(result.ok ? 'ok' : result.code).toBe(code);
  });

  it('fail without headers, with another key, or with a key retired before the request', () => {
    expect(check({})).toMatchObject({ ok: false, code: 'unsigned' });
    const stranger = signerFromPem('MM', generateAgencyKeyPair().privateKeyPem);
    expect(
      checkRequest(
        signRequest(stranger, { method: 'GET', path, to: 'CN', body: null }, now),
        { method: 'GET', path, self: 'CN', body: null },
        keys,
        now,
      ),
    ).toMatchObject({ ok: false, code: 'unknown-key' });
    const retired: TrustedKey[] = [
      { fingerprint: pair.fingerprint, publicKey: pair.publicKey, retiredAt: '2025-05-01T11:00:00.000Z' },
    ];
    expect(
      checkRequest(signed(), { method: 'GET', path, self: 'CN', body: null }, retired, now),
    ).toMatchObject({ ok: false, code: 'key-retired' });
  });

  it('fail when a header is changed', () => {
    const headers = { ...signed(), 'liaison-agency': 'TH' };
    expect(check(headers).ok).toBe(false);
    const time = { ...signed(), 'liaison-timestamp': new Date(now.getTime() + 1000).toISOString() };
    expect(check(time)).toMatchObject({ ok: false, code: 'bad-signature' });
  });
});

describe('signed responses', () => {
  it('are bound to the request nonce and the exact body text', () => {
    const body = JSON.stringify({ entries: [{ pos: 1 }], head: 1 });
    const headers = signResponse(mm, 'nonce-aaaaaaaaaaaaaaaa', body, now);
    expect(checkResponse(headers, 'nonce-aaaaaaaaaaaaaaaa', body, keys).ok).toBe(true);
    expect(checkResponse(headers, 'nonce-bbbbbbbbbbbbbbbb', body, keys).ok).toBe(false);
    expect(
      checkResponse(headers, 'nonce-aaaaaaaaaaaaaaaa', body.replace('"head":1', '"head":2'), keys),
    ).toMatchObject({
      ok: false,
      code: 'bad-signature',
    });
    // Even a change that parses to the same value is refused: the signature covers the bytes.
    expect(checkResponse(headers, 'nonce-aaaaaaaaaaaaaaaa', `${body} `, keys).ok).toBe(false);
  });
});
