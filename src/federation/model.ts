import type { Audience, HandlingCode, Tombstone } from '../platform/records.js';

export type { Audience, HandlingCode, Tombstone };

/** Version of the wire format; a receiver refuses envelopes of a format it does not know. */
export const ENVELOPE_FORMAT = 1;

/** What the origin signs: the full state of one version of a shared record, or a tombstone. */
export interface EnvelopeBody {
  format: typeof ENVELOPE_FORMAT;
  /** UUIDv7 of the record, the same on every node; local serial ids never go on the wire. */
  id: string;
  /** Agency code of the one node that writes this record. */
  origin: string;
  type: string;
  version: number;
  handling: HandlingCode;
  handlingText: string | null;
  audience: Audience;
  onwardSharing: boolean;
  /** The date that decides mechanism and task-force membership (YYYY-MM-DD). */
  recordDate: string;
  tombstone: Tombstone | null;
  payload: Record<string, unknown> | null;
  /** When the envelope was signed (ISO); decides which of the signer's keys was valid. */
  issuedAt: string;
  /** Agency whose key signed: the origin, or for an access-revoked tombstone of a relayed copy, the relayer. */
  signer: string;
  /** Fingerprint of the signing key. */
  key: string;
}

export interface Envelope extends EnvelopeBody {
  /** `sha256:` + hex SHA-256 of the RFC 8785 canonical JSON of the body. */
  contentHash: string;
  /** Ed25519 signature over the same canonical bytes, base64. */
  signature: string;
}

/** What a feed page lists for each entry, so a puller can skip what it already holds. */
export interface IndexEntry {
  pos: number;
  id: string;
  origin: string;
  type: string;
  version: number;
  handling: HandlingCode | null;
  audience: Audience | null;
  tombstone: Tombstone | null;
  contentHash: string;
}

export const EMPTY_AUDIENCE: Audience = { agencies: [], mechanisms: [], taskForces: [] };
