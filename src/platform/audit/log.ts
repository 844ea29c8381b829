import type { Db, Queryable } from '../db/db.js';
import { type AuditEntry, type ChainCheck, ChainVerifier, entryHash, GENESIS_HASH } from './chain.js';

export interface AuditEvent {
  /** `system`, or `user:<username>` / `token:<name>` as set by the HTTP layer. */
  actor: string;
  /** Dotted verb in the past tense of the thing done, e.g. `user.created`, `record.read`. */
  action: string;
  target?: string | null;
  detail?: Record<string, unknown>;
}

// Serialises appends across every process writing to the same database.
const AUDIT_LOCK = 4_716_002;

interface Row {
  seq: number;
  at: Date;
  actor: string;
  action: string;
  target: string | null;
  detail: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

const toEntry = (row: Row): AuditEntry => ({
  seq: Number(row.seq),
  at: row.at.toISOString(),
  actor: row.actor,
  action: row.action,
  target: row.target,
  detail: row.detail,
  prevHash: row.prev_hash,
  hash: row.hash,
});

/**
 * Appends one entry inside the caller's transaction, so the audit entry and the write it records commit together.
 */
export async function appendAudit(tx: Queryable, event: AuditEvent, now = new Date()): Promise<AuditEntry> {
  await tx.query('select pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
  const { rows } = await tx.query<{ seq: number; hash: string }>('select seq, hash from audit_head');
  const head = rows[0];
  const entry: Omit<AuditEntry, 'hash'> = {
    seq: head ? Number(head.seq) + 1 : 1,
    at: new Date(Math.floor(now.getTime())).toISOString(),
    actor: event.actor,
    action: event.action,
    target: event.target ?? null,
    // A JSON round trip gives the same value the database will hand back.
    detail: JSON.parse(JSON.stringify(event.detail ?? {})),
    prevHash: head?.hash ?? GENESIS_HASH,
  };
  const hash = entryHash(entry);
  await tx.query(
    'insert into audit_log (seq, at, actor, action, target, detail, prev_hash, hash) values ($1, $2, $3, $4, $5, $6, $7, $8)',
    [
      entry.seq,
      entry.at,
      entry.actor,
      entry.action,
      entry.target,
      JSON.stringify(entry.detail),
      entry.prevHash,
      hash,
    ],
  );
  await tx.query(
    `insert into audit_head (singleton, seq, hash) values (true, $1, $2)
     on conflict (singleton) do update set seq = excluded.seq, hash = excluded.hash`,
    [entry.seq, hash],
  );
  return { ...entry, hash };
}

/** Appends one entry in a transaction of its own (for events that are not part of a write, such as reads). */
export function recordAudit(db: Db, event: AuditEvent): Promise<AuditEntry> {
  return db.transaction((tx) => appendAudit(tx, event));
}

export interface AuditQuery {
  limit: number;
  beforeSeq?: number;
  actor?: string;
  action?: string;
}

export async function listAudit(db: Queryable, query: AuditQuery): Promise<AuditEntry[]> {
  const { rows } = await db.query<Row>(
    `select * from audit_log
     where ($1::bigint is null or seq < $1) and ($2::text is null or actor = $2) and ($3::text is null or action = $3)
     order by seq desc limit $4`,
    [query.beforeSeq ?? null, query.actor ?? null, query.action ?? null, query.limit],
  );
  return rows.map(toEntry);
}

const VERIFY_PAGE = 5000;

/** Reads the whole log in pages and checks its hash chain. */
export async function verifyAudit(db: Queryable): Promise<ChainCheck> {
  const verifier = new ChainVerifier();
  let after = 0;
  for (;;) {
    const { rows } = await db.query<Row>('select * from audit_log where seq > $1 order by seq limit $2', [
      after,
      VERIFY_PAGE,
    ]);
    for (const row of rows) verifier.push(toEntry(row));
    if (rows.length < VERIFY_PAGE) break;
    after = Number(rows.at(-1)?.seq);
  }
  const head = await db.query<{ seq: number; hash: string }>('select seq, hash from audit_head');
  const headRow = head.rows[0];
  return verifier.finish(headRow ? { seq: Number(headRow.seq), hash: headRow.hash } : null);
}
