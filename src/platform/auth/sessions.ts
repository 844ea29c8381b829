import type { Queryable } from '../db/db.js';
import { newSecret, sha256 } from './secrets.js';
import type { UserRow } from './users.js';

export const SESSION_COOKIE = 'liaison_session';

export interface SessionPolicy {
  ttlMinutes: number;
  idleMinutes: number;
}

/** Creates a session and returns the cookie value; only its hash is stored. */
export async function createSession(db: Queryable, userId: string, policy: SessionPolicy): Promise<string> {
  const secret = newSecret();
  await db.query(
    `insert into sessions (id_hash, user_id, expires_at) values ($1, $2, now() + make_interval(mins => $3))`,
    [sha256(secret), userId, policy.ttlMinutes],
  );
  return secret;
}

/** The user of a live session, or undefined when the session is unknown, expired, idle too long or its user disabled. */
export async function sessionUser(
  db: Queryable,
  secret: string,
  policy: SessionPolicy,
): Promise<UserRow | undefined> {
  const idHash = sha256(secret);
  const { rows } = await db.query<UserRow & { last_seen_at: Date }>(
    `select u.*, s.last_seen_at from sessions s join users u on u.id = s.user_id
     where s.id_hash = $1 and s.expires_at > now()
       and s.last_seen_at > now() - make_interval(mins => $2) and u.disabled_at is null`,
    [idHash, policy.idleMinutes],
  );
  const row = rows[0];
  if (!row) return undefined;
  // Touch at most once a minute, so reading pages does not turn into a write per request.
  if (Date.now() - row.last_seen_at.getTime() > 60_000) {
    await db.query('update sessions set last_seen_at = now() where id_hash = $1', [idHash]);
  }
  return row;
}

export async function endSession(db: Queryable, secret: string): Promise<void> {
  await db.query('delete from sessions where id_hash = $1', [sha256(secret)]);
}

export async function purgeExpiredSessions(db: Queryable, policy: SessionPolicy): Promise<number> {
  const { rowCount } = await db.query(
    'delete from sessions where expires_at <= now() or last_seen_at <= now() - make_interval(mins => $1)',
    [policy.idleMinutes],
  );
  return rowCount;
}
