import { describe, expect, it } from 'vitest';
import {
  columnIndexes,
  detectLayout,
  findHeader,
  IDS_LAYOUT,
  KNOWN_LAYOUTS,
  mappingProblems,
  suggestColumns,
  WDR_LAYOUT,
} from './mapping.js';

const IDS_HEADER =
  'REGION;SUBREGION;COUNTRY;ADMINISTRATIVE_DIVISION;PLACE;SEIZURE_DATE;DRUG_NAME;AMOUNT;DRUG_UNIT;HIDING_PLACE;INSTALLATION;TRANSPORT;PRODUCING_COUNTRY;DEPARTURE_COUNTRY;DESTINATION_COUNTRY;ROUTING'.split(
    ';',
  );
const WDR_HEADER = [
  'Region',
  'SubRegion',
  'Country',
  'DrugGroup',
  'DrugSubGroup',
  'DrugName',
  'Reference year',
  'Kilograms',
  'msCode',
];

describe('detectLayout', () => {
  it('recognises the IDS header on the first row', () => {
    expect(detectLayout([IDS_HEADER, ['Africa']])).toMatchObject({
      layout: IDS_LAYOUT,
      headerIndex: 0,
      mapping: { kind: 'seizures' },
    });
  });

  it('recognises the WDR header below a title row', () => {
    expect(detectLayout([['Drug seizures, 2018-2022'], WDR_HEADER])).toMatchObject({
      layout: WDR_LAYOUT,
      headerIndex: 1,
      mapping: { kind: 'totals', constants: { unit: 'kg' } },
    });
  });

  it('recognises headers written in another case or spacing, and nothing else', () => {
    expect(detectLayout([IDS_HEADER.map((h) => h.toLowerCase().replace('_', ' '))])?.layout).toBe(IDS_LAYOUT);
    expect(detectLayout([['date', 'country', 'drug', 'qty']])).toBeUndefined();
    expect(detectLayout([IDS_HEADER.slice(0, 10)])).toBeUndefined();
  });
});

describe('findHeader and columnIndexes', () => {
  const mapping = {
    kind: 'seizures' as const,
    columns: { date: 'Date', country: 'Country', drug: 'Drug', quantity: 'Qty', unit: 'Unit' },
    numberFormat: 'comma' as const,
    dateFormat: 'dmy' as const,
  };
  const rows = [['Seizures 2020'], [], ['Date', 'Country', 'Drug', 'Qty', 'Unit', 'Notes']];

  it('finds the header that has every mapped column, or the row the mapping names', () => {
    expect(findHeader(rows, mapping)).toBe(2);
    expect(findHeader(rows, { ...mapping, headerRow: 3 })).toBe(2);
    expect(findHeader([['x']], mapping)).toBe(-1);
  });

  it('maps fields to column positions and names the missing columns', () => {
    expect(columnIndexes(rows[2]!, mapping)).toEqual({
      ok: true,
      indexes: { date: 0, country: 1, drug: 2, quantity: 3, unit: 4 },
    });
    expect(columnIndexes(['Date', 'Country'], mapping)).toEqual({
      ok: false,
      missing: ['Drug', 'Qty', 'Unit'],
    });
  });
});

describe('mappingProblems', () => {
  it('accepts the built-in layouts', () => {
    expect(mappingProblems(KNOWN_LAYOUTS[IDS_LAYOUT]!)).toEqual([]);
    expect(mappingProblems(KNOWN_LAYOUTS[WDR_LAYOUT]!)).toEqual([]);
  });

  it('names unknown fields and missing required ones', () => {
    const problems = mappingProblems({
      kind: 'seizures',
      columns: { date: 'D', colour: 'C' },
      numberFormat: 'point',
      dateFormat: 'iso',
    });
    expect(problems.join('\n')).toMatch(/"colour" is not a field/);
    expect(problems.join('\n')).toMatch(/required field "country"/);
    expect(
      mappingProblems({
        kind: 'totals',
        columns: { country: 'C', drug: 'D', year: 'Y', quantity: 'Q' },
        constants: { unit: 'kg' },
        numberFormat: 'point',
        dateFormat: 'iso',
      }),
    ).toEqual([]);
  });
});

describe('suggestColumns', () => {
  it('proposes fields from header words in several languages', () => {
    expect(suggestColumns(['Дата', 'Страна', 'Наркотик', 'Количество', 'Единица'], 'seizures')).toEqual({
      date: 'Дата',
      country: 'Страна',
      drug: 'Наркотик',
      quantity: 'Количество',
      unit: 'Единица',
    });
    expect(suggestColumns(['日期', '国家', '毒品', '数量', '单位', '备注'], 'seizures')).toMatchObject({
      date: '日期',
      unit: '单位',
    });
  });
});
