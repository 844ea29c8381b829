import { createPrivateKey, createPublicKey, sign } from 'node:crypto';
import sodium from 'sodium-native';
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

const publicKeys = new Map<string, Buffer>();

/** An Ed25519 public key's 32 raw bytes from base64 (cached: keys are few and verification is hot). */
function ed25519PublicKey(rawBase64: string): Buffer {
  let key = publicKeys.get(rawBase64);
  if (!key) {
    key = Buffer.from(rawBase64, 'base64');
    if (key.length !== 32) throw new Error('an Ed25519 public key has 32 bytes');
    if (publicKeys.size > 10_000) publicKeys.clear();
    publicKeys.set(rawBase64, key);
  }
  return key;
}

/**
 * Ed25519 verification with libsodium (sodium-native): about twice as fast as node:crypto's one-shot verify here,
 * and every envelope of a backlog is verified.
 */
export function verifySignature(
  publicKeyBase64: string,
  data: string | Uint8Array,
  signatureBase64: string,
): boolean {
  try {
    const signature = Buffer.from(signatureBase64, 'base64');
    if (signature.length !== 64) return false;
    return sodium.crypto_sign_verify_detached(
      signature,
      typeof data === 'string' ? Buffer.from(data) : data,
      ed25519PublicKey(publicKeyBase64),
    );
  } catch {
    return false;
  }
}
