import { v7 as uuidv7 } from 'uuid';
import { appendAudit } from '../platform/audit/log.js';
import type { Db, Queryable } from '../platform/db/db.js';
import { textArray } from '../platform/db/packed.js';
import { parsedOrNull } from '../platform/json/parse.js';
import { type Verification, verifyEnvelope } from './envelope.js';
import { admit, type Held, shouldApply } from './ingress.js';
import type { Envelope } from './model.js';
import { envelopeLines } from './page-lines.js';
import { enqueueReconcile } from './reconcile-jobs.js';
import type { TrustedKey } from './trust.js';
import { recordType } from './types.js';

// The one apply path for pulled and bundled envelopes. Each envelope is verified and admitted on its own; one that
// fails is quarantined with its reason and the rest go on. Applying is idempotent on (origin, id, version); a
// tombstone purges the content and keeps the tombstone; a reference to a record not yet here becomes a placeholder.

export interface ApplyItem {
  /** Position in the partner's feed (null for items without one). */
  pos: number | null;
  envelope: unknown;
  /** The content hash the signed index announced for this position; a different envelope is refused. */
  expectedHash?: string;
}

export interface ApplyOptions {
  self: string;
  /** The partner whose feed or bundle delivered the items. */
  from: string;
  via: 'pull' | 'bundle';
  keysOf: (agency: string) => readonly TrustedKey[];
  /** Runs in the same transaction (e.g. to advance the pull cursor with what was applied). */
  after?: (tx: Queryable, summary: ApplySummary) => Promise<void>;
}

export interface ApplySummary {
  applied: number;
  skipped: number;
  quarantined: number;
  placeholders: number;
  records: { origin: string; id: string; version: number; tombstone: string | null }[];
  reasons: string[];
}

/**
 * The envelopes of a partner's response (`{"envelopes":[{"pos":…,"envelope":…}]}`, with or without an index) by
 * feed position; the last one wins when a position repeats. Shared by the event loop and the verification thread,
 * which parse the same response text and so must read the same envelopes from it.
 */
export function envelopesByPos(body: unknown): Map<number, unknown> {
  const list = (body as { envelopes?: unknown } | null)?.envelopes;
  if (!Array.isArray(list)) return new Map();
  return new Map(
    list.map((x: { pos?: unknown; envelope?: unknown } | null) => [Number(x?.pos), x?.envelope]),
  );
}

/**
 * Where a batch's envelopes came from: a JSON response text (`{"envelopes":[…]}`), or a feed page's bytes with its
 * envelope lines from `from` on (page-lines.ts).
 */
export type EnvelopeSource = string | { bytes: Uint8Array; from: number };

/**
 * The envelopes of a response by feed position, from its JSON text or its page lines; shared by the event loop and the
 * verification thread. A text that is not JSON has none (each wanted position is then quarantined as missing).
 */
export function envelopesOf(source: EnvelopeSource): Map<number, unknown> {
  return typeof source === 'string'
    ? envelopesByPos(parsedOrNull(source))
    : envelopeLines(source.bytes, source.from);
}

/** The items for the wanted positions of a response's envelopes (null where the response has none). */
export function itemsAt(
  wanted: readonly { pos: number | null; expectedHash?: string }[],
  byPos: ReadonlyMap<number, unknown>,
): ApplyItem[] {
  return wanted.map(({ pos, expectedHash }) => ({
    pos,
    envelope: pos === null ? null : (byPos.get(pos) ?? null),
    expectedHash,
  }));
}

/** Verifies every item (pure, no I/O); for callers that want to learn missing keys before applying. */
export function verifyAll(items: readonly ApplyItem[], keysOf: ApplyOptions['keysOf']): Verification[] {
  return items.map((item) => {
    const result = verifyEnvelope(item.envelope, keysOf);
    if (result.ok && item.expectedHash !== undefined && result.envelope.contentHash !== item.expectedHash) {
      return {
        ok: false,
        code: 'hash-mismatch',
        reason: 'the envelope is not the one the signed feed index announced',
      };
    }
    return result;
  });
}

interface HeldRow {
  origin: string;
  record_id: string;
  version: number;
  issued_at: string | null;
  content_hash: string | null;
}

const keyOf = (origin: string, id: string) => `${origin}/${id}`;

function describe(value: unknown): { origin: string | null; id: string | null; version: number | null } {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  return {
    origin: typeof v.origin === 'string' ? v.origin.slice(0, 40) : null,
    id: typeof v.id === 'string' ? v.id.slice(0, 60) : null,
    version: Number.isInteger(v.version) ? (v.version as number) : null,
  };
}

async function loadHeld(tx: Queryable, envelopes: Envelope[]): Promise<Map<string, Held>> {
  const held = new Map<string, Held>();
  if (!envelopes.length) return held;
  const { rows } = await tx.query<HeldRow>(
    `select origin, record_id, version, issued_at, content_hash from federation_received where record_id = any($1::uuid[])`,
    [[...new Set(envelopes.map((e) => e.id))]],
  );
  for (const r of rows)
    held.set(keyOf(r.origin, r.record_id), {
      version: r.version,
      issuedAt: r.issued_at,
      contentHash: r.content_hash,
    });
  return held;
}

export async function applyEnvelopes(
  db: Db,
  items: readonly ApplyItem[],
  options: ApplyOptions,
  verified = verifyAll(items, options.keysOf),
): Promise<ApplySummary> {
  return db.transaction(async (tx) => {
    const summary: ApplySummary = {
      applied: 0,
      skipped: 0,
      quarantined: 0,
      placeholders: 0,
      records: [],
      reasons: [],
    };
    const quarantine: { item: ApplyItem; reason: string }[] = [];
    const good: { item: ApplyItem; envelope: Envelope }[] = [];
    verified.forEach((v, i) => {
      const item = items[i] as ApplyItem;
      if (!v.ok) quarantine.push({ item, reason: `${v.code}: ${v.reason}` });
      else {
        const admission = admit(v.envelope, options.self, options.from);
        if (admission.ok) good.push({ item, envelope: v.envelope });
        else quarantine.push({ item, reason: `refused: ${admission.reason}` });
      }
    });
    const held = await loadHeld(
      tx,
      good.map((g) => g.envelope),
    );
    const final = new Map<string, Envelope>();
    for (const { envelope } of good) {
      const key = keyOf(envelope.origin, envelope.id);
      if (!shouldApply(envelope, held.get(key) ?? null)) {
        summary.skipped++;
        continue;
      }
      held.set(key, {
        version: envelope.version,
        issuedAt: envelope.issuedAt,
        contentHash: envelope.contentHash,
      });
      final.set(key, envelope);
      summary.applied++;
      summary.records.push({
        origin: envelope.origin,
        id: envelope.id,
        version: envelope.version,
        tombstone: envelope.tombstone,
      });
    }
    const rows = [...final.values()];
    if (rows.length) {
      const audiences = textArray(
        tx.engine,
        7,
        rows.map((e) => JSON.stringify(e.audience)),
      );
      // The content is stored once, inside the signed envelope; a record's payload is read from there.
      const envelopes = textArray(
        tx.engine,
        11,
        rows.map((e) => JSON.stringify(e)),
      );
      await tx.query(
        `insert into federation_received as r (origin, record_id, record_type, version, handling, handling_text, audience, onward_sharing,
            record_date, tombstone, envelope, issued_at, content_hash, received_from, via)
         select origin, record_id, record_type, version, handling, handling_text, audience::jsonb, onward_sharing, record_date::date,
                tombstone, envelope, issued_at, content_hash, $14, $15
           from unnest($1::text[], $2::uuid[], $3::text[], $4::int[], $5::text[], $6::text[], ${audiences.sql}, $8::boolean[], $9::text[],
                       $10::text[], ${envelopes.sql}, $12::text[], $13::text[])
                as x(origin, record_id, record_type, version, handling, handling_text, audience, onward_sharing, record_date,
                     tombstone, envelope, issued_at, content_hash)
         on conflict (origin, record_id) do update set
            record_type = excluded.record_type, version = excluded.version, handling = excluded.handling,
            handling_text = excluded.handling_text, audience = excluded.audience, onward_sharing = excluded.onward_sharing,
            record_date = excluded.record_date, tombstone = excluded.tombstone,
            envelope = excluded.envelope, issued_at = excluded.issued_at, content_hash = excluded.content_hash,
            received_from = excluded.received_from, via = excluded.via, received_at = now()
          where r.version < excluded.version
             or (r.version = excluded.version and r.content_hash is distinct from excluded.content_hash
                 and coalesce(r.issued_at, '') < excluded.issued_at)`,
        [
          rows.map((e) => e.origin),
          rows.map((e) => e.id),
          rows.map((e) => e.type),
          rows.map((e) => e.version),
          rows.map((e) => e.handling),
          rows.map((e) => e.handlingText),
          audiences.param,
          rows.map((e) => e.onwardSharing),
          rows.map((e) => e.recordDate),
          rows.map((e) => e.tombstone),
          envelopes.param,
          rows.map((e) => e.issuedAt),
          rows.map((e) => e.contentHash),
          options.from,
          options.via,
        ],
      );
      summary.placeholders = await placeholders(tx, rows, options.self);
      const grants = await tx.query<{ origin: string; record_id: string }>(
        'select distinct origin, record_id from federation_reshares where record_id = any($1::uuid[])',
        [rows.map((e) => e.id)],
      );
      for (const g of grants.rows)
        await enqueueReconcile(tx, { reshare: { origin: g.origin, id: g.record_id } });
    }
    if (quarantine.length) {
      summary.quarantined = quarantine.length;
      summary.reasons = quarantine.map((q) => q.reason);
      await tx.query(
        `insert into federation_quarantine (id, received_from, via, origin, record_id, version, feed_pos, reason, envelope)
         select x.id, $2, $3, x.origin, x.record_id, x.version, x.pos, x.reason, x.envelope
           from jsonb_to_recordset($1::jsonb) as x(id uuid, origin text, record_id text, version int, pos bigint, reason text, envelope jsonb)`,
        [
          JSON.stringify(
            quarantine.map((q) => {
              const { origin, id, version } = describe(q.item.envelope);
              return {
                id: uuidv7(),
                origin,
                record_id: id,
                version,
                pos: q.item.pos,
                reason: q.reason,
                envelope: q.item.envelope ?? null,
              };
            }),
          ),
          options.from,
          options.via,
        ],
      );
    }
    if (summary.applied || summary.quarantined) {
      await appendAudit(tx, {
        actor: `partner:${options.from}`,
        action: 'federation.received',
        target: `partner:${options.from}`,
        detail: {
          via: options.via,
          applied: summary.applied,
          skipped: summary.skipped,
          quarantined: summary.quarantined,
          records: summary.records.map((r) => [r.origin, r.id, r.version, r.tombstone ?? 'content']),
        },
      });
    }
    if (options.after) await options.after(tx, summary);
    return summary;
  });
}

/** Placeholders for records referred to but not held yet (version 0); replaced when the record itself arrives. */
async function placeholders(tx: Queryable, applied: Envelope[], self: string): Promise<number> {
  const refs: { origin: string; id: string; by: string }[] = [];
  for (const e of applied) {
    if (!e.payload) continue;
    const references = recordType(e.type)?.references?.(e.payload) ?? [];
    for (const r of references) {
      const origin = r.origin ?? e.origin;
      if (origin !== self && /^[0-9a-f-]{36}$/.test(r.id))
        refs.push({ origin, id: r.id, by: `${e.origin}/${e.id}` });
    }
  }
  if (!refs.length) return 0;
  const { rowCount } = await tx.query(
    `insert into federation_received (origin, record_id, version, referenced_by)
     select x.origin, x.id::uuid, 0, jsonb_build_array(x.by) from jsonb_to_recordset($1::jsonb) as x(origin text, id text, by text)
     on conflict (origin, record_id) do nothing`,
    [JSON.stringify(refs)],
  );
  return rowCount;
}
