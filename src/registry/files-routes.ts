/** Upload and download of registry documents; the upload takes the raw file as the body. */
import { createReadStream, existsSync } from 'node:fs';
import { Type } from '@sinclair/typebox';
import { principalOf } from '../platform/auth/principal.js';
import type { AppContext } from '../platform/context.js';
import { badRequest, HttpProblem, notFound } from '../platform/http/problem.js';
import { errorResponses, Strict } from '../platform/http/schemas.js';
import type { App } from '../platform/http/server.js';
import { REGISTRY_PREFIX } from './crud-routes.js';
import { filePath, findFile, MAX_FILE_BYTES, storeFile } from './files.js';

const FileSchema = Type.Object({
  sha256: Type.String(),
  mediaType: Type.String(),
  sizeBytes: Type.Integer(),
  originalName: Type.Union([Type.String(), Type.Null()]),
  uploadedBy: Type.String(),
  uploadedAt: Type.String(),
});
const Sha = Strict({ sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }) });

export function fileRoutes(app: App, ctx: AppContext): void {
  // The raw-body parser and its larger limit apply to this plugin's one route only.
  app.register(async (scope: App) => {
    scope.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES },
      (_req, body, done) => done(null, body),
    );
    // Any other type of body (a form, a PDF sent as application/pdf) is answered with what to send instead.
    scope.addContentTypeParser('*', (_req, _payload, done) =>
      done(
        new HttpProblem(
          415,
          'Unsupported media type',
          'Send the file as the raw body with Content-Type: application/octet-stream.',
        ),
      ),
    );
    scope.post(
      `${REGISTRY_PREFIX}/files`,
      {
        config: { access: 'registry:write' },
        bodyLimit: MAX_FILE_BYTES,
        schema: {
          tags: ['registry'],
          summary:
            'Upload a document (PDF, DOCX, ODT, PNG, JPEG or UTF-8 text, at most 20 MiB) as application/octet-stream',
          description:
            'The type is decided from the bytes; the same content is stored once (content-addressed by SHA-256).',
          querystring: Strict({ name: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })) }),
          response: { 200: FileSchema, 201: FileSchema, ...errorResponses(400, 401, 403, 413, 415) },
        },
      },
      async (request, reply) => {
        const body = request.body;
        if (!Buffer.isBuffer(body)) throw badRequest('Send the file as application/octet-stream.');
        const { file, created } = await storeFile(
          ctx.db,
          ctx.config.dataDir,
          body,
          request.query.name ?? null,
          principalOf(request).actor,
        );
        return reply.code(created ? 201 : 200).send(file);
      },
    );
  });

  app.get(
    `${REGISTRY_PREFIX}/files/:sha256/meta`,
    {
      config: { access: 'registry:read' },
      schema: {
        tags: ['registry'],
        summary: 'What is known of an uploaded document',
        params: Sha,
        response: { 200: FileSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const file = await findFile(ctx.db, request.params.sha256);
      if (!file) throw notFound(`No uploaded file with sha256 ${request.params.sha256}.`);
      return file;
    },
  );

  app.get(
    `${REGISTRY_PREFIX}/files/:sha256`,
    {
      config: { access: 'registry:read' },
      schema: {
        tags: ['registry'],
        summary: 'Download an uploaded document',
        params: Sha,
        response: { ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const file = await findFile(ctx.db, request.params.sha256);
      const location = filePath(ctx.config.dataDir, request.params.sha256);
      if (!file || !existsSync(location))
        throw notFound(`No uploaded file with sha256 ${request.params.sha256}.`);
      const name = (file.originalName ?? file.sha256).replace(/[^\w.-]+/g, '_');
      return reply
        .type(file.mediaType)
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('content-length', String(file.sizeBytes))
        .send(createReadStream(location));
    },
  );
}
