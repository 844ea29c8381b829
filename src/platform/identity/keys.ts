import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';

/** An Ed25519 public key as the 32 raw bytes, base64. */
export function rawPublicKey(key: KeyObject): string {
  // X25519 and EC keys also have an `x` in JWK form; only an Ed25519 key is an agency key.
  if (key.asymmetricKeyType !== 'ed25519')
    throw new Error(`not an Ed25519 key (${key.asymmetricKeyType ?? key.type})`);
  const jwk = key.export({ format: 'jwk' });
  if (!jwk.x) throw new Error('not an Ed25519 public key');
  return Buffer.from(jwk.x, 'base64url').toString('base64');
}

/** SHA-256 of the raw public key, in groups of four hex digits, for comparing aloud or on paper. */
export function fingerprint(publicKeyBase64: string): string {
  const digest = createHash('sha256')
    .update(Buffer.from(publicKeyBase64, 'base64'))
    .digest('hex')
    .toUpperCase();
  return digest.match(/.{4}/g)?.join(' ') ?? digest;
}

export interface AgencyKeyPair {
  privateKeyPem: string;
  publicKey: string;
  fingerprint: string;
}

export function generateAgencyKeyPair(): AgencyKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = rawPublicKey(publicKey);
  return {
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicKey: raw,
    fingerprint: fingerprint(raw),
  };
}

/** The public key (raw, base64) that belongs to a PEM private key. */
export function publicKeyOfPem(privateKeyPem: string): string {
  return rawPublicKey(createPublicKey(createPrivateKey(privateKeyPem)));
}
