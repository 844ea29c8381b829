import { appendAudit } from '../platform/audit/log.js';
import { type Db, type Queryable, sqlErrorCode } from '../platform/db/db.js';
import { textArray } from '../platform/db/packed.js';
import type { SharedRecordChange } from '../platform/records.js';
import type { Signer } from './crypto.js';
import { type Decision, decide, type EgressRecord, type Sent } from './egress.js';
import { bodyOfChange, revocationBody, seal } from './envelope.js';
import { membershipResolver } from './membership.js';
import type { Envelope } from './model.js';
import { enqueueReconcile, nextJob, type ReconcileScope, scopeMatches } from './reconcile-jobs.js';
import { recordType } from './types.js';

// The dispatcher turns the outbox into each partner's feed. It reads `record_changes` in commit order, asks the
// egress filter about every active partner, and appends what is released to the partners' feeds. Every change of
// this node is sealed (signed) once as the dispatcher meets it, partners or not; revocations when they arise;
// it also works off re-evaluations (a partner paired, a membership changed, a re-share granted), which compare
// what each partner was sent (`federation_sent`) with what it may have now and emit revocations for exactly the
// partners that lost access. One dispatcher at a time (advisory lock), so feed positions are committed in order.

/** Held by a dispatch step; removing a partner takes it too, so that no step appends to a feed being deleted. */
export const DISPATCH_LOCK = 4_716_006;
/** Taken shared by every statement appending to record_changes (trigger of migration 0006), exclusively by the fence. */
const OUTBOX_FENCE = 4_716_007;
const FENCE_TRIES = 10;
let fenceMisses = 0;
export const DISPATCH_BATCH = 1000;

interface ChangeRow {
  seq: number;
  record_type: string;
  record_id: string;
  version: number;
  origin: string;
  handling: SharedRecordChange['handling'];
  handling_text: string | null;
  audience: SharedRecordChange['audience'];
  onward_sharing: boolean;
  record_date: string | null;
  tombstone: SharedRecordChange['tombstone'];
  /** Undefined when read without it (re-evaluations): loaded only for the changes that get sealed. */
  payload?: Record<string, unknown> | null;
  created_at: Date;
}

const DECISION_COLUMNS = `seq, record_type, record_id, version, origin, handling, handling_text, audience,
  onward_sharing, record_date::text as record_date, tombstone, created_at`;
// A live change without a payload is an imported seizure's: its payload is read from its record (migration 0009).
const PAYLOAD = `case when tombstone is null and payload is null then outbox_payload(record_type, record_id) else payload end`;
const CHANGE_COLUMNS = `${DECISION_COLUMNS}, ${PAYLOAD} as payload`;

/** One version of a record as the dispatcher handles it: a local change, or a received record being relayed. */
interface Item extends EgressRecord {
  id: string;
  type: string;
  recordDate: string;
  /** For a local change: its outbox row; for a relayed record: the envelope as received. */
  change?: ChangeRow;
  received?: Envelope;
}

interface Partner {
  id: string;
  agency: string;
}

export interface DispatchResult {
  busy: boolean;
  changes: number;
  reconciled: number;
  entries: number;
  /** Agencies whose feed grew (they get a "something new" notice). */
  partners: Set<string>;
  more: boolean;
}

const itemOfChange = (c: ChangeRow): Item => ({
  id: c.record_id,
  type: c.record_type,
  origin: c.origin,
  version: c.version,
  handling: c.handling,
  audience: c.audience,
  onwardSharing: c.onward_sharing,
  tombstone: c.tombstone,
  recordDate: c.record_date ?? c.created_at.toISOString().slice(0, 10),
  change: c,
});

const itemOfEnvelope = (e: Envelope): Item => ({
  id: e.id,
  type: e.type,
  origin: e.origin,
  version: e.version,
  handling: e.handling,
  audience: e.audience,
  onwardSharing: e.onwardSharing,
  tombstone: e.tombstone,
  recordDate: e.recordDate,
  received: e,
});

const changeOf = (c: ChangeRow): SharedRecordChange & { createdAt: string } => ({
  type: c.record_type,
  id: c.record_id,
  version: c.version,
  origin: c.origin,
  handling: c.handling,
  handlingText: c.handling_text,
  audience: c.audience,
  onwardSharing: c.onward_sharing,
  recordDate: c.record_date,
  payload: c.payload ?? null,
  tombstone: c.tombstone,
  createdAt: c.created_at.toISOString(),
});

/**
 * A live change without a payload (an imported seizure whose row is gone) cannot be sealed: an envelope carries a
 * payload or a tombstone. It is left out, not sealed empty, and the audit log says which change it was.
 */
const unsealable = (c: ChangeRow): boolean => c.tombstone === null && c.payload === null;

async function auditUnsealable(tx: Queryable, changes: readonly ChangeRow[]): Promise<void> {
  if (!changes.length) return;
  await appendAudit(tx, {
    actor: 'system:dispatcher',
    action: 'federation.unsealable',
    target: null,
    detail: { changes: changes.map((c) => [c.record_type, c.record_id, c.version, Number(c.seq)]) },
  });
}

async function activePartners(tx: Queryable): Promise<Partner[]> {
  const { rows } = await tx.query<{ id: string; agency_code: string }>(
    "select id, agency_code from federation_partners where state = 'active'",
  );
  return rows.map((r) => ({ id: r.id, agency: r.agency_code }));
}

interface Delivery {
  partner: Partner;
  item: Item;
  decision: Exclude<Decision, { release: 'nothing' }>;
}

interface NewEnvelope {
  kind: string;
  changeSeq: number | null;
  envelope: Envelope;
}

/** Stores sealed envelopes (their JSON text and the columns the feed index reads); returns their ids, in order. */
async function insertEnvelopes(tx: Queryable, rows: readonly NewEnvelope[]): Promise<number[]> {
  if (!rows.length) return [];
  const e = rows.map((t) => t.envelope);
  const texts = textArray(
    tx.engine,
    10,
    e.map((x) => JSON.stringify(x)),
  );
  const inserted = await tx.query<{ id: number }>(
    `insert into federation_envelopes (kind, change_seq, origin, record_type, record_id, version, tombstone, handling, audience, envelope, content_hash)
     select kind, change_seq, origin, record_type, record_id, version, tombstone, handling, audience::jsonb, envelope, content_hash
       from unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::uuid[], $6::int[], $7::text[], $8::text[], $9::text[], ${texts.sql}, $11::text[])
            with ordinality as x(kind, change_seq, origin, record_type, record_id, version, tombstone, handling, audience, envelope, content_hash, ord)
      order by ord
     returning id`,
    [
      rows.map((t) => t.kind),
      rows.map((t) => t.changeSeq),
      e.map((x) => x.origin),
      e.map((x) => x.type),
      e.map((x) => x.id),
      e.map((x) => x.version),
      e.map((x) => x.tombstone),
      e.map((x) => x.handling),
      e.map((x) => JSON.stringify(x.audience)),
      texts.param,
      e.map((x) => x.contentHash),
    ],
  );
  return inserted.rows.map((r) => Number(r.id));
}

/**
 * Seals this node's changes as the dispatcher meets them, whether or not any partner may have them yet: an envelope
 * does not depend on its recipient, so it is signed once, at write time, and a partner that joins later receives the
 * backlog already signed.
 */
async function sealChanges(
  tx: Queryable,
  signer: Signer,
  changes: readonly ChangeRow[],
  now: Date,
): Promise<void> {
  const own = changes.filter((c) => c.origin === signer.agency);
  if (!own.length) return;
  const issuedAt = now.toISOString();
  await insertEnvelopes(
    tx,
    own.map((c) => ({
      kind: 'change',
      changeSeq: Number(c.seq),
      envelope: seal(bodyOfChange(changeOf(c), signer, issuedAt), signer),
    })),
  );
}

/** Fills in the payloads of changes read without them (re-evaluations read only what the egress filter needs). */
async function loadPayloads(tx: Queryable, deliveries: readonly Delivery[]): Promise<void> {
  const missing = deliveries.flatMap((d) =>
    d.item.change && d.item.change.payload === undefined ? [d.item.change] : [],
  );
  if (!missing.length) return;
  const { rows } = await tx.query<{ seq: number; payload: Record<string, unknown> | null }>(
    `select seq, ${PAYLOAD} as payload from record_changes where seq = any($1::bigint[])`,
    [[...new Set(missing.map((c) => Number(c.seq)))]],
  );
  const bySeq = new Map(rows.map((r) => [Number(r.seq), r.payload]));
  for (const c of missing) c.payload = bySeq.get(Number(c.seq)) ?? null;
}

/**
 * What each partner was last sent of these items, by "partner|origin|id". A partner is looked up only if it was sent
 * anything in the items' id range of their origin (one probe of the primary key each): a partner that just joined
 * is sent its backlog in id order, so the range ahead of the re-evaluation is empty for it.
 */
async function sentTo(tx: Queryable, items: Item[], partners: Partner[]): Promise<Map<string, Sent>> {
  const sent = new Map<string, Sent>();
  const ranges = new Map<string, { lo: string; hi: string }>();
  for (const item of items) {
    const { origin } = item;
    // Compared as PostgreSQL orders uuids: lower-case hex, digit by digit.
    const id = item.id.toLowerCase();
    const r = ranges.get(origin);
    if (!r) ranges.set(origin, { lo: id, hi: id });
    else if (id < r.lo) r.lo = id;
    else if (id > r.hi) r.hi = id;
  }
  const { rows: withSent } = await tx.query<{ id: string }>(
    `select p::text as id from unnest($1::uuid[]) p
      where exists (select 1 from unnest($2::text[], $3::uuid[], $4::uuid[]) r(origin, lo, hi), federation_sent s
                     where s.partner_id = p and s.origin = r.origin and s.record_id between r.lo and r.hi)`,
    [
      partners.map((p) => p.id),
      [...ranges.keys()],
      [...ranges.values()].map((r) => r.lo),
      [...ranges.values()].map((r) => r.hi),
    ],
  );
  if (!withSent.length) return sent;
  const { rows } = await tx.query<{
    partner_id: string;
    origin: string;
    record_id: string;
    version: number;
    state: Sent['state'];
  }>(
    'select partner_id, origin, record_id, version, state from federation_sent where record_id = any($1::uuid[]) and partner_id = any($2::uuid[])',
    [items.map((i) => i.id), withSent.map((p) => p.id)],
  );
  for (const r of rows)
    sent.set(`${r.partner_id}|${r.origin}|${r.record_id}`, { version: r.version, state: r.state });
  return sent;
}

/**
 * Decides every (item, partner) pair, seals what is released and appends it to the feeds, in item order. Returns the
 * number of feed entries and the agencies that got any.
 */
async function deliver(
  tx: Queryable,
  self: string,
  signer: Signer,
  items: Item[],
  partners: Partner[],
  grants: ReadonlySet<string>,
  now: Date,
) {
  const touched = new Set<string>();
  if (!items.length || !partners.length) return { entries: 0, touched };
  const sent = await sentTo(tx, items, partners);
  const membership = membershipResolver(tx);
  let deliveries: Delivery[] = [];
  for (const item of items) {
    const resolved = await membership(item.audience, item.recordDate);
    for (const partner of partners) {
      const key = `${partner.id}|${item.origin}|${item.id}`;
      const decision = decide(item, {
        self,
        recipient: partner.agency,
        membership: resolved,
        sent: sent.get(key) ?? null,
        reshareGranted: grants.has(`${partner.agency}|${item.origin}|${item.id}`),
      });
      if (decision.release === 'nothing') continue;
      deliveries.push({ partner, item, decision });
      const state = decision.release === 'revocation' ? 'access-revoked' : (item.tombstone ?? 'content');
      sent.set(key, { version: item.version, state });
    }
  }
  if (!deliveries.length) return { entries: 0, touched };

  // Seal: a local change once (reused for every partner and later re-evaluations), other kinds once per batch.
  const issuedAt = now.toISOString();
  const changeSeqs = [
    ...new Set(
      deliveries
        .filter((d) => d.item.change && d.decision.release === 'envelope' && !d.decision.reseal)
        .map((d) => Number(d.item.change?.seq)),
    ),
  ];
  const envelopeIds = new Map<string, number>();
  if (changeSeqs.length) {
    const existing = await tx.query<{ id: number; change_seq: number }>(
      'select id, change_seq from federation_envelopes where change_seq = any($1::bigint[])',
      [changeSeqs],
    );
    for (const r of existing.rows) envelopeIds.set(`change|${Number(r.change_seq)}`, Number(r.id));
  }
  const toInsert: { key: string; kind: string; changeSeq: number | null; envelope: Envelope }[] = [];
  const planned = new Set<string>();
  const keyOf = (d: Delivery): string => {
    if (d.decision.release === 'revocation')
      return `revocation|${d.item.origin}|${d.item.id}|${d.item.version}`;
    if (d.item.received) return `relay|${d.item.origin}|${d.item.id}|${d.item.version}`;
    if (d.decision.reseal) return `reissue|${d.item.id}|${d.item.version}`;
    return `change|${Number(d.item.change?.seq)}`;
  };
  await loadPayloads(
    tx,
    deliveries.filter(
      (d) => d.decision.release === 'envelope' && !d.item.received && !envelopeIds.has(keyOf(d)),
    ),
  );
  const skipped = new Set(
    deliveries.flatMap((d) => (d.item.change && unsealable(d.item.change) ? [d.item.change] : [])),
  );
  if (skipped.size) {
    await auditUnsealable(tx, [...skipped]);
    deliveries = deliveries.filter((d) => !d.item.change || !skipped.has(d.item.change));
    if (!deliveries.length) return { entries: 0, touched };
  }
  for (const d of deliveries) {
    const key = keyOf(d);
    if (envelopeIds.has(key) || planned.has(key)) continue;
    planned.add(key);
    const [kind] = key.split('|') as [string];
    let envelope: Envelope;
    if (d.decision.release === 'revocation') {
      envelope = seal(revocationBody({ ...d.item }, signer, issuedAt), signer);
    } else if (d.item.received) {
      envelope = d.item.received;
    } else {
      envelope = seal(bodyOfChange(changeOf(d.item.change as ChangeRow), signer, issuedAt), signer);
    }
    toInsert.push({ key, kind, changeSeq: kind === 'change' ? Number(d.item.change?.seq) : null, envelope });
  }
  const ids = await insertEnvelopes(tx, toInsert);
  for (const [i, id] of ids.entries()) envelopeIds.set((toInsert[i] as { key: string }).key, id);
  await tx.query(
    `insert into federation_feed (partner_id, envelope_id)
     select p, e from unnest($1::uuid[], $2::bigint[]) with ordinality as t(p, e, ord) order by ord`,
    [deliveries.map((d) => d.partner.id), deliveries.map((d) => envelopeIds.get(keyOf(d)))],
  );
  const finalSent = new Map<
    string,
    { partner: string; origin: string; id: string; version: number; state: string }
  >();
  for (const d of deliveries) {
    const key = `${d.partner.id}|${d.item.origin}|${d.item.id}`;
    const s = sent.get(key) as Sent;
    finalSent.set(key, {
      partner: d.partner.id,
      origin: d.item.origin,
      id: d.item.id,
      version: s.version,
      state: s.state,
    });
    touched.add(d.partner.agency);
  }
  const rows = [...finalSent.values()];
  await tx.query(
    `insert into federation_sent (partner_id, origin, record_id, version, state)
     select * from unnest($1::uuid[], $2::text[], $3::uuid[], $4::int[], $5::text[])
     on conflict (partner_id, origin, record_id) do update set version = excluded.version, state = excluded.state, updated_at = now()`,
    [
      rows.map((r) => r.partner),
      rows.map((r) => r.origin),
      rows.map((r) => r.id),
      rows.map((r) => r.version),
      rows.map((r) => r.state),
    ],
  );
  return { entries: deliveries.length, touched };
}

/**
 * Latest versions of this node's records after a record id, a page at a time (for re-evaluations), among the changes
 * the dispatcher has met (up to `dispatched`). A change committed after the dispatcher's fence is left to the outbox
 * pass, which seals it and offers it to every partner; sealing it here too would seal it twice.
 */
async function latestVersions(
  tx: Queryable,
  self: string,
  afterRecord: string | null,
  limit: number,
  dispatched: number,
): Promise<ChangeRow[]> {
  const { rows } = await tx.query<ChangeRow>(
    `select distinct on (record_id) ${DECISION_COLUMNS} from record_changes
      where origin = $1 and record_id > $2::uuid and seq <= $4
      order by record_id, version desc limit $3`,
    [self, afterRecord ?? '00000000-0000-0000-0000-000000000000', limit, dispatched],
  );
  return rows;
}

async function grantsFor(tx: Queryable, items: { origin: string; id: string }[]): Promise<Set<string>> {
  if (!items.length) return new Set();
  const { rows } = await tx.query<{ origin: string; record_id: string; to_agency: string }>(
    'select origin, record_id, to_agency from federation_reshares where record_id = any($1::uuid[])',
    [items.map((i) => i.id)],
  );
  return new Set(rows.map((r) => `${r.to_agency}|${r.origin}|${r.record_id}`));
}

async function reconcilePage(
  tx: Queryable,
  self: string,
  signer: Signer,
  partners: Partner[],
  now: Date,
  limit: number,
  dispatched: number,
) {
  const job = await nextJob(tx);
  if (!job) return null;
  const scope: ReconcileScope = job.scope;
  let items: Item[] = [];
  let done = true;
  let last: string | null = job.afterRecord;
  let targets = partners;
  if ('reshare' in scope) {
    const { rows } = await tx.query<{ envelope: string | null }>(
      'select envelope from federation_received where origin = $1 and record_id = $2',
      [scope.reshare.origin, scope.reshare.id],
    );
    const envelope = rows[0]?.envelope;
    if (envelope) items = [itemOfEnvelope(JSON.parse(envelope) as Envelope)];
  } else {
    const page = await latestVersions(tx, self, job.afterRecord, limit, dispatched);
    done = page.length < limit;
    last = page.at(-1)?.record_id ?? last;
    items = page.filter((c) => scopeMatches(scope, c.audience)).map(itemOfChange);
    if ('partner' in scope) targets = partners.filter((p) => p.agency === scope.partner);
  }
  const grants = await grantsFor(tx, items);
  const delivered = await deliver(tx, self, signer, items, targets, grants, now);
  if (done) await tx.query('delete from federation_reconcile where id = $1', [job.id]);
  else await tx.query('update federation_reconcile set after_record = $2 where id = $1', [job.id, last]);
  return { reconciled: items.length, ...delivered, more: !done || (await nextJob(tx, job.id)) !== null };
}

/**
 * The highest outbox sequence number below which every transaction is over, or null when writers are busy. Writers
 * hold the fence lock shared from their insert to their commit; taking it exclusively waits them out. It is tried
 * without waiting first; after repeated misses (a steady stream of writers) it waits, for one second at most.
 */
async function fence(db: Db): Promise<number | null> {
  const wait = fenceMisses >= FENCE_TRIES;
  try {
    const safe = await db.transaction(async (tx) => {
      if (wait) await tx.query("set local lock_timeout = '1s'");
      const lock = await tx.query<{ ok: boolean | string }>(
        wait ? 'select pg_advisory_xact_lock($1)::text as ok' : 'select pg_try_advisory_xact_lock($1) as ok',
        [OUTBOX_FENCE],
      );
      if (lock.rows[0]?.ok === false) return null;
      const { rows } = await tx.query<{ seq: number | null }>('select max(seq) as seq from record_changes');
      return Number(rows[0]?.seq ?? 0);
    });
    fenceMisses = safe === null ? fenceMisses + 1 : 0;
    return safe;
  } catch (error) {
    if (sqlErrorCode(error) !== '55P03') throw error;
    return null;
  }
}

/**
 * One step of the dispatcher in one transaction: the next batch of outbox changes, or else one page of a
 * re-evaluation. `more` says whether another step has work.
 */
export async function dispatchOnce(
  db: Db,
  self: string,
  signer: (tx: Queryable) => Promise<Signer>,
  now = () => new Date(),
  limit = DISPATCH_BATCH,
  outboxFence: (db: Db) => Promise<number | null> = fence,
): Promise<DispatchResult> {
  const safe = await outboxFence(db);
  return db.transaction(async (tx) => {
    const idle: DispatchResult = {
      busy: false,
      changes: 0,
      reconciled: 0,
      entries: 0,
      partners: new Set(),
      more: false,
    };
    const lock = await tx.query<{ ok: boolean }>('select pg_try_advisory_xact_lock($1) as ok', [
      DISPATCH_LOCK,
    ]);
    if (!lock.rows[0]?.ok) return { ...idle, busy: true };
    const cursor = await tx.query<{ dispatch_seq: number }>('select dispatch_seq from federation_settings');
    const after = Number(cursor.rows[0]?.dispatch_seq ?? 0);
    const { rows: changes } =
      safe === null || safe <= after
        ? { rows: [] as ChangeRow[] }
        : await tx.query<ChangeRow>(
            `select ${CHANGE_COLUMNS} from record_changes where seq > $1 and seq <= $2 order by seq limit $3`,
            [after, safe, limit],
          );
    const partners = await activePartners(tx);
    if (changes.length) {
      const lastChange = changes.at(-1) as ChangeRow;
      await tx.query('update federation_settings set dispatch_seq = $1', [lastChange.seq]);
      // Only the latest change of a record in a batch matters; earlier ones are superseded by it.
      const latest = new Map<string, ChangeRow>();
      for (const c of changes) {
        latest.delete(c.record_id);
        latest.set(c.record_id, c);
        const affects = recordType(c.record_type)?.affectsMembership?.(c.payload ?? null);
        if (affects && partners.length) await enqueueReconcile(tx, { mechanisms: affects });
      }
      const skipped = [...latest.values()].filter(unsealable);
      for (const c of skipped) latest.delete(c.record_id);
      await auditUnsealable(tx, skipped);
      await sealChanges(tx, await signer(tx), [...latest.values()], now());
      const items = [...latest.values()].map(itemOfChange);
      const grants = await grantsFor(tx, items);
      const delivered =
        items.length && partners.length
          ? await deliver(tx, self, await signer(tx), items, partners, grants, now())
          : { entries: 0, touched: new Set<string>() };
      return {
        busy: false,
        changes: changes.length,
        reconciled: 0,
        entries: delivered.entries,
        partners: delivered.touched,
        more: true,
      };
    }
    if (!partners.length) {
      await tx.query('delete from federation_reconcile');
      return { ...idle, more: safe === null };
    }
    const page = await reconcilePage(tx, self, await signer(tx), partners, now(), limit, after);
    if (!page) return { ...idle, more: false };
    return {
      busy: false,
      changes: 0,
      reconciled: page.reconciled,
      entries: page.entries,
      partners: page.touched,
      more: page.more,
    };
  });
}
