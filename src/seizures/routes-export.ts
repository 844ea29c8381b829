import { Type } from '@sinclair/typebox';
import { errorResponses, Strict } from '../platform/http/schemas.js';
import type { App } from '../platform/http/server.js';
import { type ExportTable, tableToXlsx } from './export.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const Cell = Type.Union([Type.String({ maxLength: 10_000 }), Type.Number(), Type.Null()]);

/**
 * POST /api/v1/seizures/export.xlsx: the web app sends a table as it shows it and gets it back as a workbook. The
 * node writes it because exceljs is here already; the browser's seizures chunk stays free of a spreadsheet library.
 * It reads nothing from the database, so reading seizures is the only permission it needs.
 */
export function exportRoutes(app: App): void {
  app.post(
    '/api/v1/seizures/export.xlsx',
    {
      config: { access: 'seizures:read' },
      schema: {
        tags: ['seizures'],
        summary: 'A table (columns and rows, as shown in the web app) as an XLSX workbook of one sheet',
        body: Strict({
          sheet: Type.String({ minLength: 1, maxLength: 100 }),
          columns: Type.Array(Type.String({ maxLength: 200 }), { minItems: 1, maxItems: 100 }),
          rows: Type.Array(Type.Array(Cell, { maxItems: 100 }), { maxItems: 20_000 }),
        }),
        produces: [XLSX_TYPE],
        response: { ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const table = request.body as ExportTable;
      const file = `${table.sheet.replace(/[^\w.-]+/g, '-').slice(0, 60) || 'table'}.xlsx`;
      reply.header('content-type', XLSX_TYPE);
      reply.header('content-disposition', `attachment; filename="${file}"`);
      return reply.send(await tableToXlsx(table));
    },
  );
}
