import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startTestNode, type TestNode } from '../../test/support/node.js';
import { generateAgencyKeyPair } from '../platform/identity/keys.js';
import { applyEnvelopes } from './apply.js';
import { generateEncryptionKeyPair } from './bundle.js';
import { signerFromPem } from './crypto.js';
import { bodyOfChange, seal } from './envelope.js';
import type { Envelope } from './model.js';

// Retrying quarantined envelopes and removing a partner, on one node (MM) with a partner (CN) whose key the test
// holds, so that it can sign envelopes as CN would.

const cnKeys = generateAgencyKeyPair();
const cn = signerFromPem('CN', cnKeys.privateKeyPem);
let node: TestNode;
let admin: string;
let first: Envelope;

const note = (n: number, subject: string): Envelope => {
  const now = new Date().toISOString();
  return seal(
    bodyOfChange(
      {
        type: 'intel.note',
        id: `01890a5d-ac96-7000-8000-${String(n).padStart(12, '0')}`,
        version: 1,
        origin: 'CN',
        handling: 'H1',
        handlingText: null,
        audience: { agencies: ['MM'], mechanisms: [], taskForces: [] },
        onwardSharing: false,
        recordDate: '2026-11-01',
        payload: { subject, body: '…', refersTo: null },
        tombstone: null,
        createdAt: now,
      },
      cn,
      now,
    ),
    cn,
  );
};

async function call<T>(method: 'GET' | 'POST' | 'DELETE', url: string, cookie = admin, payload?: object) {
  const res = await node.app.inject({ method, url, headers: { cookie }, payload });
  return { status: res.statusCode, body: (res.body ? JSON.parse(res.body) : null) as T };
}

/** Applies as a pull would, but with no key trusted for CN: the envelope is quarantined as unknown-key. */
async function quarantine(envelope: unknown): Promise<string> {
  await applyEnvelopes(node.ctx.db, [{ pos: 1, envelope }], {
    self: 'MM',
    from: 'CN',
    via: 'pull',
    keysOf: () => [],
  });
  const list = await call<{ id: string; resolvedAt: string | null }[]>(
    'GET',
    '/api/v1/federation/quarantine',
  );
  return (list.body[0] as { id: string }).id;
}

const actions = async () =>
  (
    await node.ctx.db.query<{ action: string }>(
      "select action from audit_log where action like 'federation.%' order by seq",
    )
  ).rows.map((r) => r.action);

beforeAll(async () => {
  node = await startTestNode({ LIAISON_AGENCY_CODE: 'MM', LIAISON_AGENCY_NAME: 'MM bureau' });
  admin = await node.login('admin', ADMIN_PASSWORD);
  const now = Date.now();
  const { makeCard } = await import('./invitation.js');
  const invitation = makeCard(cn, {
    agency: 'CN',
    name: 'CN bureau',
    country: 'CN',
    endpoint: null,
    publicKey: cnKeys.publicKey,
    encryptionKey: generateEncryptionKeyPair().publicKey,
    for: 'MM',
    issuedAt: new Date(now).toISOString(),
    expiresAt: new Date(now + 86_400_000).toISOString(),
  });
  for (const [url, payload] of [
    ['/api/v1/federation/partners', { invitation }],
    ['/api/v1/federation/partners/CN/confirm', { fingerprint: cnKeys.fingerprint }],
  ] as const) {
    const res = await node.app.inject({ method: 'POST', url, payload, headers: { cookie: admin } });
    expect(res.statusCode, res.body).toBeLessThan(300);
  }
});

afterAll(async () => {
  await node?.close();
});

describe('retrying a quarantined envelope', () => {
  it('applies it through the normal path once its key is trusted, and it leaves quarantine', async () => {
    const envelope = note(1, 'first');
    first = envelope;
    const id = await quarantine(envelope);
    const retry = await call<{ outcome: string }>('POST', `/api/v1/federation/quarantine/${id}/retry`);
    expect(retry).toEqual({ status: 200, body: { id, outcome: 'applied', reason: null } });
    const held = await call<{ id: string; version: number }[]>('GET', '/api/v1/federation/received');
    expect(held.body.map((r) => [r.id, r.version])).toEqual([[envelope.id, 1]]);
    const list = await call<{ id: string; resolvedAt: string | null }[]>(
      'GET',
      '/api/v1/federation/quarantine',
    );
    expect(list.body.find((q) => q.id === id)?.resolvedAt).toEqual(expect.any(String));
    const sync = await call<{ recentQuarantine: unknown[] }>('GET', '/api/v1/federation/partners/CN/sync');
    expect(sync.body.recentQuarantine).toEqual([]);
    // Once out of quarantine, it cannot be retried again.
    expect((await call('POST', `/api/v1/federation/quarantine/${id}/retry`)).status).toBe(409);
  });

  it('reports an envelope already held as skipped, and releases it', async () => {
    // The very envelope applied above (another seal of it would carry a later time and apply again).
    const id = await quarantine(first);
    const retry = await call<{ outcome: string }>('POST', `/api/v1/federation/quarantine/${id}/retry`);
    expect(retry.body.outcome).toBe('skipped');
  });

  it('keeps a tampered envelope in quarantine with the reason of the new try', async () => {
    const tampered = { ...note(2, 'second'), payload: { subject: 'changed', body: '…', refersTo: null } };
    const id = await quarantine(tampered);
    const retry = await call<{ outcome: string; reason: string }>(
      'POST',
      `/api/v1/federation/quarantine/${id}/retry`,
    );
    expect(retry.status).toBe(200);
    expect(retry.body.outcome).toBe('still-quarantined');
    expect(retry.body.reason).toMatch(/hash/);
    const sync = await call<{ recentQuarantine: { id: string; reason: string }[] }>(
      'GET',
      '/api/v1/federation/partners/CN/sync',
    );
    expect(sync.body.recentQuarantine.map((q) => [q.id, q.reason])).toEqual([[id, retry.body.reason]]);
    const held = await call<unknown[]>('GET', '/api/v1/federation/received');
    expect(held.body).toHaveLength(1);
  });

  it('is for administrators only, and audited', async () => {
    const officer = await node.userWithRole('liaison_officer');
    const list = await call<{ id: string }[]>('GET', '/api/v1/federation/quarantine', officer);
    const id = (list.body[0] as { id: string }).id;
    expect((await call('POST', `/api/v1/federation/quarantine/${id}/retry`, officer)).status).toBe(403);
    expect(
      (await call('POST', '/api/v1/federation/quarantine/0190a5d0-0000-7000-8000-000000000000/retry')).status,
    ).toBe(404);
    expect((await actions()).filter((a) => a === 'federation.quarantine_retried')).toHaveLength(3);
  });
});

const noteForCn = async (subject: string) => {
  const officer = await node.userWithRole('liaison_officer');
  const note = await call('POST', '/api/v1/federation/notes', officer, {
    subject,
    body: '…',
    policy: { audience: { agencies: ['CN'], mechanisms: [], taskForces: [] } },
  });
  expect(note.status).toBe(201);
  expect((await call('POST', '/api/v1/federation/dispatch')).status).toBe(200);
};

describe('exporting a bundle file', () => {
  it('says in response headers what the file holds, encrypted or not', async () => {
    await noteForCn('for CN by file');
    const { rows } = await node.ctx.db.query<{ n: number; until: number }>(
      'select count(*)::int as n, max(pos)::int as until from federation_feed',
    );
    const feed = rows[0] as { n: number; until: number };
    expect(feed.n).toBeGreaterThan(0);
    for (const encrypt of [true, false]) {
      const res = await node.app.inject({
        method: 'POST',
        url: '/api/v1/federation/bundles/export',
        headers: { cookie: admin },
        payload: { to: 'CN', encrypt },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers).toMatchObject({
        'liaison-bundle-count': String(feed.n),
        'liaison-bundle-after': '0',
        'liaison-bundle-until': String(feed.until),
        'liaison-bundle-encrypted': String(encrypt),
      });
      if (!encrypt)
        expect(JSON.parse(res.body).header).toMatchObject({ count: feed.n, after: 0, until: feed.until });
    }
  });
});

describe('removing a partner', () => {
  it('stops the exchange, drops what was released to it, keeps the records received from it and the audit log', async () => {
    const officer = await node.userWithRole('liaison_officer');
    await noteForCn('for CN');
    const released = async () =>
      (
        await node.ctx.db.query<{ feed: number; sent: number }>(
          `select (select count(*)::int from federation_feed) as feed, (select count(*)::int from federation_sent) as sent`,
        )
      ).rows[0];
    expect(await released()).toEqual({ feed: 2, sent: 2 });
    expect((await call('DELETE', '/api/v1/federation/partners/CN', officer)).status).toBe(403);
    const removed = await call('DELETE', '/api/v1/federation/partners/CN');
    expect(await released()).toEqual({ feed: 0, sent: 0 });
    expect(removed).toEqual({ status: 200, body: { agency: 'CN', receivedKept: 1 } });
    expect((await call<unknown[]>('GET', '/api/v1/federation/partners')).body).toEqual([]);
    expect((await call('GET', '/api/v1/federation/partners/CN/sync')).status).toBe(404);
    const held = await call<{ origin: string }[]>('GET', '/api/v1/federation/received');
    expect(held.body.map((r) => r.origin)).toEqual(['CN']);
    expect((await call<unknown[]>('GET', '/api/v1/federation/quarantine')).body.length).toBeGreaterThan(0);
    const audit = await actions();
    expect(audit).toContain('federation.partner_confirmed');
    expect(audit.at(-1)).toBe('federation.partner_removed');
    expect((await call('DELETE', '/api/v1/federation/partners/CN')).status).toBe(404);
  });
});
