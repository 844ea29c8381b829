import type { Logger } from 'pino';
import { appendAudit } from '../platform/audit/log.js';
import type { Db, Queryable } from '../platform/db/db.js';
import { conflict, notFound } from '../platform/http/problem.js';
import { type ApplyItem, applyEnvelopes, verifyAll } from './apply.js';
import { admit } from './ingress.js';
import { trustedKeys } from './partners.js';
import { learnKeys } from './pull.js';
import type { TrustedKey } from './trust.js';

// Retrying a quarantined envelope: after the cause is fixed (a partner's rotated key learnt, a partner confirmed
// again, a bug fixed), the administrator re-applies it through the one apply path. It leaves quarantine only if it
// now verifies, is admitted and is applied (or is already held); otherwise it stays, with the reason of this try.

export interface QuarantineRow {
  id: string;
  received_from: string;
  via: 'pull' | 'bundle';
  origin: string | null;
  record_id: string | null;
  version: number | null;
  feed_pos: number | null;
  reason: string;
  envelope: unknown;
  created_at: Date;
  resolved_at: Date | null;
}

export interface RetryResult {
  id: string;
  /** applied: the envelope changed what is held; skipped: an equal or later version was held already. */
  outcome: 'applied' | 'skipped' | 'still-quarantined';
  reason: string | null;
}

export interface RetryContext {
  db: Db;
  self: string;
  dataDir: string;
  log: Logger;
}

async function requireQuarantined(db: Queryable, id: string): Promise<QuarantineRow> {
  const { rows } = await db.query<QuarantineRow>('select * from federation_quarantine where id = $1', [id]);
  const row = rows[0];
  if (!row) throw notFound(`No quarantined envelope ${id}.`);
  if (row.resolved_at) throw conflict(`The envelope ${id} left quarantine already.`);
  return row;
}

const signerOf = (row: QuarantineRow): string => {
  const signer = (row.envelope as { signer?: unknown } | null)?.signer;
  return typeof signer === 'string' ? signer : row.received_from;
};

/** Verifies the envelope with the keys trusted now; an unknown key of a partner is looked up once (rotation). */
async function verifyNow(rc: RetryContext, row: QuarantineRow, items: ApplyItem[]) {
  const signer = signerOf(row);
  let keys: TrustedKey[] = await trustedKeys(rc.db, signer);
  let verified = verifyAll(items, () => keys);
  const first = verified[0];
  if (first && !first.ok && first.code === 'unknown-key') {
    const pc = { db: rc.db, self: rc.self, dataDir: rc.dataDir, log: rc.log };
    if (await learnKeys(pc, signer).catch(() => false)) {
      keys = await trustedKeys(rc.db, signer);
      verified = verifyAll(items, () => keys);
    }
  }
  return { keys, verified };
}

async function stillQuarantined(db: Db, row: QuarantineRow, reason: string, actor: string) {
  await db.transaction(async (tx) => {
    await tx.query('update federation_quarantine set reason = $2 where id = $1', [row.id, reason]);
    await appendAudit(tx, {
      actor,
      action: 'federation.quarantine_retried',
      target: `partner:${row.received_from}`,
      detail: {
        quarantine: row.id,
        origin: row.origin,
        id: row.record_id,
        outcome: 'still-quarantined',
        reason,
      },
    });
  });
  return { id: row.id, outcome: 'still-quarantined' as const, reason };
}

export async function retryQuarantined(rc: RetryContext, id: string, actor: string): Promise<RetryResult> {
  const row = await requireQuarantined(rc.db, id);
  // No signed index vouches for the position any more; the envelope stands on its own signature, and applying
  // is idempotent on (origin, id, version), so an old version cannot overwrite a newer one.
  const items: ApplyItem[] = [
    { pos: row.feed_pos === null ? null : Number(row.feed_pos), envelope: row.envelope },
  ];
  const { keys, verified } = await verifyNow(rc, row, items);
  const check = verified[0];
  if (!check?.ok) return stillQuarantined(rc.db, row, `${check?.code}: ${check?.reason}`, actor);
  const admission = admit(check.envelope, rc.self, row.received_from);
  if (!admission.ok) return stillQuarantined(rc.db, row, `refused: ${admission.reason}`, actor);
  const summary = await applyEnvelopes(
    rc.db,
    items,
    {
      self: rc.self,
      from: row.received_from,
      via: row.via,
      keysOf: () => keys,
      after: async (tx, s) => {
        await tx.query('update federation_quarantine set resolved_at = now() where id = $1', [row.id]);
        await appendAudit(tx, {
          actor,
          action: 'federation.quarantine_retried',
          target: `partner:${row.received_from}`,
          detail: {
            quarantine: row.id,
            origin: row.origin,
            id: row.record_id,
            outcome: s.applied ? 'applied' : 'skipped',
          },
        });
      },
    },
    verified,
  );
  return { id: row.id, outcome: summary.applied ? 'applied' : 'skipped', reason: null };
}
