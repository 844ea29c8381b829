import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { detectDelimiter, excelCell, openSource, type SourceRow } from './sources.js';

const dir = mkdtempSync(path.join(tmpdir(), 'liaison-sources-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readAll(file: string): Promise<{ format: string; rows: SourceRow[] }> {
  const source = await openSource(file, statSync(file).size);
  const rows: SourceRow[] = [];
  for await (const r of source.rows) rows.push(r);
  source.close();
  return { format: source.format, rows };
}

describe('detectDelimiter', () => {
  it('picks the most frequent candidate outside quotes', () => {
    expect(detectDelimiter('a;b;c')).toBe(';');
    expect(detectDelimiter('a,b,c')).toBe(',');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('"x;y;z",b,c')).toBe(',');
    expect(detectDelimiter('single')).toBe(',');
  });
});

describe('excelCell', () => {
  it('reduces rich text, formulas and hyperlinks to their value', () => {
    expect(excelCell({ richText: [{ text: 'Hero' }, { text: 'in' }] })).toBe('Heroin');
    expect(excelCell({ formula: 'A1*2', result: 4 })).toBe(4);
    expect(excelCell({ text: 'site', hyperlink: 'https://example.org' })).toBe('site');
    expect(excelCell({ error: '#N/A' })).toBeNull();
    expect(excelCell(undefined)).toBeNull();
  });
});

describe('openSource', () => {
  it('reads CSV with a byte-order mark, quoted line breaks and a semicolon delimiter', async () => {
    const file = path.join(dir, 'a.csv');
    writeFileSync(file, '\uFEFFA;B;C\r\n1;"two\nlines";3\r\n\r\n4;5;6\r\n');
    const { format, rows } = await readAll(file);
    expect(format).toBe('csv');
    expect(rows.map((r) => r.cells)).toEqual([
      ['A', 'B', 'C'],
      ['1', 'two\nlines', '3'],
      [''],
      ['4', '5', '6'],
    ]);
    expect(rows.map((r) => r.rowNo)).toEqual([1, 2, 3, 4]);
  });

  it('reads tab-separated files with decimal commas as text', async () => {
    const file = path.join(dir, 'b.tsv');
    writeFileSync(file, 'Datum\tMenge\n02.05.2014\t1.234,5\n');
    expect((await readAll(file)).rows[1]?.cells).toEqual(['02.05.2014', '1.234,5']);
  });

  it('reads XLSX with title rows above the header, numbers and dates as values', async () => {
    const file = path.join(dir, 'c.xlsx');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Export');
    sheet.addRow(['Drug seizures']);
    sheet.addRow(['Country', 'Date', 'Kilograms']);
    sheet.addRow(['Kenya', new Date(Date.UTC(2020, 4, 2)), 10.5]);
    await book.xlsx.writeFile(file);
    const { format, rows } = await readAll(file);
    expect(format).toBe('xlsx');
    expect(rows[0]?.cells).toEqual(['Drug seizures']);
    expect(rows[2]?.cells[0]).toBe('Kenya');
    expect((rows[2]!.cells[1] as Date).toISOString().slice(0, 10)).toBe('2020-05-02');
    expect(rows[2]?.cells[2]).toBe(10.5);
    expect(rows.map((r) => r.rowNo)).toEqual([1, 2, 3]);
  });
});
