import { Type } from '@sinclair/typebox';
import type { AppContext } from '../context.js';
import { MigrationStateError, pendingMigrations } from '../db/migrate.js';
import type { App } from './server.js';

export function healthRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/healthz',
    {
      config: { access: 'public' },
      schema: {
        tags: ['health'],
        summary: 'The process is up',
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/readyz',
    {
      config: { access: 'public' },
      schema: {
        tags: ['health'],
        summary: 'The node can serve: database reachable and fully migrated',
        response: {
          200: Type.Object({ status: Type.Literal('ready'), database: Type.String() }),
          503: Type.Object({ status: Type.Literal('unavailable'), reason: Type.String() }),
        },
      },
    },
    async (_request, reply) => {
      try {
        const pending = await pendingMigrations(ctx.db);
        if (pending.length)
          return reply
            .code(503)
            .send({ status: 'unavailable', reason: `pending migrations: ${pending.join(', ')}` });
        return { status: 'ready' as const, database: ctx.db.engine };
      } catch (error) {
        ctx.log.warn({ err: error }, 'readiness check failed');
        // A reachable database in a state this version must not touch is a different fix from an unreachable one.
        const reason =
          error instanceof MigrationStateError ? `migration state: ${error.message}` : 'database unreachable';
        return reply.code(503).send({ status: 'unavailable', reason });
      }
    },
  );
}
