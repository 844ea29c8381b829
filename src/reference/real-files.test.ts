import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveCountry, resolveDrug, resolveUnit } from './normalise.js';

// Coverage over the real files in ../shared/data (beside the repository in CI): every country, drug and unit
// string they contain must resolve, except the blank unit, which must be reported as unresolvable.
const DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/data');
const IDS_ZIP = path.join(DATA, 'unodc-ids-2011-2016.zip');
const WDR_XLSX = path.join(DATA, 'unodc-wdr2024-seizures-2018-2022.xlsx');

/** The first member of a zip archive (the IDS zip holds one CSV), read through its central directory. */
function unzipFirst(file: string): Buffer {
  const zip = readFileSync(file);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error(`${file} is not a zip archive`);
  const central = zip.readUInt32LE(end + 16);
  const method = zip.readUInt16LE(central + 10);
  const compressedSize = zip.readUInt32LE(central + 20);
  const local = zip.readUInt32LE(central + 42);
  const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
  const data = zip.subarray(start, start + compressedSize);
  if (method === 0) return data;
  if (method === 8) return inflateRawSync(data);
  throw new Error(`zip compression method ${method} is not supported`);
}

interface Counted {
  values: Map<string, number>;
}

function distinct(rows: Record<string, string>[], columns: string[]): Counted {
  const values = new Map<string, number>();
  for (const row of rows)
    for (const column of columns) values.set(row[column] ?? '', (values.get(row[column] ?? '') ?? 0) + 1);
  return { values };
}

const unresolved = <T extends { kind: string }>(values: Iterable<string>, resolve: (v: string) => T) =>
  [...values].filter((v) => resolve(v).kind === 'not-found');

describe.skipIf(!existsSync(IDS_ZIP))('UNODC IDS 2011-2016 file', () => {
  let rows: Record<string, string>[];
  beforeAll(() => {
    rows = parse(unzipFirst(IDS_ZIP), { delimiter: ';', columns: true, bom: true }) as Record<
      string,
      string
    >[];
  });

  it('has the rows the data README describes', () => {
    expect(rows.length).toBe(311_038);
  });

  it('every COUNTRY value resolves to a country or an explicit non-country value', () => {
    const { values } = distinct(rows, ['COUNTRY']);
    expect(unresolved(values.keys(), (v) => resolveCountry(v))).toEqual([]);
  });

  it('every producing, departure and destination country resolves, except blanks', () => {
    const { values } = distinct(rows, ['PRODUCING_COUNTRY', 'DEPARTURE_COUNTRY', 'DESTINATION_COUNTRY']);
    const names = [...values.keys()].flatMap((v) => v.split(/\s*[;|]\s*/)).filter((v) => v.trim());
    expect(unresolved(names, (v) => resolveCountry(v))).toEqual([]);
    expect(resolveCountry('Unknown')).toMatchObject({ kind: 'non-country' });
  });

  it('every DRUG_NAME resolves', () => {
    const { values } = distinct(rows, ['DRUG_NAME']);
    expect(values.size).toBeGreaterThan(300);
    expect(unresolved(values.keys(), (v) => resolveDrug(v))).toEqual([]);
  });

  it('every DRUG_UNIT resolves except the blank one, which is reported as blank', () => {
    const { values } = distinct(rows, ['DRUG_UNIT']);
    expect(values.size).toBe(44);
    expect(unresolved(values.keys(), (v) => resolveUnit(v))).toEqual(['']);
    expect(resolveUnit('')).toMatchObject({ kind: 'not-found', reason: 'blank' });
  });
});

describe.skipIf(!existsSync(WDR_XLSX))('UNODC World Drug Report 2024 seizures annex', () => {
  const columns: Record<string, Set<string>> = {};
  beforeAll(async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(WDR_XLSX);
    const sheet = book.getWorksheet('Export');
    if (!sheet) throw new Error('no sheet "Export"');
    const header = new Map<string, number>();
    sheet.getRow(2).eachCell((cell, index) => header.set(String(cell.value), index));
    for (const name of ['Country', 'DrugGroup', 'DrugSubGroup', 'DrugName']) {
      const index = header.get(name);
      if (!index) throw new Error(`no column ${name} in row 2`);
      const set = new Set<string>();
      sheet.eachRow((row, n) => {
        if (n > 2) set.add(String(row.getCell(index).value ?? ''));
      });
      columns[name] = set;
    }
  });

  it('every Country resolves to a country', () => {
    expect(columns.Country?.size).toBeGreaterThan(150);
    const notCountries = [...(columns.Country ?? [])].filter((v) => resolveCountry(v).kind !== 'country');
    expect(notCountries).toEqual([]);
  });

  it('every DrugName, DrugSubGroup and DrugGroup resolves', () => {
    for (const name of ['DrugName', 'DrugSubGroup', 'DrugGroup']) {
      expect({ [name]: unresolved(columns[name] ?? [], (v) => resolveDrug(v)) }).toEqual({ [name]: [] });
    }
  });
});
