import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAVE_DATA, idsSlice, importFile, removeDir, tempDir } from '../../test/seizures/support.js';
import { ADMIN_PASSWORD, startTestNode, type TestNode } from '../../test/support/node.js';
import type { Queryable } from '../platform/db/db.js';
import { generateAgencyKeyPair } from '../platform/identity/keys.js';
import { generateEncryptionKeyPair } from './bundle.js';
import { signerFromPem } from './crypto.js';
import { dispatchOnce } from './dispatch.js';
import { makeCard } from './invitation.js';
import { activeSigner } from './local-keys.js';
import { createNote } from './notes.js';
import { enqueueReconcile } from './reconcile-jobs.js';

// The dispatcher on one node (CN) with one partner (MM, bundles only). A re-evaluation must cover only the changes the
// outbox pass has met: a change committed after the dispatcher's fence used to be sealed by the re-evaluation and
// then again by the outbox pass, whose unique change_seq then failed every later step (seen on PostgreSQL in CI).

let node: TestNode;
const signer = (tx: Queryable) => activeSigner(tx, node.ctx.config.dataDir, 'CN');
const toMm = { audience: { agencies: ['MM'], mechanisms: [], taskForces: [] } };

async function drain(): Promise<number> {
  let steps = 0;
  for (;;) {
    const step = await dispatchOnce(node.ctx.db, 'CN', signer);
    steps++;
    if (!step.more || steps > 50) return steps;
  }
}

const envelopesPerChange = async () =>
  (
    await node.ctx.db.query<{ seq: number; n: number }>(
      `select c.seq::int as seq, count(e.id)::int as n from record_changes c
         left join federation_envelopes e on e.change_seq = c.seq and e.kind = 'change'
        where c.record_type = 'intel.note' group by c.seq order by c.seq`,
    )
  ).rows.map((r) => r.n);

const feedOfMm = async () =>
  (
    await node.ctx.db.query<{ subject: string }>(
      `select e.envelope::jsonb -> 'payload' ->> 'subject' as subject from federation_feed f
         join federation_partners p on p.id = f.partner_id join federation_envelopes e on e.id = f.envelope_id
        where p.agency_code = 'MM' order by f.pos`,
    )
  ).rows.map((r) => r.subject);

beforeAll(async () => {
  node = await startTestNode({ LIAISON_AGENCY_CODE: 'CN', LIAISON_AGENCY_NAME: 'CN bureau' });
  const admin = await node.login('admin', ADMIN_PASSWORD);
  const mmKeys = generateAgencyKeyPair();
  const now = Date.now();
  const invitation = makeCard(signerFromPem('MM', mmKeys.privateKeyPem), {
    agency: 'MM',
    name: 'MM bureau',
    country: 'MM',
    endpoint: null,
    publicKey: mmKeys.publicKey,
    encryptionKey: generateEncryptionKeyPair().publicKey,
    for: 'CN',
    issuedAt: new Date(now).toISOString(),
    expiresAt: new Date(now + 86_400_000).toISOString(),
  });
  for (const [url, payload] of [
    ['/api/v1/federation/partners', { invitation }],
    ['/api/v1/federation/partners/MM/confirm', { fingerprint: mmKeys.fingerprint }],
  ] as const) {
    const res = await node.app.inject({ method: 'POST', url, payload, headers: { cookie: admin } });
    expect(res.statusCode, res.body).toBeLessThan(300);
  }
});

afterAll(async () => {
  await node?.close();
});

describe('a re-evaluation racing a new change', () => {
  it('leaves a change committed after the fence to the outbox pass: sealed once, released once', async () => {
    await createNote(node.ctx.db, 'CN', { subject: 'first', body: '…', policy: toMm }, 'user:test');
    await drain();
    const { rows } = await node.ctx.db.query<{ seq: number }>(
      'select max(seq)::int as seq from record_changes',
    );
    const fenceSeenAt = Number(rows[0]?.seq);
    await enqueueReconcile(node.ctx.db, { partner: 'MM' });
    // Committed after the fence below was taken: the step sees it in the table but not below its fence.
    await createNote(node.ctx.db, 'CN', { subject: 'second', body: '…', policy: toMm }, 'user:test');
    const step = await dispatchOnce(node.ctx.db, 'CN', signer, undefined, undefined, async () => fenceSeenAt);
    expect(step).toMatchObject({ changes: 0, busy: false });
    await drain();
    expect(await envelopesPerChange()).toEqual([1, 1]);
    expect(await feedOfMm()).toEqual(['first', 'second']);
  });
});

// A re-evaluation looks up what a partner was sent only when it was sent something in the page's id range; the
// range must cover the whole page, not just its first record (here one the partner never had).
describe('a re-evaluation of records a partner was sent only some of', () => {
  it('revokes exactly the ones it was sent when it leaves the task force', async () => {
    const admin = await node.login('admin', ADMIN_PASSWORD);
    const putForce = async (leftOn: string | null) => {
      const res = await node.app.inject({
        method: 'PUT',
        url: '/api/v1/federation/task-forces/TF-RANGE',
        headers: { cookie: admin },
        payload: {
          name: 'Range task force',
          members: [{ agency: 'MM', joinedOn: '2026-01-01', leftOn }],
        },
      });
      expect(res.statusCode, res.body).toBeLessThan(300);
    };
    await putForce(null);
    await drain();
    const toForce = { audience: { agencies: [], mechanisms: [], taskForces: ['TF-RANGE'] } };
    // Created first, so the lowest id of the page: dated before MM joined, never released to it.
    await createNote(
      node.ctx.db,
      'CN',
      { subject: 'range: before', body: '…', recordDate: '2025-06-01', policy: toForce },
      'user:test',
    );
    for (const subject of ['range: during 1', 'range: during 2'])
      await createNote(
        node.ctx.db,
        'CN',
        { subject, body: '…', recordDate: '2026-02-01', policy: toForce },
        'user:test',
      );
    await drain();
    const rangeFeed = async () =>
      (
        await node.ctx.db.query<{ subject: string; tombstone: string | null }>(
          `select n.subject, e.tombstone from federation_feed f
             join federation_partners p on p.id = f.partner_id join federation_envelopes e on e.id = f.envelope_id
             join federation_notes n on n.id = e.record_id
            where p.agency_code = 'MM' and n.subject like 'range:%' order by f.pos`,
        )
      ).rows.map((r) => `${r.subject} ${r.tombstone ?? 'content'}`);
    expect(await rangeFeed()).toEqual(['range: during 1 content', 'range: during 2 content']);
    // MM's membership now ends before the records' date: it loses both, and never had the first.
    await putForce('2026-01-15');
    await drain();
    expect(await rangeFeed()).toEqual([
      'range: during 1 content',
      'range: during 2 content',
      'range: during 1 access-revoked',
      'range: during 2 access-revoked',
    ]);
  });
});

// An imported seizure's outbox row stores no payload (migration 0009): the dispatcher reads it from the seizures row.
describe.skipIf(!HAVE_DATA)('sealing imported seizures', () => {
  it('seals each with its payload read from its row, once', async () => {
    const dir = tempDir();
    try {
      const file = path.join(dir, 'ids-40.csv');
      await idsSlice(file, 41);
      const imp = await importFile(node.ctx.db, file, null, { agencyCode: 'CN' });
      const written = imp.accepted + imp.duplicates;
      expect(written).toBeGreaterThan(30);
      const stored = await node.ctx.db.query<{ n: number; without: number }>(
        `select count(*)::int as n, count(*) filter (where payload is null)::int as without
           from record_changes where record_type = 'seizures.seizure'`,
      );
      expect(stored.rows[0]).toEqual({ n: written, without: written });
      await drain();
      const { rows } = await node.ctx.db.query<{
        payload: Record<string, unknown>;
        s: Record<string, unknown>;
      }>(
        `select e.envelope::jsonb -> 'payload' as payload,
                jsonb_build_object('date', to_char(s.seizure_date, 'YYYY-MM-DD'), 'country', s.country,
                  'quantityReported', s.quantity_text, 'unitReported', s.unit_text, 'drugReported', s.drug_text,
                  'source', jsonb_build_object('file', s.source_file, 'row', s.source_row),
                  'duplicateOf', s.duplicate_of) as s
           from federation_envelopes e join seizures s on s.id = e.record_id
          where e.kind = 'change' and e.record_type = 'seizures.seizure' order by s.source_row`,
      );
      expect(rows).toHaveLength(written);
      for (const r of rows) {
        expect(r.payload).toMatchObject(r.s);
        expect(Object.keys(r.payload)).toHaveLength(27);
      }
      expect(rows.map((r) => (r.payload.source as { row: number }).row)).toEqual([
        ...new Set(rows.map((r) => (r.s.source as { row: number }).row)),
      ]);
    } finally {
      removeDir(dir);
    }
  });
});

// A live change whose payload cannot be read (a seizure change without its row) is never sealed as an envelope with
// neither payload nor tombstone: it is left out, audited, and the changes after it go on.
describe('a change that cannot be sealed', () => {
  it('is left out of the outbox pass and of a re-evaluation, audited, and the feed goes on', async () => {
    const missing = '01900000-0000-7000-8000-00000000dead';
    await node.ctx.db.query(
      `insert into record_changes (record_type, record_id, version, origin, handling, audience, onward_sharing, record_date, payload)
       values ('seizures.seizure', $1, 1, 'CN', 'H2', $2::jsonb, false, date '2025-01-01', null)`,
      [missing, JSON.stringify(toMm.audience)],
    );
    await createNote(node.ctx.db, 'CN', { subject: 'after the gap', body: '…', policy: toMm }, 'user:test');
    await drain();
    await enqueueReconcile(node.ctx.db, { partner: 'MM' });
    await drain();
    expect((await feedOfMm()).at(-1)).toBe('after the gap');
    const sealed = await node.ctx.db.query('select 1 from federation_envelopes where record_id = $1', [
      missing,
    ]);
    expect(sealed.rows).toHaveLength(0);
    const { rows } = await node.ctx.db.query<{ detail: { changes: unknown[][] } }>(
      "select detail from audit_log where action = 'federation.unsealable' order by seq",
    );
    expect(rows.map((r) => r.detail.changes.map((c) => c[1]))).toEqual([[missing], [missing]]);
  });
});
