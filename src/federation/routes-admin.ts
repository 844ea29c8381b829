import { Type } from '@sinclair/typebox';
import { principalOf } from '../platform/auth/principal.js';
import type { AppContext } from '../platform/context.js';
import { HttpProblem } from '../platform/http/problem.js';
import { errorResponses, Strict, Timestamp } from '../platform/http/schemas.js';
import type { App } from '../platform/http/server.js';
import { PartnerUnreachable } from './client.js';
import { ensureEncryptionKey, rotateKey } from './local-keys.js';
import {
  acceptInvitation,
  changePartner,
  confirmPartner,
  getPartner,
  listPartners,
  requirePartner,
} from './partners.js';
import { maintenanceRoutes } from './routes-maintenance.js';
import { PartnerSchema, PullReportSchema, QuarantineSchema, SyncSchema } from './routes-schemas.js';
import { lag } from './schedule.js';
import { AgencyCode, PolicySchema } from './schemas.js';
import type { FederationService } from './service.js';
import {
  changeSettings,
  createInvitation,
  keyHistory,
  readSettings,
  setTypePolicy,
  typePolicies,
} from './settings.js';
import { listTaskForces, putTaskForce } from './taskforces.js';

// Administrators' federation API: this node's settings and keys, pairing, partners and their sync state,
// quarantine, per-type default policies, task forces.

const AgencyParams = Strict({ agency: AgencyCode });
const Endpoint = Type.Union([Type.String({ pattern: '^https?://[^\\s]+$', maxLength: 500 }), Type.Null()]);
const DateOnly = Type.String({ format: 'date' });

interface QuarantineRow {
  id: string;
  received_from: string;
  via: string;
  origin: string | null;
  record_id: string | null;
  version: number | null;
  feed_pos: number | null;
  reason: string;
  created_at: Date;
  resolved_at: Date | null;
}

const toQuarantine = (r: QuarantineRow) => ({
  id: r.id,
  receivedFrom: r.received_from,
  via: r.via,
  origin: r.origin,
  recordId: r.record_id,
  version: r.version,
  feedPos: r.feed_pos === null ? null : Number(r.feed_pos),
  reason: r.reason,
  createdAt: r.created_at.toISOString(),
  resolvedAt: r.resolved_at?.toISOString() ?? null,
});

export function adminRoutes(app: App, ctx: AppContext, service: FederationService): void {
  app.addSchema(PartnerSchema);
  const self = ctx.config.agencyCode;
  const tags = ['federation'];
  maintenanceRoutes(app, ctx, service);

  app.get(
    '/api/v1/federation/status',
    {
      config: { access: 'federation:read' },
      schema: {
        tags,
        summary: "This node's federation settings, keys and workers",
        response: {
          200: Type.Object({
            agency: Type.String(),
            endpoint: Type.Union([Type.String(), Type.Null()]),
            pullIntervalSeconds: Type.Integer(),
            keys: Type.Array(
              Type.Object({
                fingerprint: Type.String(),
                createdAt: Timestamp,
                retiredAt: Type.Union([Timestamp, Type.Null()]),
              }),
            ),
            encryptionKey: Type.String(),
            workers: Type.Boolean(),
            pendingReevaluations: Type.Integer(),
          }),
          ...errorResponses(401, 403),
        },
      },
    },
    async () => {
      const settings = await readSettings(ctx.db);
      const jobs = await ctx.db.query<{ n: number }>('select count(*)::int as n from federation_reconcile');
      return {
        agency: self,
        ...settings,
        keys: await keyHistory(ctx.db),
        encryptionKey: await ensureEncryptionKey(ctx.db, ctx.config.dataDir),
        workers: service.running,
        pendingReevaluations: jobs.rows[0]?.n ?? 0,
      };
    },
  );

  app.put(
    '/api/v1/federation/settings',
    {
      config: { access: 'federation:manage' },
      schema: {
        tags,
        summary: "Set this node's public endpoint (put in invitations) and the regular pull interval",
        body: Strict(
          {
            endpoint: Type.Optional(Endpoint),
            pullIntervalSeconds: Type.Optional(Type.Integer({ minimum: 5, maximum: 86_400 })),
          },
          { minProperties: 1 },
        ),
        response: {
          200: Type.Object({
            endpoint: Type.Union([Type.String(), Type.Null()]),
            pullIntervalSeconds: Type.Integer(),
          }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => changeSettings(ctx.db, request.body, principalOf(request).actor),
  );

  app.post(
    '/api/v1/federation/invitations',
    {
      config: { access: 'federation:manage' },
      schema: {
        tags,
        summary: 'Make a signed invitation for a partner to accept; read the fingerprint to them out of band',
        body: Strict({
          for: Type.Optional(Type.Union([AgencyCode, Type.Null()])),
          endpoint: Type.Optional(Endpoint),
          validDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90 })),
        }),
        response: {
          201: Type.Object({
            invitation: Type.String(),
            agency: Type.String(),
            fingerprint: Type.String(),
            expiresAt: Timestamp,
          }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createInvitation(ctx.db, ctx.config.dataDir, request.body, principalOf(request).actor)),
  );

  app.post(
    '/api/v1/federation/partners',
    {
      config: { access: 'federation:manage' },
      schema: {
        tags,
        summary:
          "Accept a partner's invitation; the partner stays pending until its fingerprint is confirmed",
        body: Strict({ invitation: Type.String({ minLength: 10, maxLength: 10_000 }) }),
        response: { 201: Type.Ref('FederationPartner'), ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await acceptInvitation(ctx.db, self, request.body.invitation, principalOf(request).actor)),
  );

  app.get(
    '/api/v1/federation/partners',
    {
      config: { access: 'federation:read' },
      schema: {
        tags,
        summary: 'The partner directory',
        response: { 200: Type.Array(Type.Ref('FederationPartner')), ...errorResponses(401, 403) },
      },
    },
    async () => listPartners(ctx.db),
  );

  app.get(
    '/api/v1/federation/partners/:agency',
    {
      config: { access: 'federation:read' },
      schema: {
        tags,
        summary: 'One partner, with its keys',
        params: AgencyParams,
        response: { 200: Type.Ref('FederationPartner'), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => getPartner(ctx.db, request.params.agency),
  );

  app.post(
    '/api/v1/federation/partners/:agency/confirm',
    {
      config: { access: 'federation:manage' },
      schema: {
        tags,
        summary:
          'Confirm a partner after comparing its fingerprint out of band (type or paste the fingerprint you were told)',
        params: AgencyParams,
        body: Strict({ fingerprint: Type.String({ minLength: 16, maxLength: 200 }) }),
        response: { 200: Type.Ref('FederationPartner'), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const partner = await confirmPartner(
        ctx.db,
        request.params.agency,
        request.body.fingerprint,
        principalOf(request).actor,
      );
      service.wake(partner.agency);
      return partner;
    },
  );

  app.patch(
    '/api/v1/federation/partners/:agency',
    {
      config: { access: 'federation:manage' },
      schema: {
        tags,
        summary: "Change a partner's endpoint, or suspend and resume the exchange",
        params: AgencyParams,
        body: Strict(
          { endpoint: Type.Optional(Endpoint), suspended: Type.Optional(Type.Boolean()) },
          { minProperties: 1 },
        ),
        response: { 200: Type.Ref('FederationPartner'), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => changePartner(ctx.db, request.params.agency, request.body, principalOf(request).actor),
  );

  app.post(
    '/api/v1/federation/partners/:agency/pull',
    {
      config: { access: 'federation:manage' },
      schema: {
        tags,
        summary:
          "Pull this partner now (the workers also pull on their interval and on the partner's notices)",
        params: AgencyParams,
        response: { 200: PullReportSchema, ...errorResponses(401, 403, 404, 409, 502) },
      },
    },
    async (request) => {
      const partner = await requirePartner(ctx.db, request.params.agency);
      if (partner.state !== 'active')
        throw new HttpProblem(
          409,
          'Conflict',
          `The partnership with ${partner.agency_code} is ${partner.state}.`,
        );
      try {
        return await service.pullNow(partner.agency_code);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new HttpProblem(
          502,
          error instanceof PartnerUnreachable ? 'Partner unreachable' : 'Pull failed',
          message,
        );
      }
    },
  );

  app.get(
    '/api/v1/federation/partners/:agency/sync',
    {
      config: { access: 'federation:read' },
      schema: {
        tags,
        summary: 'Sync state of a partner: last pull, lag, errors, counts and recent quarantine',
        params: AgencyParams,
        response: { 200: SyncSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const partner = await requirePartner(ctx.db, request.params.agency);
      const { rows } = await ctx.db.query<{
        cursor: number;
        head: number;
        last_attempt_at: Date | null;
        last_success_at: Date | null;
        last_error: string | null;
        last_error_at: Date | null;
        failures: number;
        applied: number;
        skipped: number;
        quarantined: number;
        notices: number;
        last_notice_at: Date | null;
      }>('select * from federation_sync where partner_id = $1', [partner.id]);
      const s = rows[0];
      const held = await ctx.db.query<{ n: number }>(
        'select count(*)::int as n from federation_received where origin = $1 and version > 0',
        [partner.agency_code],
      );
      const sent = await ctx.db.query<{ n: number }>(
        'select count(*)::int as n from federation_sent where partner_id = $1',
        [partner.id],
      );
      const q = await ctx.db.query<QuarantineRow>(
        'select * from federation_quarantine where received_from = $1 and resolved_at is null order by created_at desc limit 20',
        [partner.agency_code],
      );
      const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;
      return {
        agency: partner.agency_code,
        state: partner.state,
        endpoint: partner.endpoint,
        cursor: Number(s?.cursor ?? 0),
        head: Number(s?.head ?? 0),
        lagEntries: lag(Number(s?.cursor ?? 0), Number(s?.head ?? 0)),
        lagSeconds: s?.last_success_at ? Math.round((Date.now() - s.last_success_at.getTime()) / 1000) : null,
        lastAttemptAt: iso(s?.last_attempt_at),
        lastSuccessAt: iso(s?.last_success_at),
        lastError: s?.last_error ?? null,
        lastErrorAt: iso(s?.last_error_at),
        failures: s?.failures ?? 0,
        applied: Number(s?.applied ?? 0),
        skipped: Number(s?.skipped ?? 0),
        quarantined: Number(s?.quarantined ?? 0),
        notices: Number(s?.notices ?? 0),
        lastNoticeAt: iso(s?.last_notice_at),
        recordsHeld: held.rows[0]?.n ?? 0,
        recordsSent: sent.rows[0]?.n ?? 0,
        recentQuarantine: q.rows.map(toQuarantine),
      };
    },
  );

  app.get(
    '/api/v1/federation/quarantine',
    {
      config: { access: 'federation:read' },
      schema: {
        tags,
        summary: 'Envelopes refused on arrival, with their reasons (newest first)',
        querystring: Strict({
          from: Type.Optional(AgencyCode),
          limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
        }),
        response: { 200: Type.Array(QuarantineSchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { rows } = await ctx.db.query<QuarantineRow>(
        'select * from federation_quarantine where ($1::text is null or received_from = $1) order by created_at desc, id desc limit $2',
        [request.query.from ?? null, request.query.limit],
      );
      return rows.map(toQuarantine);
    },
  );

  app.post(
    '/api/v1/federation/dispatch',
    {
      config: { access: 'federation:manage' },
      schema: {
        tags,
        summary: 'Run the dispatcher now (outbox → partner feeds, re-evaluations); it also runs continuously',
        response: { 200: Type.Object({ entries: Type.Integer() }), ...errorResponses(401, 403) },
      },
    },
    async () => ({ entries: await service.dispatchNow() }),
  );

  app.post(
    '/api/v1/federation/keys/rotate',
    {
      config: { access: 'federation:manage' },
      schema: {
        tags,
        summary: 'Rotate the agency key; the old key stays valid for what it signed before',
        response: {
          200: Type.Object({
            previousFingerprint: Type.String(),
            fingerprint: Type.String(),
            rotatedAt: Timestamp,
          }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (request) => {
      const result = await rotateKey(ctx.db, ctx.config.dataDir, self, principalOf(request).actor);
      service.announce();
      return result;
    },
  );

  app.get(
    '/api/v1/federation/types',
    {
      config: { access: 'federation:read' },
      schema: {
        tags,
        summary: 'Shareable record types and their default sharing policies on this node',
        response: {
          200: Type.Array(
            Type.Object({
              type: Type.String(),
              description: Type.String(),
              readPermission: Type.String(),
              declaredDefault: PolicySchema,
              defaultPolicy: PolicySchema,
              overridden: Type.Boolean(),
            }),
          ),
          ...errorResponses(401, 403),
        },
      },
    },
    async () => typePolicies(ctx.db),
  );

  app.put(
    '/api/v1/federation/types/:type/policy',
    {
      config: { access: 'federation:manage' },
      schema: {
        tags,
        summary: 'Set the default sharing policy of a record type on this node',
        params: Strict({ type: Type.String({ pattern: '^[a-z][a-z0-9_-]*(\\.[a-z][a-z0-9_-]*)+$' }) }),
        body: PolicySchema,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      await setTypePolicy(ctx.db, request.params.type, request.body as never, principalOf(request).actor);
      return reply.code(204).send(null);
    },
  );

  const MemberSchema = Strict({
    agency: AgencyCode,
    joinedOn: DateOnly,
    leftOn: Type.Union([DateOnly, Type.Null()]),
  });
  const TaskForceSchema = Type.Object({
    code: Type.String(),
    name: Type.String(),
    members: Type.Array(MemberSchema),
  });

  app.get(
    '/api/v1/federation/task-forces',
    {
      config: { access: 'federation:read' },
      schema: {
        tags,
        summary: 'Task forces of this node and their members',
        response: { 200: Type.Array(TaskForceSchema), ...errorResponses(401, 403) },
      },
    },
    async () => listTaskForces(ctx.db),
  );

  app.put(
    '/api/v1/federation/task-forces/:code',
    {
      config: { access: 'federation:manage' },
      schema: {
        tags,
        summary: 'Create or replace a task force and its members; records addressed to it are re-evaluated',
        params: Strict({ code: AgencyCode }),
        body: Strict({
          name: Type.String({ minLength: 1, maxLength: 200 }),
          members: Type.Array(MemberSchema, { maxItems: 500 }),
        }),
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      await putTaskForce(ctx.db, { code: request.params.code, ...request.body }, principalOf(request).actor);
      return reply.code(204).send(null);
    },
  );
}
