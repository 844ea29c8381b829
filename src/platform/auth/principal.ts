import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { forbidden, unauthorized } from '../http/problem.js';
import type { App } from '../http/server.js';
import { type Permission, ROLE_PERMISSIONS } from './permissions.js';
import { SESSION_COOKIE, sessionUser } from './sessions.js';
import { tokenUser } from './tokens.js';
import type { Locale, UserRow } from './users.js';

/** Who is making a request and what they may do. */
export interface Principal {
  kind: 'session' | 'token';
  userId: string;
  username: string;
  displayName: string;
  role: UserRow['role'];
  locale: Locale;
  passwordChangeRequired: boolean;
  permissions: ReadonlySet<Permission>;
  tokenId?: string;
  /** How the audit log names this actor. */
  actor: string;
}

/**
 * Access rule of a route: `public` (no sign-in), `authenticated` (any signed-in user), or one permission.
 * Every route must declare one; a route without it fails at start-up.
 */
export type Access = 'public' | 'authenticated' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Allowed while the user still has to change a one-time password. */
    allowDuringPasswordChange?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthorized();
  return request.principal;
}

function fromUser(
  user: UserRow,
  kind: Principal['kind'],
  permissions: readonly Permission[],
  tokenId?: string,
): Principal {
  return {
    kind,
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    locale: user.locale,
    passwordChangeRequired: user.password_change_required,
    permissions: new Set(permissions),
    ...(tokenId ? { tokenId } : {}),
    actor: tokenId ? `token:${user.username}/${tokenId}` : `user:${user.username}`,
  };
}

async function authenticate(ctx: AppContext, request: FastifyRequest): Promise<Principal | null> {
  const header = request.headers.authorization;
  // Authentication schemes are case-insensitive (RFC 9110, 11.1).
  const bearer = header ? /^bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (header && /^bearer\b/i.test(header)) {
    const found = bearer?.[1] ? await tokenUser(ctx.db, bearer[1]) : undefined;
    if (!found) return null;
    // A token never has more than its user's role has now, whatever scopes it was given.
    const allowed = ROLE_PERMISSIONS[found.user.role].filter((p) => found.token.scopes.includes(p));
    return fromUser(found.user, 'token', allowed, found.token.id);
  }
  const secret = request.cookies[SESSION_COOKIE];
  if (!secret) return null;
  const user = await sessionUser(ctx.db, secret, {
    ttlMinutes: ctx.config.sessionTtlMinutes,
    idleMinutes: ctx.config.sessionIdleMinutes,
  });
  return user ? fromUser(user, 'session', ROLE_PERMISSIONS[user.role]) : null;
}

/**
 * Authenticates every request and enforces each route's declared access rule. That every route declares one is
 * checked when it is registered (see createHttpServer); a route that still has none is refused, never served.
 */
export function installAccessControl(app: App, ctx: AppContext): void {
  app.decorateRequest('principal', null);
  // onRequest, before validation: who you are and whether you may is answered before what you sent.
  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    const config = request.routeOptions.config;
    // Only the not-found handler has no rule of its own.
    const access = config.access ?? (request.is404 ? 'public' : undefined);
    if (access === undefined)
      throw new Error(`route ${request.method} ${request.routeOptions.url} has no access rule`);
    if (access === 'public') return;
    request.principal = await authenticate(ctx, request);
    const principal = request.principal;
    if (!principal) throw unauthorized();
    if (principal.passwordChangeRequired && !config.allowDuringPasswordChange) {
      throw forbidden('Change your one-time password first (POST /api/v1/auth/password).');
    }
    if (access === 'authenticated') return;
    if (!principal.permissions.has(access)) {
      const how = principal.kind === 'token' ? 'This API token' : `Your role (${principal.role})`;
      throw forbidden(`${how} does not have the permission "${access}".`);
    }
  });
}
