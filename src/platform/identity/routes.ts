import { Type } from '@sinclair/typebox';
import type { AppContext } from '../context.js';
import { errorResponses } from '../http/schemas.js';
import type { App } from '../http/server.js';
import { readIdentity } from './identity.js';

export const NodeSchema = Type.Object(
  {
    agencyCode: Type.String(),
    agencyName: Type.String(),
    country: Type.Union([Type.String(), Type.Null()]),
    publicKey: Type.String({ description: 'Ed25519 public key, 32 raw bytes in base64' }),
    fingerprint: Type.String({ description: 'SHA-256 of the raw public key, hex in groups of four' }),
    keyCreatedAt: Type.String({ format: 'date-time' }),
    version: Type.String(),
    database: Type.Union([Type.Literal('pglite'), Type.Literal('postgresql')]),
  },
  { $id: 'Node' },
);

export function nodeRoutes(app: App, ctx: AppContext): void {
  app.addSchema(NodeSchema);
  app.get(
    '/api/v1/node',
    {
      config: { access: 'node:read' },
      schema: {
        tags: ['node'],
        summary: "This node's agency and public identity",
        response: { 200: Type.Ref('Node'), ...errorResponses(401, 403) },
      },
    },
    async () => {
      const identity = await readIdentity(ctx.db);
      return {
        agencyCode: identity.agencyCode,
        agencyName: identity.agencyName,
        country: identity.country,
        publicKey: identity.publicKey,
        fingerprint: identity.fingerprint,
        keyCreatedAt: identity.keyCreatedAt,
        version: ctx.version,
        database: ctx.db.engine,
      };
    },
  );
}
