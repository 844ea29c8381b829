import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  type KeyObject,
  randomBytes,
} from 'node:crypto';
import { Type } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { Strict } from '../platform/http/schemas.js';
import { canonicalJson, sha256Hex } from './canonical.js';
import { type Signer, verifySignature } from './crypto.js';
import type { Envelope } from './model.js';
import { CodeSchema, Iso, KeyStatementSchema } from './schemas.js';
import { keyValidAt, type TrustedKey } from './trust.js';

// Air-gapped exchange: the envelopes of one partner's feed in a signed file, optionally encrypted to that partner
// (ephemeral X25519 key agreement, HKDF-SHA256, AES-256-GCM). The receiver imports it through the same apply path
// as a pull: every envelope is verified on its own, so one bad envelope is quarantined and the rest applied.

const HeaderSchema = Strict({
  kind: Type.Literal('liaison-bundle'),
  format: Type.Literal(1),
  from: CodeSchema,
  to: CodeSchema,
  createdAt: Iso,
  /** Feed positions covered: after < pos <= until. */
  after: Type.Integer({ minimum: 0 }),
  until: Type.Integer({ minimum: 0 }),
  count: Type.Integer({ minimum: 0 }),
  /** SHA-256 of the canonical list of the envelopes' content hashes, in order. */
  envelopes: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  /** The sender's rotation statements, so that an offline receiver can follow key rotations. */
  rotations: Type.Array(KeyStatementSchema),
  key: Type.String(),
});

const BundleSchema = Strict({
  header: HeaderSchema,
  signature: Type.String(),
  entries: Type.Array(Strict({ pos: Type.Integer({ minimum: 1 }), envelope: Type.Unknown() })),
});
const bundleShape = TypeCompiler.Compile(BundleSchema);

const EncryptedSchema = Strict({
  kind: Type.Literal('liaison-bundle-encrypted'),
  format: Type.Literal(1),
  from: CodeSchema,
  to: CodeSchema,
  ephemeralKey: Type.String(),
  recipientKey: Type.String(),
  nonce: Type.String(),
  tag: Type.String(),
  ciphertext: Type.String(),
});
const encryptedShape = TypeCompiler.Compile(EncryptedSchema);

export interface BundleHeader {
  kind: 'liaison-bundle';
  format: 1;
  from: string;
  to: string;
  createdAt: string;
  after: number;
  until: number;
  count: number;
  envelopes: string;
  rotations: unknown[];
  key: string;
}

export interface Bundle {
  header: BundleHeader;
  signature: string;
  entries: { pos: number; envelope: unknown }[];
}

export interface EncryptedBundle {
  kind: 'liaison-bundle-encrypted';
  format: 1;
  from: string;
  to: string;
  ephemeralKey: string;
  recipientKey: string;
  nonce: string;
  tag: string;
  ciphertext: string;
}

const listHash = (entries: readonly { envelope: unknown }[]) =>
  sha256Hex(canonicalJson(entries.map((e) => (e.envelope as Partial<Envelope> | null)?.contentHash ?? null)));

export function buildBundle(
  signer: Signer,
  to: string,
  entries: { pos: number; envelope: Envelope }[],
  after: number,
  rotations: unknown[],
  now: Date,
): Bundle {
  const header: BundleHeader = {
    kind: 'liaison-bundle',
    format: 1,
    from: signer.agency,
    to,
    createdAt: now.toISOString(),
    after,
    until: entries.reduce((m, e) => Math.max(m, e.pos), after),
    count: entries.length,
    envelopes: listHash(entries),
    rotations,
    key: signer.fingerprint,
  };
  return { header, signature: signer.sign(canonicalJson(header)), entries };
}

export type BundleCheck =
  | { ok: true; bundle: Bundle }
  | {
      ok: false;
      code: 'malformed' | 'not-for-us' | 'unknown-key' | 'key-retired' | 'bad-signature' | 'tampered';
      reason: string;
    };

/**
 * Checks a bundle's frame: shape, addressed to this node, signed by a key of its sender valid at its date, and the
 * list of envelopes unchanged (count and the hash of their content hashes). The envelopes are checked one by one on
 * apply. `keysOf` must already include keys learnt from the bundle's rotation statements.
 */
export function checkBundle(value: unknown, self: string, keys: readonly TrustedKey[]): BundleCheck {
  if (!bundleShape.Check(value)) return { ok: false, code: 'malformed', reason: 'not a Liaison bundle' };
  const bundle = value as Bundle;
  if (bundle.header.to !== self)
    return { ok: false, code: 'not-for-us', reason: `the bundle is for ${bundle.header.to}, not ${self}` };
  const found = keyValidAt(keys, bundle.header.key, bundle.header.createdAt);
  if (!found.ok) return { ok: false, code: found.code, reason: `${bundle.header.from}: ${found.reason}` };
  if (!verifySignature(found.key.publicKey, canonicalJson(bundle.header), bundle.signature)) {
    return { ok: false, code: 'bad-signature', reason: 'the bundle signature does not verify' };
  }
  if (bundle.entries.length !== bundle.header.count || listHash(bundle.entries) !== bundle.header.envelopes) {
    return {
      ok: false,
      code: 'tampered',
      reason: 'envelopes were added, removed or reordered after the bundle was signed',
    };
  }
  return { ok: true, bundle };
}

/** An X25519 public key object from 32 raw bytes, base64. */
function x25519Public(rawBase64: string): KeyObject {
  const raw = Buffer.from(rawBase64, 'base64');
  if (raw.length !== 32) throw new Error('an X25519 public key has 32 bytes');
  return createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: raw.toString('base64url') }, format: 'jwk' });
}

export function rawX25519(key: KeyObject): string {
  const x = key.export({ format: 'jwk' }).x;
  if (!x || key.asymmetricKeyType !== 'x25519') throw new Error('not an X25519 key');
  return Buffer.from(x, 'base64url').toString('base64');
}

export function generateEncryptionKeyPair(): { privateKeyPem: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('x25519');
  return {
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicKey: rawX25519(publicKey),
  };
}

function bundleKey(shared: Buffer, ephemeral: string, recipient: string): Buffer {
  return Buffer.from(
    hkdfSync('sha256', shared, Buffer.from(`${ephemeral}|${recipient}`), 'liaison-bundle-v1', 32),
  );
}

const aadOf = (e: Pick<EncryptedBundle, 'from' | 'to' | 'ephemeralKey' | 'recipientKey'>) =>
  Buffer.from(
    canonicalJson({ from: e.from, to: e.to, ephemeralKey: e.ephemeralKey, recipientKey: e.recipientKey }),
  );

/** Encrypts a bundle (its JSON text) to the recipient's X25519 key. */
export function encryptBundle(
  plaintext: string,
  from: string,
  to: string,
  recipientKeyBase64: string,
): EncryptedBundle {
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralKey = rawX25519(ephemeral.publicKey);
  const shared = diffieHellman({
    privateKey: ephemeral.privateKey,
    publicKey: x25519Public(recipientKeyBase64),
  });
  const nonce = randomBytes(12);
  const frame = { from, to, ephemeralKey, recipientKey: recipientKeyBase64 };
  const cipher = createCipheriv('aes-256-gcm', bundleKey(shared, ephemeralKey, recipientKeyBase64), nonce);
  cipher.setAAD(aadOf(frame));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return {
    kind: 'liaison-bundle-encrypted',
    format: 1,
    ...frame,
    nonce: nonce.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ciphertext: ciphertext.toString('base64'),
  };
}

export function isEncryptedBundle(value: unknown): value is EncryptedBundle {
  return encryptedShape.Check(value);
}

/** Decrypts a bundle with this node's X25519 private key; throws when it was not for this key or was altered. */
export function decryptBundle(encrypted: EncryptedBundle, privateKeyPem: string): string {
  const privateKey = createPrivateKey(privateKeyPem);
  const own = rawX25519(createPublicKey(privateKey));
  if (own !== encrypted.recipientKey)
    throw new Error("the bundle is encrypted to another key than this node's");
  const shared = diffieHellman({ privateKey, publicKey: x25519Public(encrypted.ephemeralKey) });
  const decipher = createDecipheriv(
    'aes-256-gcm',
    bundleKey(shared, encrypted.ephemeralKey, own),
    Buffer.from(encrypted.nonce, 'base64'),
  );
  decipher.setAAD(aadOf(encrypted));
  decipher.setAuthTag(Buffer.from(encrypted.tag, 'base64'));
  try {
    return Buffer.concat([
      decipher.update(Buffer.from(encrypted.ciphertext, 'base64')),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    throw new Error('the encrypted bundle was altered or damaged (authentication failed)');
  }
}
