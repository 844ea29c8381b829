import { describe, expect, it } from 'vitest';
import { generateAgencyKeyPair } from '../platform/identity/keys.js';
import {
  buildBundle,
  checkBundle,
  decryptBundle,
  encryptBundle,
  generateEncryptionKeyPair,
  isEncryptedBundle,
} from './bundle.js';
import { signerFromPem } from './crypto.js';
import { bodyOfChange, seal, verifyEnvelope } from './envelope.js';

const cn = generateAgencyKeyPair();
const signer = signerFromPem('CN', cn.privateKeyPem);
const keys = [{ fingerprint: cn.fingerprint, publicKey: cn.publicKey, retiredAt: null }];
const now = new Date('2025-05-01T00:00:00.000Z');

const envelope = (n: number) =>
  seal(
    bodyOfChange(
      {
        type: 'intel.note',
        id: `01890a5d-ac96-7000-8000-${String(n).padStart(12, '0')}`,
        version: 1,
        origin: 'CN',
        handling: 'H1',
        handlingText: null,
        audience: { agencies: ['LA'], mechanisms: [], taskForces: [] },
        onwardSharing: false,
        recordDate: '2025-04-01',
        payload: { subject: `note ${n}`, body: '…' },
        tombstone: null,
        createdAt: now.toISOString(),
      },
      signer,
      now.toISOString(),
    ),
    signer,
  );

const bundle = () =>
  buildBundle(
    signer,
    'LA',
    [1, 2, 3].map((n) => ({ pos: n * 10, envelope: envelope(n) })),
    0,
    [],
    now,
  );

describe('bundles', () => {
  it('are signed for one recipient and carry the feed positions they cover', () => {
    const b = bundle();
    expect(b.header).toMatchObject({ from: 'CN', to: 'LA', after: 0, until: 30, count: 3 });
    expect(checkBundle(JSON.parse(JSON.stringify(b)), 'LA', keys).ok).toBe(true);
    expect(checkBundle(b, 'TH', keys)).toMatchObject({ ok: false, code: 'not-for-us' });
  });

  it('refuse added, removed or reordered envelopes, but leave a changed envelope to its own check', () => {
    const dropped = bundle();
    dropped.entries.pop();
    expect(checkBundle(dropped, 'LA', keys)).toMatchObject({ ok: false, code: 'tampered' });
    const reordered = bundle();
    reordered.entries.reverse();
    expect(checkBundle(reordered, 'LA', keys)).toMatchObject({ ok: false, code: 'tampered' });
    const changed = bundle();
    const first = changed.entries[0] as { envelope: { payload: Record<string, unknown> } };
    first.envelope = { ...first.envelope, payload: { subject: 'altered' } };
    expect(checkBundle(changed, 'LA', keys).ok).toBe(true);
    expect(verifyEnvelope(first.envelope, () => keys)).toMatchObject({ ok: false, code: 'hash-mismatch' });
  });

  it("round-trip through encryption to the recipient's X25519 key, and only to it", () => {
    const la = generateEncryptionKeyPair();
    const text = JSON.stringify(bundle());
    const encrypted = encryptBundle(text, 'CN', 'LA', la.publicKey);
    expect(isEncryptedBundle(JSON.parse(JSON.stringify(encrypted)))).toBe(true);
    expect(encrypted.ciphertext).not.toContain('note 1');
    expect(decryptBundle(encrypted, la.privateKeyPem)).toBe(text);
    expect(() => decryptBundle(encrypted, generateEncryptionKeyPair().privateKeyPem)).toThrow(/another key/);
  });

  it('detect any change to the encrypted file', () => {
    const la = generateEncryptionKeyPair();
    const encrypted = encryptBundle(JSON.stringify(bundle()), 'CN', 'LA', la.publicKey);
    const bytes = Buffer.from(encrypted.ciphertext, 'base64');
    bytes[5] = (bytes[5] ?? 0) ^ 1;
    expect(() =>
      decryptBundle({ ...encrypted, ciphertext: bytes.toString('base64') }, la.privateKeyPem),
    ).toThrow(/altered/);
    expect(() => decryptBundle({ ...encrypted, from: 'TH' }, la.privateKeyPem)).toThrow(/altered/);
  });
});
