import { Type } from '@sinclair/typebox';
import { principalOf } from '../platform/auth/principal.js';
import type { AppContext } from '../platform/context.js';
import { forbidden } from '../platform/http/problem.js';
import { errorResponses, Strict, Timestamp } from '../platform/http/schemas.js';
import type { App } from '../platform/http/server.js';
import { exportBundle, importBundle } from './bundles.js';
import { createNote, endNote, readNote, updateNote } from './notes.js';
import { getReceived, listReceived, reverifyReceived } from './received.js';
import { sharedReport } from './report.js';
import { reshare } from './reshare.js';
import { ApplySummarySchema, NoteSchema, ReceivedSchema } from './routes-schemas.js';
import { AgencyCode, PolicySchema, UuidText } from './schemas.js';
import type { FederationService } from './service.js';
import { recordType } from './types.js';

// Received records (with their banner: origin, handling, audience), re-sharing, bundles, the sharing report, and
// the demonstration record type intel.note.

const BUNDLE_BODY_LIMIT = 512 * 1024 * 1024;

export function recordRoutes(app: App, ctx: AppContext, service: FederationService): void {
  app.addSchema(ReceivedSchema);
  const self = ctx.config.agencyCode;
  const tags = ['federation'];

  app.get(
    '/api/v1/federation/received',
    {
      config: { access: 'federation:read' },
      schema: {
        tags,
        summary: 'Records received from partners (metadata and banner, no content), by origin and id',
        querystring: Strict({
          origin: Type.Optional(AgencyCode),
          type: Type.Optional(Type.String({ maxLength: 100 })),
          after: Type.Optional(
            Type.String({
              pattern: '^[A-Z0-9-]+/[0-9a-f-]{36}$',
              description: 'origin/id of the last record of the previous page',
            }),
          ),
          limit: Type.Integer({ minimum: 1, maximum: 5000, default: 500 }),
        }),
        response: { 200: Type.Array(Type.Ref('FederationReceived')), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => listReceived(ctx.db, request.query),
  );

  app.get(
    '/api/v1/federation/received/:origin/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary:
          "One received record with its banner; the content only with the record type's read permission",
        params: Strict({ origin: AgencyCode, id: UuidText }),
        response: {
          200: Type.Object({
            record: Type.Ref('FederationReceived'),
            payload: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
          }),
          ...errorResponses(401, 403, 404),
        },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const found = await getReceived(ctx.db, request.params.origin, request.params.id);
      const permission = found.record.type ? recordType(found.record.type)?.readPermission : undefined;
      if (
        permission ? !principal.permissions.has(permission) : !principal.permissions.has('federation:read')
      ) {
        throw forbidden(`Reading this record needs the permission "${permission ?? 'federation:read'}".`);
      }
      return found;
    },
  );

  app.post(
    '/api/v1/federation/received/verify',
    {
      config: { access: 'federation:manage' },
      schema: {
        tags,
        summary: 'Verify every held envelope again with the keys trusted now',
        response: {
          200: Type.Object({
            checked: Type.Integer(),
            valid: Type.Integer(),
            invalid: Type.Array(
              Type.Object({ origin: Type.String(), id: Type.String(), reason: Type.String() }),
            ),
          }),
          ...errorResponses(401, 403),
        },
      },
    },
    async () => reverifyReceived(ctx.db),
  );

  app.post(
    '/api/v1/federation/reshares',
    {
      config: { access: 'federation:manage' },
      schema: {
        tags,
        summary:
          'Pass a received record on to another partner (only if its origin allowed onward sharing under H0/H1)',
        body: Strict({ origin: AgencyCode, id: UuidText, to: AgencyCode }),
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { origin, id, to } = request.body;
      await reshare(ctx.db, { origin, id }, to, principalOf(request).actor);
      await service.dispatchNow();
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/federation/bundles/export',
    {
      config: { access: 'federation:manage' },
      schema: {
        tags,
        summary: 'The envelopes released to a partner as a signed bundle file, optionally encrypted to it',
        description:
          'What the file holds is also in response headers, so that a client need not read a large (or encrypted) file ' +
          'to say it: `liaison-bundle-count` envelopes, feed positions after `liaison-bundle-after` up to ' +
          '`liaison-bundle-until`, and `liaison-bundle-encrypted` (true or false).',
        body: Strict({
          to: AgencyCode,
          encrypt: Type.Optional(Type.Boolean()),
          after: Type.Optional(Type.Integer({ minimum: 0 })),
        }),
        response: { 200: Type.Unknown(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await service.dispatchNow();
      const encrypt = request.body.encrypt ?? false;
      const after = request.body.after ?? 0;
      const { file, count, until } = await exportBundle(ctx.db, ctx.config.dataDir, self, {
        to: request.body.to,
        encrypt,
        after,
      });
      reply.headers({
        'content-disposition': `attachment; filename="liaison-${self}-to-${request.body.to}.json"`,
        'liaison-bundle-count': String(count),
        'liaison-bundle-after': String(after),
        'liaison-bundle-until': String(until),
        'liaison-bundle-encrypted': String(encrypt),
      });
      return reply.type('application/json').send(JSON.stringify(file));
    },
  );

  app.post(
    '/api/v1/federation/bundles/import',
    {
      config: { access: 'federation:manage' },
      bodyLimit: BUNDLE_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Import a bundle file from a partner, through the same apply path as a pull',
        body: Type.Object({}, { additionalProperties: true }),
        response: { 200: ApplySummarySchema, ...errorResponses(400, 401, 403, 404, 409, 413) },
      },
    },
    async (request) => importBundle(ctx.db, ctx.config.dataDir, self, request.body),
  );

  app.get(
    '/api/v1/federation/report/shared',
    {
      config: { access: 'federation:read' },
      schema: {
        tags,
        summary: 'What this node shared with whom, when (from the audit log), newest first',
        querystring: Strict({
          partner: Type.Optional(AgencyCode),
          since: Type.Optional(Timestamp),
          until: Type.Optional(Timestamp),
          limit: Type.Integer({ minimum: 1, maximum: 10_000, default: 1000 }),
        }),
        response: {
          200: Type.Array(
            Type.Object({
              at: Timestamp,
              partner: Type.String(),
              how: Type.String(),
              origin: Type.String(),
              type: Type.String(),
              id: Type.String(),
              version: Type.Integer(),
              kind: Type.String(),
              handling: Type.Union([Type.String(), Type.Null()]),
            }),
          ),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => sharedReport(ctx.db, request.query),
  );

  const NoteBody = {
    subject: Type.String({ minLength: 1, maxLength: 500 }),
    body: Type.String({ maxLength: 20_000 }),
    refersTo: Type.Optional(Type.Union([Strict({ origin: AgencyCode, id: UuidText }), Type.Null()])),
    recordDate: Type.Optional(Type.Union([Type.String({ format: 'date' }), Type.Null()])),
    policy: Type.Optional(Type.Partial(PolicySchema)),
  };
  const IdParams = Strict({ id: UuidText });
  const notes = ['intel.note (demonstration record type)'];

  app.post(
    '/api/v1/federation/notes',
    {
      config: { access: 'intel:write' },
      schema: {
        tags: notes,
        summary: 'Write a note (shared as its policy says)',
        body: Strict(NoteBody),
        response: { 201: NoteSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createNote(ctx.db, self, request.body, principalOf(request).actor)),
  );

  app.get(
    '/api/v1/federation/notes/:id',
    {
      config: { access: 'intel:read' },
      schema: {
        tags: notes,
        summary: 'One note of this node',
        params: IdParams,
        response: { 200: NoteSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => readNote(ctx.db, request.params.id),
  );

  app.put(
    '/api/v1/federation/notes/:id',
    {
      config: { access: 'intel:write' },
      schema: {
        tags: notes,
        summary: 'Correct a note: a new version with the full new state (its policy may change too)',
        params: IdParams,
        body: Type.Partial(Strict(NoteBody), { minProperties: 1 }),
        response: { 200: NoteSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => updateNote(ctx.db, request.params.id, request.body, principalOf(request).actor),
  );

  for (const [action, tombstone] of [
    ['retract', 'retracted'],
    ['expire', 'expired'],
  ] as const) {
    app.post(
      `/api/v1/federation/notes/:id/${action}`,
      {
        config: { access: 'intel:write' },
        schema: {
          tags: notes,
          summary: `${action === 'retract' ? 'Retract' : 'Expire'} a note: a ${tombstone} tombstone goes to every node that had it`,
          params: IdParams,
          response: { 200: NoteSchema, ...errorResponses(401, 403, 404, 409) },
        },
      },
      async (request) => endNote(ctx.db, request.params.id, tombstone, principalOf(request).actor),
    );
  }
}
