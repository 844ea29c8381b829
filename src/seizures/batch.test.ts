import { describe, expect, it } from 'vitest';
import {
  arrayLiteral,
  layOutSeizures,
  type SeizureRow,
  seizureParameters,
  textArrayLiteral,
} from './batch.js';

describe('array parameters of a batch', () => {
  it('quotes text, escapes quotes and backslashes, and writes NULL for null', () => {
    expect(arrayLiteral(['a', 'say "hi"', 'back\\slash', '', 'NULL', null], 'text')).toBe(
      '{"a","say \\"hi\\"","back\\\\slash","","NULL",NULL}',
    );
  });

  it('writes numbers as JavaScript prints them', () => {
    expect(arrayLiteral([1.5, 0.00001, 1e21, null], 'double precision')).toBe('{1.5,0.00001,1e+21,NULL}');
  });

  it('nests text[] values as quoted array literals and jsonb values as quoted JSON', () => {
    expect(textArrayLiteral(['AF', 'P"K'])).toBe('{"AF","P\\"K"}');
    expect(arrayLiteral([['AF', 'PK'], []], 'text[]')).toBe('{"{\\"AF\\",\\"PK\\"}","{}"}');
    expect(arrayLiteral([{ departureCountry: 'Iran, "Islamic"' }, ['w']], 'jsonb')).toBe(
      '{"{\\"departureCountry\\":\\"Iran, \\\\\\"Islamic\\\\\\"\\"}","[\\"w\\"]"}',
    );
  });
});

describe('a batch laid out before its decisions', () => {
  const row = (rowNo: number, place: string | null): SeizureRow => ({
    v: {
      date: '2015-03-01',
      country: 'MM',
      countryText: 'Myanmar',
      adminDivision: null,
      place,
      latitude: null,
      longitude: 96.1,
      drugCode: 'METH',
      drugText: 'yaba',
      quantity: 1.5,
      quantityText: '1,5',
      unitCode: 'kg',
      unitText: 'kg',
      kg: 1.5,
      kgTable: 'v1',
      kgNote: null,
      concealment: null,
      installation: null,
      transportMode: 'road',
      routing: null,
      route: {
        producingCountries: [],
        departureCountry: 'MM',
        transitCountries: ['LA', 'TH'],
        destinationCountry: null,
        traffickerNationalities: [],
        reported: { departureCountry: 'Burma' },
      },
      reportingAgency: null,
    },
    warnings: [],
    rowNo,
    hash: `h${rowNo}`,
    likelyKey: `k${rowNo}`,
  });
  const constants = {
    origin: 'MM',
    import_id: '0190aaaa-0000-7000-8000-000000000000',
    source_file: 'a "b".csv',
  };

  it('sends every row with its decision, marks the rows not kept, and ends with the constants', () => {
    const layout = layOutSeizures([row(2, 'Tachileik "gate"'), row(3, null)], constants);
    const id = '0190bbbb-0000-7000-8000-000000000000';
    const original = '0190cccc-0000-7000-8000-000000000000';
    const params = seizureParameters(layout, [
      { keep: true, id, ordinal: 2, duplicateOf: original, rule: 'likely' },
      { keep: false, id: null, ordinal: null, duplicateOf: null, rule: null },
    ]);
    expect(params.slice(-8)).toEqual([
      `{"${id}",NULL}`,
      '{2,NULL}',
      `{"${original}",NULL}`,
      '{"likely",NULL}',
      '{t,f}',
      'MM',
      constants.import_id,
      'a "b".csv',
    ]);
    expect(params).toContain('{"Tachileik \\"gate\\"",NULL}');
    expect(params).toContain('{"{\\"LA\\",\\"TH\\"}","{\\"LA\\",\\"TH\\"}"}');
    expect(params).toContain('{NULL,NULL}');
    expect(params).toContain('{96.1,96.1}');
    expect(layout.literals).toEqual([]);
  });
});
