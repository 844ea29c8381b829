import type { Queryable } from '../platform/db/db.js';
import { notFound } from '../platform/http/problem.js';
import { verifyEnvelope } from './envelope.js';
import type { Audience, Envelope, HandlingCode, Tombstone } from './model.js';
import { trustedKeys } from './partners.js';
import type { TrustedKey } from './trust.js';

// Records received from partners, as the banner and lists show them: origin, handling, audience, version, state.

export interface ReceivedRecord {
  origin: string;
  id: string;
  type: string | null;
  version: number;
  handling: HandlingCode | null;
  handlingText: string | null;
  audience: Audience | null;
  onwardSharing: boolean;
  recordDate: string | null;
  tombstone: Tombstone | null;
  /** Referenced by a received record but not received yet. */
  placeholder: boolean;
  referencedBy: string[];
  receivedFrom: string | null;
  via: 'pull' | 'bundle' | null;
  receivedAt: string;
  contentHash: string | null;
}

interface Row {
  origin: string;
  record_id: string;
  record_type: string | null;
  version: number;
  handling: HandlingCode | null;
  handling_text: string | null;
  audience: Audience | null;
  onward_sharing: boolean;
  record_date: string | null;
  tombstone: Tombstone | null;
  referenced_by: string[];
  received_from: string | null;
  via: 'pull' | 'bundle' | null;
  received_at: Date;
  content_hash: string | null;
}

const COLUMNS = `origin, record_id, record_type, version, handling, handling_text, audience, onward_sharing, record_date::text as record_date,
  tombstone, referenced_by, received_from, via, received_at, content_hash`;

const toRecord = (r: Row): ReceivedRecord => ({
  origin: r.origin,
  id: r.record_id,
  type: r.record_type,
  version: r.version,
  handling: r.handling,
  handlingText: r.handling_text,
  audience: r.audience,
  onwardSharing: r.onward_sharing,
  recordDate: r.record_date,
  tombstone: r.tombstone,
  placeholder: r.version === 0,
  referencedBy: r.referenced_by,
  receivedFrom: r.received_from,
  via: r.via,
  receivedAt: r.received_at.toISOString(),
  contentHash: r.content_hash,
});

export interface ReceivedQuery {
  origin?: string;
  type?: string;
  /** Keyset paging: records after this "origin/id". */
  after?: string;
  limit: number;
}

export async function listReceived(db: Queryable, q: ReceivedQuery): Promise<ReceivedRecord[]> {
  const [afterOrigin, afterId] = q.after ? q.after.split('/') : [null, null];
  const { rows } = await db.query<Row>(
    `select ${COLUMNS} from federation_received
      where ($1::text is null or origin = $1) and ($2::text is null or record_type = $2)
        and ($3::text is null or (origin, record_id) > ($3::text, $4::uuid))
      order by origin, record_id limit $5`,
    [q.origin ?? null, q.type ?? null, afterOrigin ?? null, afterId ?? null, q.limit],
  );
  return rows.map(toRecord);
}

export async function getReceived(
  db: Queryable,
  origin: string,
  id: string,
): Promise<{ record: ReceivedRecord; payload: Record<string, unknown> | null }> {
  const { rows } = await db.query<Row & { payload: Record<string, unknown> | null }>(
    // The payload lives in the signed envelope as received (migration 0010), null for a tombstone or placeholder.
    `select ${COLUMNS}, envelope::jsonb -> 'payload' as payload from federation_received where origin = $1 and record_id = $2`,
    [origin, id],
  );
  const row = rows[0];
  if (!row) throw notFound(`No record ${id} of ${origin} here.`);
  return { record: toRecord(row), payload: row.payload };
}

/** Verifies every held envelope again with the keys trusted now (e.g. after a partner's key rotation). */
export async function reverifyReceived(
  db: Queryable,
): Promise<{ checked: number; valid: number; invalid: { origin: string; id: string; reason: string }[] }> {
  const keys = new Map<string, TrustedKey[]>();
  const result = { checked: 0, valid: 0, invalid: [] as { origin: string; id: string; reason: string }[] };
  let after: [string, string] = ['', '00000000-0000-0000-0000-000000000000'];
  for (;;) {
    const { rows } = await db.query<{ origin: string; record_id: string; envelope: string }>(
      `select origin, record_id, envelope from federation_received where envelope is not null and (origin, record_id) > ($1, $2::uuid)
        order by origin, record_id limit 1000`,
      after,
    );
    for (const r of rows) {
      const envelope = JSON.parse(r.envelope) as Envelope;
      const signer = envelope.signer;
      if (!keys.has(signer)) keys.set(signer, await trustedKeys(db, signer, true));
      const v = verifyEnvelope(envelope, (a) => keys.get(a) ?? []);
      result.checked++;
      if (v.ok) result.valid++;
      else result.invalid.push({ origin: r.origin, id: r.record_id, reason: v.reason });
    }
    if (rows.length < 1000) return result;
    const last = rows.at(-1) as { origin: string; record_id: string };
    after = [last.origin, last.record_id];
  }
}
