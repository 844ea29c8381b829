import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../test/support/http.js';
import { startTestNode, type TestNode } from '../../test/support/node.js';
import { verifyPassword } from './auth/passwords.js';
import { ensureFirstAdmin } from './bootstrap.js';

const NEW_PASSWORD = 'a brand new passphrase for this node';

let node: TestNode;
let cookie: string;
beforeAll(async () => {
  node = await startTestNode({ LIAISON_ADMIN_PASSWORD: '', LIAISON_DEMO_DATA: 'false' });
});
afterAll(() => node.close());

// One story in order: a node started without LIAISON_ADMIN_PASSWORD, signed into with the one-time password.
describe('first administrator with a one-time password', () => {
  it('creates the administrator with a generated 20-character password that must be changed', async () => {
    expect(node.oneTimeAdminPassword).toMatch(/^[A-Za-z0-9]{20}$/);
    const { rows } = await node.ctx.db.query<{
      username: string;
      role: string;
      password_change_required: boolean;
    }>('select username, role, password_change_required from users');
    expect(rows).toEqual([{ username: 'admin', role: 'admin', password_change_required: true }]);
  });

  it('signs in with the one-time password and says that it must be changed', async () => {
    const res = await node.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: node.oneTimeAdminPassword },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.passwordChangeRequired).toBe(true);
    cookie = await node.login('admin', node.oneTimeAdminPassword);
  });

  it.each([
    ['GET', '/api/v1/node'],
    ['GET', '/api/v1/overview'],
    ['GET', '/api/v1/users'],
    ['GET', '/api/v1/audit'],
    ['GET', '/api/v1/audit/verify'],
    ['GET', '/api/v1/tokens'],
  ] as const)('refuses %s %s with 403 until the password is changed', async (method, url) => {
    const res = await call(node.app, method, url, cookie);
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toMatch(/Change your one-time password first/);
  });

  it('refuses to create users or tokens with 403 until the password is changed', async () => {
    const user = await call(node.app, 'POST', '/api/v1/users', cookie, {
      username: 'eve',
      role: 'admin',
      password: NEW_PASSWORD,
    });
    expect(user.statusCode).toBe(403);
    const token = await call(node.app, 'POST', '/api/v1/tokens', cookie, {
      name: 'x',
      scopes: ['node:read'],
    });
    expect(token.statusCode).toBe(403);
  });

  it("allows reading and changing one's own profile meanwhile", async () => {
    expect((await call(node.app, 'GET', '/api/v1/auth/me', cookie)).statusCode).toBe(200);
    const res = await call(node.app, 'PATCH', '/api/v1/auth/me', cookie, { locale: 'zh-CN' });
    expect(res.statusCode).toBe(200);
    expect(res.json().locale).toBe('zh-CN');
  });

  it('refuses a wrong current password, naming the field', async () => {
    const res = await call(node.app, 'POST', '/api/v1/auth/password', cookie, {
      currentPassword: 'not the one-time one',
      newPassword: NEW_PASSWORD,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: '/body/currentPassword', message: 'is wrong' }]);
  });

  it.each([
    ['too short', 'short1!', /at least 12 characters/],
    ['containing the user name', 'my-admin-password-2025', /must not contain the user name/],
    ['of too few different characters', 'abababababababab', /more than three different characters/],
  ])('refuses a new password %s with 400 at /body/newPassword', async (_case, newPassword, message) => {
    const res = await call(node.app, 'POST', '/api/v1/auth/password', cookie, {
      currentPassword: node.oneTimeAdminPassword,
      newPassword,
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const errors: { path: string; message: string }[] = res.json().errors;
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) expect(error.path).toBe('/body/newPassword');
    expect(errors.map((e) => e.message)).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
  });

  it('refuses a new password equal to the one-time password', async () => {
    const res = await call(node.app, 'POST', '/api/v1/auth/password', cookie, {
      currentPassword: node.oneTimeAdminPassword,
      newPassword: node.oneTimeAdminPassword,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { path: '/body/newPassword', message: 'must differ from the current password' },
    ]);
  });

  it('changes the password; the same session then has full access', async () => {
    const res = await call(node.app, 'POST', '/api/v1/auth/password', cookie, {
      currentPassword: node.oneTimeAdminPassword,
      newPassword: NEW_PASSWORD,
    });
    expect(res.statusCode).toBe(204);
    expect((await call(node.app, 'GET', '/api/v1/node', cookie)).statusCode).toBe(200);
    expect((await call(node.app, 'GET', '/api/v1/users', cookie)).statusCode).toBe(200);
    const me = await call(node.app, 'GET', '/api/v1/auth/me', cookie);
    expect(me.json().user.passwordChangeRequired).toBe(false);
  });

  it('no longer accepts the one-time password; the new one works', async () => {
    const old = await node.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: node.oneTimeAdminPassword },
    });
    expect(old.statusCode).toBe(401);
    await node.login('admin', NEW_PASSWORD);
  });

  it('records the password change in the audit log without the password', async () => {
    const { rows } = await node.ctx.db.query<{ actor: string; target: string; detail: unknown }>(
      "select actor, target, detail from audit_log where action = 'user.password_changed'",
    );
    expect(rows).toEqual([
      { actor: 'user:admin', target: 'user:admin', detail: { sessionsEnded: expect.any(Number) } },
    ]);
    const { rows: all } = await node.ctx.db.query<{ text: string }>(
      "select string_agg(detail::text, ' ') as text from audit_log",
    );
    expect(all[0]?.text ?? '').not.toContain(NEW_PASSWORD);
    expect(all[0]?.text ?? '').not.toContain(node.oneTimeAdminPassword as string);
  });

  it('does not create another administrator or password on a later start', async () => {
    expect(await ensureFirstAdmin(node.ctx.db, { adminPassword: undefined })).toBeUndefined();
    expect(await ensureFirstAdmin(node.ctx.db, { adminPassword: 'another long password' })).toBeUndefined();
    const { rows } = await node.ctx.db.query<{ n: number; hash: string }>(
      "select count(*)::int as n, max(password_hash) as hash from users where role = 'admin'",
    );
    expect(rows[0]?.n).toBe(1);
    expect(await verifyPassword(rows[0]?.hash as string, NEW_PASSWORD)).toBe(true);
  });

  it('lets a user with a one-time password sign out', async () => {
    const session = await node.login('admin', NEW_PASSWORD);
    await node.ctx.db.query("update users set password_change_required = true where username = 'admin'");
    try {
      expect((await call(node.app, 'POST', '/api/v1/auth/logout', session)).statusCode).toBe(204);
    } finally {
      await node.ctx.db.query("update users set password_change_required = false where username = 'admin'");
    }
  });
});
