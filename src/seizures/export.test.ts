import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tableToXlsx } from './export.js';

describe('tableToXlsx', () => {
  it('writes a header row and keeps numbers as numbers and formula-like text as text', async () => {
    const buffer = await tableToXlsx({
      sheet: 'Top routes: 2014/15',
      columns: ['Departure', 'Destination', 'kg'],
      rows: [
        ['Pakistan', '中国', 1234.5],
        ['=SUM(A1)', null, 0],
      ],
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('Top routes  2014 15');
    expect(sheet.getRow(1).values).toEqual([undefined, 'Departure', 'Destination', 'kg']);
    expect(sheet.getCell('B2').value).toBe('中国');
    expect(sheet.getCell('C2').value).toBe(1234.5);
    expect(sheet.getCell('A3').value).toBe('=SUM(A1)');
    expect(sheet.getCell('B3').value).toBeNull();
  });
});
