import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../test/support/http.js';
import { ADMIN_PASSWORD, startTestNode, type TestNode } from '../../../test/support/node.js';
import { HttpProblem } from '../http/problem.js';
import { sha256 } from './secrets.js';
import { checkScopes, formatToken, parseToken } from './tokens.js';

const SECRET = 'A'.repeat(43);

describe('token text (pure)', () => {
  it('formats lia_<id without hyphens>_<secret> and parses it back', () => {
    const id = randomUUID();
    const text = formatToken(id, SECRET);
    expect(text).toBe(`lia_${id.replaceAll('-', '')}_${SECRET}`);
    expect(parseToken(text)).toEqual({ id, secret: SECRET });
  });

  it.each([
    ['empty', ''],
    ['without prefix', `${'a'.repeat(32)}_${SECRET}`],
    ['with another prefix', `lib_${'a'.repeat(32)}_${SECRET}`],
    ['with a short id', `lia_${'a'.repeat(31)}_${SECRET}`],
    ['with an upper-case id', `lia_${'A'.repeat(32)}_${SECRET}`],
    ['with a short secret', `lia_${'a'.repeat(32)}_${SECRET.slice(1)}`],
    ['with a long secret', `lia_${'a'.repeat(32)}_${SECRET}A`],
    ['with characters outside base64url', `lia_${'a'.repeat(32)}_${'A'.repeat(42)}+`],
    ['with trailing text', `lia_${'a'.repeat(32)}_${SECRET} x`],
  ])('refuses token text %s', (_case, text) => {
    expect(parseToken(text)).toBeUndefined();
  });
});

describe('checkScopes (pure)', () => {
  it('accepts scopes within the role and drops duplicates', () => {
    expect(checkScopes({ role: 'viewer' }, ['node:read', 'reference:read', 'node:read'])).toEqual([
      'node:read',
      'reference:read',
    ]);
  });

  it('refuses scopes beyond the role, naming each one by its index', () => {
    try {
      checkScopes({ role: 'viewer' }, ['node:read', 'users:manage', 'nonsense', 'audit:read']);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(HttpProblem);
      expect((error as HttpProblem).status).toBe(400);
      expect((error as HttpProblem).errors).toEqual([
        { path: '/body/scopes/1', message: 'your role (viewer) does not have "users:manage"' },
        { path: '/body/scopes/2', message: '"nonsense" is not a permission' },
        { path: '/body/scopes/3', message: 'your role (viewer) does not have "audit:read"' },
      ]);
    }
  });

  it('refuses a token without scopes', () => {
    expect(() => checkScopes({ role: 'admin' }, [])).toThrow(HttpProblem);
  });
});

describe('API tokens over HTTP', () => {
  let node: TestNode;
  let admin: string;
  let viewer: string;
  let analyst: string;
  beforeAll(async () => {
    node = await startTestNode({ LIAISON_DEMO_DATA: 'false' });
    admin = await node.login('admin', ADMIN_PASSWORD);
    viewer = await node.userWithRole('viewer', 'vera');
    analyst = await node.userWithRole('analyst', 'anna');
  });
  afterAll(() => node.close());

  const createToken = async (cookie: string, body: Record<string, unknown>) => {
    const res = await call(node.app, 'POST', '/api/v1/tokens', cookie, body);
    expect(res.statusCode).toBe(201);
    return res.json() as { token: { id: string; scopes: string[] }; secret: string };
  };

  it('creates a token from a session and shows its secret once, in the answer only', async () => {
    const res = await call(node.app, 'POST', '/api/v1/tokens', viewer, {
      name: 'nightly export',
      scopes: ['node:read'],
    });
    expect(res.statusCode).toBe(201);
    const { token, secret } = res.json();
    expect(secret).toMatch(/^lia_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
    expect(parseToken(secret)?.id).toBe(token.id);
    expect(token).toMatchObject({
      name: 'nightly export',
      username: 'vera',
      scopes: ['node:read'],
      revokedAt: null,
      expiresAt: null,
    });
    expect(token).not.toHaveProperty('secret');

    const list = await call(node.app, 'GET', '/api/v1/tokens', viewer);
    expect(list.statusCode).toBe(200);
    expect(list.json().map((t: { id: string }) => t.id)).toContain(token.id);
    const secretPart = parseToken(secret)?.secret as string;
    expect(list.body).not.toContain(secretPart);

    const { rows } = await node.ctx.db.query<{ secret_hash: string }>(
      'select secret_hash from api_tokens where id = $1',
      [token.id],
    );
    expect(rows[0]?.secret_hash).toBe(sha256(secretPart));
  });

  it('authenticates with the token as a bearer and says so', async () => {
    const { secret } = await createToken(analyst, { name: 'me', scopes: ['node:read'] });
    const res = await call(node.app, 'GET', '/api/v1/auth/me', secret);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      user: { username: 'anna' },
      authenticatedBy: 'token',
      permissions: ['node:read'],
    });
  });

  it('accepts the bearer scheme in any letter case', async () => {
    const { secret } = await createToken(analyst, { name: 'case', scopes: ['node:read'] });
    const res = await node.app.inject({
      url: '/api/v1/auth/me',
      headers: { authorization: `bearer ${secret}` },
    });
    expect(res.statusCode).toBe(200);
  });

  it('refuses to create a token with another token (403)', async () => {
    const { secret } = await createToken(admin, {
      name: 'admin script',
      scopes: ['users:manage', 'node:read'],
    });
    const res = await call(node.app, 'POST', '/api/v1/tokens', secret, {
      name: 'child',
      scopes: ['node:read'],
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toMatch(/signed-in session/);
  });

  it('refuses scopes beyond the role with 400 naming the bad scope', async () => {
    const res = await call(node.app, 'POST', '/api/v1/tokens', viewer, {
      name: 'x',
      scopes: ['node:read', 'users:manage'],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { path: '/body/scopes/1', message: 'your role (viewer) does not have "users:manage"' },
    ]);
    const { rows } = await node.ctx.db.query<{ n: number }>(
      "select count(*)::int as n from api_tokens where name = 'x'",
    );
    expect(rows[0]?.n).toBe(0);
  });

  it('refuses scopes that are not permissions with 400 naming the scope', async () => {
    const res = await call(node.app, 'POST', '/api/v1/tokens', admin, {
      name: 'x',
      scopes: ['node:read', 'root'],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain('/body/scopes/1');
  });

  it('refuses a token with no scopes', async () => {
    const res = await call(node.app, 'POST', '/api/v1/tokens', admin, { name: 'x', scopes: [] });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('/body/scopes');
  });

  it('limits a token to its scopes: a reference:read token gets 403 on users and node', async () => {
    const { secret } = await createToken(admin, { name: 'reference only', scopes: ['reference:read'] });
    const users = await call(node.app, 'GET', '/api/v1/users', secret);
    expect(users.statusCode).toBe(403);
    expect(users.json().detail).toBe('This API token does not have the permission "users:manage".');
    expect((await call(node.app, 'GET', '/api/v1/node', secret)).statusCode).toBe(403);
    expect((await call(node.app, 'GET', '/api/v1/audit', secret)).statusCode).toBe(403);
    // Routes open to any signed-in user stay open to the token.
    expect((await call(node.app, 'GET', '/api/v1/auth/me', secret)).statusCode).toBe(200);
  });

  it("serves what a token's scopes allow", async () => {
    const { secret } = await createToken(admin, { name: 'user admin', scopes: ['users:manage'] });
    expect((await call(node.app, 'GET', '/api/v1/users', secret)).statusCode).toBe(200);
  });

  it("never gives a token more than its user's role has now: a demoted user's token loses the permission", async () => {
    const second = await node.userWithRole('admin', 'second-admin');
    const { secret } = await createToken(second, { name: 'admin script', scopes: ['users:manage'] });
    expect((await call(node.app, 'GET', '/api/v1/users', secret)).statusCode).toBe(200);
    const { rows } = await node.ctx.db.query<{ id: string }>(
      "select id from users where username = 'second-admin'",
    );
    const demoted = await call(node.app, 'PATCH', `/api/v1/users/${rows[0]?.id}`, admin, { role: 'viewer' });
    expect(demoted.statusCode).toBe(200);
    expect((await call(node.app, 'GET', '/api/v1/users', secret)).statusCode).toBe(403);
  });

  it('refuses a revoked token with 401', async () => {
    const { token, secret } = await createToken(viewer, { name: 'short-lived', scopes: ['node:read'] });
    const revoked = await call(node.app, 'DELETE', `/api/v1/tokens/${token.id}`, viewer);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    expect((await call(node.app, 'GET', '/api/v1/node', secret)).statusCode).toBe(401);
  });

  it('keeps the first revocation time when a token is revoked twice', async () => {
    const { token } = await createToken(viewer, { name: 'twice', scopes: ['node:read'] });
    const first = await call(node.app, 'DELETE', `/api/v1/tokens/${token.id}`, viewer);
    const second = await call(node.app, 'DELETE', `/api/v1/tokens/${token.id}`, viewer);
    expect(second.statusCode).toBe(200);
    expect(second.json().revokedAt).toBe(first.json().revokedAt);
  });

  it('sets an expiry when asked and refuses an expired token with 401', async () => {
    const { token, secret } = await createToken(viewer, {
      name: 'week',
      scopes: ['node:read'],
      expiresInDays: 7,
    });
    const days =
      (Date.parse((token as unknown as { expiresAt: string }).expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeCloseTo(7, 1);
    expect((await call(node.app, 'GET', '/api/v1/node', secret)).statusCode).toBe(200);
    await node.ctx.db.query("update api_tokens set expires_at = now() - interval '1 second' where id = $1", [
      token.id,
    ]);
    expect((await call(node.app, 'GET', '/api/v1/node', secret)).statusCode).toBe(401);
  });

  it('records when a token was last used', async () => {
    const { token, secret } = await createToken(viewer, { name: 'used', scopes: ['node:read'] });
    await call(node.app, 'GET', '/api/v1/node', secret);
    const { rows } = await node.ctx.db.query<{ last_used_at: Date | null }>(
      'select last_used_at from api_tokens where id = $1',
      [token.id],
    );
    expect(Date.now() - (rows[0]?.last_used_at?.getTime() ?? 0)).toBeLessThan(60_000);
  });

  it.each([
    ['a bare scheme', 'Bearer'],
    ['an empty token', 'Bearer '],
    ['text that is not a token', 'Bearer hello'],
    ['a truncated token', `Bearer lia_${'a'.repeat(32)}_`],
    ['an unknown token', `Bearer lia_${'a'.repeat(32)}_${SECRET}`],
    ['a session secret', `Bearer ${SECRET}`],
    ['another scheme', 'Basic YWRtaW46cGFzc3dvcmQ='],
  ])('refuses %s with 401', async (_case, authorization) => {
    const res = await node.app.inject({ url: '/api/v1/node', headers: { authorization } });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses a real token id with a wrong secret', async () => {
    const { token } = await createToken(viewer, { name: 'guessed', scopes: ['node:read'] });
    const forged = formatToken(token.id, SECRET);
    expect((await call(node.app, 'GET', '/api/v1/node', forged)).statusCode).toBe(401);
  });

  it('refuses a bad bearer token even when a valid session cookie comes with it', async () => {
    const res = await node.app.inject({
      url: '/api/v1/node',
      headers: { authorization: `Bearer lia_${'a'.repeat(32)}_${SECRET}`, cookie: admin },
    });
    expect(res.statusCode).toBe(401);
  });

  it('lets users see and revoke only their own tokens; administrators see and revoke all', async () => {
    const mine = await createToken(analyst, { name: 'analyst token', scopes: ['node:read'] });
    const theirs = await createToken(viewer, { name: 'viewer token', scopes: ['node:read'] });

    const analystList = (await call(node.app, 'GET', '/api/v1/tokens', analyst)).json() as {
      username: string;
    }[];
    expect(new Set(analystList.map((t) => t.username))).toEqual(new Set(['anna']));
    const adminList = (await call(node.app, 'GET', '/api/v1/tokens', admin)).json() as { id: string }[];
    expect(adminList.map((t) => t.id)).toEqual(expect.arrayContaining([mine.token.id, theirs.token.id]));

    expect((await call(node.app, 'DELETE', `/api/v1/tokens/${theirs.token.id}`, analyst)).statusCode).toBe(
      404,
    );
    expect((await call(node.app, 'GET', '/api/v1/node', theirs.secret)).statusCode).toBe(200);
    expect((await call(node.app, 'DELETE', `/api/v1/tokens/${theirs.token.id}`, admin)).statusCode).toBe(200);
    expect((await call(node.app, 'GET', '/api/v1/node', theirs.secret)).statusCode).toBe(401);
  });

  it('answers 404 for revoking a token that does not exist', async () => {
    expect((await call(node.app, 'DELETE', `/api/v1/tokens/${randomUUID()}`, admin)).statusCode).toBe(404);
  });
});
