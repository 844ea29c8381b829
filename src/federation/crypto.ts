import { createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import { fingerprint } from '../platform/identity/keys.js';

/** A signing key in memory: the private key object never leaves the process and is never serialised or logged. */
export interface Signer {
  agency: string;
  fingerprint: string;
  sign(data: string | Uint8Array): string;
  /** What JSON.stringify (and so a log line) shows of a signer: never the key. */
  toJSON(): { agency: string; fingerprint: string };
}

export function signerFromPem(agency: string, privateKeyPem: string): Signer {
  const key = createPrivateKey(privateKeyPem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('the agency key is not an Ed25519 key');
  const publicRaw = createPublicKey(key).export({ format: 'jwk' }).x;
  if (!publicRaw) throw new Error('the agency key has no public part');
  const fp = fingerprint(Buffer.from(publicRaw, 'base64url').toString('base64'));
  return {
    agency,
    fingerprint: fp,
    sign: (data) => sign(null, typeof data === 'string' ? Buffer.from(data) : data, key).toString('base64'),
    toJSON: () => ({ agency, fingerprint: fp }),
  };
}

const publicKeys = new Map<string, KeyObject>();

/** An Ed25519 public key object from its 32 raw bytes in base64 (cached: keys are few and verification is hot). */
export function ed25519PublicKey(rawBase64: string): KeyObject {
  let key = publicKeys.get(rawBase64);
  if (!key) {
    const raw = Buffer.from(rawBase64, 'base64');
    if (raw.length !== 32) throw new Error('an Ed25519 public key has 32 bytes');
    key = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') },
      format: 'jwk',
    });
    if (publicKeys.size > 10_000) publicKeys.clear();
    publicKeys.set(rawBase64, key);
  }
  return key;
}

export function verifySignature(
  publicKeyBase64: string,
  data: string | Uint8Array,
  signatureBase64: string,
): boolean {
  try {
    const signature = Buffer.from(signatureBase64, 'base64');
    if (signature.length !== 64) return false;
    return verify(
      null,
      typeof data === 'string' ? Buffer.from(data) : data,
      ed25519PublicKey(publicKeyBase64),
      signature,
    );
  } catch {
    return false;
  }
}
