import { rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import { v7 as uuidv7 } from 'uuid';
import { principalOf } from '../platform/auth/principal.js';
import type { AppContext } from '../platform/context.js';
import { badRequest, conflict, HttpProblem, notFound } from '../platform/http/problem.js';
import { errorResponses, Strict, Uuid } from '../platform/http/schemas.js';
import type { App } from '../platform/http/server.js';
import { importsDir, saveUpload, UploadTooLargeError } from './files.js';
import { ImportError, openMapped, previewImport } from './importer.js';
import type { ImportJobs } from './jobs.js';
import { type Mapping, mappingProblems, suggestColumns } from './mapping.js';
import { deleteMapping, getMapping, listMappings, saveMapping } from './mappings.js';
import { rejectionSummary, reportCsv, reportPage } from './report.js';
import {
  DetectionSchema,
  ImportSchema,
  MappingBody,
  MappingSchema,
  PreviewRowSchema,
  ReportRowSchema,
  SavedMappingSchema,
} from './schemas.js';
import { createImport, getImport, type ImportRow } from './store.js';

/** Largest upload the import accepts (its own limit; the node's JSON body limit stays small). */
export const UPLOAD_LIMIT_BYTES = 200 * 1024 * 1024;

const UPLOAD_TYPES = [
  'application/octet-stream',
  'text/csv',
  'text/plain',
  'application/zip',
  'application/x-zip-compressed',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

export function toImport(r: ImportRow) {
  return {
    id: r.id,
    kind: r.kind,
    fileName: r.file_name,
    fileHash: r.file_hash,
    fileSize: Number(r.file_size),
    layout: r.layout,
    mappingName: r.mapping_name,
    mapping: r.mapping,
    status: r.status,
    counts: {
      rowsRead: r.rows_read,
      accepted: r.accepted,
      duplicates: r.duplicates,
      rejected: r.rejected,
      alreadyImported: r.already_imported,
      warnings: r.warnings,
    },
    progress: {
      bytesRead: Number(r.bytes_read),
      bytesTotal: r.bytes_total === null ? null : Number(r.bytes_total),
      fraction:
        r.status === 'done'
          ? 1
          : r.bytes_total
            ? Math.min(1, Number(r.bytes_read) / Number(r.bytes_total))
            : null,
    },
    error: r.error,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    startedAt: r.started_at?.toISOString() ?? null,
    finishedAt: r.finished_at?.toISOString() ?? null,
  };
}

const IdParams = Strict({ id: Uuid });
const NameParams = Strict({ name: Type.String({ minLength: 1, maxLength: 100 }) });

async function mustGet(ctx: AppContext, id: string): Promise<ImportRow> {
  const imp = await getImport(ctx.db, id);
  if (!imp) throw notFound(`No seizure import with id ${id}.`);
  return imp;
}

function checkMapping(mapping: Mapping): void {
  const problems = mappingProblems(mapping);
  if (problems.length)
    throw badRequest(
      problems[0]!,
      problems.map((message) => ({ path: '/body/mapping', message })),
    );
}

/** Detects the layout of a file, or proposes columns for a person to confirm. */
async function detect(imp: ImportRow) {
  try {
    const opened = await openMapped(imp.file_path, imp.file_size, null);
    opened.source.close();
    return {
      layout: opened.layout,
      mapping: opened.mapping,
      header: opened.header.map((c) => String(c ?? '')),
      suggested: {},
      problem: null,
    };
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    // Unknown layout: the first non-blank row is taken as the header for the suggestion.
    const { rows } = await previewHead(imp);
    const header = rows.find((r) => r.some((c) => c !== '')) ?? [];
    return {
      layout: null,
      mapping: null,
      header,
      suggested: suggestColumns(header, 'seizures'),
      problem: error.message,
    };
  }
}

async function previewHead(imp: ImportRow): Promise<{ rows: string[][] }> {
  const { openSource } = await import('./sources.js');
  const source = await openSource(imp.file_path, imp.file_size);
  const rows: string[][] = [];
  try {
    for await (const row of source.rows) {
      rows.push(row.cells.map((c) => (c === null || c === undefined ? '' : String(c))));
      if (rows.length >= 10) break;
    }
  } finally {
    source.close();
  }
  return { rows };
}

export function importRoutes(app: App, ctx: AppContext, jobs: ImportJobs): void {
  app.addSchema(MappingSchema);
  app.addSchema(SavedMappingSchema);
  app.addSchema(ImportSchema);

  void app.register(async (child) => {
    const scope = child as unknown as App;
    // The file arrives as the raw body and is streamed to disk; no parser buffers it.
    scope.addContentTypeParser(UPLOAD_TYPES, (_request, payload, done) => done(null, payload));
    scope.post(
      '/api/v1/seizures/imports',
      {
        config: { access: 'seizures:write' },
        schema: {
          tags: ['seizures'],
          summary:
            'Upload a seizure or reported-totals file (CSV, XLSX, or either in a zip) as the raw request body',
          description: `At most ${UPLOAD_LIMIT_BYTES} bytes. The layout is detected (UNODC IDS, WDR annex); for other files the answer proposes columns to map.`,
          querystring: Strict({
            name: Type.String({ minLength: 1, maxLength: 255, description: 'the file name' }),
          }),
          response: {
            201: Type.Object({ import: Type.Ref('SeizureImport'), detection: DetectionSchema }),
            ...errorResponses(400, 401, 403, 413, 415),
          },
        },
      },
      async (request, reply) => {
        const length = Number(request.headers['content-length'] ?? 0);
        if (length > UPLOAD_LIMIT_BYTES)
          throw new HttpProblem(
            413,
            'Request body too large',
            `An import file may have at most ${UPLOAD_LIMIT_BYTES} bytes.`,
          );
        if (!(request.body instanceof Readable)) {
          throw new HttpProblem(
            415,
            'Unsupported media type',
            `Send the file itself as the request body, as one of ${UPLOAD_TYPES.join(', ')}.`,
          );
        }
        const id = uuidv7();
        let saved: Awaited<ReturnType<typeof saveUpload>>;
        try {
          saved = await saveUpload(request.body, importsDir(ctx.config.dataDir), id, UPLOAD_LIMIT_BYTES);
        } catch (error) {
          if (error instanceof UploadTooLargeError)
            throw new HttpProblem(
              413,
              'Request body too large',
              `An import file may have at most ${UPLOAD_LIMIT_BYTES} bytes.`,
            );
          throw error;
        }
        if (saved.size === 0) {
          rmSync(saved.path, { force: true });
          throw badRequest('The file is empty.');
        }
        let imp = await createImport(ctx.db, {
          id,
          kind: 'seizures',
          fileName: request.query.name,
          filePath: saved.path,
          fileHash: saved.hash,
          fileSize: saved.size,
          layout: null,
          mappingName: null,
          mapping: null,
          createdBy: principalOf(request).actor,
        });
        const detection = await detect(imp);
        if (detection.mapping) {
          await ctx.db.query(
            'update seizure_imports set mapping = $2, layout = $3, kind = $4 where id = $1',
            [id, JSON.stringify(detection.mapping), detection.layout, detection.mapping.kind],
          );
          imp = (await getImport(ctx.db, id))!;
        }
        const { mapping: _, ...rest } = detection;
        return reply.code(201).send({ import: toImport(imp), detection: rest });
      },
    );
  });

  app.get(
    '/api/v1/seizures/imports',
    {
      config: { access: 'seizures:read' },
      schema: {
        tags: ['seizures'],
        summary: 'Imports, newest first',
        querystring: Strict({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
        }),
        response: { 200: Type.Array(Type.Ref('SeizureImport')), ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const { rows } = await ctx.db.query<ImportRow>(
        'select * from seizure_imports order by created_at desc limit $1',
        [request.query.limit ?? 50],
      );
      return rows.map(toImport);
    },
  );

  app.get(
    '/api/v1/seizures/imports/:id',
    {
      config: { access: 'seizures:read' },
      schema: {
        tags: ['seizures'],
        summary: 'An import: status, counts and progress (poll it while it runs)',
        params: IdParams,
        response: { 200: Type.Ref('SeizureImport'), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => toImport(await mustGet(ctx, request.params.id)),
  );

  app.put(
    '/api/v1/seizures/imports/:id/mapping',
    {
      config: { access: 'seizures:write' },
      schema: {
        tags: ['seizures'],
        summary:
          'Set the column mapping of an uploaded file: a saved mapping by name, or one given here (optionally saved under a name)',
        params: IdParams,
        body: Strict({
          mappingName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
          mapping: Type.Optional(MappingBody),
          saveAs: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
        }),
        response: { 200: Type.Ref('SeizureImport'), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const imp = await mustGet(ctx, request.params.id);
      if (imp.status !== 'uploaded')
        throw conflict(`The import is ${imp.status}; its mapping can no longer change.`);
      const { mappingName, saveAs } = request.body;
      let mapping = request.body.mapping as Mapping | undefined;
      if (mappingName) {
        const saved = await getMapping(ctx.db, mappingName);
        if (!saved)
          throw badRequest(`No saved mapping named "${mappingName}".`, [
            { path: '/body/mappingName', message: 'is not a saved mapping' },
          ]);
        mapping = saved.mapping;
      }
      if (!mapping)
        throw badRequest('Give mappingName or mapping.', [
          { path: '/body', message: 'needs mappingName or mapping' },
        ]);
      checkMapping(mapping);
      try {
        const opened = await openMapped(imp.file_path, imp.file_size, mapping);
        opened.source.close();
      } catch (error) {
        if (error instanceof ImportError)
          throw badRequest(error.message, [{ path: '/body/mapping', message: error.message }]);
        throw error;
      }
      const actor = principalOf(request).actor;
      if (saveAs) await saveMapping(ctx.db, saveAs, mapping, actor);
      await ctx.db.query(
        'update seizure_imports set mapping = $2, mapping_name = $3, kind = $4, layout = null, updated_at = now() where id = $1',
        [imp.id, JSON.stringify(mapping), mappingName ?? saveAs ?? null, mapping.kind],
      );
      return toImport((await getImport(ctx.db, imp.id))!);
    },
  );

  app.get(
    '/api/v1/seizures/imports/:id/preview',
    {
      config: { access: 'seizures:write' },
      schema: {
        tags: ['seizures'],
        summary:
          'The first rows normalised with the mapping, each accepted or rejected with its reason (duplicates are decided when the import runs)',
        params: IdParams,
        querystring: Strict({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
        }),
        response: {
          200: Type.Object({
            layout: Type.Union([Type.String(), Type.Null()]),
            header: Type.Array(Type.String()),
            rows: Type.Array(PreviewRowSchema),
          }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const imp = await mustGet(ctx, request.params.id);
      try {
        const preview = await previewImport(imp, request.query.limit ?? 20);
        return {
          layout: preview.layout,
          header: preview.header,
          rows: preview.rows.map((r) =>
            r.ok
              ? {
                  row: r.rowNo,
                  outcome: 'accepted' as const,
                  field: null,
                  reason: null,
                  warnings: r.warnings,
                  values: (r.seizure ?? r.total) as unknown as Record<string, unknown>,
                }
              : {
                  row: r.rowNo,
                  outcome: 'rejected' as const,
                  field: r.field,
                  reason: r.reason,
                  warnings: [],
                  values: null,
                },
          ),
        };
      } catch (error) {
        if (error instanceof ImportError) throw badRequest(error.message);
        throw error;
      }
    },
  );

  app.post(
    '/api/v1/seizures/imports/:id/run',
    {
      config: { access: 'seizures:write' },
      schema: {
        tags: ['seizures'],
        summary:
          'Run (or resume) the import in the background; poll GET /api/v1/seizures/imports/:id for progress',
        params: IdParams,
        response: { 202: Type.Ref('SeizureImport'), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const imp = await mustGet(ctx, request.params.id);
      if (imp.status === 'done') throw conflict('The import is done.');
      if (!imp.mapping) throw badRequest('The file has no mapping yet: set one with PUT .../mapping.');
      if (!jobs.isRunning(imp.id)) {
        await ctx.db.query(
          "update seizure_imports set status = 'running', started_at = coalesce(started_at, now()), error = null where id = $1",
          [imp.id],
        );
        jobs.start(imp.id);
      }
      return reply.code(202).send(toImport((await getImport(ctx.db, imp.id))!));
    },
  );

  app.get(
    '/api/v1/seizures/imports/:id/report',
    {
      config: { access: 'seizures:read' },
      schema: {
        tags: ['seizures'],
        summary:
          'The outcome of every row, in row order, a page at a time, with the rejections grouped by reason',
        params: IdParams,
        querystring: Strict({
          afterRow: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000, default: 500 })),
          outcome: Type.Optional(
            Type.Union(['accepted', 'duplicate', 'rejected', 'already-imported'].map((o) => Type.Literal(o))),
          ),
        }),
        response: {
          200: Type.Object({
            import: Type.Ref('SeizureImport'),
            rejections: Type.Array(
              Type.Object({ field: Type.String(), reason: Type.String(), count: Type.Integer() }),
            ),
            rows: Type.Array(ReportRowSchema),
          }),
          ...errorResponses(401, 403, 404),
        },
      },
    },
    async (request) => {
      const imp = await mustGet(ctx, request.params.id);
      const q = request.query;
      const table = imp.kind === 'seizures' ? 'seizures' : 'reported_totals';
      const outcome = q.outcome as 'accepted' | 'duplicate' | 'rejected' | 'already-imported' | undefined;
      return {
        import: toImport(imp),
        rejections: await rejectionSummary(ctx.db, imp.id),
        rows: await reportPage(ctx.db, imp.id, table, q.afterRow ?? 0, q.limit ?? 500, outcome),
      };
    },
  );

  app.get(
    '/api/v1/seizures/imports/:id/report.csv',
    {
      config: { access: 'seizures:read' },
      schema: {
        tags: ['seizures'],
        summary: 'The whole report as CSV (one line per input row)',
        params: IdParams,
        produces: ['text/csv'],
        response: { ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const imp = await mustGet(ctx, request.params.id);
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="import-${imp.id}-report.csv"`);
      return reply.send(
        Readable.from(reportCsv(ctx.db, imp.id, imp.kind === 'seizures' ? 'seizures' : 'reported_totals')),
      );
    },
  );

  app.get(
    '/api/v1/seizures/mappings',
    {
      config: { access: 'seizures:read' },
      schema: {
        tags: ['seizures'],
        summary: 'Saved column mappings',
        response: { 200: Type.Array(Type.Ref('SavedSeizureMapping')), ...errorResponses(401, 403) },
      },
    },
    async () => listMappings(ctx.db),
  );

  app.get(
    '/api/v1/seizures/mappings/:name',
    {
      config: { access: 'seizures:read' },
      schema: {
        tags: ['seizures'],
        summary: 'A saved column mapping',
        params: NameParams,
        response: { 200: Type.Ref('SavedSeizureMapping'), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const saved = await getMapping(ctx.db, request.params.name);
      if (!saved) throw notFound(`No saved mapping named "${request.params.name}".`);
      return saved;
    },
  );

  app.put(
    '/api/v1/seizures/mappings/:name',
    {
      config: { access: 'seizures:write' },
      schema: {
        tags: ['seizures'],
        summary: 'Save a column mapping under a name (creates or replaces)',
        params: NameParams,
        body: MappingBody,
        response: { 200: Type.Ref('SavedSeizureMapping'), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const mapping = request.body as Mapping;
      checkMapping(mapping);
      return saveMapping(ctx.db, request.params.name, mapping, principalOf(request).actor);
    },
  );

  app.delete(
    '/api/v1/seizures/mappings/:name',
    {
      config: { access: 'seizures:write' },
      schema: {
        tags: ['seizures'],
        summary: 'Delete a saved column mapping',
        params: NameParams,
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      if (!(await deleteMapping(ctx.db, request.params.name)))
        throw notFound(`No saved mapping named "${request.params.name}".`);
      return reply.code(204).send(null);
    },
  );
}
