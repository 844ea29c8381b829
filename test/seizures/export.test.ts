import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/http.js';
import { startTestNode, type TestNode } from '../support/node.js';

describe('POST /api/v1/seizures/export.xlsx', () => {
  let node: TestNode;
  let viewer: string;
  beforeAll(async () => {
    node = await startTestNode();
    viewer = await node.userWithRole('viewer');
  });
  afterAll(async () => {
    await node?.close();
  });

  const table = { sheet: 'routes', columns: ['From', 'To', 'kg'], rows: [['PK', 'CN', 12.5]] };

  it('returns the shown table as a workbook to anyone who reads seizures', async () => {
    expect((await call(node.app, 'POST', '/api/v1/seizures/export.xlsx', undefined, table)).statusCode).toBe(
      401,
    );
    const res = await call(node.app, 'POST', '/api/v1/seizures/export.xlsx', viewer, table);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="routes.xlsx"');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.getCell('C2').value).toBe(12.5);
  });

  it('refuses a malformed table', async () => {
    const bad = await call(node.app, 'POST', '/api/v1/seizures/export.xlsx', viewer, {
      ...table,
      rows: [[{}]],
    });
    expect(bad.statusCode).toBe(400);
  });
});
