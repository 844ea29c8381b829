import { describe, expect, it } from 'vitest';
import { generateAgencyKeyPair } from '../platform/identity/keys.js';
import { canonicalJson, contentHash } from './canonical.js';
import { signerFromPem } from './crypto.js';
import { bodyOf, bodyOfChange, revocationBody, seal, verifyEnvelope } from './envelope.js';
import type { Envelope } from './model.js';
import type { TrustedKey } from './trust.js';

const pair = generateAgencyKeyPair();
const signer = signerFromPem('CN', pair.privateKeyPem);
const other = signerFromPem('CN', generateAgencyKeyPair().privateKeyPem);
const trusted: TrustedKey[] = [{ fingerprint: pair.fingerprint, publicKey: pair.publicKey, retiredAt: null }];
const keysOf = (agency: string) => (agency === 'CN' ? trusted : []);

const change = {
  type: 'intel.note',
  id: '01890a5d-ac96-7000-8000-000000000001',
  version: 2,
  origin: 'CN',
  handling: 'H2' as const,
  handlingText: null,
  audience: { agencies: ['MM'], mechanisms: [], taskForces: [] },
  onwardSharing: false,
  recordDate: null,
  payload: { subject: '甲基苯丙胺 shipment', body: 'Кокаин, 50 kg', refersTo: null, n: 1.5 },
  tombstone: null,
  createdAt: '2025-03-01T10:00:00.000Z',
};
const issuedAt = '2025-03-01T10:00:01.000Z';
const sealed = () => seal(bodyOfChange(change, signer, issuedAt), signer);

describe('RFC 8785 canonical JSON', () => {
  it('sorts keys by code unit, drops no value and writes numbers the ECMAScript way', () => {
    expect(canonicalJson({ b: 1, a: [3, { d: null, c: 1e21 }], é: 0.1 })).toBe(
      '{"a":[3,{"c":1e+21,"d":null}],"b":1,"é":0.1}',
    );
  });
  it('hashes equal values equally, whatever their key order', () => {
    expect(contentHash({ a: 1, b: { c: 2, d: 3 } })).toBe(contentHash({ b: { d: 3, c: 2 }, a: 1 }));
  });
  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow();
    expect(() => canonicalJson(undefined)).toThrow();
  });
});

describe('envelopes', () => {
  it('carry id, origin, version, type, handling, audience, payload, hash and signature, and verify', () => {
    const e = sealed();
    expect(e).toMatchObject({
      format: 1,
      id: change.id,
      origin: 'CN',
      version: 2,
      type: 'intel.note',
      handling: 'H2',
      recordDate: '2025-03-01',
      signer: 'CN',
      key: pair.fingerprint,
    });
    expect(e.contentHash).toBe(contentHash(bodyOf(e)));
    expect(verifyEnvelope(e, keysOf)).toEqual({ ok: true, envelope: e });
  });

  it('verify after a JSON round trip (what the wire does)', () => {
    expect(verifyEnvelope(JSON.parse(JSON.stringify(sealed())), keysOf).ok).toBe(true);
  });

  it.each([
    [
      'the payload',
      (e: Envelope) => ({ ...e, payload: { ...e.payload, body: 'Кокаин, 5 kg' } }),
      'hash-mismatch',
    ],
    [
      'the audience',
      (e: Envelope) => ({ ...e, audience: { ...e.audience, agencies: ['MM', 'TH'] } }),
      'hash-mismatch',
    ],
    ['the version', (e: Envelope) => ({ ...e, version: 3 }), 'hash-mismatch'],
    ['the handling code', (e: Envelope) => ({ ...e, handling: 'H0' }), 'hash-mismatch'],
    [
      'payload and hash together',
      (e: Envelope) => {
        const t = { ...e, payload: { x: 1 } };
        return { ...t, contentHash: contentHash(bodyOf(t)) };
      },
      'bad-signature',
    ],
    [
      'the signature',
      (e: Envelope) => ({ ...e, signature: other.sign(canonicalJson(bodyOf(e))) }),
      'bad-signature',
    ],
    [
      'the key (unknown)',
      (e: Envelope) => {
        const t = { ...e, key: other.fingerprint };
        return { ...t, contentHash: contentHash(bodyOf(t)), signature: other.sign(canonicalJson(bodyOf(t))) };
      },
      'unknown-key',
    ],
    ['an extra field', (e: Envelope) => ({ ...e, extra: 1 }), 'malformed'],
    [
      'a missing field',
      (e: Envelope) => {
        const { audience: _a, ...rest } = e;
        return rest;
      },
      'malformed',
    ],
  ])('are rejected when %s is changed', (_what, tamper, code) => {
    const result = verifyEnvelope(tamper(sealed()), keysOf);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.code).toBe(code);
  });

  it('are rejected when the signer is not the origin, except access-revoked tombstones of a relayer', () => {
    const mm = signerFromPem('MM', generateAgencyKeyPair().privateKeyPem);
    const forged = seal({ ...bodyOfChange(change, mm, issuedAt) }, mm);
    const result = verifyEnvelope(forged, () => []);
    expect(result.ok ? 'ok' : result.code).toBe('inconsistent');
    const revocation = seal(
      revocationBody(
        {
          id: change.id,
          origin: 'CN',
          type: change.type,
          version: 2,
          handling: 'H2',
          recordDate: '2025-03-01',
        },
        mm,
        issuedAt,
      ),
      mm,
    );
    expect(revocation).toMatchObject({
      origin: 'CN',
      signer: 'MM',
      tombstone: 'access-revoked',
      payload: null,
      audience: { agencies: [], mechanisms: [], taskForces: [] },
    });
  });

  it('are rejected when signed after their key was retired, and accepted when signed before', () => {
    const retired = [{ ...trusted[0], retiredAt: '2025-03-01T10:00:00.500Z' } as TrustedKey];
    const late = verifyEnvelope(sealed(), () => retired);
    expect(late.ok ? 'ok' : late.code).toBe('key-retired');
    const early = seal(bodyOfChange(change, signer, '2025-03-01T10:00:00.400Z'), signer);
    expect(verifyEnvelope(early, () => retired).ok).toBe(true);
  });

  it('of a tombstone carry no payload', () => {
    const t = seal(
      bodyOfChange({ ...change, version: 3, tombstone: 'retracted', payload: null }, signer, issuedAt),
      signer,
    );
    expect(t.payload).toBeNull();
    expect(verifyEnvelope(t, keysOf).ok).toBe(true);
    const inconsistent = { ...t, payload: { a: 1 } };
    const check = verifyEnvelope({ ...inconsistent, contentHash: contentHash(bodyOf(inconsistent)) }, keysOf);
    expect(check.ok ? 'ok' : check.code).toBe('inconsistent');
  });

  it('never show the signing key when a signer is logged', () => {
    expect(JSON.stringify({ signer })).not.toContain('PRIVATE');
    expect(JSON.stringify({ signer })).toContain(pair.fingerprint);
  });
});
