import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../test/support/http.js';
import { ADMIN_PASSWORD, startTestNode, type TestNode, USER_PASSWORD } from '../../../test/support/node.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../config.js';
import type { App } from '../http/server.js';
import { ROLE_PERMISSIONS } from './permissions.js';
import { sha256 } from './secrets.js';
import { SESSION_COOKIE } from './sessions.js';
import { createUser } from './users.js';

const MAX_FAILURES = 3;

let node: TestNode;
beforeAll(async () => {
  node = await startTestNode({
    LIAISON_LOGIN_MAX_FAILURES: String(MAX_FAILURES),
    LIAISON_DEMO_DATA: 'false',
  });
});
afterAll(() => node.close());

let n = 0;
/** A fresh user of the given role, so tests that lock or disable accounts do not interfere. */
async function newUser(role: 'viewer' | 'analyst' = 'viewer'): Promise<{ id: string; username: string }> {
  const username = `user-${++n}`;
  const user = await createUser(node.ctx.db, { username, role, password: USER_PASSWORD }, 'system');
  return { id: user.id, username };
}

const login = (username: string, password: string) =>
  node.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

const me = (cookie: string) => call(node.app, 'GET', '/api/v1/auth/me', cookie);

/** The problem document without the parts that differ per request. */
const problemBody = (res: { json(): Record<string, unknown> }) => {
  const { requestId: _r, instance: _i, ...rest } = res.json();
  return rest;
};

async function userIdOf(username: string): Promise<string> {
  const { rows } = await node.ctx.db.query<{ id: string }>('select id from users where username = $1', [
    username,
  ]);
  return rows[0]?.id as string;
}

describe('sign-in', () => {
  it("signs in with the right password and answers who is signed in, with the role's permissions", async () => {
    const res = await login('admin', ADMIN_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      user: { username: 'admin', role: 'admin', passwordChangeRequired: false, disabled: false },
      authenticatedBy: 'session',
    });
    expect(res.json().permissions).toEqual([...ROLE_PERMISSIONS.admin]);
    expect(res.json().user).not.toHaveProperty('passwordHash');
  });

  it('signs in whatever the case of the user name', async () => {
    const { username } = await newUser();
    expect((await login(username.toUpperCase(), USER_PASSWORD)).statusCode).toBe(200);
  });

  it('answers a wrong password and an unknown user name with the same 401, so names cannot be probed', async () => {
    const { username } = await newUser();
    const wrong = await login(username, 'not the password at all');
    const unknown = await login('nobody-by-this-name', 'not the password at all');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(problemBody(wrong)).toEqual(problemBody(unknown));
    expect(wrong.json().detail).toBe('Wrong user name or password.');
    expect(wrong.cookies).toEqual([]);
  });

  it('answers a disabled user with the same 401, even with the right password', async () => {
    const { id, username } = await newUser();
    await node.ctx.db.query('update users set disabled_at = now() where id = $1', [id]);
    const res = await login(username, USER_PASSWORD);
    expect(res.statusCode).toBe(401);
    expect(res.json().detail).toBe('Wrong user name or password.');
  });
});

describe('sign-in back-off', () => {
  const lockRow = async (username: string) => {
    const { rows } = await node.ctx.db.query<{ failures: number; seconds: number | null }>(
      `select failures, extract(epoch from (locked_until - now()))::float8 as seconds
       from login_failures where username_key = lower($1)`,
      [username],
    );
    return rows[0];
  };
  const unlock = (username: string) =>
    node.ctx.db.query(
      "update login_failures set locked_until = now() - interval '1 second' where username_key = lower($1)",
      [username],
    );

  it(`locks a user name after ${MAX_FAILURES} failures: 429 with Retry-After, even for the right password`, async () => {
    const { username } = await newUser();
    for (let i = 0; i < MAX_FAILURES; i++)
      expect((await login(username, 'wrong password!')).statusCode).toBe(401);
    const locked = await login(username, USER_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['content-type']).toContain('application/problem+json');
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(30);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(locked.json().detail).toMatch(/try again in \d+ seconds/);
    expect(locked.cookies).toEqual([]);
  });

  it('does not lock before the limit', async () => {
    const { username } = await newUser();
    for (let i = 0; i < MAX_FAILURES - 1; i++) await login(username, 'wrong password!');
    expect((await login(username, USER_PASSWORD)).statusCode).toBe(200);
    expect(await lockRow(username)).toBeUndefined();
  });

  it('lifts the lock when it runs out, and a successful sign-in clears the count', async () => {
    const { username } = await newUser();
    for (let i = 0; i < MAX_FAILURES; i++) await login(username, 'wrong password!');
    expect((await login(username, USER_PASSWORD)).statusCode).toBe(429);
    await unlock(username);
    expect((await login(username, USER_PASSWORD)).statusCode).toBe(200);
    expect(await lockRow(username)).toBeUndefined();
    // The count starts again from zero.
    expect((await login(username, 'wrong password!')).statusCode).toBe(401);
    expect((await login(username, USER_PASSWORD)).statusCode).toBe(200);
  });

  it('doubles the lock with every failure after the limit', async () => {
    const { username } = await newUser();
    for (let i = 0; i < MAX_FAILURES; i++) await login(username, 'wrong password!');
    expect((await lockRow(username))?.seconds).toBeGreaterThan(30);
    await unlock(username);
    expect((await login(username, 'wrong password!')).statusCode).toBe(401);
    const row = await lockRow(username);
    expect(row?.failures).toBe(MAX_FAILURES + 1);
    expect(row?.seconds).toBeGreaterThan(90);
    expect(row?.seconds).toBeLessThanOrEqual(120);
  });

  it('locks unknown user names the same way, so the answer does not tell whether a name exists', async () => {
    for (let i = 0; i < MAX_FAILURES; i++)
      expect((await login('ghost-user', 'wrong password!')).statusCode).toBe(401);
    expect((await login('ghost-user', 'wrong password!')).statusCode).toBe(429);
  });

  it('counts failures per user name whatever its case', async () => {
    const { username } = await newUser();
    await login(username.toUpperCase(), 'wrong password!');
    await login(username, 'wrong password!');
    await login(` ${username} `, 'wrong password!');
    expect((await login(username, USER_PASSWORD)).statusCode).toBe(429);
  });

  it('counts every failure of a burst of parallel guesses, so a burst cannot escape the lock', async () => {
    const { username } = await newUser();
    const results = await Promise.all(Array.from({ length: 10 }, () => login(username, 'wrong password!')));
    expect(results.every((r) => r.statusCode === 401 || r.statusCode === 429)).toBe(true);
    const row = await lockRow(username);
    expect(row?.failures).toBe(results.filter((r) => r.statusCode === 401).length);
    expect(row?.failures).toBeGreaterThanOrEqual(MAX_FAILURES);
    expect((await login(username, USER_PASSWORD)).statusCode).toBe(429);
  });

  it('locks only the name that failed, not other users', async () => {
    const { username } = await newUser();
    const other = await newUser();
    for (let i = 0; i < MAX_FAILURES; i++) await login(username, 'wrong password!');
    expect((await login(other.username, USER_PASSWORD)).statusCode).toBe(200);
  });
});

describe('sessions', () => {
  const sessionOf = async (cookie: string) => {
    const secret = cookie.slice(`${SESSION_COOKIE}=`.length);
    const { rows } = await node.ctx.db.query<{
      user_id: string;
      last_seen_at: Date;
      expires_at: Date;
      created_at: Date;
    }>('select user_id, last_seen_at, expires_at, created_at from sessions where id_hash = $1', [
      sha256(secret),
    ]);
    return rows[0];
  };
  const setSession = (cookie: string, assignment: string) =>
    node.ctx.db.query(`update sessions set ${assignment} where id_hash = $1`, [
      sha256(cookie.slice(`${SESSION_COOKIE}=`.length)),
    ]);

  it('sets an HttpOnly, SameSite=Strict cookie for the whole site that lasts as long as the session', async () => {
    const res = await login('admin', ADMIN_PASSWORD);
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/', maxAge: 720 * 60 });
    expect(cookie?.secure).toBeFalsy();
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const header = String(res.headers['set-cookie']);
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Strict/);
  });

  it('stores only a hash of the session secret, never the cookie value', async () => {
    const cookie = await node.login('admin', ADMIN_PASSWORD);
    const secret = cookie.slice(`${SESSION_COOKIE}=`.length);
    const { rows } = await node.ctx.db.query<{ id_hash: string }>('select id_hash from sessions');
    expect(rows.map((r) => r.id_hash)).toContain(sha256(secret));
    expect(rows.map((r) => r.id_hash)).not.toContain(secret);
  });

  it('gives the session the configured lifetime', async () => {
    const cookie = await node.login('admin', ADMIN_PASSWORD);
    const session = await sessionOf(cookie);
    const minutes = ((session?.expires_at.getTime() ?? 0) - (session?.created_at.getTime() ?? 0)) / 60_000;
    expect(minutes).toBeCloseTo(720, 0);
  });

  it('serves a live session', async () => {
    const { username } = await newUser();
    const res = await me(await node.login(username));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ user: { username }, authenticatedBy: 'session' });
  });

  it('ends a session after its lifetime (TTL): 401', async () => {
    const { username } = await newUser();
    const cookie = await node.login(username);
    await setSession(cookie, "expires_at = now() - interval '1 second'");
    const res = await me(cookie);
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="liaison"');
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('ends a session left idle longer than the idle limit: 401', async () => {
    const { username } = await newUser();
    const cookie = await node.login(username);
    await setSession(cookie, "last_seen_at = now() - interval '61 minutes'");
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('keeps an active session alive: a request moves its idle deadline', async () => {
    const { username } = await newUser();
    const cookie = await node.login(username);
    await setSession(cookie, "last_seen_at = now() - interval '50 minutes'");
    expect((await me(cookie)).statusCode).toBe(200);
    const session = await sessionOf(cookie);
    expect(Date.now() - (session?.last_seen_at.getTime() ?? 0)).toBeLessThan(60_000);
    // Without the touch, this would now be more than an hour idle.
    await node.ctx.db.query(
      "update sessions set last_seen_at = last_seen_at - interval '15 minutes' where user_id = $1",
      [session?.user_id],
    );
    expect((await me(cookie)).statusCode).toBe(200);
  });

  it('does not extend a session beyond its lifetime, however active', async () => {
    const { username } = await newUser();
    const cookie = await node.login(username);
    await setSession(cookie, "expires_at = now() - interval '1 second', last_seen_at = now()");
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it.each([
    ['an unknown session secret', `${SESSION_COOKIE}=${'A'.repeat(43)}`],
    ['an empty cookie', `${SESSION_COOKIE}=`],
    ['a cookie of another name', `session=${'A'.repeat(43)}`],
  ])('refuses %s with 401', async (_case, cookie) => {
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('logout ends the session and clears the cookie', async () => {
    const { username } = await newUser();
    const cookie = await node.login(username);
    const res = await call(node.app, 'POST', '/api/v1/auth/logout', cookie);
    expect(res.statusCode).toBe(204);
    const cleared = res.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cleared?.value).toBe('');
    expect(cleared?.httpOnly).toBe(true);
    expect(cleared?.sameSite).toBe('Strict');
    expect(new Date(cleared?.expires ?? Date.now()).getTime()).toBeLessThanOrEqual(Date.now());
    expect(await sessionOf(cookie)).toBeUndefined();
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it("logout ends only that session; the user's other sessions go on", async () => {
    const { username } = await newUser();
    const first = await node.login(username);
    const second = await node.login(username);
    await call(node.app, 'POST', '/api/v1/auth/logout', first);
    expect((await me(first)).statusCode).toBe(401);
    expect((await me(second)).statusCode).toBe(200);
  });

  it("changing the password ends the user's other sessions but keeps the one that changed it", async () => {
    const { username } = await newUser();
    const other = await node.login(username);
    const current = await node.login(username);
    const changed = await call(node.app, 'POST', '/api/v1/auth/password', current, {
      currentPassword: USER_PASSWORD,
      newPassword: 'another fine long password',
    });
    expect(changed.statusCode).toBe(204);
    expect((await me(other)).statusCode).toBe(401);
    expect((await me(current)).statusCode).toBe(200);
  });

  it('logout without a session is 401', async () => {
    expect((await call(node.app, 'POST', '/api/v1/auth/logout')).statusCode).toBe(401);
  });

  it('signs out a disabled user at once: sessions end, tokens stop working, sign-in is refused', async () => {
    const admin = await node.login('admin', ADMIN_PASSWORD);
    const { username } = await newUser('analyst');
    const cookie = await node.login(username);
    const token = await call(node.app, 'POST', '/api/v1/tokens', cookie, {
      name: 'script',
      scopes: ['node:read'],
    });
    expect(token.statusCode).toBe(201);
    const secret: string = token.json().secret;
    expect((await call(node.app, 'GET', '/api/v1/node', secret)).statusCode).toBe(200);

    const id = await userIdOf(username);
    const disabled = await call(node.app, 'PATCH', `/api/v1/users/${id}`, admin, { disabled: true });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().disabled).toBe(true);

    expect((await me(cookie)).statusCode).toBe(401);
    expect((await call(node.app, 'GET', '/api/v1/node', secret)).statusCode).toBe(401);
    expect((await login(username, USER_PASSWORD)).statusCode).toBe(401);
    const { rows } = await node.ctx.db.query<{ n: number }>(
      'select count(*)::int as n from sessions where user_id = $1',
      [id],
    );
    expect(rows[0]?.n).toBe(0);

    // Enabled again, the person signs in anew; the old token stays revoked.
    expect(
      (await call(node.app, 'PATCH', `/api/v1/users/${id}`, admin, { disabled: false })).statusCode,
    ).toBe(200);
    expect((await login(username, USER_PASSWORD)).statusCode).toBe(200);
    expect((await call(node.app, 'GET', '/api/v1/node', secret)).statusCode).toBe(401);
  });

  it('refuses a session of a user disabled directly in the database', async () => {
    const { id, username } = await newUser();
    const cookie = await node.login(username);
    await node.ctx.db.query('update users set disabled_at = now() where id = $1', [id]);
    expect((await me(cookie)).statusCode).toBe(401);
  });
});

describe('secure cookies', () => {
  let secure: App;
  beforeAll(async () => {
    // The same node's database behind a second app configured as LIAISON_COOKIE_SECURE=true would configure it.
    const config = loadConfig({
      ...process.env,
      LIAISON_COOKIE_SECURE: 'true',
      LIAISON_SESSION_TTL_MINUTES: '30',
    });
    secure = await buildApp({
      ...node.ctx,
      config: {
        ...node.ctx.config,
        cookieSecure: config.cookieSecure,
        sessionTtlMinutes: config.sessionTtlMinutes,
      },
    });
  });
  afterAll(() => secure.close());

  it('marks the session cookie Secure when LIAISON_COOKIE_SECURE is set, with the configured lifetime', async () => {
    const res = await secure.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: ADMIN_PASSWORD },
    });
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict', maxAge: 30 * 60 });
  });
});
