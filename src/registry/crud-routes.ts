/** List, read, create, change and retract routes of each kind of registry record (written once over kind.ts). */
import { type TProperties, Type } from '@sinclair/typebox';
import { principalOf } from '../platform/auth/principal.js';
import type { AppContext } from '../platform/context.js';
import { errorResponses, Strict } from '../platform/http/schemas.js';
import type { App } from '../platform/http/server.js';
import type { Rec, RecordKind } from './kind.js';
import { ListQuery } from './schemas.js';
import { createRecord, getRecord, listRecords, patchRecord, retractRecord, type Writer } from './store.js';

export const REGISTRY_PREFIX = '/api/v1/registry';

export function writerOf(ctx: AppContext, request: Parameters<typeof principalOf>[0]): Writer {
  return { actor: principalOf(request).actor, origin: ctx.config.agencyCode };
}

export function crudRoutes(app: App, ctx: AppContext, kind: RecordKind): void {
  const base = `${REGISTRY_PREFIX}/${kind.path}`;
  const tags = ['registry'];
  const filters: TProperties = {};
  for (const [name, f] of Object.entries(kind.filters)) filters[name] = Type.Optional(f.schema);
  const IdParams = Strict({
    id: Type.String({
      minLength: 1,
      maxLength: 64,
      description: kind.code ? 'Record id (UUID) or code' : 'Record id (UUID)',
    }),
  });
  const Output = kind.outputSchema;

  app.get(
    base,
    {
      config: { access: 'registry:read' },
      schema: {
        tags,
        summary: `List ${kind.label} records (newest state; q searches names in any language)`,
        querystring: Strict({ ...ListQuery, ...filters }),
        response: {
          200: Type.Object({
            items: Type.Array(Output),
            total: Type.Integer(),
            limit: Type.Integer(),
            offset: Type.Integer(),
          }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const {
        q,
        limit = 200,
        offset = 0,
        includeRetracted,
        ...rest
      } = request.query as Rec & {
        q?: string;
        limit?: number;
        offset?: number;
        includeRetracted?: boolean;
      };
      const page = await listRecords(ctx.db, kind, { q, limit, offset, includeRetracted, filters: rest });
      return { ...page, limit, offset };
    },
  );

  app.get(
    `${base}/:id`,
    {
      config: { access: 'registry:read' },
      schema: {
        tags,
        summary: `One ${kind.label}`,
        params: IdParams,
        response: { 200: Output, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => getRecord(ctx.db, kind, request.params.id),
  );

  app.post(
    base,
    {
      config: { access: 'registry:write' },
      schema: {
        tags,
        summary: `Create a ${kind.label} (a shared record: H0, empty audience and onward sharing unless set)`,
        body: kind.createSchema,
        response: { 201: Output, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const rec = await createRecord(ctx.db, kind, request.body as Rec, writerOf(ctx, request));
      return reply.code(201).send(rec);
    },
  );

  app.patch(
    `${base}/:id`,
    {
      config: { access: 'registry:write' },
      schema: {
        tags,
        summary: `Change fields of a ${kind.label}; a new version with the full state is shared`,
        params: Strict({ id: Type.String({ format: 'uuid' }) }),
        body: kind.patchSchema,
        response: { 200: Output, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { expectedVersion, ...patch } = request.body as Rec & { expectedVersion?: number };
      return patchRecord(ctx.db, kind, request.params.id, patch, writerOf(ctx, request), expectedVersion);
    },
  );

  app.delete(
    `${base}/:id`,
    {
      config: { access: 'registry:write' },
      schema: {
        tags,
        summary: `Retract a ${kind.label}: a tombstone version, shared like any other`,
        params: Strict({ id: Type.String({ format: 'uuid' }) }),
        querystring: Strict({ expectedVersion: Type.Optional(Type.Integer({ minimum: 1 })) }),
        response: { 200: Output, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) =>
      retractRecord(
        ctx.db,
        kind,
        request.params.id,
        writerOf(ctx, request),
        (request.query as { expectedVersion?: number }).expectedVersion,
      ),
  );
}
