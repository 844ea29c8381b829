import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../test/support/http.js';
import { ADMIN_PASSWORD, startTestNode, type TestNode } from '../../../test/support/node.js';
import type { Queryable } from '../db/db.js';
import type { ChainCheck } from './chain.js';
import { appendAudit, listAudit, recordAudit, verifyAudit } from './log.js';

let node: TestNode;
let admin: string;
beforeAll(async () => {
  node = await startTestNode({ LIAISON_DEMO_DATA: 'false' });
  admin = await node.login('admin', ADMIN_PASSWORD);
});
afterAll(() => node.close());

interface Row {
  seq: number;
  actor: string;
  action: string;
  target: string | null;
  detail: Record<string, unknown>;
}

async function entriesAfter(seq: number): Promise<Row[]> {
  const { rows } = await node.ctx.db.query<Row>(
    'select seq, actor, action, target, detail from audit_log where seq > $1 order by seq',
    [seq],
  );
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

async function lastSeq(): Promise<number> {
  const { rows } = await node.ctx.db.query<{ seq: number | null }>('select max(seq) as seq from audit_log');
  return Number(rows[0]?.seq ?? 0);
}

class Rollback extends Error {}

/** Tampers with the log inside a transaction, verifies it there, and rolls the tampering back. */
async function verifyTampered(tamper: (tx: Queryable) => Promise<unknown>): Promise<ChainCheck> {
  let check: ChainCheck | undefined;
  await node.ctx.db
    .transaction(async (tx) => {
      await tamper(tx);
      check = await verifyAudit(tx);
      throw new Rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
  return check as ChainCheck;
}

describe('audit log on a node', () => {
  it('starts with the creation of the node, its key and the first administrator, by the system', async () => {
    const rows = await entriesAfter(0);
    expect(rows.slice(0, 3).map((r) => [r.seq, r.actor, r.action])).toEqual([
      [1, 'system', 'node.key_created'],
      [2, 'system', 'node.created'],
      [3, 'system', 'user.created'],
    ]);
    expect(rows[1]?.target).toBe('agency:TEST-NNCB');
    expect(rows[2]?.target).toBe('user:admin');
  });

  it('records sign-ins and failed sign-ins with who, what and whom', async () => {
    const before = await lastSeq();
    await node.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'Admin', password: 'wrong password!' },
    });
    await node.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'nobody', password: 'wrong password!' },
    });
    await node.login('admin', ADMIN_PASSWORD);
    expect(await entriesAfter(before)).toEqual([
      {
        seq: before + 1,
        actor: 'anonymous@127.0.0.1',
        action: 'auth.login_failed',
        target: 'user:admin',
        detail: { failures: 1, reason: 'wrong password' },
      },
      {
        seq: before + 2,
        actor: 'anonymous@127.0.0.1',
        action: 'auth.login_failed',
        target: 'user:nobody',
        detail: { failures: 1, reason: 'unknown user' },
      },
      { seq: before + 3, actor: 'user:admin', action: 'auth.login', target: 'user:admin', detail: {} },
    ]);
  });

  it('never records passwords, even the wrong ones', async () => {
    await node.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: 'my-secret-typo-password' },
    });
    const { rows } = await node.ctx.db.query<{ text: string }>(
      "select string_agg(audit_log::text, ' ') as text from audit_log",
    );
    expect(rows[0]?.text).not.toContain('my-secret-typo-password');
    expect(rows[0]?.text).not.toContain(ADMIN_PASSWORD);
  });

  it('records user creation, changes, token creation and revocation, and logout', async () => {
    const before = await lastSeq();
    const user = await call(node.app, 'POST', '/api/v1/users', admin, {
      username: 'auditee',
      role: 'viewer',
      password: 'a fine long password',
    });
    await call(node.app, 'PATCH', `/api/v1/users/${user.json().id}`, admin, { role: 'analyst' });
    const token = await call(node.app, 'POST', '/api/v1/tokens', admin, {
      name: 'audited',
      scopes: ['node:read'],
    });
    const id = token.json().token.id;
    await call(node.app, 'DELETE', `/api/v1/tokens/${id}`, admin);
    const session = await node.login('admin', ADMIN_PASSWORD);
    await call(node.app, 'POST', '/api/v1/auth/logout', session);
    const rows = await entriesAfter(before);
    expect(rows.map((r) => [r.actor, r.action, r.target])).toEqual([
      ['user:admin', 'user.created', 'user:auditee'],
      ['user:admin', 'user.changed', 'user:auditee'],
      ['user:admin', 'token.created', `token:${id}`],
      ['user:admin', 'token.revoked', `token:${id}`],
      ['user:admin', 'auth.login', 'user:admin'],
      ['user:admin', 'auth.logout', 'user:admin'],
    ]);
    expect(rows[0]?.detail).toEqual({ role: 'viewer' });
    expect(rows[1]?.detail).toEqual({ role: 'analyst' });
    expect(rows[2]?.detail).toEqual({ name: 'audited', scopes: ['node:read'] });
  });

  it('names a token as the actor when a token did the work', async () => {
    const token = await call(node.app, 'POST', '/api/v1/tokens', admin, {
      name: 'robot',
      scopes: ['users:manage'],
    });
    const { id } = token.json().token;
    const before = await lastSeq();
    await call(node.app, 'POST', '/api/v1/users', token.json().secret, {
      username: 'robot-made',
      role: 'viewer',
      password: 'a fine long password',
    });
    const [entry] = await entriesAfter(before);
    expect(entry).toMatchObject({
      actor: `token:admin/${id}`,
      action: 'user.created',
      target: 'user:robot-made',
    });
  });

  it('records reading the audit log as an entry of its own', async () => {
    const before = await lastSeq();
    const res = await call(node.app, 'GET', '/api/v1/audit?limit=5&action=user.created', admin);
    expect(res.statusCode).toBe(200);
    expect(res.json().every((e: { action: string }) => e.action === 'user.created')).toBe(true);
    expect(await entriesAfter(before)).toEqual([
      {
        seq: before + 1,
        actor: 'user:admin',
        action: 'audit.read',
        target: null,
        detail: { limit: 5, action: 'user.created' },
      },
    ]);
  });

  it('lists entries newest first, pages with beforeSeq and filters by actor', async () => {
    const all = await listAudit(node.ctx.db, { limit: 500 });
    const seqs = all.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    const page = await call(node.app, 'GET', `/api/v1/audit?limit=2&beforeSeq=${seqs[2]}`, admin);
    expect(page.json().map((e: { seq: number }) => e.seq)).toEqual([seqs[3], seqs[4]]);
    const system = await call(node.app, 'GET', '/api/v1/audit?actor=system', admin);
    expect(new Set(system.json().map((e: { actor: string }) => e.actor))).toEqual(new Set(['system']));
    expect((await call(node.app, 'GET', '/api/v1/audit?limit=0', admin)).statusCode).toBe(400);
    expect((await call(node.app, 'GET', '/api/v1/audit?limit=501', admin)).statusCode).toBe(400);
    expect((await call(node.app, 'GET', '/api/v1/audit?sort=asc', admin)).statusCode).toBe(400);
  });

  it('verifies the chain of a real log, in the library and over HTTP', async () => {
    const check = await verifyAudit(node.ctx.db);
    expect(check.ok).toBe(true);
    expect(check.entries).toBe(await lastSeq());
    const res = await call(node.app, 'GET', '/api/v1/audit/verify', admin);
    expect(res.json()).toMatchObject({ ok: true, problems: [] });
  });

  it('keeps the audit entry and the write together: a failed write leaves no entry', async () => {
    const before = await lastSeq();
    const res = await call(node.app, 'POST', '/api/v1/users', admin, {
      username: 'AUDITEE',
      role: 'viewer',
      password: 'a fine long password',
    });
    expect(res.statusCode).toBe(409);
    expect(await lastSeq()).toBe(before);
    const { rows } = await node.ctx.db.query<{ seq: number }>('select seq from audit_head');
    expect(Number(rows[0]?.seq)).toBe(before);
  });

  it('rolls the entry back with a transaction that fails after appending', async () => {
    const before = await lastSeq();
    await expect(
      node.ctx.db.transaction(async (tx) => {
        await appendAudit(tx, { actor: 'system', action: 'test.rolled_back' });
        throw new Error('the write failed');
      }),
    ).rejects.toThrow('the write failed');
    expect(await lastSeq()).toBe(before);
    expect((await verifyAudit(node.ctx.db)).ok).toBe(true);
  });

  it('stores details that survive the database round trip unchanged (unicode, nesting, numbers)', async () => {
    await recordAudit(node.ctx.db, {
      actor: 'user:李伟',
      action: 'test.detail',
      target: 'case:Операция «Меконг»',
      detail: {
        note: 'ﻣﺨﺪﺭﺍﺕ 毒品 наркотики 🚢',
        nested: { list: [1, 2.5, -3, 1e21, null, true], z: 'b', a: 'c' },
        empty: {},
      },
    });
    expect((await verifyAudit(node.ctx.db)).ok).toBe(true);
  });
});

describe('tampering', () => {
  it('detects an edited entry and names it', async () => {
    const check = await verifyTampered((tx) => tx.query("update audit_log set actor = 'x' where seq = 2"));
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual([{ seq: 2, problem: expect.stringMatching(/was edited/) }]);
  });

  it('detects an edited detail', async () => {
    const check = await verifyTampered((tx) =>
      tx.query(`update audit_log set detail = '{"role": "viewer"}' where seq = 3`),
    );
    expect(check.problems.map((p) => p.seq)).toEqual([3]);
  });

  it('detects a removed entry in the middle', async () => {
    const check = await verifyTampered((tx) => tx.query('delete from audit_log where seq = 3'));
    expect(check.ok).toBe(false);
    expect(check.problems.map((p) => p.seq)).toEqual([4, 4]);
  });

  it('detects a removed last entry although audit_head was left in place', async () => {
    const last = await lastSeq();
    const check = await verifyTampered((tx) => tx.query('delete from audit_log where seq = $1', [last]));
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual([{ seq: last, problem: expect.stringMatching(/recorded head is entry/) }]);
  });

  it('detects a removed head row', async () => {
    const check = await verifyTampered((tx) => tx.query('delete from audit_head'));
    expect(check.ok).toBe(false);
  });

  it('detects swapped entries', async () => {
    const check = await verifyTampered(async (tx) => {
      await tx.query('update audit_log set seq = -1 where seq = 2');
      await tx.query('update audit_log set seq = 2 where seq = 3');
      await tx.query('update audit_log set seq = 3 where seq = -1');
    });
    expect(check.ok).toBe(false);
    expect(check.problems.map((p) => p.seq)).toEqual(expect.arrayContaining([2, 3]));
  });

  it('reports tampering over HTTP, naming the entry, and passes again once repaired', async () => {
    const { rows } = await node.ctx.db.query<{ actor: string }>('select actor from audit_log where seq = 2');
    await node.ctx.db.query("update audit_log set actor = 'x' where seq = 2");
    try {
      const res = await call(node.app, 'GET', '/api/v1/audit/verify', admin);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        ok: false,
        problems: [{ seq: 2, problem: expect.stringMatching(/edited/) }],
      });
    } finally {
      await node.ctx.db.query('update audit_log set actor = $1 where seq = 2', [rows[0]?.actor]);
    }
    expect((await call(node.app, 'GET', '/api/v1/audit/verify', admin)).json().ok).toBe(true);
  });
});

describe('concurrent appends', () => {
  it('keep one unbroken chain: 20 parallel recordAudit calls', async () => {
    const before = await lastSeq();
    const entries = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        recordAudit(node.ctx.db, { actor: 'system', action: 'test.parallel', detail: { i } }),
      ),
    );
    const seqs = entries.map((e) => e.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => before + 1 + i));
    const check = await verifyAudit(node.ctx.db);
    expect(check.problems).toEqual([]);
    expect(check.entries).toBe(before + 20);
  });

  it('keep one unbroken chain: parallel writes over HTTP', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        call(node.app, 'POST', '/api/v1/users', admin, {
          username: `parallel-${i}`,
          role: 'viewer',
          password: 'a fine long password',
        }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(10).fill(201));
    expect((await verifyAudit(node.ctx.db)).ok).toBe(true);
  });
});
