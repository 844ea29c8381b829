import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/support/db.js';
import { migrate } from '../platform/db/migrate.js';
import { feedIndex, feedPageWithEnvelopes } from './feed.js';

// A feed page with its envelopes is written by the database as JSON text; it must say exactly what the index page
// of the same positions says (the partner checks each envelope against it), carry each envelope byte for byte as
// stored, and leave the same delivery record in the audit log.

let t: TestDb;
const partner = { id: '0193a0b0-0000-7000-8000-000000000001', agency: 'MM' };
const other = '0193a0b0-0000-7000-8000-000000000002';

beforeAll(async () => {
  t = await createTestDb();
  await migrate(t.db);
  for (const [id, agency] of [
    [partner.id, partner.agency],
    [other, 'TH'],
  ])
    await t.db.query(
      `insert into federation_partners (id, agency_code, agency_name, state, card_fingerprint, accepted_by)
       values ($1, $2, $2, 'active', 'x', 'test')`,
      [id, agency],
    );
  // Twelve envelopes: content, tombstones, H3 with no handling code stored, audiences of each kind, text that needs
  // escaping; every other one also goes to another partner's feed, in between.
  for (let n = 1; n <= 12; n++) {
    const tombstone = n % 5 === 0 ? 'retracted' : null;
    const audience =
      n % 3 === 0
        ? { agencies: [], mechanisms: ['SCO'], taskForces: [] }
        : { agencies: ['MM', 'LA'], mechanisms: [], taskForces: ['tf-1'] };
    const envelope = JSON.stringify({ id: n, subject: `Shan "route" \\ ${n} 掸邦 Шан`, tombstone });
    const { rows } = await t.db.query<{ id: number }>(
      `insert into federation_envelopes (kind, origin, record_type, record_id, version, tombstone, handling, audience, envelope, content_hash)
       values ('change', 'CN', 'intel.note', $1, $2, $3, $4, $5::jsonb, $6, $7) returning id`,
      [
        `0193a0b0-0000-7000-8000-${String(100 + n).padStart(12, '0')}`,
        n,
        tombstone,
        n === 7 ? null : `H${n % 4}`,
        JSON.stringify(audience),
        envelope,
        `sha256:${String(n).padStart(64, '0')}`,
      ],
    );
    const envelopeId = rows[0]?.id;
    await t.db.query('insert into federation_feed (partner_id, envelope_id) values ($1, $2)', [
      partner.id,
      envelopeId,
    ]);
    if (n % 2)
      await t.db.query('insert into federation_feed (partner_id, envelope_id) values ($1, $2)', [
        other,
        envelopeId,
      ]);
  }
}, 120_000);

afterAll(() => t?.cleanup());

const page = async (after: number, limit: number) => {
  const texts = await feedPageWithEnvelopes(t.db, partner, after, limit);
  return {
    texts,
    entries: JSON.parse(`[${texts.entries}]`) as { pos: number }[],
    envelopes: JSON.parse(`[${texts.envelopes}]`) as { pos: number; envelope: unknown }[],
  };
};

describe('a feed page with its envelopes', () => {
  it('lists the entries the index page lists, with the same head and the same "more", page after page', async () => {
    let after = 0;
    for (const limit of [5, 5, 5]) {
      const index = await feedIndex(t.db, partner.id, after, limit);
      const { texts, entries } = await page(after, limit);
      expect(entries).toEqual(index.entries);
      expect({ count: texts.count, more: texts.more, head: texts.head }).toEqual({
        count: index.entries.length,
        more: index.more,
        head: index.head,
      });
      after = index.entries.at(-1)?.pos ?? after;
    }
    expect(after).toBeGreaterThan(0);
    expect((await page(after, 5)).texts).toEqual({
      entries: '',
      envelopes: '',
      count: 0,
      more: false,
      head: after,
    });
  });

  it('carries each envelope byte for byte as stored, at its position', async () => {
    const { texts, envelopes } = await page(0, 20);
    const { rows } = await t.db.query<{ pos: number; envelope: string }>(
      `select f.pos, e.envelope from federation_feed f join federation_envelopes e on e.id = f.envelope_id
        where f.partner_id = $1 order by f.pos`,
      [partner.id],
    );
    expect(texts.envelopes).toBe(rows.map((r) => `{"pos":${r.pos},"envelope":${r.envelope}}`).join(','));
    expect(envelopes.map((e) => e.pos)).toEqual(rows.map((r) => Number(r.pos)));
  });

  it('records what went to whom in the audit log, one entry a page', async () => {
    await page(0, 3);
    const { rows } = await t.db.query<{
      actor: string;
      detail: { how: string; count: number; records: unknown[] };
    }>("select actor, detail from audit_log where action = 'federation.shared' order by seq desc limit 1");
    const index = await feedIndex(t.db, partner.id, 0, 3);
    expect(rows[0]).toEqual({
      actor: 'partner:MM',
      detail: {
        how: 'pull',
        count: 3,
        records: index.entries.map((e) => [
          e.origin,
          e.type,
          e.id,
          e.version,
          e.tombstone ?? 'content',
          e.handling,
        ]),
      },
    });
  });
});
