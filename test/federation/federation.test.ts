import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEncryptionKeyPair } from '../../src/federation/bundle.js';
import { signerFromPem } from '../../src/federation/crypto.js';
import { bodyOf, seal } from '../../src/federation/envelope.js';
import type { Envelope } from '../../src/federation/model.js';
import { signRequest } from '../../src/federation/requests.js';
import { keyFilePath } from '../../src/platform/identity/identity.js';
import { generateAgencyKeyPair } from '../../src/platform/identity/keys.js';
import {
  api,
  cli,
  type Node,
  ok,
  pair,
  removeAll,
  removeNode,
  restartNode,
  signerOf,
  sql,
  startNode,
  stopNode,
  until,
} from './harness.js';
import {
  audience,
  correct,
  Expected,
  holdings,
  labels,
  note,
  payloadAt,
  received,
  retract,
  syncAll,
  tamperingProxy,
} from './support.js';

// Four sovereign nodes on loopback, each a separate `liaison serve` process with its own database: CN always on
// PostgreSQL (a fresh database on the local server), MM and TH also on PostgreSQL when DATABASE_URL is set, the rest
// on embedded PGlite. The tests run in order on the same nodes and, after every step, assert the exact set of
// (origin, record, version, tombstone) every node holds.

const PG = !!process.env.DATABASE_URL;
let cn: Node;
let mm: Node;
let th: Node;
let la: Node;
/** TH's air-gapped twin: the same agency keys on another machine, reached only by bundle files. */
let twin: Node;
let all: Node[];
const expected = new Expected(['CN', 'MM', 'TH', 'LA']);
const scratch = mkdtempSync(path.join(tmpdir(), 'liaison-fed-files-'));

beforeAll(async () => {
  const thKeys = {
    agency: generateAgencyKeyPair().privateKeyPem,
    encryption: generateEncryptionKeyPair().privateKeyPem,
  };
  [cn, mm, th, la, twin] = await Promise.all([
    startNode('CN', { postgres: true }),
    startNode('MM', { postgres: PG }),
    // TH verifies with a pool of three threads (the default on this 2-core machine is one): its holdings are checked
    // exactly like the others'.
    startNode('TH', { postgres: PG, keys: thKeys, env: { LIAISON_VERIFY_THREADS: '3' } }),
    startNode('LA'),
    startNode('TH', { postgres: true, keys: thKeys }),
  ]);
  all = [cn, mm, th, la];
  await Promise.all([pair(cn, mm), pair(th, la)]);
  await Promise.all([pair(cn, th), pair(mm, la)]);
  await Promise.all([pair(cn, la), pair(mm, th)]);
}, 300_000);

afterAll(async () => {
  await Promise.all([...(all ?? []), twin].filter(Boolean).map((n) => removeNode(n).catch(() => undefined)));
  await removeAll();
  rmSync(scratch, { recursive: true, force: true });
});

describe('federation of four nodes (CN on PostgreSQL)', () => {
  it('pairs every two agencies after both administrators confirmed the fingerprint shown', async () => {
    for (const node of all) {
      const partners = await ok<{ agency: string; state: string; fingerprint: string }[]>(
        node,
        'GET',
        '/api/v1/federation/partners',
        node.admin,
      );
      const others = all.filter((n) => n !== node).map((n) => n.agency);
      expect(partners.map((p) => [p.agency, p.state])).toEqual(others.sort().map((a) => [a, 'active']));
      for (const p of partners) {
        const other = all.find((n) => n.agency === p.agency) as Node;
        const identity = await ok<{ fingerprint: string }>(other, 'GET', '/api/v1/node', other.admin);
        expect(p.fingerprint).toBe(identity.fingerprint);
      }
    }
    const listed = await cli(cn, ['partner', 'list']);
    expect(listed.stdout).toMatch(/^MM\s+active\s+http:\/\/127\.0\.0\.1:\d+/m);
    expect(listed.stdout.trim().split('\n')).toHaveLength(3);
    expect(await ok(twin, 'GET', '/api/v1/federation/partners', twin.admin)).toEqual([]);
    await expected.check(all);
  });

  it('delivers a bilateral CN→MM record to MM within seconds by the notice path, and never to TH or LA', async () => {
    const started = Date.now();
    const n1 = await note(cn, 'n1', { to: ['MM'] });
    await until('n1 at MM without a manual pull', async () => (await holdings(mm)).includes('CN/n1@1'), 5000);
    expect(Date.now() - started).toBeLessThan(5000);
    await syncAll(all);
    expected.set('MM', 'CN/n1', '@1');
    await expected.check(all);
    const shared = await ok<{ partner: string; id: string }[]>(
      cn,
      'GET',
      '/api/v1/federation/report/shared',
      cn.admin,
    );
    expect(shared.filter((r) => r.id === n1).map((r) => r.partner)).toEqual(['MM']);
  });

  it("shares with the members of a mechanism at the record's date, and revokes for a member that leaves", async () => {
    for (const code of ['CN', 'MM', 'TH', 'LA']) {
      await ok(
        cn,
        'POST',
        '/api/v1/registry/agencies',
        cn.admin,
        { code, kind: 'national_bureau', names: { en: `${code} bureau` } },
        201,
      );
    }
    await ok(
      cn,
      'POST',
      '/api/v1/registry/mechanisms',
      cn.admin,
      { code: 'GMS-MOU', kind: 'regional', names: { en: 'Greater Mekong MOU' } },
      201,
    );
    const joined: Record<string, string> = {
      CN: '2020-01-01',
      MM: '2020-01-01',
      LA: '2020-01-01',
      TH: '2024-06-01',
    };
    const memberships: Record<string, string> = {};
    for (const [agency, joinedOn] of Object.entries(joined)) {
      const m = await ok<{ id: string }>(
        cn,
        'POST',
        '/api/v1/registry/memberships',
        cn.admin,
        { mechanism: 'GMS-MOU', agency, role: 'member', joinedOn },
        201,
      );
      memberships[agency] = m.id;
    }
    await note(cn, 'm0', { mechanisms: ['GMS-MOU'], recordDate: '2019-06-01' });
    const m1 = await note(cn, 'm1', { mechanisms: ['GMS-MOU'], recordDate: '2023-03-01' });
    const m2 = await note(cn, 'm2', { mechanisms: ['GMS-MOU'], recordDate: '2025-03-01' });
    await syncAll(all);
    for (const a of ['MM', 'LA']) expected.set(a, 'CN/m1', '@1');
    for (const a of ['MM', 'TH', 'LA']) expected.set(a, 'CN/m2', '@1');
    await expected.check(all);

    // LA leaves the MOU on 2025-01-01: it keeps m1 (dated while it was a member) and loses m2, and only LA.
    await ok(cn, 'PATCH', `/api/v1/registry/memberships/${memberships.LA}`, cn.admin, {
      leftOn: '2025-01-01',
    });
    await syncAll(all);
    expected.set('LA', 'CN/m2', '@1:access-revoked');
    await expected.check(all);
    const purged = await payloadAt(la, 'CN', m2);
    expect(purged).toMatchObject({ record: { tombstone: 'access-revoked', version: 1 }, payload: null });
    expect((await payloadAt(la, 'CN', m1)).payload).toMatchObject({ subject: 'm1' });
  });

  it('refuses to re-share an H2 record, passes on an H0 record allowed onward, and revokes it when the handling is lowered', async () => {
    const n1 = [...labels].find(([, l]) => l === 'n1')?.[0] as string;
    const refused = await api<{ detail: string }>(mm, 'POST', '/api/v1/federation/reshares', mm.admin, {
      origin: 'CN',
      id: n1,
      to: 'TH',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('H2: not to be disseminated further');

    const n2 = await note(cn, 'n2', { to: ['MM'], handling: 'H0', onwardSharing: true });
    await syncAll(all);
    await ok(mm, 'POST', '/api/v1/federation/reshares', mm.admin, { origin: 'CN', id: n2, to: 'TH' }, 204);
    await syncAll(all);
    expected.set('MM', 'CN/n2', '@1');
    expected.set('TH', 'CN/n2', '@1');
    await expected.check(all);
    expect((await received(th)).find((r) => r.id === n2)?.receivedFrom).toBe('MM');

    // CN lowers n2 to H2 without onward sharing: MM gets version 2; TH, which had it only through MM, is revoked.
    await correct(cn, n2, { policy: { handling: 'H2', onwardSharing: false } });
    await syncAll(all);
    expected.set('MM', 'CN/n2', '@2');
    expected.set('TH', 'CN/n2', '@2:access-revoked');
    await expected.check(all);
    expect((await payloadAt(th, 'CN', n2)).payload).toBeNull();
  });

  it('propagates corrections and retractions, and a narrowed audience revokes exactly who was removed', async () => {
    const n3 = await note(cn, 'n3', { to: ['MM', 'TH'] });
    const n4 = await note(cn, 'n4', { to: ['MM', 'TH'] });
    await syncAll(all);
    await correct(cn, n3, { body: 'corrected text of n3' });
    await correct(cn, n4, { policy: { audience: audience('MM') } });
    await syncAll(all);
    for (const a of ['MM', 'TH']) expected.set(a, 'CN/n3', '@2');
    expected.set('MM', 'CN/n4', '@2');
    expected.set('TH', 'CN/n4', '@2:access-revoked');
    await expected.check(all);
    expect((await payloadAt(th, 'CN', n3)).payload).toMatchObject({ body: 'corrected text of n3' });

    await retract(cn, n3);
    await syncAll(all);
    for (const a of ['MM', 'TH']) expected.set(a, 'CN/n3', '@3:retracted');
    await expected.check(all);
    expect((await payloadAt(mm, 'CN', n3)).payload).toBeNull();
  });

  it('keeps a reference to a record not yet received as a placeholder, filled when the record arrives', async () => {
    const n5 = await note(cn, 'n5', { to: ['MM'] });
    await syncAll(all);
    await note(mm, 'r1', { to: ['TH', 'LA'], refersTo: { origin: 'CN', id: n5 } });
    await syncAll(all);
    expected.set('MM', 'CN/n5', '@1');
    for (const a of ['TH', 'LA']) {
      expected.set(a, 'MM/r1', '@1');
      expected.set(a, 'CN/n5', '@0:placeholder');
    }
    await expected.check(all);

    await correct(cn, n5, { policy: { audience: audience('MM', 'TH') } });
    await syncAll(all);
    expected.set('MM', 'CN/n5', '@2');
    expected.set('TH', 'CN/n5', '@2');
    await expected.check(all);
  });

  it('refuses a replayed, stale or wrongly signed request, and a replayed envelope changes nothing', async () => {
    const path = '/api/v1/federation/feed?after=0&limit=10';
    const headers = signRequest(signerOf(mm), { method: 'GET', path, to: 'CN', body: null }, new Date());
    const first = await fetch(`${cn.base}${path}`, { headers });
    expect(first.status).toBe(200);
    const replay = await fetch(`${cn.base}${path}`, { headers });
    expect(replay.status).toBe(401);
    expect(((await replay.json()) as { title: string }).title).toBe('Replayed request');
    const stale = signRequest(
      signerOf(mm),
      { method: 'GET', path, to: 'CN', body: null },
      new Date(Date.now() - 10 * 60_000),
    );
    expect((await fetch(`${cn.base}${path}`, { headers: stale })).status).toBe(401);
    const forged = {
      ...signRequest(signerOf(la), { method: 'GET', path, to: 'CN', body: null }, new Date()),
      'liaison-agency': 'MM',
    };
    expect((await fetch(`${cn.base}${path}`, { headers: forged })).status).toBe(401);
    const notice = signRequest(
      signerOf(la),
      { method: 'POST', path: '/api/v1/federation/notice', to: 'MM', body: {} },
      new Date(),
    );
    const noticeHeaders = { ...notice, 'content-type': 'application/json' };
    expect(
      (
        await fetch(`${mm.base}/api/v1/federation/notice`, {
          method: 'POST',
          headers: noticeHeaders,
          body: '{}',
        })
      ).status,
    ).toBe(202);
    expect(
      (
        await fetch(`${mm.base}/api/v1/federation/notice`, {
          method: 'POST',
          headers: noticeHeaders,
          body: '{}',
        })
      ).status,
    ).toBe(401);

    // The same envelopes again, as a bundle: every one is already held, nothing changes.
    const bundle = await ok(cn, 'POST', '/api/v1/federation/bundles/export', cn.admin, { to: 'MM' });
    for (let i = 0; i < 2; i++) {
      const result = await ok<{ applied: number; skipped: number; quarantined: number; count: number }>(
        mm,
        'POST',
        '/api/v1/federation/bundles/import',
        mm.admin,
        bundle,
      );
      expect(result).toMatchObject({ applied: 0, quarantined: 0 });
      expect(result.skipped).toBe(result.count);
    }
    await syncAll(all, 1);
    await expected.check(all);
  });

  it('quarantines a tampered envelope and one signed with a wrong key, and the feed goes on', async () => {
    // CN's name with LA's key: what a node that stole nothing but impersonates CN could produce.
    const forger = signerFromPem('CN', readFileSync(keyFilePath(la.dataDir), 'utf8'));
    const tampered = new Set<string>();
    const proxy = await tamperingProxy(
      () => cn.base,
      (envelopes) => {
        for (const item of envelopes) {
          const e = item.envelope as unknown as Envelope;
          const label = labels.get(e.id);
          if (label === 'n6' && e.version === 1) {
            item.envelope = {
              ...e,
              payload: { ...e.payload, body: 'altered in transit' },
            } as unknown as Record<string, unknown>;
            tampered.add('n6');
          }
          if (label === 'n7' && e.version === 1) {
            item.envelope = seal({ ...bodyOf(e), key: forger.fingerprint }, forger) as unknown as Record<
              string,
              unknown
            >;
            tampered.add('n7');
          }
        }
      },
    );
    try {
      await ok(mm, 'PATCH', '/api/v1/federation/partners/CN', mm.admin, { endpoint: proxy.url });
      await note(cn, 'n6', { to: ['MM'] });
      await note(cn, 'n7', { to: ['MM'] });
      await note(cn, 'n8', { to: ['MM'] });
      await ok(cn, 'POST', '/api/v1/federation/dispatch', cn.admin);
      // (MM's worker may already have pulled on CN's notice, through the same proxy; this pull waits for it.)
      await ok(mm, 'POST', '/api/v1/federation/partners/CN/pull', mm.admin);
      expect(tampered).toEqual(new Set(['n6', 'n7']));
    } finally {
      await ok(mm, 'PATCH', '/api/v1/federation/partners/CN', mm.admin, { endpoint: cn.base });
      await proxy.close();
    }
    const quarantine = await ok<{ recordId: string; reason: string }[]>(
      mm,
      'GET',
      '/api/v1/federation/quarantine?from=CN',
      mm.admin,
    );
    const reasons = Object.fromEntries(quarantine.map((q) => [labels.get(q.recordId), q.reason]));
    expect(reasons.n6).toMatch(/^hash-mismatch/);
    expect(reasons.n7).toMatch(/^unknown-key: CN: no trusted key/);
    const sync = await ok<{ quarantined: number; recentQuarantine: unknown[]; lastError: string | null }>(
      mm,
      'GET',
      '/api/v1/federation/partners/CN/sync',
      mm.admin,
    );
    expect(sync).toMatchObject({ quarantined: 2, lastError: null });
    expect(sync.recentQuarantine).toHaveLength(2);
    expected.set('MM', 'CN/n8', '@1');
    await syncAll(all);
    await expected.check(all);

    // The origin's next version of a quarantined record arrives as usual.
    const n6 = [...labels].find(([, l]) => l === 'n6')?.[0] as string;
    await correct(cn, n6, { body: 'n6 again' });
    await syncAll(all);
    expected.set('MM', 'CN/n6', '@2');
    await expected.check(all);
  });

  it("rotates CN's key (CLI, node running): partners follow, and what the old key signed still verifies", async () => {
    const before = await ok<{ fingerprint: string }>(cn, 'GET', '/api/v1/node', cn.admin);
    const rotated = await cli(cn, ['key', 'rotate']);
    expect(rotated.code).toBe(0);
    const after = await ok<{ fingerprint: string }>(cn, 'GET', '/api/v1/node', cn.admin);
    expect(rotated.stdout).toContain(`rotated: ${before.fingerprint} -> ${after.fingerprint}`);
    await note(cn, 'n9', { to: ['MM', 'TH', 'LA'] });
    await syncAll(all);
    for (const a of ['MM', 'TH', 'LA']) expected.set(a, 'CN/n9', '@1');
    await expected.check(all);
    for (const node of [mm, th, la]) {
      const partner = await ok<{ keys: { fingerprint: string; retiredAt: string | null }[] }>(
        node,
        'GET',
        '/api/v1/federation/partners/CN',
        node.admin,
      );
      expect(partner.keys.map((k) => [k.fingerprint, k.retiredAt !== null])).toEqual([
        [before.fingerprint, true],
        [after.fingerprint, false],
      ]);
      const verified = await ok<{ checked: number; invalid: unknown[] }>(
        node,
        'POST',
        '/api/v1/federation/received/verify',
        node.admin,
      );
      expect(verified.invalid).toEqual([]);
      expect(verified.checked).toBeGreaterThan(0);
    }
  });

  it('lets a partner offline for a day catch up without gaps or duplicates', async () => {
    const counters = () =>
      ok<{ applied: number; skipped: number; quarantined: number; cursor: number }>(
        th,
        'GET',
        '/api/v1/federation/partners/CN/sync',
        th.admin,
      );
    const before = await counters();
    await stopNode(th);
    const ids: string[] = [];
    for (let i = 0; i < 100; i++)
      ids.push(await note(cn, `day-${i}`, { to: i % 3 === 0 ? ['TH'] : ['MM', 'TH'] }));
    for (let i = 0; i < 20; i++) await correct(cn, ids[i] as string, { body: `day-${i} corrected` });
    for (let i = 20; i < 30; i++) await retract(cn, ids[i] as string);
    await note(mm, 'from-mm-meanwhile', { to: ['TH'] });
    await ok(cn, 'POST', '/api/v1/federation/dispatch', cn.admin);
    await restartNode(th);
    await syncAll(all);
    ids.forEach((_id, i) => {
      const state = i < 20 ? '@2' : i < 30 ? '@2:retracted' : '@1';
      expected.set('TH', `CN/day-${i}`, state);
      if (i % 3 !== 0) expected.set('MM', `CN/day-${i}`, state);
    });
    expected.set('TH', 'MM/from-mm-meanwhile', '@1');
    await expected.check(all);
    // Every entry CN's feed holds for TH since then was processed once: applied, none skipped as already held.
    const [feed] = await sql<{ n: number; head: string }>(
      cn,
      `select count(*)::int as n, max(pos)::text as head from federation_feed f join federation_partners p on p.id = f.partner_id
        where p.agency_code = 'TH' and f.pos > $1`,
      [before.cursor],
    );
    const after = await counters();
    expect(feed?.n).toBeGreaterThanOrEqual(ids.length);
    expect(after.cursor).toBe(Number(feed?.head));
    expect(after.applied - before.applied).toBe(feed?.n);
    expect(after.skipped - before.skipped).toBe(0);
    expect(after.quarantined).toBe(before.quarantined);
  }, 120_000);

  it('sends a page with its envelopes to a partner that lacks them, and only the index when it holds them already', async () => {
    const sync = () =>
      ok<{ applied: number; skipped: number; cursor: number }>(
        mm,
        'GET',
        '/api/v1/federation/partners/CN/sync',
        mm.admin,
      );
    // MM cannot reach CN while CN writes a page and a bit for it; MM gets those records by bundle instead.
    await ok(mm, 'PATCH', '/api/v1/federation/partners/CN', mm.admin, { endpoint: 'http://127.0.0.1:9' });
    const ids = Array.from({ length: 520 }, () => uuidv7());
    ids.forEach((id, i) => {
      labels.set(id, `bulk-${i}`);
      expected.set('MM', `CN/bulk-${i}`, '@1');
    });
    await sql(
      cn,
      `insert into record_changes (record_type, record_id, version, origin, handling, audience, onward_sharing, record_date, payload)
       select 'intel.note', t.id, 1, 'CN', 'H2', $2::jsonb, false, date '2026-11-01', jsonb_build_object('subject', 'bulk', 'body', 'x', 'refersTo', null)
         from unnest($1::uuid[]) as t(id)`,
      [ids, JSON.stringify(audience('MM'))],
    );
    await ok(cn, 'POST', '/api/v1/federation/dispatch', cn.admin);
    const before = await sync();
    const bundle = await ok(cn, 'POST', '/api/v1/federation/bundles/export', cn.admin, {
      to: 'MM',
      after: before.cursor,
    });
    const imported = await ok<{ applied: number }>(
      mm,
      'POST',
      '/api/v1/federation/bundles/import',
      mm.admin,
      bundle,
    );
    expect(imported.applied).toBe(520);
    await note(cn, 'after-bulk-1', { to: ['MM'] });
    await note(cn, 'after-bulk-2', { to: ['MM'] });
    expected.set('MM', 'CN/after-bulk-1', '@1');
    expected.set('MM', 'CN/after-bulk-2', '@1');
    await ok(cn, 'POST', '/api/v1/federation/dispatch', cn.admin);

    const proxy = await tamperingProxy(
      () => cn.base,
      () => undefined,
    );
    try {
      await ok(mm, 'PATCH', '/api/v1/federation/partners/CN', mm.admin, { endpoint: proxy.url });
      await ok(mm, 'POST', '/api/v1/federation/partners/CN/pull', mm.admin);
    } finally {
      await ok(mm, 'PATCH', '/api/v1/federation/partners/CN', mm.admin, { endpoint: cn.base });
      await proxy.close();
    }
    // The first page came with its envelopes, all held already; so the next page's index came alone, and only the
    // two records MM lacked were asked for.
    const feed = proxy.requests.filter((r) => r.includes('/api/v1/federation/feed'));
    expect(feed[0]).toBe(`GET /api/v1/federation/feed/with-envelopes?after=${before.cursor}&limit=500`);
    expect(feed[1]).toMatch(/^GET \/api\/v1\/federation\/feed\?after=\d+&limit=500$/);
    const asked = feed.filter((r) => r.startsWith('POST /api/v1/federation/feed/envelopes'));
    expect(asked).toHaveLength(1);
    expect(
      (JSON.parse(asked[0]?.split(' ').slice(2).join(' ') ?? '{}') as { positions: number[] }).positions,
    ).toHaveLength(2);
    const after = await sync();
    expect(after.applied - before.applied).toBe(2);
    expect(after.skipped - before.skipped).toBe(520);
    await expected.check(all);
  }, 120_000);

  it('imports on an air-gapped node an encrypted bundle (CLI) that equals the pulled copy', async () => {
    const file = path.join(scratch, 'cn-to-th.json');
    const card = await ok<{ invitation: string; fingerprint: string }>(
      cn,
      'POST',
      '/api/v1/federation/invitations',
      cn.admin,
      { for: 'TH', endpoint: null },
      201,
    );
    writeFileSync(path.join(scratch, 'card.txt'), card.invitation);
    const [exported, accepted] = await Promise.all([
      cli(cn, ['bundle', 'export', '--to', 'TH', '--encrypt', '--out', file]),
      cli(twin, [
        'partner',
        'accept',
        '--file',
        path.join(scratch, 'card.txt'),
        '--fingerprint',
        card.fingerprint.toLowerCase(),
      ]),
    ]);
    expect(exported.stderr).toBe('');
    expect(exported.stdout).toMatch(/^wrote \d+ envelope\(s\) for TH to .* \(encrypted\)/);
    expect(readFileSync(file, 'utf8')).not.toContain('day-1');

    // The twin (on PostgreSQL, so its CLI runs beside it) cannot reach CN: it knows CN only from an invitation
    // without endpoint, and gets CN's records by file.
    {
      expect(accepted.stdout).toContain('CN (CN narcotics bureau) is active.');
      const imported = await cli(twin, ['bundle', 'import', file]);
      expect(imported.stdout).toMatch(/^CN: \d+ envelope\(s\): \d+ applied, \d+ already held, 0 quarantined/);
      const pulled = (await received(th)).filter((r) => r.receivedFrom === 'CN');
      const bundled = await received(twin);
      const key = (r: {
        origin: string;
        id: string;
        version: number;
        tombstone: string | null;
        contentHash: string | null;
      }) => `${r.origin}/${r.id}@${r.version}:${r.tombstone}:${r.contentHash}`;
      expect(bundled.map(key).sort()).toEqual(pulled.map(key).sort());
      expect(bundled.length).toBeGreaterThan(100);
      // Importing the same file again changes nothing.
      const again = await ok<{ applied: number; skipped: number; count: number }>(
        twin,
        'POST',
        '/api/v1/federation/bundles/import',
        twin.admin,
        JSON.parse(readFileSync(file, 'utf8')),
      );
      expect(again.applied).toBe(0);
      expect(again.skipped).toBe(again.count);
    }
  }, 120_000);

  it('ends with every node holding exactly what its partners released to it', async () => {
    await syncAll(all, 1);
    await expected.check(all);
    // Nothing but the notes travelled: registry records keep their default empty audience.
    for (const node of all)
      expect((await received(node)).every((r) => r.type === 'intel.note' || r.placeholder)).toBe(true);
  });
});
