import { Type } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { Strict } from '../platform/http/schemas.js';
import { fingerprint } from '../platform/identity/keys.js';
import { canonicalJson } from './canonical.js';
import { type Signer, verifySignature } from './crypto.js';
import { CodeSchema, Iso } from './schemas.js';

// A pairing invitation ("card"): who a node is, where it answers, its public keys, signed by its agency key. It
// proves the sender holds the key; that the key is really the agency's is what the administrators establish by
// comparing the fingerprint out of band (phone, meeting, letter) before confirming.

export const CARD_PREFIX = 'LIAISON-INVITE:';

const CardSchema = Strict({
  kind: Type.Literal('liaison-invitation'),
  format: Type.Literal(1),
  agency: CodeSchema,
  name: Type.String({ minLength: 1, maxLength: 200 }),
  country: Type.Union([Type.String({ pattern: '^[A-Z]{2}$' }), Type.Null()]),
  endpoint: Type.Union([Type.String({ pattern: '^https?://', maxLength: 500 }), Type.Null()]),
  publicKey: Type.String({ minLength: 40, maxLength: 60 }),
  fingerprint: Type.String(),
  encryptionKey: Type.String({ minLength: 40, maxLength: 60 }),
  for: Type.Union([CodeSchema, Type.Null()]),
  issuedAt: Iso,
  expiresAt: Iso,
  signature: Type.String(),
});
const cardShape = TypeCompiler.Compile(CardSchema);

export interface Card {
  kind: 'liaison-invitation';
  format: 1;
  agency: string;
  name: string;
  country: string | null;
  /** Base URL partners pull from; null for a node reached by bundles only (air-gapped). */
  endpoint: string | null;
  publicKey: string;
  fingerprint: string;
  /** X25519 public key, raw base64, for bundles encrypted to this node. */
  encryptionKey: string;
  /** The one agency the invitation is for, or null for any. */
  for: string | null;
  issuedAt: string;
  expiresAt: string;
  signature: string;
}

export type CardFields = Omit<Card, 'kind' | 'format' | 'signature' | 'fingerprint' | 'publicKey'> & {
  publicKey: string;
};

const signedPart = (card: Omit<Card, 'signature'>) => canonicalJson(card);

export function makeCard(signer: Signer, fields: CardFields): string {
  const unsigned: Omit<Card, 'signature'> = {
    kind: 'liaison-invitation',
    format: 1,
    ...fields,
    fingerprint: fingerprint(fields.publicKey),
  };
  if (unsigned.fingerprint !== signer.fingerprint) throw new Error('the card must carry the signing key');
  const card: Card = { ...unsigned, signature: signer.sign(signedPart(unsigned)) };
  return CARD_PREFIX + Buffer.from(JSON.stringify(card)).toString('base64url');
}

export type CardCheck = { ok: true; card: Card } | { ok: false; reason: string };

/** Decodes and checks an invitation (pure but for the clock): well formed, self-signed, not expired, meant for us. */
export function readCard(token: string, self: string, now: Date): CardCheck {
  const text = token.trim();
  if (!text.startsWith(CARD_PREFIX)) return { ok: false, reason: `an invitation starts with ${CARD_PREFIX}` };
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text.slice(CARD_PREFIX.length), 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'the invitation is damaged (not readable)' };
  }
  if (!cardShape.Check(value))
    return { ok: false, reason: 'the invitation is damaged (fields missing or wrong)' };
  const card = value as Card;
  const { signature, ...unsigned } = card;
  if (fingerprint(card.publicKey) !== card.fingerprint)
    return { ok: false, reason: 'the fingerprint does not belong to the key' };
  if (!verifySignature(card.publicKey, signedPart(unsigned), signature))
    return { ok: false, reason: 'the invitation signature does not verify' };
  if (Date.parse(card.expiresAt) < now.getTime())
    return { ok: false, reason: `the invitation expired at ${card.expiresAt}` };
  if (card.agency === self) return { ok: false, reason: 'this is an invitation of this node itself' };
  if (card.for !== null && card.for !== self)
    return { ok: false, reason: `the invitation is for ${card.for}, not ${self}` };
  return { ok: true, card };
}

/** Fingerprints compare equal whatever spacing or case the administrator typed. */
export function sameFingerprint(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/[^0-9a-f]/gi, '').toUpperCase();
  return norm(a).length === 64 && norm(a) === norm(b);
}
