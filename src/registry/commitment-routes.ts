import { Type } from '@sinclair/typebox';
import type { AppContext } from '../platform/context.js';
import { errorResponses, Strict } from '../platform/http/schemas.js';
import type { App } from '../platform/http/server.js';
import { REGISTRY_PREFIX, writerOf } from './crud-routes.js';
import type { Rec } from './kind.js';
import { commitmentKind, EvidenceSchema, type StatusEntry } from './kinds/commitment.js';
import { COMMITMENT_STATUSES, isoDay } from './rules.js';
import { asProblem, getRecord, patchIn } from './store.js';

export function commitmentRoutes(app: App, ctx: AppContext): void {
  app.post(
    `${REGISTRY_PREFIX}/commitments/:id/status`,
    {
      config: { access: 'registry:write' },
      schema: {
        tags: ['registry'],
        summary:
          'Record a status of a commitment with a note and evidence; it is added to the status history',
        params: Strict({ id: Type.String({ format: 'uuid' }) }),
        body: Strict({
          status: Type.Union(COMMITMENT_STATUSES.map((s) => Type.Literal(s))),
          note: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
          evidence: Type.Optional(Type.Array(EvidenceSchema, { maxItems: 50 })),
          expectedVersion: Type.Optional(Type.Integer({ minimum: 1 })),
        }),
        response: { 200: commitmentKind.outputSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const writer = writerOf(ctx, request);
      const { status, note, evidence, expectedVersion } = request.body;
      try {
        return await ctx.db.transaction(async (tx) => {
          const current = await getRecord(tx, commitmentKind, request.params.id);
          const entry: StatusEntry = {
            status,
            on: isoDay(),
            by: writer.actor,
            ...(note ? { note } : {}),
            ...(evidence?.length ? { evidence } : {}),
          };
          const patch: Rec = {
            status,
            statusHistory: [...((current.statusHistory ?? []) as StatusEntry[]), entry],
            ...(evidence?.length
              ? { evidence: [...((current.evidence ?? []) as unknown[]), ...evidence] }
              : {}),
          };
          return patchIn(tx, commitmentKind, request.params.id, patch, writer, expectedVersion);
        });
      } catch (error) {
        throw asProblem(commitmentKind, error);
      }
    },
  );
}
