import type { Queryable } from '../platform/db/db.js';

// "What did we share with whom, when": read from the audit log, where every delivery (pull or bundle) is one entry
// listing the records that went.

export interface SharedRow {
  at: string;
  partner: string;
  how: 'pull' | 'bundle';
  origin: string;
  type: string;
  id: string;
  version: number;
  /** content, retracted, access-revoked or expired. */
  kind: string;
  handling: string | null;
}

export interface ReportQuery {
  partner?: string;
  since?: string;
  until?: string;
  limit: number;
}

export async function sharedReport(db: Queryable, q: ReportQuery): Promise<SharedRow[]> {
  const { rows } = await db.query<{
    at: Date;
    target: string;
    detail: { how: 'pull' | 'bundle'; records: [string, string, string, number, string, string | null][] };
  }>(
    `select at, target, detail from audit_log
      where action = 'federation.shared' and ($1::text is null or target = 'partner:' || $1)
        and ($2::timestamptz is null or at >= $2) and ($3::timestamptz is null or at < $3)
      order by seq desc limit 10000`,
    [q.partner ?? null, q.since ?? null, q.until ?? null],
  );
  const out: SharedRow[] = [];
  for (const r of rows) {
    for (const [origin, type, id, version, kind, handling] of r.detail.records ?? []) {
      out.push({
        at: r.at.toISOString(),
        partner: r.target.replace(/^partner:/, ''),
        how: r.detail.how,
        origin,
        type,
        id,
        version,
        kind,
        handling,
      });
      if (out.length >= q.limit) return out;
    }
  }
  return out;
}
