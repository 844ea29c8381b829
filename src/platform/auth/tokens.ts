import { v7 as uuidv7 } from 'uuid';
import { appendAudit } from '../audit/log.js';
import type { Db, Queryable } from '../db/db.js';
import { HttpProblem } from '../http/problem.js';
import { isPermission, type Permission, ROLE_PERMISSIONS } from './permissions.js';
import { newSecret, sameHash, sha256 } from './secrets.js';
import type { UserRow } from './users.js';

export interface ApiToken {
  id: string;
  userId: string;
  username: string;
  name: string;
  scopes: Permission[];
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

interface TokenRow {
  id: string;
  user_id: string;
  username: string;
  name: string;
  scopes: string[];
  secret_hash: string;
  created_at: Date;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

const toToken = (row: TokenRow): ApiToken => ({
  id: row.id,
  userId: row.user_id,
  username: row.username,
  name: row.name,
  scopes: row.scopes.filter(isPermission),
  createdAt: row.created_at.toISOString(),
  expiresAt: row.expires_at?.toISOString() ?? null,
  revokedAt: row.revoked_at?.toISOString() ?? null,
  lastUsedAt: row.last_used_at?.toISOString() ?? null,
});

const PREFIX = 'lia_';

/** Token text: lia_<id without hyphens>_<secret>. The id finds the row; only the secret's hash is stored. */
export function formatToken(id: string, secret: string): string {
  return `${PREFIX}${id.replaceAll('-', '')}_${secret}`;
}

export function parseToken(text: string): { id: string; secret: string } | undefined {
  const match = /^lia_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/.exec(text);
  if (!match) return undefined;
  const hex = match[1] as string;
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { id, secret: match[2] as string };
}

/** Scopes a user may give a token: a subset of what their role allows. */
export function checkScopes(user: Pick<UserRow, 'role'>, scopes: readonly string[]): Permission[] {
  const allowed = ROLE_PERMISSIONS[user.role];
  const errors = scopes.flatMap((scope, i) => {
    if (!isPermission(scope))
      return [{ path: `/body/scopes/${i}`, message: `"${scope}" is not a permission` }];
    if (!allowed.includes(scope))
      return [{ path: `/body/scopes/${i}`, message: `your role (${user.role}) does not have "${scope}"` }];
    return [];
  });
  if (errors.length)
    throw new HttpProblem(400, 'Invalid request', 'Some scopes cannot be given to this token.', errors);
  if (!scopes.length)
    throw new HttpProblem(400, 'Invalid request', 'A token needs at least one scope.', [
      { path: '/body/scopes', message: 'must not be empty' },
    ]);
  return [...new Set(scopes)] as Permission[];
}

export async function createToken(
  db: Db,
  user: UserRow,
  input: { name: string; scopes: readonly string[]; expiresInDays?: number | undefined },
  actor: string,
): Promise<{ token: ApiToken; secret: string }> {
  const scopes = checkScopes(user, input.scopes);
  const id = uuidv7();
  const secret = newSecret();
  const token = await db.transaction(async (tx) => {
    const { rows } = await tx.query<TokenRow>(
      `insert into api_tokens (id, user_id, name, secret_hash, scopes, expires_at)
       values ($1, $2, $3, $4, $5, case when $6::int is null then null else now() + make_interval(days => $6::int) end)
       returning *, (select username from users where id = $2) as username`,
      [id, user.id, input.name, sha256(secret), scopes, input.expiresInDays ?? null],
    );
    await appendAudit(tx, {
      actor,
      action: 'token.created',
      target: `token:${id}`,
      detail: { name: input.name, scopes },
    });
    return toToken(rows[0] as TokenRow);
  });
  return { token, secret: formatToken(id, secret) };
}

export async function listTokens(db: Queryable, userId?: string): Promise<ApiToken[]> {
  const { rows } = await db.query<TokenRow>(
    `select t.*, u.username from api_tokens t join users u on u.id = t.user_id
     where ($1::uuid is null or t.user_id = $1) order by t.created_at desc`,
    [userId ?? null],
  );
  return rows.map(toToken);
}

export async function revokeToken(db: Db, id: string, actor: string, ownerId?: string): Promise<ApiToken> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<TokenRow>(
      `update api_tokens t set revoked_at = coalesce(revoked_at, now()) from users u
       where t.id = $1 and u.id = t.user_id and ($2::uuid is null or t.user_id = $2) returning t.*, u.username`,
      [id, ownerId ?? null],
    );
    const row = rows[0];
    if (!row) throw new HttpProblem(404, 'Not found', `No API token with id ${id}.`);
    await appendAudit(tx, { actor, action: 'token.revoked', target: `token:${id}` });
    return toToken(row);
  });
}

/** The user and scopes behind a token text, or undefined when it is unknown, revoked, expired or its user disabled. */
export async function tokenUser(
  db: Queryable,
  text: string,
): Promise<{ user: UserRow; token: ApiToken } | undefined> {
  const parsed = parseToken(text);
  if (!parsed) return undefined;
  const { rows } = await db.query<TokenRow & { user: UserRow }>(
    `select t.*, u.username, row_to_json(u.*) as user from api_tokens t join users u on u.id = t.user_id
     where t.id = $1 and t.revoked_at is null and (t.expires_at is null or t.expires_at > now()) and u.disabled_at is null`,
    [parsed.id],
  );
  const row = rows[0];
  if (!row || !sameHash(row.secret_hash, sha256(parsed.secret))) return undefined;
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > 60_000) {
    await db.query('update api_tokens set last_used_at = now() where id = $1', [row.id]);
  }
  const user = { ...row.user, created_at: new Date(row.user.created_at), disabled_at: null };
  return { user, token: toToken(row) };
}
