import { Type } from '@sinclair/typebox';
import { principalOf } from '../auth/principal.js';
import type { AppContext } from '../context.js';
import { errorResponses, Strict } from '../http/schemas.js';
import type { App } from '../http/server.js';
import { listAudit, recordAudit, verifyAudit } from './log.js';

const EntrySchema = Type.Object(
  {
    seq: Type.Integer(),
    at: Type.String({ format: 'date-time' }),
    actor: Type.String(),
    action: Type.String(),
    target: Type.Union([Type.String(), Type.Null()]),
    detail: Type.Record(Type.String(), Type.Unknown()),
    prevHash: Type.String(),
    hash: Type.String(),
  },
  { $id: 'AuditEntry' },
);

export function auditRoutes(app: App, ctx: AppContext): void {
  app.addSchema(EntrySchema);
  app.get(
    '/api/v1/audit',
    {
      config: { access: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: 'Audit log entries, newest first',
        querystring: Strict({
          limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
          beforeSeq: Type.Optional(Type.Integer({ minimum: 1 })),
          actor: Type.Optional(Type.String({ maxLength: 200 })),
          action: Type.Optional(Type.String({ maxLength: 100 })),
        }),
        response: { 200: Type.Array(Type.Ref('AuditEntry')), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const entries = await listAudit(ctx.db, request.query);
      // Reading the audit log is itself a read of restricted records.
      await recordAudit(ctx.db, {
        actor: principalOf(request).actor,
        action: 'audit.read',
        detail: { ...request.query },
      });
      return entries;
    },
  );
  app.get(
    '/api/v1/audit/verify',
    {
      config: { access: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: "Check the audit log's hash chain",
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            entries: Type.Integer(),
            problems: Type.Array(Type.Object({ seq: Type.Integer(), problem: Type.String() })),
          }),
          ...errorResponses(401, 403),
        },
      },
    },
    async () => verifyAudit(ctx.db),
  );
}
