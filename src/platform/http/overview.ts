import { Type } from '@sinclair/typebox';
import type { AppContext } from '../context.js';
import { errorResponses } from './schemas.js';
import type { App } from './server.js';

/** Figures of this node for its home page. */
export function overviewRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/overview',
    {
      config: { access: 'node:read' },
      schema: {
        tags: ['node'],
        summary: 'Figures of this node: user accounts and audit log size',
        response: {
          200: Type.Object({
            users: Type.Object({ total: Type.Integer(), active: Type.Integer() }),
            auditEntries: Type.Integer(),
          }),
          ...errorResponses(401, 403),
        },
      },
    },
    async () => {
      const { rows } = await ctx.db.query<{ total: number; active: number; audit: number }>(
        `select (select count(*)::int from users) as total,
                (select count(*)::int from users where disabled_at is null) as active,
                (select coalesce(max(seq), 0)::int from audit_head) as audit`,
      );
      const row = rows[0] ?? { total: 0, active: 0, audit: 0 };
      return { users: { total: row.total, active: row.active }, auditEntries: row.audit };
    },
  );
}
