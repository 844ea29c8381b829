import { randomUUID } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, call } from '../../../test/support/http.js';
import { startTestNode, type TestNode, USER_PASSWORD } from '../../../test/support/node.js';
import { createHttpServer, declaredRoutes } from '../http/server.js';
import { paramsAjv } from '../http/validation.js';
import { createLogger } from '../logger.js';
import {
  isPermission,
  type Permission,
  ROLE_PERMISSIONS,
  ROLES,
  type Role,
  roleAllows,
} from './permissions.js';
import type { Access } from './principal.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

interface Ctx {
  role: Role;
  cookie: string;
}

interface RouteCase {
  method: Method;
  /** As registered, with :params. */
  url: string;
  /** The permission the route must check: the specification this test holds the code to. */
  access: Exclude<Access, 'public'>;
  /** Status of a successful call. */
  ok: number;
  body?: (ctx: Ctx) => unknown;
  /** Fills the :params of the url for this caller. */
  params?: (ctx: Ctx) => Promise<Record<string, string>>;
  /** The call ends its session, so it gets a session of its own. */
  freshSession?: boolean;
}

let node: TestNode;
const sessions = new Map<Role, string>();
let targetUserId: string;
let n = 0;

/** Every platform route family, with the permission it must require. Expectations come from ROLE_PERMISSIONS. */
const ROUTES: RouteCase[] = [
  { method: 'GET', url: '/api/v1/node', access: 'node:read', ok: 200 },
  { method: 'GET', url: '/api/v1/overview', access: 'node:read', ok: 200 },
  { method: 'GET', url: '/api/v1/users', access: 'users:manage', ok: 200 },
  {
    method: 'POST',
    url: '/api/v1/users',
    access: 'users:manage',
    ok: 201,
    body: () => ({ username: `made-${++n}`, role: 'viewer', password: 'a fine long password' }),
  },
  {
    method: 'GET',
    url: '/api/v1/users/:id',
    access: 'users:manage',
    ok: 200,
    params: async () => ({ id: targetUserId }),
  },
  {
    method: 'PATCH',
    url: '/api/v1/users/:id',
    access: 'users:manage',
    ok: 200,
    body: () => ({ displayName: `Target ${++n}` }),
    params: async () => ({ id: targetUserId }),
  },
  { method: 'GET', url: '/api/v1/tokens', access: 'authenticated', ok: 200 },
  {
    method: 'POST',
    url: '/api/v1/tokens',
    access: 'authenticated',
    ok: 201,
    body: () => ({ name: 'matrix', scopes: ['node:read'] }),
  },
  {
    method: 'DELETE',
    url: '/api/v1/tokens/:id',
    access: 'authenticated',
    ok: 200,
    params: async ({ cookie }) => {
      const res = await call(node.app, 'POST', '/api/v1/tokens', cookie, {
        name: 'to revoke',
        scopes: ['node:read'],
      });
      return { id: res.json().token.id };
    },
  },
  { method: 'GET', url: '/api/v1/audit', access: 'audit:read', ok: 200 },
  { method: 'GET', url: '/api/v1/audit/verify', access: 'audit:read', ok: 200 },
  { method: 'GET', url: '/api/v1/auth/me', access: 'authenticated', ok: 200 },
  {
    method: 'PATCH',
    url: '/api/v1/auth/me',
    access: 'authenticated',
    ok: 200,
    body: () => ({ locale: 'en' }),
  },
  { method: 'POST', url: '/api/v1/auth/logout', access: 'authenticated', ok: 204, freshSession: true },
  // Last: it changes each user's password, and the logout case above signs in with the old one.
  {
    method: 'POST',
    url: '/api/v1/auth/password',
    access: 'authenticated',
    ok: 204,
    body: () => ({ currentPassword: USER_PASSWORD, newPassword: `${USER_PASSWORD} changed` }),
  },
];

/**
 * API routes open without a user's session or token. Anything else public is a mistake this list catches: add a
 * route here only with the reason it may be open.
 */
const PUBLIC_API = [
  'POST /api/v1/auth/login',
  'GET /api/v1/openapi.json',
  'HEAD /api/v1/openapi.json',
  // Partner-to-partner endpoints: each request is signed by the partner node's key and checked in src/federation.
  'GET /api/v1/federation/keys',
  'HEAD /api/v1/federation/keys',
  'GET /api/v1/federation/feed',
  'HEAD /api/v1/federation/feed',
  'GET /api/v1/federation/feed/with-envelopes',
  'HEAD /api/v1/federation/feed/with-envelopes',
  'POST /api/v1/federation/feed/envelopes',
  'POST /api/v1/federation/notice',
];

/**
 * Operations whose body is deliberately open (not a closed object), with the reason. Every other body must
 * refuse unknown fields.
 */
const OPEN_BODIES: Record<string, string> = {
  'POST /api/v1/federation/bundles/import': 'a signed bundle file, checked as a whole by importBundle',
};

const expected = (route: RouteCase, role: Role) =>
  route.access === 'authenticated' || roleAllows(role, route.access) ? route.ok : 403;

const fill = (url: string, params: Record<string, string>) =>
  url.replace(/:(\w+)/g, (_m, name: string) => params[name] ?? '');
const openApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');
/** A request path for a registered url: params become uuids, wildcards a word. */
const samplePath = (url: string) => url.replace(/:(\w+)/g, randomUUID()).replace('*', 'x');

beforeAll(async () => {
  node = await startTestNode({ LIAISON_DEMO_DATA: 'false' });
  for (const role of ROLES) sessions.set(role, await node.userWithRole(role, `as-${role.replace('_', '-')}`));
  const { rows } = await node.ctx.db.query<{ id: string }>(
    "select id from users where username = 'as-viewer'",
  );
  targetUserId = rows[0]?.id as string;
});
afterAll(() => node.close());

async function send(route: RouteCase, role: Role, credential?: string) {
  const cookie = route.freshSession
    ? await node.login(`as-${role.replace('_', '-')}`)
    : (sessions.get(role) as string);
  const ctx = { role, cookie };
  const params = route.params ? await route.params(ctx) : {};
  return call(node.app, route.method, fill(route.url, params), credential ?? cookie, route.body?.(ctx));
}

describe('roles × routes', () => {
  const cases = ROUTES.flatMap((route) =>
    ROLES.map((role) => ({
      route,
      role,
      label: `${route.method} ${route.url}`,
      status: expected(route, role),
    })),
  );

  it.each(cases)('$label answers $role with $status', async ({ route, role, status }) => {
    const res = await send(route, role);
    expect(res.statusCode, res.body).toBe(status);
    if (status === 403) {
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().detail).toBe(`Your role (${role}) does not have the permission "${route.access}".`);
    }
  });

  it.each(ROUTES.map((route) => ({ route, label: `${route.method} ${route.url}` })))(
    '$label answers 401 without credentials',
    async ({ route }) => {
      const res = await call(
        node.app,
        route.method,
        fill(route.url, { id: randomUUID() }),
        undefined,
        route.body?.({ role: 'admin', cookie: '' }),
      );
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer realm="liaison"');
    },
  );

  it.each(
    ROUTES.filter((r) => r.access !== 'authenticated' && r.url !== '/api/v1/tokens').map((route) => ({
      route,
      label: `${route.method} ${route.url}`,
    })),
  )("$label answers a token only when the token has the route's permission", async ({ route }) => {
    const permission = route.access as Permission;
    const role = ROLES.find((r) => roleAllows(r, permission)) as Role;
    const cookie = sessions.get(role) as string;
    const without = ROLE_PERMISSIONS[role].filter((p) => p !== permission);
    const tokenWithout = (
      await call(node.app, 'POST', '/api/v1/tokens', cookie, { name: 'without', scopes: without })
    ).json().secret;
    const tokenWith = (
      await call(node.app, 'POST', '/api/v1/tokens', cookie, { name: 'with', scopes: [permission] })
    ).json().secret;
    const refused = await send(route, role, tokenWithout);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toBe(`This API token does not have the permission "${permission}".`);
    expect((await send(route, role, tokenWith)).statusCode).toBe(route.ok);
  });

  it('declares for every route in the table exactly the permission the table expects', () => {
    const declared = new Map(declaredRoutes(node.app).map((r) => [`${r.method} ${r.url}`, r.access]));
    for (const route of ROUTES)
      expect([`${route.method} ${route.url}`, declared.get(`${route.method} ${route.url}`)]).toEqual([
        `${route.method} ${route.url}`,
        route.access,
      ]);
  });

  it("covers every operation of the platform's route families (add new ones to ROUTES)", async () => {
    const doc = (await node.app.inject('/api/v1/openapi.json')).json() as OpenApi;
    const platformTags = new Set(['auth', 'users', 'tokens', 'audit', 'node']);
    const inTable = new Set(ROUTES.map((r) => `${r.method} ${openApiPath(r.url)}`));
    const missing = operations(doc)
      .filter((op) => op.tags.some((t) => platformTags.has(t)))
      .map((op) => `${op.method} ${op.path}`)
      .filter((key) => key !== 'POST /api/v1/auth/login' && !inTable.has(key));
    expect(missing).toEqual([]);
  });
});

describe('access rules', () => {
  it('declares a valid access rule on every registered API route', () => {
    const api = declaredRoutes(node.app).filter((r) => r.url.startsWith('/api/'));
    expect(api.length).toBeGreaterThan(10);
    for (const route of api) {
      const valid =
        route.access === 'public' || route.access === 'authenticated' || isPermission(route.access);
      expect(valid, `${route.method} ${route.url} declares ${String(route.access)}`).toBe(true);
    }
  });

  it('has a declared rule for every operation of the OpenAPI document', async () => {
    const doc = (await node.app.inject('/api/v1/openapi.json')).json() as OpenApi;
    const declared = new Set(declaredRoutes(node.app).map((r) => `${r.method} ${openApiPath(r.url)}`));
    for (const op of operations(doc))
      expect(declared.has(`${op.method} ${op.path}`), `${op.method} ${op.path}`).toBe(true);
  });

  it('keeps the API private except for sign-in, the OpenAPI document and the API docs', () => {
    const publicApi = declaredRoutes(node.app)
      .filter((r) => r.url.startsWith('/api/') && r.access === 'public' && !r.url.startsWith('/api/v1/docs'))
      .map((r) => `${r.method} ${r.url}`);
    expect(publicApi.sort()).toEqual([...PUBLIC_API].sort());
  });

  it('answers 401 to a request without credentials on every non-public API route', async () => {
    const routes = declaredRoutes(node.app).filter((r) => r.url.startsWith('/api/') && r.access !== 'public');
    for (const route of routes) {
      const res = await node.app.inject({ method: route.method as Method, url: samplePath(route.url) });
      expect([`${route.method} ${route.url}`, res.statusCode]).toEqual([`${route.method} ${route.url}`, 401]);
    }
  });

  it('serves the public API routes without credentials', async () => {
    expect((await node.app.inject('/api/v1/openapi.json')).statusCode).toBe(200);
    expect((await node.app.inject('/api/v1/docs/json')).statusCode).toBe(200);
    expect((await node.app.inject('/healthz')).statusCode).toBe(200);
  });

  it('refuses to register an API route without an access rule', async () => {
    const app = await createHttpServer({
      logger: createLogger('silent'),
      bodyLimitBytes: 1024,
      version: 'test',
    });
    expect(() => app.get('/api/v1/forgotten', async () => ({}))).toThrow(/declares no access rule/);
    expect(() =>
      app.get(
        '/api/v1/declared',
        { config: { access: 'node:read' }, schema: { response: { 200: Type.Object({}) } } },
        async () => ({}),
      ),
    ).not.toThrow();
    await app.close();
  });
});

// ---- Request bodies, table-driven over the OpenAPI document ----

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  patternProperties?: Record<string, JsonSchema>;
  required?: string[];
  minProperties?: number;
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  examples?: unknown[];
  default?: unknown;
  items?: JsonSchema;
  $ref?: string;
}

interface Operation {
  method: Method;
  path: string;
  tags: string[];
  body: JsonSchema | undefined;
  pathParams: Record<string, JsonSchema>;
}

interface OpenApi {
  paths: Record<
    string,
    Record<
      string,
      {
        tags?: string[];
        parameters?: { in: string; name: string; schema: JsonSchema }[];
        requestBody?: { content: Record<string, { schema: JsonSchema }> };
      }
    >
  >;
  components?: { schemas?: Record<string, JsonSchema> };
}

function operations(doc: OpenApi): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => ['get', 'post', 'patch', 'put', 'delete'].includes(method))
      .map(([method, op]) => ({
        method: method.toUpperCase() as Method,
        path,
        tags: op.tags ?? [],
        body: op.requestBody?.content['application/json']?.schema,
        pathParams: Object.fromEntries(
          (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => [p.name, p.schema]),
        ),
      })),
  );
}

/** A value for each path parameter that its schema accepts, so that only the body can make a request invalid. */
function validPath(op: Operation): string {
  return op.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const schema = op.pathParams[name] ?? {};
    const own = [schema, ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].flatMap((s) => [
      ...(s.enum ?? []),
      ...('const' in s ? [s.const] : []),
      ...(s.examples ?? []),
      ...('default' in s ? [s.default] : []),
    ]);
    // Common shapes of identifiers: uuid, agency code, country, word, number, dotted type name.
    const candidates = [...own.map(String), randomUUID(), 'TEST-NNCB', 'CN', 'demo', '1', 'registry.sample'];
    const validate = paramsAjv.compile(schema);
    const value = candidates.find((c) => validate(c));
    if (value === undefined)
      throw new Error(`no sample value for path parameter ${name} of ${op.method} ${op.path}`);
    return value;
  });
}

function resolve(doc: OpenApi, schema: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.split('/').at(-1) as string;
  const target = doc.components?.schemas?.[name];
  if (!target) throw new Error(`cannot resolve ${schema.$ref}`);
  return resolve(doc, target);
}

/** The JSON types a schema accepts. */
function acceptedTypes(schema: JsonSchema): Set<string> {
  const out = new Set<string>();
  if (schema.type) for (const t of [schema.type].flat()) out.add(t === 'integer' ? 'number' : t);
  for (const value of [...(schema.enum ?? []), ...('const' in schema ? [schema.const] : [])])
    out.add(typeof value);
  for (const branch of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])])
    for (const t of acceptedTypes(branch)) out.add(t);
  return out;
}

const jsonType = (value: unknown) =>
  Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;

/** A value of a type the schema does not accept. */
function wrongValue(schema: JsonSchema): unknown {
  const accepted = acceptedTypes(schema);
  return [12345, 'text', true, { nested: true }, [1]].find((v) => !accepted.has(jsonType(v)));
}

function objectSchemas(doc: OpenApi, schema: JsonSchema, at: string): { at: string; schema: JsonSchema }[] {
  const s = resolve(doc, schema);
  const own = s.type === 'object' || s.properties ? [{ at, schema: s }] : [];
  const nested = Object.entries(s.properties ?? {}).flatMap(([k, v]) => objectSchemas(doc, v, `${at}/${k}`));
  const branches = [...(s.anyOf ?? []), ...(s.oneOf ?? [])].flatMap((b) => objectSchemas(doc, b, at));
  const items = s.items ? objectSchemas(doc, s.items, `${at}/0`) : [];
  return [...own, ...nested, ...branches, ...items];
}

describe('request bodies', () => {
  let doc: OpenApi;
  let bodyOps: Operation[];
  beforeAll(async () => {
    doc = (await node.app.inject('/api/v1/openapi.json')).json() as OpenApi;
    bodyOps = operations(doc).filter((op) => op.body);
  });

  const ruleOf = (op: Operation) => {
    const rule = declaredRoutes(node.app).find(
      (r) => r.method === op.method && openApiPath(r.url) === op.path,
    );
    if (!rule) throw new Error(`no access rule for ${op.method} ${op.path}`);
    return rule;
  };

  /** Credentials that pass the route's access rule, so that only the body decides the answer. */
  function credentialFor(op: Operation): string | undefined {
    const rule = ruleOf(op);
    if (rule.access === 'public') return undefined;
    if (rule.access === 'authenticated') return sessions.get('admin');
    const role = ROLES.find((r) => roleAllows(r, rule.access as Permission));
    if (!role) throw new Error(`no role has ${rule.access}`);
    return sessions.get(role);
  }

  const send = (op: Operation, payload: unknown, extra: Record<string, string> = {}) =>
    node.app.inject({
      method: op.method,
      url: validPath(op),
      headers: { ...authHeaders(credentialFor(op)), ...extra },
      payload: payload as string,
    });

  const errorPaths = (res: { json(): { errors?: { path: string }[] } }) =>
    (res.json().errors ?? []).map((e) => e.path);

  it('lists only operations that exist as open bodies', () => {
    const keys = new Set(bodyOps.map((op) => `${op.method} ${op.path}`));
    for (const key of Object.keys(OPEN_BODIES)) expect(keys.has(key), key).toBe(true);
  });

  it('finds the operations that take a body', () => {
    const keys = bodyOps.map((op) => `${op.method} ${op.path}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        'POST /api/v1/auth/login',
        'POST /api/v1/users',
        'PATCH /api/v1/users/{id}',
        'POST /api/v1/tokens',
      ]),
    );
  });

  const closedBodyOps = () => bodyOps.filter((op) => !OPEN_BODIES[`${op.method} ${op.path}`]);

  it('declares every object in every request body closed (no additionalProperties left open)', () => {
    for (const op of closedBodyOps()) {
      for (const { at, schema } of objectSchemas(doc, op.body as JsonSchema, '/body')) {
        // false closes a record; a schema there makes it a map whose values are checked (Type.Record).
        const open = schema.additionalProperties === undefined || schema.additionalProperties === true;
        const map = schema.patternProperties !== undefined && schema.properties === undefined;
        expect([`${op.method} ${op.path} ${at}`, open && !map]).toEqual([
          `${op.method} ${op.path} ${at}`,
          false,
        ]);
      }
    }
  });

  it('rejects an unknown field with 400 naming it, on every operation with a body', async () => {
    for (const op of closedBodyOps()) {
      const res = await send(op, { zzUnknownField: 1 });
      expect([`${op.method} ${op.path}`, res.statusCode]).toEqual([`${op.method} ${op.path}`, 400]);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(errorPaths(res)).toContain('/body/zzUnknownField');
    }
  });

  it('rejects missing required fields with 400 naming each, on every operation with a body', async () => {
    let checked = 0;
    for (const op of bodyOps) {
      const schema = resolve(doc, op.body as JsonSchema);
      // An all-optional body may well be empty; whether {} makes sense is the handler's business.
      if (!schema.required?.length && !schema.minProperties) continue;
      checked++;
      const res = await send(op, {});
      expect([`${op.method} ${op.path}`, res.statusCode]).toEqual([`${op.method} ${op.path}`, 400]);
      for (const field of schema.required ?? []) expect(errorPaths(res)).toContain(`/body/${field}`);
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('rejects a wrong type in each field with 400 naming the field, on every operation with a body', async () => {
    let checked = 0;
    for (const op of bodyOps) {
      const schema = resolve(doc, op.body as JsonSchema);
      for (const [field, fieldSchema] of Object.entries(schema.properties ?? {})) {
        const res = await send(op, { [field]: wrongValue(resolve(doc, fieldSchema)) });
        const label = `${op.method} ${op.path} ${field}`;
        expect([label, res.statusCode]).toEqual([label, 400]);
        expect([label, errorPaths(res).includes(`/body/${field}`)]).toEqual([label, true]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(15);
  });

  it('rejects a body that is not an object with 400', async () => {
    for (const op of bodyOps) {
      const res = await send(op, JSON.stringify(['not', 'an', 'object']), {
        'content-type': 'application/json',
      });
      expect([`${op.method} ${op.path}`, res.statusCode]).toEqual([`${op.method} ${op.path}`, 400]);
    }
  });

  it('refuses a body over the size limit with 413, on every operation with a body', async () => {
    const big = JSON.stringify({ zz: 'x'.repeat(node.ctx.config.bodyLimitBytes) });
    let checked = 0;
    for (const op of bodyOps) {
      // Routes with a limit of their own (bundle and file uploads) are too big to exceed in a test.
      if (ruleOf(op).bodyLimit !== undefined) continue;
      checked++;
      const res = await send(op, big, { 'content-type': 'application/json' });
      expect([`${op.method} ${op.path}`, res.statusCode]).toEqual([`${op.method} ${op.path}`, 413]);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect(checked).toBeGreaterThan(5);
  });

  it("refuses a body over a route's own, smaller limit with 413", async () => {
    const app = await createHttpServer({
      logger: createLogger('silent'),
      bodyLimitBytes: 1_000_000,
      version: 'test',
    });
    app.post('/api/v1/small', { config: { access: 'public' }, bodyLimit: 1024 }, async () => ({}));
    const res = await app.inject({ method: 'POST', url: '/api/v1/small', payload: { zz: 'x'.repeat(2000) } });
    expect(res.statusCode).toBe(413);
    expect(declaredRoutes(app).find((r) => r.url === '/api/v1/small')?.bodyLimit).toBe(1024);
    await app.close();
  });

  it('refuses a body that is not JSON with 415, on every operation with a body', async () => {
    for (const op of bodyOps) {
      const res = await send(op, 'a=1', { 'content-type': 'application/x-www-form-urlencoded' });
      expect([`${op.method} ${op.path}`, res.statusCode]).toEqual([`${op.method} ${op.path}`, 415]);
    }
  });
});
