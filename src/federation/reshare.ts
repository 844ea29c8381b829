import { appendAudit } from '../platform/audit/log.js';
import type { Db } from '../platform/db/db.js';
import { conflict, notFound } from '../platform/http/problem.js';
import { onwardAllowed } from './egress.js';
import { requirePartner } from './partners.js';
import { enqueueReconcile } from './reconcile-jobs.js';

// Passing a received record on to another partner. Allowed only when its origin allowed onward sharing and the
// handling code permits it (H0, H1); an H2 or H3 record is refused here and again by the egress filter.

export async function reshare(
  db: Db,
  record: { origin: string; id: string },
  to: string,
  actor: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const { rows } = await tx.query<{
      handling: 'H0' | 'H1' | 'H2' | 'H3' | null;
      onward_sharing: boolean;
      version: number;
      tombstone: string | null;
    }>(
      'select handling, onward_sharing, version, tombstone from federation_received where origin = $1 and record_id = $2',
      [record.origin, record.id],
    );
    const row = rows[0];
    if (!row || row.version === 0) throw notFound(`No record ${record.id} of ${record.origin} here.`);
    if (row.tombstone) throw conflict(`The record is ${row.tombstone}; there is nothing to pass on.`);
    const allowed = onwardAllowed({ handling: row.handling ?? 'H2', onwardSharing: row.onward_sharing });
    if (!allowed.ok) {
      await appendAudit(tx, {
        actor,
        action: 'federation.reshare_refused',
        target: `record:${record.origin}/${record.id}`,
        detail: { to, reason: allowed.reason },
      });
      throw conflict(`Not re-shared: ${allowed.reason}.`);
    }
    const partner = await requirePartner(tx, to);
    if (partner.state !== 'active') throw conflict(`The partnership with ${to} is ${partner.state}.`);
    if (to === record.origin) throw conflict(`${to} is the record's origin.`);
    await tx.query(
      'insert into federation_reshares (origin, record_id, to_agency, created_by) values ($1, $2, $3, $4) on conflict do nothing',
      [record.origin, record.id, to, actor],
    );
    await enqueueReconcile(tx, { reshare: record });
    await appendAudit(tx, {
      actor,
      action: 'federation.reshared',
      target: `record:${record.origin}/${record.id}`,
      detail: { to },
    });
  });
}
