import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../../test/support/node.js';
import { parseCsv, toCsv } from './csv.js';
import { enterRate } from './rates.js';
import {
  describeRowError,
  exportCsv,
  exportJson,
  exportRegistry,
  ImportFailed,
  importRegistry,
  parseCsvImport,
  parseJsonImport,
  type RowError,
} from './transfer.js';
import { registryCounts } from './views.js';

const writer = { actor: 'user:test', origin: 'TH-ONCB' };

describe('csv', () => {
  it('quotes what needs quoting and reads it back, multi-line cells included', () => {
    const rows = [
      ['a,b', 'say "hi"', '北京宣言\nПекин', ''],
      [' lead', 'trail ', 'plain', '{"en":"x"}'],
    ];
    const text = toCsv(['c1', 'c2', 'c3', 'c4'], rows);
    const back = parseCsv(`\uFEFF${text}`);
    expect(back.map((r) => r.cells)).toEqual([['c1', 'c2', 'c3', 'c4'], ...rows]);
    expect(back.map((r) => r.line)).toEqual([1, 2, 4]);
  });
  it('says where a quoted cell is not closed', () => {
    expect(() => parseCsv('a,b\n"open,2\n')).toThrow(/line 2: a quoted cell is not closed/);
  });
});

describe('export and import', () => {
  let source: TestNode;
  let json: string;
  let csv: string;

  beforeAll(async () => {
    source = await startTestNode({ LIAISON_DEMO_DATA: 'true', LIAISON_AGENCY_CODE: 'CN-NNCC' });
    await enterRate(
      source.ctx.db,
      {
        currency: 'USD',
        toCurrency: 'CNY',
        rate: 8.27,
        validOn: '2003-01-01',
        source: 'entered for the test',
      },
      'user:test',
    );
    const data = await exportRegistry(source.ctx.db);
    json = exportJson(data);
    csv = exportCsv(data);
  });
  afterAll(async () => {
    await source?.close();
  });

  it('exports every live record without ids, versions or timestamps', async () => {
    const data = JSON.parse(json);
    const counts = await registryCounts(source.ctx.db);
    const total = Object.values(counts).reduce((n, c) => n + c.total, 0);
    expect(data.records).toHaveLength(total);
    expect(json).not.toMatch(/"(id|version|createdAt|updatedAt|origin)":/);
    const commitment = data.records.find(
      (r: { type: string; meeting: string | null }) => r.type === 'commitment' && r.meeting,
    );
    expect(commitment.meeting).toMatch(/^meeting-\d+$/);
    expect(data.exchangeRates).toEqual([
      {
        currency: 'USD',
        toCurrency: 'CNY',
        rate: 8.27,
        validOn: '2003-01-01',
        rateSource: 'entered for the test',
      },
    ]);
  });

  it('round-trips JSON and CSV: export, import into an empty node, export again gives the same file', async () => {
    const target = await startTestNode({ LIAISON_DEMO_DATA: 'false', LIAISON_AGENCY_CODE: 'TH-ONCB' });
    const target2 = await startTestNode({ LIAISON_DEMO_DATA: 'false', LIAISON_AGENCY_CODE: 'LA-LCDC' });
    try {
      const counts = await importRegistry(target.ctx.db, parseJsonImport(json), writer);
      expect(counts).toMatchObject({ agencies: 18, mechanisms: 15, memberships: 18, 'exchange-rates': 1 });
      expect(exportJson(await exportRegistry(target.ctx.db))).toBe(json);

      const fromCsv = parseCsvImport(csv);
      expect(fromCsv.errors).toEqual([]);
      await importRegistry(target2.ctx.db, fromCsv, { ...writer, origin: 'LA-LCDC' });
      const again = await exportRegistry(target2.ctx.db);
      expect(exportCsv(again)).toBe(csv);
      expect(exportJson(again)).toBe(json);
      // Imported records are the importing node's own records, with new ids.
      const { rows } = await target2.ctx.db.query<{ origin: string }>(
        'select distinct origin from mechanisms',
      );
      expect(rows).toEqual([{ origin: 'LA-LCDC' }]);
    } finally {
      await target.close();
      await target2.close();
    }
  });

  it('reports every bad row with its row, field and reason, and writes nothing', async () => {
    const target = await startTestNode({ LIAISON_DEMO_DATA: 'false' });
    try {
      const bad = {
        format: 'liaison-registry',
        formatVersion: 1,
        records: [
          {
            type: 'agency',
            ref: 'CN-NNCC',
            code: 'CN-NNCC',
            kind: 'national_bureau',
            names: { en: 'NNCC' },
            country: 'CN',
          },
          {
            type: 'agency',
            ref: 'MM-CCDAC',
            code: 'MM-CCDAC',
            kind: 'national_bureau',
            names: { en: 'CCDAC' },
            colour: 'red',
          },
          {
            type: 'mechanism',
            ref: 'GMS-MOU',
            code: 'GMS-MOU',
            kind: 'regional',
            names: { en: 'GMS' },
            establishedOn: '1993-10-01',
          },
          {
            type: 'membership',
            mechanism: 'GMS-MOU',
            agency: 'CN-NNCC',
            joinedOn: '2001-08-01',
            leftOn: '2001-07-01',
          },
          { type: 'membership', mechanism: 'GMS-MOU', agency: 'XX-NOBODY', joinedOn: '1995-05-01' },
          {
            type: 'ad_project',
            countries: ['MM'],
            names: { en: 'x' },
            areaValue: -1,
            areaUnit: 'mu',
            funding: [{ amount: 1, currency: 'RMB' }],
          },
          { type: 'commitment', names: { en: 'y' }, meeting: 'meeting-9' },
          { type: 'treaty', names: { en: 'z' } },
        ],
        exchangeRates: [
          { currency: 'XYZ', toCurrency: 'CNY', rate: 1, validOn: '2003-01-01', rateSource: null },
        ],
      };
      let failure: ImportFailed | undefined;
      try {
        await importRegistry(target.ctx.db, parseJsonImport(JSON.stringify(bad)), writer);
      } catch (error) {
        failure = error as ImportFailed;
      }
      expect(failure).toBeInstanceOf(ImportFailed);
      const lines = (failure?.errors ?? []).map(describeRowError);
      expect(lines).toEqual([
        'row 2 (agency MM-CCDAC): /colour is not a known field',
        'row 4 (membership): /leftOn leave date 2001-07-01 is not after the join date 2001-08-01',
        'row 5 (membership): /agency "XX-NOBODY" is not an agency in the registry',
        'row 6 (ad_project): /areaValue an area cannot be negative (-1)',
        'row 6 (ad_project): /funding/0/currency "RMB" is not a known ISO 4217 currency code',
        'row 7 (commitment): /meeting "meeting-9" is not the ref of a valid meeting in this file',
        'row 8 (treaty): /type is not a kind of registry record',
        'row 9 (exchange_rate): /currency "XYZ" is not a known ISO 4217 currency code',
      ]);
      expect(failure?.errors.every((e: RowError) => e.row > 0)).toBe(true);
      // Nothing was written, not even the valid first agency.
      const counts = await registryCounts(target.ctx.db);
      expect(Object.values(counts).every((c) => c.total === 0)).toBe(true);
      const rates = await target.ctx.db.query('select 1 from exchange_rates');
      expect(rates.rows).toEqual([]);
    } finally {
      await target.close();
    }
  });

  it('names CSV rows as a spreadsheet does and reports cells it cannot read', () => {
    const header = csv.slice(0, csv.indexOf('\r\n'));
    const cols = header.split(',');
    const row = cols.map(
      (c) =>
        ({ type: 'training', ref: 'training-1', 'names.en': 'T', officersTotal: 'many', sessionsCount: '3' })[
          c
        ] ?? '',
    );
    const parsed = parseCsvImport(`${header}\r\n${row.join(',')}\r\n`);
    expect(parsed.errors.map(describeRowError)).toEqual([
      'row 2 (training training-1): /officersTotal "many" is not a number',
    ]);
    const wrongKind = parseCsvImport(
      `${header}\r\n${cols.map((c) => ({ type: 'agency', ref: 'X', kind: 'other', 'names.en': 'x', officersTotal: '3' })[c] ?? '').join(',')}\r\n`,
    );
    expect(wrongKind.errors.map(describeRowError)).toEqual([
      'row 2 (agency X): /officersTotal is not a field of a agency; leave it empty',
    ]);
  });
});
