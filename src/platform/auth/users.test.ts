import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../test/support/http.js';
import { ADMIN_PASSWORD, startTestNode, type TestNode, USER_PASSWORD } from '../../../test/support/node.js';
import { HttpProblem } from '../http/problem.js';
import { changeUser, createUser } from './users.js';

const PASSWORD = 'a fine long password';

let node: TestNode;
let admin: string;
beforeAll(async () => {
  node = await startTestNode({ LIAISON_DEMO_DATA: 'false' });
  admin = await node.login('admin', ADMIN_PASSWORD);
});
afterAll(() => node.close());

const createViaApi = (body: Record<string, unknown>) => call(node.app, 'POST', '/api/v1/users', admin, body);
const patch = (id: string, body: Record<string, unknown>, cookie = admin) =>
  call(node.app, 'PATCH', `/api/v1/users/${id}`, cookie, body);

async function idOf(username: string): Promise<string> {
  const { rows } = await node.ctx.db.query<{ id: string }>(
    'select id from users where lower(username) = lower($1)',
    [username],
  );
  if (!rows[0]) throw new Error(`no user ${username}`);
  return rows[0].id;
}

/** Makes `admin` the only active administrator again, whatever earlier tests did. */
async function onlyAdminLeft(): Promise<string> {
  await node.ctx.db.query("update users set role = 'viewer' where role = 'admin' and username <> 'admin'");
  await node.ctx.db.query("update users set disabled_at = null where username = 'admin'");
  return idOf('admin');
}

describe('user accounts', () => {
  it('creates a user who must change the password at first sign-in, and records it in the audit log', async () => {
    const res = await createViaApi({
      username: 'Li.Wei',
      displayName: '李伟',
      role: 'analyst',
      password: PASSWORD,
      locale: 'zh-CN',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      username: 'Li.Wei',
      displayName: '李伟',
      role: 'analyst',
      locale: 'zh-CN',
      passwordChangeRequired: true,
      disabled: false,
    });
    expect(res.json()).not.toHaveProperty('password');
    expect(res.json()).not.toHaveProperty('passwordHash');
    const signIn = await node.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'li.wei', password: PASSWORD },
    });
    expect(signIn.json().user.passwordChangeRequired).toBe(true);
    const { rows } = await node.ctx.db.query<{ actor: string; target: string; detail: unknown }>(
      "select actor, target, detail from audit_log where action = 'user.created' and target = 'user:Li.Wei'",
    );
    expect(rows).toEqual([{ actor: 'user:admin', target: 'user:Li.Wei', detail: { role: 'analyst' } }]);
  });

  it('creates a user without a forced change when asked', async () => {
    const res = await createViaApi({
      username: 'svc-import',
      role: 'viewer',
      password: PASSWORD,
      passwordChangeRequired: false,
    });
    expect(res.json()).toMatchObject({
      passwordChangeRequired: false,
      displayName: 'svc-import',
      locale: 'en',
    });
  });

  it('stores passwords only as argon2id hashes', async () => {
    await createViaApi({ username: 'hash-check', role: 'viewer', password: PASSWORD });
    const { rows } = await node.ctx.db.query<{ password_hash: string }>('select password_hash from users');
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) {
      expect(row.password_hash).toMatch(
        /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/,
      );
      expect(row.password_hash).not.toContain(PASSWORD);
    }
  });

  it.each(['dup-user', 'DUP-USER', 'Dup-User'])(
    'refuses a second user named %s (names are case-insensitive) with 409',
    async (name) => {
      await node.ctx.db.query("delete from users where lower(username) = 'dup-user'");
      expect(
        (await createViaApi({ username: 'dup-user', role: 'viewer', password: PASSWORD })).statusCode,
      ).toBe(201);
      const res = await createViaApi({ username: name, role: 'viewer', password: PASSWORD });
      expect(res.statusCode).toBe(409);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors).toEqual([{ path: '/body/username', message: 'is already taken' }]);
    },
  );

  it('does not write an audit entry for a user that was not created', async () => {
    const before = await node.ctx.db.query<{ n: number }>('select count(*)::int as n from audit_log');
    await createViaApi({ username: 'admin', role: 'viewer', password: PASSWORD });
    const after = await node.ctx.db.query<{ n: number }>('select count(*)::int as n from audit_log');
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
  });

  it.each(['a', '-leading-hyphen', 'has space', 'ünïcode', 'x'.repeat(65), 'semi;colon'])(
    'refuses the user name %j with 400 at /body/username',
    async (username) => {
      const res = await createViaApi({ username, role: 'viewer', password: PASSWORD });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(['/body/username']);
    },
  );

  it('refuses an unknown role with 400 listing the roles', async () => {
    const res = await createViaApi({ username: 'role-x', role: 'superuser', password: PASSWORD });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain('/body/role');
  });

  it('refuses a weak password with 400 at /body/password, saying why', async () => {
    const res = await createViaApi({ username: 'weak-pw', role: 'viewer', password: 'weak-pw' });
    expect(res.statusCode).toBe(400);
    const errors: { path: string; message: string }[] = res.json().errors;
    expect(new Set(errors.map((e) => e.path))).toEqual(new Set(['/body/password']));
    expect(errors.map((e) => e.message)).toEqual(
      expect.arrayContaining(['must be at least 12 characters long', 'must not contain the user name']),
    );
    expect((await node.ctx.db.query("select 1 from users where username = 'weak-pw'")).rows).toEqual([]);
  });

  it('changes name, role and language of a user', async () => {
    const created = await createViaApi({ username: 'changer', role: 'viewer', password: PASSWORD });
    const res = await patch(created.json().id, { displayName: 'Чанг', role: 'case_officer', locale: 'ru' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ displayName: 'Чанг', role: 'case_officer', locale: 'ru' });
    const got = await call(node.app, 'GET', `/api/v1/users/${created.json().id}`, admin);
    expect(got.json()).toMatchObject({ displayName: 'Чанг', role: 'case_officer' });
  });

  it('answers 404 for a user that does not exist and 400 for an id that is not one', async () => {
    expect((await patch(randomUUID(), { displayName: 'x' })).statusCode).toBe(404);
    expect((await call(node.app, 'GET', `/api/v1/users/${randomUUID()}`, admin)).statusCode).toBe(404);
    const bad = await call(node.app, 'GET', '/api/v1/users/42', admin);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('/path/id');
  });

  it('refuses an empty change', async () => {
    const id = await idOf('admin');
    expect((await patch(id, {})).statusCode).toBe(400);
  });

  it('lets users change their own display name and language but not their role', async () => {
    const cookie = await node.userWithRole('viewer', 'self-service');
    const ok = await call(node.app, 'PATCH', '/api/v1/auth/me', cookie, {
      displayName: 'Self',
      locale: 'ru',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ displayName: 'Self', locale: 'ru', role: 'viewer' });
    const escalate = await call(node.app, 'PATCH', '/api/v1/auth/me', cookie, { role: 'admin' });
    expect(escalate.statusCode).toBe(400);
    expect(escalate.json().errors).toEqual([{ path: '/body/role', message: 'is not a known field' }]);
  });
});

describe('the last active administrator', () => {
  it('cannot be disabled (409)', async () => {
    const id = await onlyAdminLeft();
    const res = await patch(id, { disabled: true });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/last active administrator/);
    expect((await call(node.app, 'GET', '/api/v1/auth/me', admin)).statusCode).toBe(200);
  });

  it.each(['viewer', 'analyst', 'liaison_officer'])('cannot be demoted to %s (409)', async (role) => {
    const id = await onlyAdminLeft();
    expect((await patch(id, { role })).statusCode).toBe(409);
    const { rows } = await node.ctx.db.query<{ role: string }>('select role from users where id = $1', [id]);
    expect(rows[0]?.role).toBe('admin');
  });

  it('can keep the admin role and be renamed', async () => {
    const id = await onlyAdminLeft();
    expect((await patch(id, { role: 'admin', displayName: 'Node administrator' })).statusCode).toBe(200);
  });

  it('can be disabled or demoted once another administrator is active', async () => {
    const id = await onlyAdminLeft();
    await createUser(
      node.ctx.db,
      { username: 'deputy', role: 'admin', password: USER_PASSWORD },
      'system',
    ).catch(() => undefined);
    await node.ctx.db.query("update users set role = 'admin', disabled_at = null where username = 'deputy'");
    const deputy = await node.login('deputy');
    expect((await patch(id, { role: 'viewer' }, deputy)).statusCode).toBe(200);
    // Now the deputy is the last one.
    expect((await patch(await idOf('deputy'), { disabled: true }, deputy)).statusCode).toBe(409);
    expect((await patch(id, { role: 'admin' }, deputy)).statusCode).toBe(200);
  });

  it('does not count a disabled administrator as the other one', async () => {
    const id = await onlyAdminLeft();
    await node.ctx.db.query("update users set role = 'admin', disabled_at = now() where username = 'deputy'");
    expect((await patch(id, { disabled: true })).statusCode).toBe(409);
  });

  it('survives two administrators demoting each other at the same moment: one of them stays', async () => {
    for (let round = 0; round < 5; round++) {
      await onlyAdminLeft();
      await node.ctx.db.query(
        "update users set role = 'admin', disabled_at = null where username = 'deputy'",
      );
      const [a, b] = [await idOf('admin'), await idOf('deputy')];
      const results = await Promise.allSettled([
        changeUser(node.ctx.db, b, { role: 'viewer' }, 'user:admin'),
        changeUser(node.ctx.db, a, { disabled: true }, 'user:deputy'),
      ]);
      const refused = results.filter((r) => r.status === 'rejected');
      expect(refused).toHaveLength(1);
      expect((refused[0] as PromiseRejectedResult).reason).toBeInstanceOf(HttpProblem);
      const { rows } = await node.ctx.db.query<{ n: number }>(
        "select count(*)::int as n from users where role = 'admin' and disabled_at is null",
      );
      expect(rows[0]?.n).toBe(1);
    }
  });
});
