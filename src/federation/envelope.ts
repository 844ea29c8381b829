import type { SharedRecordChange } from '../platform/records.js';
import { canonicalJson, sha256Hex } from './canonical.js';
import { type Signer, verifySignature } from './crypto.js';
import { EMPTY_AUDIENCE, ENVELOPE_FORMAT, type Envelope, type EnvelopeBody } from './model.js';
import { envelopeShape } from './schemas.js';
import { keyValidAt, type TrustedKey } from './trust.js';

/** The body of an envelope for one outbox change (pure). `recordDate` falls back to the change's own date. */
export function bodyOfChange(
  change: SharedRecordChange & { createdAt: string },
  signer: { agency: string; fingerprint: string },
  issuedAt: string,
): EnvelopeBody {
  return {
    format: ENVELOPE_FORMAT,
    id: change.id,
    origin: change.origin,
    type: change.type,
    version: change.version,
    handling: change.handling,
    handlingText: change.handlingText,
    audience: change.audience,
    onwardSharing: change.onwardSharing,
    recordDate: change.recordDate ?? change.createdAt.slice(0, 10),
    tombstone: change.tombstone,
    payload: change.tombstone ? null : change.payload,
    issuedAt,
    signer: signer.agency,
    key: signer.fingerprint,
  };
}

/**
 * The body of an access-revoked tombstone for the partners that lost access to `version` of a record (pure). It
 * says nothing about who may still see the record: empty audience, no payload.
 */
export function revocationBody(
  record: {
    id: string;
    origin: string;
    type: string;
    version: number;
    handling: EnvelopeBody['handling'];
    recordDate: string;
  },
  signer: { agency: string; fingerprint: string },
  issuedAt: string,
): EnvelopeBody {
  return {
    format: ENVELOPE_FORMAT,
    id: record.id,
    origin: record.origin,
    type: record.type,
    version: record.version,
    handling: record.handling,
    handlingText: null,
    audience: EMPTY_AUDIENCE,
    onwardSharing: false,
    recordDate: record.recordDate,
    tombstone: 'access-revoked',
    payload: null,
    issuedAt,
    signer: signer.agency,
    key: signer.fingerprint,
  };
}

export function bodyOf(envelope: Envelope): EnvelopeBody {
  const { contentHash: _hash, signature: _signature, ...body } = envelope;
  return body;
}

/** Signs a body: the content hash and the Ed25519 signature are over its RFC 8785 canonical JSON. */
export function seal(body: EnvelopeBody, signer: Signer): Envelope {
  if (body.signer !== signer.agency || body.key !== signer.fingerprint)
    throw new Error('the body names another signer');
  const canonical = canonicalJson(body);
  return { ...body, contentHash: `sha256:${sha256Hex(canonical)}`, signature: signer.sign(canonical) };
}

export type VerifyFailure =
  | 'malformed'
  | 'inconsistent'
  | 'hash-mismatch'
  | 'unknown-key'
  | 'key-retired'
  | 'bad-signature';

export type Verification =
  | { ok: true; envelope: Envelope }
  | { ok: false; code: VerifyFailure; reason: string };

const fail = (code: VerifyFailure, reason: string): Verification => ({ ok: false, code, reason });

/**
 * Verifies an envelope as received (pure): its shape, that it is consistent (a tombstone has no payload; only an
 * access-revoked tombstone may be signed by another agency than the origin), its content hash, and its signature
 * by a key of the signer that was valid when it was issued.
 */
export function verifyEnvelope(
  value: unknown,
  keysOf: (agency: string) => readonly TrustedKey[],
): Verification {
  if (!envelopeShape.Check(value)) {
    const first = envelopeShape.Errors(value).First();
    return fail('malformed', `not an envelope${first ? `: ${first.path || '/'} ${first.message}` : ''}`);
  }
  const envelope = value as Envelope;
  if ((envelope.tombstone === null) === (envelope.payload === null)) {
    return fail('inconsistent', 'an envelope carries either a payload or a tombstone');
  }
  if (envelope.signer !== envelope.origin && envelope.tombstone !== 'access-revoked') {
    return fail(
      'inconsistent',
      `only ${envelope.origin} signs versions of its records; ${envelope.signer} may only revoke a copy it relayed`,
    );
  }
  if (envelope.handling === 'H3' && envelope.handlingText === null && envelope.tombstone === null) {
    return fail('inconsistent', 'handling code H3 needs its restriction text');
  }
  let canonical: string;
  try {
    canonical = canonicalJson(bodyOf(envelope));
  } catch (error) {
    return fail('malformed', `no canonical form: ${(error as Error).message}`);
  }
  if (`sha256:${sha256Hex(canonical)}` !== envelope.contentHash)
    return fail('hash-mismatch', 'the content does not match its hash');
  const found = keyValidAt(keysOf(envelope.signer), envelope.key, envelope.issuedAt);
  if (!found.ok) return fail(found.code, `${envelope.signer}: ${found.reason}`);
  if (!verifySignature(found.key.publicKey, canonical, envelope.signature)) {
    return fail(
      'bad-signature',
      `the signature does not verify with ${envelope.signer}'s key ${envelope.key}`,
    );
  }
  return { ok: true, envelope };
}
