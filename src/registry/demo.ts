/**
 * The registry's demo data set: facts from the seed articles (public reporting), each record citing its article,
 * all flagged `demo: true` so the interface can mark them. Loaded once, only on a node whose registry is empty.
 */
import type { Db, Queryable } from '../platform/db/db.js';
import { DEMO_AGENCIES } from './demo/agencies.js';
import { DEMO_AGREEMENTS } from './demo/agreements.js';
import { DEMO_MECHANISMS, DEMO_MEMBERSHIPS } from './demo/mechanisms.js';
import { DEMO_MEETINGS } from './demo/meetings.js';
import { DEMO_AD_PROJECTS, DEMO_COMMITMENTS, DEMO_TRAINING } from './demo/technical.js';
import type { Rec } from './kind.js';
import {
  adProjectKind,
  agencyKind,
  agreementKind,
  commitmentKind,
  KINDS,
  mechanismKind,
  meetingKind,
  membershipKind,
  trainingKind,
} from './kinds/index.js';
import { createIn, type Writer } from './store.js';

export const DEMO_ACTOR = 'system:demo-data';

/** Whether any registry table has a row (live or retracted): then demo data is never loaded. */
export async function registryIsEmpty(db: Queryable): Promise<boolean> {
  for (const kind of KINDS) {
    const { rows } = await db.query(`select 1 from ${kind.table} limit 1`);
    if (rows.length) return false;
  }
  return true;
}

/** Counts of the demo data set by kind (for documentation and tests). */
export function demoCounts(): Record<string, number> {
  return {
    agencies: DEMO_AGENCIES.length,
    mechanisms: DEMO_MECHANISMS.length,
    memberships: DEMO_MEMBERSHIPS.length,
    agreements: DEMO_AGREEMENTS.length,
    meetings: DEMO_MEETINGS.length,
    commitments: DEMO_COMMITMENTS.length,
    training: DEMO_TRAINING.length,
    'ad-projects': DEMO_AD_PROJECTS.length,
  };
}

function keyed(ids: Map<string, string>, key: string | undefined, what: string): string | null {
  if (key === undefined) return null;
  const id = ids.get(key);
  if (!id) throw new Error(`demo data: no ${what} with key ${key}`);
  return id;
}

/**
 * Loads the demo data in one transaction when the registry is empty; returns whether it did. `agencyCode` is this
 * node's agency: the demo agency with that code is marked as running a node, and every record's origin is it.
 */
export async function loadDemoRegistry(db: Db, agencyCode: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Two nodes starting on one PostgreSQL database must not both load it.
    await tx.query('select pg_advisory_xact_lock($1)', [4_716_004]);
    if (!(await registryIsEmpty(tx))) return false;
    const writer: Writer = { actor: DEMO_ACTOR, origin: agencyCode };
    const put = (kind: typeof agencyKind, data: Rec) => createIn(tx, kind, { ...data, demo: true }, writer);
    for (const a of DEMO_AGENCIES) await put(agencyKind, { ...a, runsNode: a.code === agencyCode });
    for (const m of DEMO_MECHANISMS) await put(mechanismKind, m);
    for (const m of DEMO_MEMBERSHIPS) await put(membershipKind, m);
    const agreements = new Map<string, string>();
    for (const a of DEMO_AGREEMENTS) agreements.set(a.key, String((await put(agreementKind, a.data)).id));
    const meetings = new Map<string, string>();
    for (const m of DEMO_MEETINGS) meetings.set(m.key, String((await put(meetingKind, m.data)).id));
    for (const c of DEMO_COMMITMENTS) {
      await put(commitmentKind, {
        ...c.data,
        meeting: keyed(meetings, c.from.meeting, 'meeting'),
        agreement: keyed(agreements, c.from.agreement, 'agreement'),
      });
    }
    for (const t of DEMO_TRAINING)
      await put(trainingKind, { ...t.data, agreement: keyed(agreements, t.agreement, 'agreement') });
    for (const p of DEMO_AD_PROJECTS) await put(adProjectKind, p);
    return true;
  });
}
