import { Type } from '@sinclair/typebox';
import { appendAudit } from '../audit/log.js';
import type { AppContext } from '../context.js';
import { HttpProblem, notFound } from '../http/problem.js';
import { errorResponses, Strict, Timestamp, Uuid } from '../http/schemas.js';
import type { App } from '../http/server.js';
import { MAX_PASSWORD_LENGTH, verifyPassword } from './passwords.js';
import { PERMISSIONS, ROLE_PERMISSIONS, ROLES } from './permissions.js';
import { principalOf } from './principal.js';
import { sha256 } from './secrets.js';
import { createSession, endSession, SESSION_COOKIE } from './sessions.js';
import { lockDurationMs, usernameKey } from './throttle.js';
import { createToken, listTokens, revokeToken } from './tokens.js';
import {
  changeUser,
  createUser,
  findUserById,
  findUserByUsername,
  LOCALES,
  listUsers,
  setPassword,
  toUser,
  USERNAME_PATTERN,
} from './users.js';

const RoleSchema = Type.Union(
  ROLES.map((r) => Type.Literal(r)),
  { description: 'Role of the user' },
);
const LocaleSchema = Type.Union(LOCALES.map((l) => Type.Literal(l)));
const PermissionSchema = Type.String({ enum: Object.keys(PERMISSIONS) });

export const UserSchema = Type.Object(
  {
    id: Uuid,
    username: Type.String(),
    displayName: Type.String(),
    role: RoleSchema,
    locale: LocaleSchema,
    passwordChangeRequired: Type.Boolean(),
    disabled: Type.Boolean(),
    createdAt: Timestamp,
  },
  { $id: 'User' },
);

const MeSchema = Type.Object({
  user: Type.Ref('User'),
  permissions: Type.Array(Type.String()),
  authenticatedBy: Type.Union([Type.Literal('session'), Type.Literal('token')]),
});

const TokenSchema = Type.Object(
  {
    id: Uuid,
    userId: Uuid,
    username: Type.String(),
    name: Type.String(),
    scopes: Type.Array(Type.String()),
    createdAt: Timestamp,
    expiresAt: Type.Union([Timestamp, Type.Null()]),
    revokedAt: Type.Union([Timestamp, Type.Null()]),
    lastUsedAt: Type.Union([Timestamp, Type.Null()]),
  },
  { $id: 'ApiToken' },
);

const Password = Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH });
const IdParams = Strict({ id: Uuid });

// A real hash of a random password, so a sign-in with an unknown name costs as much time as one with a known name.
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$2rwtlJswW5UOGYJB8K9t8Q$+S2vYGQHS8gkPzjjnsgGgbjzpqhbCm2FjBwrpqVAQcM';

export function authRoutes(app: App, ctx: AppContext): void {
  app.addSchema(UserSchema);
  app.addSchema(TokenSchema);
  const policy = { ttlMinutes: ctx.config.sessionTtlMinutes, idleMinutes: ctx.config.sessionIdleMinutes };
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: ctx.config.cookieSecure,
  };

  app.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets an HttpOnly session cookie',
        body: Strict({ username: Type.String({ minLength: 1, maxLength: 64 }), password: Password }),
        response: { 200: MeSchema, ...errorResponses(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const key = usernameKey(username);
      const throttle = await ctx.db.query<{ locked_until: Date | null }>(
        'select locked_until from login_failures where username_key = $1',
        [key],
      );
      const lockedUntil = throttle.rows[0]?.locked_until;
      if (lockedUntil && lockedUntil.getTime() > Date.now()) {
        const seconds = Math.ceil((lockedUntil.getTime() - Date.now()) / 1000);
        throw new HttpProblem(
          429,
          'Too many failed sign-ins',
          `Too many failed sign-ins for this user name; try again in ${seconds} seconds.`,
          [],
          { 'retry-after': String(seconds) },
        );
      }
      const user = await findUserByUsername(ctx.db, username);
      const valid = await verifyPassword(user?.password_hash ?? DUMMY_HASH, password);
      if (!user || !valid || user.disabled_at) {
        await ctx.db.transaction(async (tx) => {
          // Counted by the database, not from the read above: each of several parallel guesses adds one (the row
          // stays locked until this transaction ends), so a burst of guesses cannot stay under the limit.
          const counted = await tx.query<{ failures: number }>(
            `insert into login_failures (username_key, failures, last_failure_at, locked_until) values ($1, 1, now(), null)
             on conflict (username_key) do update set failures = login_failures.failures + 1,
               last_failure_at = excluded.last_failure_at
             returning failures`,
            [key],
          );
          const failures = counted.rows[0]?.failures ?? 1;
          const lockMs = lockDurationMs(failures, ctx.config.loginMaxFailures);
          await tx.query(
            `update login_failures
             set locked_until = case when $2::int > 0 then now() + make_interval(secs => $2::int / 1000.0) end
             where username_key = $1`,
            [key, lockMs],
          );
          await appendAudit(tx, {
            actor: `anonymous@${request.ip}`,
            action: 'auth.login_failed',
            target: `user:${key}`,
            detail: {
              failures,
              reason: !user ? 'unknown user' : user.disabled_at ? 'disabled' : 'wrong password',
            },
          });
        });
        throw new HttpProblem(401, 'Sign-in failed', 'Wrong user name or password.');
      }
      const secret = await ctx.db.transaction(async (tx) => {
        await tx.query('delete from login_failures where username_key = $1', [key]);
        await appendAudit(tx, {
          actor: `user:${user.username}`,
          action: 'auth.login',
          target: `user:${user.username}`,
        });
        return createSession(tx, user.id, policy);
      });
      reply.setCookie(SESSION_COOKIE, secret, { ...cookieOptions, maxAge: policy.ttlMinutes * 60 });
      return {
        user: toUser(user),
        permissions: [...ROLE_PERMISSIONS[user.role]],
        authenticatedBy: 'session' as const,
      };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { access: 'authenticated', allowDuringPasswordChange: true },
      schema: {
        tags: ['auth'],
        summary: 'Sign out: ends this session',
        response: { 204: Type.Null(), ...errorResponses(401) },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const secret = request.cookies[SESSION_COOKIE];
      await ctx.db.transaction(async (tx) => {
        if (secret) await endSession(tx, secret);
        await appendAudit(tx, {
          actor: principal.actor,
          action: 'auth.logout',
          target: `user:${principal.username}`,
        });
      });
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/auth/me',
    {
      config: { access: 'authenticated', allowDuringPasswordChange: true },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, their role and permissions',
        response: { 200: MeSchema, ...errorResponses(401) },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const user = await findUserById(ctx.db, principal.userId);
      if (!user) throw notFound('Your user account no longer exists.');
      return { user: toUser(user), permissions: [...principal.permissions], authenticatedBy: principal.kind };
    },
  );

  app.patch(
    '/api/v1/auth/me',
    {
      config: { access: 'authenticated', allowDuringPasswordChange: true },
      schema: {
        tags: ['auth'],
        summary: 'Change your own display name or language',
        body: Strict(
          {
            displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            locale: Type.Optional(LocaleSchema),
          },
          { minProperties: 1 },
        ),
        response: { 200: Type.Ref('User'), ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      return changeUser(ctx.db, principal.userId, request.body, principal.actor);
    },
  );

  app.post(
    '/api/v1/auth/password',
    {
      config: { access: 'authenticated', allowDuringPasswordChange: true },
      schema: {
        tags: ['auth'],
        summary: 'Change your own password (required after a one-time password)',
        body: Strict({ currentPassword: Password, newPassword: Password }),
        response: { 204: Type.Null(), ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const user = await findUserById(ctx.db, principal.userId);
      if (!user || !(await verifyPassword(user.password_hash, request.body.currentPassword))) {
        throw new HttpProblem(400, 'Invalid request', 'The current password is wrong.', [
          { path: '/body/currentPassword', message: 'is wrong' },
        ]);
      }
      if (request.body.newPassword === request.body.currentPassword) {
        throw new HttpProblem(400, 'Invalid request', 'The new password must differ from the current one.', [
          { path: '/body/newPassword', message: 'must differ from the current password' },
        ]);
      }
      const secret = request.cookies[SESSION_COOKIE];
      await setPassword(ctx.db, user, request.body.newPassword, principal.actor, {
        keepSessionHash: principal.kind === 'session' && secret ? sha256(secret) : undefined,
      });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/users',
    {
      config: { access: 'users:manage' },
      schema: {
        tags: ['users'],
        summary: 'All user accounts of this node',
        response: { 200: Type.Array(Type.Ref('User')), ...errorResponses(401, 403) },
      },
    },
    async () => listUsers(ctx.db),
  );

  app.post(
    '/api/v1/users',
    {
      config: { access: 'users:manage' },
      schema: {
        tags: ['users'],
        summary: 'Create a user account',
        body: Strict({
          username: Type.String({
            pattern: USERNAME_PATTERN,
            description: '2-64 letters, digits, dot, hyphen, underscore',
          }),
          displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          role: RoleSchema,
          password: Password,
          passwordChangeRequired: Type.Optional(Type.Boolean({ default: true })),
          locale: Type.Optional(LocaleSchema),
        }),
        response: { 201: Type.Ref('User'), ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const user = await createUser(ctx.db, request.body, principalOf(request).actor);
      return reply.code(201).send(user);
    },
  );

  app.get(
    '/api/v1/users/:id',
    {
      config: { access: 'users:manage' },
      schema: {
        tags: ['users'],
        summary: 'One user account',
        params: IdParams,
        response: { 200: Type.Ref('User'), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const user = await findUserById(ctx.db, request.params.id);
      if (!user) throw notFound(`No user with id ${request.params.id}.`);
      return toUser(user);
    },
  );

  app.patch(
    '/api/v1/users/:id',
    {
      config: { access: 'users:manage' },
      schema: {
        tags: ['users'],
        summary: "Change a user's name, role or language, or disable (and sign out) the account",
        params: IdParams,
        body: Strict(
          {
            displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            role: Type.Optional(RoleSchema),
            disabled: Type.Optional(Type.Boolean()),
            locale: Type.Optional(LocaleSchema),
          },
          { minProperties: 1 },
        ),
        response: { 200: Type.Ref('User'), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => changeUser(ctx.db, request.params.id, request.body, principalOf(request).actor),
  );

  app.get(
    '/api/v1/tokens',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['tokens'],
        summary: 'Your API tokens (all tokens for administrators)',
        response: { 200: Type.Array(Type.Ref('ApiToken')), ...errorResponses(401) },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      return listTokens(ctx.db, principal.permissions.has('users:manage') ? undefined : principal.userId);
    },
  );

  app.post(
    '/api/v1/tokens',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['tokens'],
        summary: 'Create an API token for scripts; the secret is shown only in this answer',
        body: Strict({
          name: Type.String({ minLength: 1, maxLength: 100 }),
          scopes: Type.Array(PermissionSchema, { minItems: 1, maxItems: 50 }),
          expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
        }),
        response: {
          201: Type.Object({ token: Type.Ref('ApiToken'), secret: Type.String() }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      if (principal.kind !== 'session')
        throw new HttpProblem(
          403,
          'Forbidden',
          'API tokens are created from a signed-in session, not with another token.',
        );
      const user = await findUserById(ctx.db, principal.userId);
      if (!user) throw notFound('Your user account no longer exists.');
      return reply.code(201).send(await createToken(ctx.db, user, request.body, principal.actor));
    },
  );

  app.delete(
    '/api/v1/tokens/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['tokens'],
        summary: 'Revoke an API token',
        params: IdParams,
        response: { 200: Type.Ref('ApiToken'), ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const owner = principal.permissions.has('users:manage') ? undefined : principal.userId;
      return revokeToken(ctx.db, request.params.id, principal.actor, owner);
    },
  );
}
