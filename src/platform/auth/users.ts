import { v7 as uuidv7 } from 'uuid';
import { appendAudit } from '../audit/log.js';
import type { Db, Queryable } from '../db/db.js';
import { sqlErrorCode } from '../db/db.js';
import { type FieldError, HttpProblem } from '../http/problem.js';
import { hashPassword, passwordProblems } from './passwords.js';
import type { Role } from './permissions.js';

export const LOCALES = ['en', 'zh-CN', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  locale: Locale;
  passwordChangeRequired: boolean;
  disabled: boolean;
  createdAt: string;
}

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  locale: Locale;
  password_hash: string;
  password_change_required: boolean;
  disabled_at: Date | null;
  created_at: Date;
}

export const toUser = (row: UserRow): User => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  locale: row.locale,
  passwordChangeRequired: row.password_change_required,
  disabled: row.disabled_at !== null,
  createdAt: row.created_at.toISOString(),
});

export const USERNAME_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$';

export interface NewUser {
  username: string;
  displayName?: string | undefined;
  role: Role;
  password: string;
  passwordChangeRequired?: boolean | undefined;
  locale?: Locale | undefined;
}

export async function findUserByUsername(db: Queryable, username: string): Promise<UserRow | undefined> {
  const { rows } = await db.query<UserRow>('select * from users where lower(username) = lower($1)', [
    username,
  ]);
  return rows[0];
}

export async function findUserById(db: Queryable, id: string): Promise<UserRow | undefined> {
  const { rows } = await db.query<UserRow>('select * from users where id = $1', [id]);
  return rows[0];
}

export async function listUsers(db: Queryable): Promise<User[]> {
  const { rows } = await db.query<UserRow>('select * from users order by lower(username)');
  return rows.map(toUser);
}

export async function countUsers(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>('select count(*)::int as n from users');
  return rows[0]?.n ?? 0;
}

function passwordError(path: string, password: string, username: string): HttpProblem | undefined {
  const problems = passwordProblems(password, username);
  if (!problems.length) return undefined;
  const errors: FieldError[] = problems.map((message) => ({ path, message }));
  return new HttpProblem(400, 'Invalid request', `The password ${problems.join('; ')}.`, errors);
}

export async function createUser(db: Db, input: NewUser, actor: string): Promise<User> {
  const weak = passwordError('/body/password', input.password, input.username);
  if (weak) throw weak;
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const { rows } = await tx.query<UserRow>(
        `insert into users (id, username, display_name, role, password_hash, password_change_required, locale)
         values ($1, $2, $3, $4, $5, $6, $7) returning *`,
        [
          uuidv7(),
          input.username,
          input.displayName ?? input.username,
          input.role,
          passwordHash,
          input.passwordChangeRequired ?? false,
          input.locale ?? 'en',
        ],
      );
      const user = toUser(rows[0] as UserRow);
      await appendAudit(tx, {
        actor,
        action: 'user.created',
        target: `user:${user.username}`,
        detail: { role: user.role },
      });
      return user;
    });
  } catch (error) {
    if (sqlErrorCode(error) === '23505') {
      throw new HttpProblem(409, 'Conflict', `A user named "${input.username}" already exists.`, [
        { path: '/body/username', message: 'is already taken' },
      ]);
    }
    throw error;
  }
}

export interface UserChange {
  displayName?: string | undefined;
  role?: Role | undefined;
  disabled?: boolean | undefined;
  locale?: Locale | undefined;
}

export async function changeUser(db: Db, id: string, change: UserChange, actor: string): Promise<User> {
  return db.transaction(async (tx) => {
    const before = await findUserById(tx, id);
    if (!before) throw new HttpProblem(404, 'Not found', `No user with id ${id}.`);
    if ((change.disabled === true || (change.role && change.role !== 'admin')) && before.role === 'admin') {
      // Locks the active administrators, so that two concurrent changes cannot each count the other as the one
      // that remains: the second waits for the first and then sees its result.
      const { rows } = await tx.query<{ id: string }>(
        "select id from users where role = 'admin' and disabled_at is null order by id for update",
      );
      if (!rows.some((row) => row.id !== id)) {
        throw new HttpProblem(
          409,
          'Conflict',
          'This is the last active administrator; make another administrator first.',
        );
      }
    }
    const { rows } = await tx.query<UserRow>(
      `update users set
         display_name = coalesce($2, display_name),
         role = coalesce($3, role),
         locale = coalesce($4, locale),
         disabled_at = case when $5::boolean is null then disabled_at when $5 then coalesce(disabled_at, now()) else null end,
         updated_at = now()
       where id = $1 returning *`,
      [id, change.displayName ?? null, change.role ?? null, change.locale ?? null, change.disabled ?? null],
    );
    const user = toUser(rows[0] as UserRow);
    if (change.disabled === true) {
      await tx.query('delete from sessions where user_id = $1', [id]);
      await tx.query('update api_tokens set revoked_at = coalesce(revoked_at, now()) where user_id = $1', [
        id,
      ]);
    }
    await appendAudit(tx, {
      actor,
      action:
        change.disabled === true
          ? 'user.disabled'
          : change.disabled === false
            ? 'user.enabled'
            : 'user.changed',
      target: `user:${user.username}`,
      detail: { ...change },
    });
    return user;
  });
}

export async function setPassword(
  db: Db,
  user: UserRow,
  password: string,
  actor: string,
  options: { path?: string; keepSessionHash?: string } = {},
) {
  const path = options.path ?? '/body/newPassword';
  const weak = passwordError(path, password, user.username);
  if (weak) throw weak;
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await tx.query(
      'update users set password_hash = $2, password_change_required = false, updated_at = now() where id = $1',
      [user.id, passwordHash],
    );
    // Whoever knew the old password may hold a session: every session but the one making the change ends.
    const ended = await tx.query('delete from sessions where user_id = $1 and id_hash is distinct from $2', [
      user.id,
      options.keepSessionHash ?? null,
    ]);
    await appendAudit(tx, {
      actor,
      action: 'user.password_changed',
      target: `user:${user.username}`,
      detail: { sessionsEnded: ended.rowCount },
    });
  });
}
