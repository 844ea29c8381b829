import type { Queryable } from './db/db.js';

/** Handling codes (Europol SIENA, DOMAIN.md). H3 carries its restriction as free text. */
export const HANDLING_CODES = ['H0', 'H1', 'H2', 'H3'] as const;
export type HandlingCode = (typeof HANDLING_CODES)[number];

/** Who may receive a shared record: named agencies, members of a mechanism at the record's date, task forces. */
export interface Audience {
  agencies: string[];
  mechanisms: string[];
  taskForces: string[];
}

export interface SharingPolicy {
  handling: HandlingCode;
  handlingText: string | null;
  audience: Audience;
  onwardSharing: boolean;
}

export type Tombstone = 'retracted' | 'access-revoked' | 'expired';

/** The full state of one version of a shared record, as written to the outbox. */
export interface SharedRecordChange extends SharingPolicy {
  /** Dotted record type, e.g. `registry.mechanism`, `seizures.seizure`. */
  type: string;
  id: string;
  version: number;
  origin: string;
  /** The date that decides mechanism membership for the audience (e.g. a seizure's date); null = the change's date. */
  recordDate: string | null;
  payload: Record<string, unknown> | null;
  tombstone: Tombstone | null;
}

/**
 * Appends a change of a shared record to the outbox, inside the transaction that made the change, so the outbox
 * never misses or invents a version. Federation reads the outbox; nothing else leaves a node.
 */
export async function publishChange(tx: Queryable, change: SharedRecordChange): Promise<number> {
  if ((change.payload === null) === (change.tombstone === null)) {
    throw new Error('a shared-record change carries either a payload or a tombstone');
  }
  const { rows } = await tx.query<{ seq: number }>(
    `insert into record_changes
       (record_type, record_id, version, origin, handling, handling_text, audience, onward_sharing, record_date, tombstone, payload)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning seq`,
    [
      change.type,
      change.id,
      change.version,
      change.origin,
      change.handling,
      change.handlingText,
      JSON.stringify(change.audience),
      change.onwardSharing,
      change.recordDate,
      change.tombstone,
      change.payload === null ? null : JSON.stringify(change.payload),
    ],
  );
  return Number(rows[0]?.seq);
}
