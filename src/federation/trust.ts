import { fingerprint } from '../platform/identity/keys.js';
import { canonicalJson } from './canonical.js';
import { verifySignature } from './crypto.js';
import { type KeyStatementWire, keyStatementShape } from './schemas.js';

/** A partner's public key as this node trusts it. */
export interface TrustedKey {
  fingerprint: string;
  publicKey: string;
  /** Signatures dated after this instant are refused (the key was rotated away). */
  retiredAt: string | null;
}

export type KeyLookup =
  | { ok: true; key: TrustedKey }
  | { ok: false; code: 'unknown-key' | 'key-retired'; reason: string };

/**
 * The key with this fingerprint, if it was valid when the signature was made. A rotated key stays valid for
 * everything it signed before its rotation (pure).
 */
export function keyValidAt(keys: readonly TrustedKey[], keyFingerprint: string, at: string): KeyLookup {
  const key = keys.find((k) => k.fingerprint === keyFingerprint);
  if (!key)
    return { ok: false, code: 'unknown-key', reason: `no trusted key with fingerprint ${keyFingerprint}` };
  if (key.retiredAt !== null && Date.parse(at) > Date.parse(key.retiredAt)) {
    return {
      ok: false,
      code: 'key-retired',
      reason: `key ${keyFingerprint} was retired at ${key.retiredAt}, before the signature (${at})`,
    };
  }
  return { ok: true, key };
}

/** The part of a rotation statement both keys sign. */
export function statementBody(s: Omit<KeyStatementWire, 'signatures'>): string {
  return canonicalJson({
    kind: s.kind,
    agency: s.agency,
    previous: s.previous,
    next: s.next,
    rotatedAt: s.rotatedAt,
  });
}

/** Checks a rotation statement on its own: well formed, fingerprints match the keys, both signatures valid. */
export function statementValid(value: unknown, agency: string): value is KeyStatementWire {
  if (!keyStatementShape.Check(value)) return false;
  const s = value;
  if (s.agency !== agency) return false;
  if (
    fingerprint(s.previous.publicKey) !== s.previous.fingerprint ||
    fingerprint(s.next.publicKey) !== s.next.fingerprint
  ) {
    return false;
  }
  const body = statementBody(s);
  return (
    verifySignature(s.previous.publicKey, body, s.signatures.previous) &&
    verifySignature(s.next.publicKey, body, s.signatures.next)
  );
}

/**
 * Extends the keys trusted for an agency along its rotation statements (pure). A statement signed by both its
 * keys links them: from a trusted previous key it adds the next one; from a trusted next key (a partner paired
 * after the rotation) it adds the previous one as retired at the rotation. Returns the keys to add or update.
 */
export function extendTrust(
  trusted: readonly TrustedKey[],
  statements: readonly unknown[],
  agency: string,
): TrustedKey[] {
  const byFp = new Map(trusted.map((k) => [k.fingerprint, { ...k }]));
  const changed = new Set<string>();
  const valid = statements.filter((s): s is KeyStatementWire => statementValid(s, agency));
  let grew = true;
  while (grew) {
    grew = false;
    for (const s of valid) {
      const previous = byFp.get(s.previous.fingerprint);
      const next = byFp.get(s.next.fingerprint);
      if (previous && !next) {
        byFp.set(s.next.fingerprint, {
          fingerprint: s.next.fingerprint,
          publicKey: s.next.publicKey,
          retiredAt: null,
        });
        changed.add(s.next.fingerprint);
        grew = true;
      }
      if (next && !previous) {
        byFp.set(s.previous.fingerprint, {
          fingerprint: s.previous.fingerprint,
          publicKey: s.previous.publicKey,
          retiredAt: s.rotatedAt,
        });
        changed.add(s.previous.fingerprint);
        grew = true;
      }
      const prev = byFp.get(s.previous.fingerprint);
      if (prev && prev.retiredAt === null) {
        prev.retiredAt = s.rotatedAt;
        changed.add(prev.fingerprint);
        grew = true;
      }
    }
  }
  return [...changed].map((fp) => byFp.get(fp) as TrustedKey);
}
