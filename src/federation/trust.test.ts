import { describe, expect, it } from 'vitest';
import { generateAgencyKeyPair } from '../platform/identity/keys.js';
import { signerFromPem } from './crypto.js';
import type { KeyStatementWire } from './schemas.js';
import { extendTrust, keyValidAt, statementBody, statementValid, type TrustedKey } from './trust.js';

const k1 = generateAgencyKeyPair();
const k2 = generateAgencyKeyPair();
const k3 = generateAgencyKeyPair();

function rotation(from: typeof k1, to: typeof k1, at: string, agency = 'CN'): KeyStatementWire {
  const unsigned = {
    kind: 'liaison-key-rotation' as const,
    agency,
    previous: { fingerprint: from.fingerprint, publicKey: from.publicKey },
    next: { fingerprint: to.fingerprint, publicKey: to.publicKey },
    rotatedAt: at,
  };
  const body = statementBody(unsigned);
  return {
    ...unsigned,
    signatures: {
      previous: signerFromPem(agency, from.privateKeyPem).sign(body),
      next: signerFromPem(agency, to.privateKeyPem).sign(body),
    },
  };
}

const trust = (k: typeof k1, retiredAt: string | null = null): TrustedKey => ({
  fingerprint: k.fingerprint,
  publicKey: k.publicKey,
  retiredAt,
});
const chain = [rotation(k1, k2, '2025-01-01T00:00:00.000Z'), rotation(k2, k3, '2025-06-01T00:00:00.000Z')];

describe('key rotation statements', () => {
  it('are valid only when both keys signed them for the agency', () => {
    expect(statementValid(chain[0], 'CN')).toBe(true);
    expect(statementValid(chain[0], 'MM')).toBe(false);
    const forged = { ...chain[0], signatures: { ...chain[0]?.signatures, next: chain[1]?.signatures.next } };
    expect(statementValid(forged, 'CN')).toBe(false);
    const stolen = rotation(k1, generateAgencyKeyPair(), '2025-01-01T00:00:00.000Z');
    expect(statementValid({ ...stolen, next: chain[0]?.next }, 'CN')).toBe(false);
  });

  it('extend trust forward from the key a partner was paired with, retiring the old ones at the rotation', () => {
    const learnt = extendTrust([trust(k1)], chain, 'CN');
    expect(learnt).toEqual(
      expect.arrayContaining([
        trust(k1, '2025-01-01T00:00:00.000Z'),
        trust(k2, '2025-06-01T00:00:00.000Z'),
        trust(k3),
      ]),
    );
    expect(learnt).toHaveLength(3);
  });

  it('extend trust backward for a partner paired after the rotations (old signatures still verify)', () => {
    const learnt = extendTrust([trust(k3)], chain, 'CN');
    expect(learnt).toEqual(
      expect.arrayContaining([trust(k2, '2025-06-01T00:00:00.000Z'), trust(k1, '2025-01-01T00:00:00.000Z')]),
    );
    const all = [trust(k3), ...learnt];
    expect(keyValidAt(all, k1.fingerprint, '2024-12-31T23:59:59.000Z').ok).toBe(true);
    expect(keyValidAt(all, k1.fingerprint, '2025-01-01T00:00:00.001Z')).toMatchObject({
      ok: false,
      code: 'key-retired',
    });
  });

  it('ignore statements that link no trusted key', () => {
    expect(extendTrust([trust(generateAgencyKeyPair())], chain, 'CN')).toEqual([]);
    expect(extendTrust([trust(k1)], [{ nonsense: true }], 'CN')).toEqual([]);
  });
});
