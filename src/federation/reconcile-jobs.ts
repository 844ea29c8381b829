import type { Queryable } from '../platform/db/db.js';
import type { Audience } from './model.js';

/** What a re-evaluation covers. */
export type ReconcileScope =
  /** A partner became active: everything it may have (its first sync). */
  | { partner: string }
  /** Membership of mechanisms changed: records addressed to them ('all': to any mechanism). */
  | { mechanisms: string[] | 'all' }
  /** Membership of a task force changed. */
  | { taskForce: string }
  /** A received record was re-shared, or a re-shared record changed. */
  | { reshare: { origin: string; id: string } };

/** Whether the latest version of a record falls in a re-evaluation (pure). */
export function scopeMatches(scope: ReconcileScope, audience: Audience): boolean {
  if ('partner' in scope) return true;
  if ('taskForce' in scope) return audience.taskForces.includes(scope.taskForce);
  if ('mechanisms' in scope) {
    const mechanisms = scope.mechanisms;
    return mechanisms === 'all'
      ? audience.mechanisms.length > 0
      : audience.mechanisms.some((m) => mechanisms.includes(m));
  }
  return false;
}

/** Asks the dispatcher for a re-evaluation (in the caller's transaction); one not yet started is not asked twice. */
export async function enqueueReconcile(tx: Queryable, scope: ReconcileScope): Promise<void> {
  await tx.query(
    `insert into federation_reconcile (scope)
     select $1::jsonb where not exists (select 1 from federation_reconcile where scope = $1::jsonb and after_record is null)`,
    [JSON.stringify(scope)],
  );
}

export async function nextJob(
  tx: Queryable,
  exceptId?: number,
): Promise<{ id: number; scope: ReconcileScope; afterRecord: string | null } | null> {
  const { rows } = await tx.query<{ id: number; scope: ReconcileScope; after_record: string | null }>(
    'select id, scope, after_record from federation_reconcile where id <> $1 order by id limit 1',
    [exceptId ?? -1],
  );
  const row = rows[0];
  return row ? { id: Number(row.id), scope: row.scope, afterRecord: row.after_record } : null;
}
