import { describe, expect, it } from 'vitest';
import { safeFileName, toCsv } from './csv';
import { flowOf, inGroup, seriesPoints, topBy } from './dashboardModel';
import { formatBytes, formatKg, formatMonth, formatPercent } from './format';
import { draftFrom, mappingBody, missingRequired } from './mappingForm';
import { countsAddUp, uploadType } from './model';
import {
  EMPTY_FILTERS,
  filtersFromParams,
  filtersToParams,
  listPath,
  reconciliationQuery,
  statsQuery,
} from './query';

// Intl output uses narrow no-break spaces and no-break spaces; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('list query', () => {
  it('builds the list request from the filters, a year standing for its whole calendar year', () => {
    const f = {
      ...EMPTY_FILTERS,
      country: 'mm',
      drug: 'heroin',
      year: '2014',
      duplicates: 'exclude' as const,
    };
    expect(listPath(f, null, 50)).toBe(
      '/api/v1/seizures?limit=50&duplicates=exclude&countries=MM&drugs=heroin&from=2014-01-01&to=2014-12-31',
    );
    // Explicit dates win over the year; a cursor is passed on; a half-typed country is left out.
    const g = { ...EMPTY_FILTERS, country: 'M', year: '2014', from: '2014-03-01', importId: 'abc' };
    expect(listPath(g, 'CUR', 10)).toBe(
      '/api/v1/seizures?limit=10&duplicates=include&from=2014-03-01&to=2014-12-31&importId=abc&after=CUR',
    );
  });

  it('keeps the filters in the address, leaving defaults out', () => {
    const f = { ...EMPTY_FILTERS, country: 'CN', duplicates: 'only' as const };
    const params = filtersToParams(f);
    expect(params).toEqual({ country: 'CN', duplicates: 'only' });
    expect(filtersFromParams(new URLSearchParams(params))).toEqual(f);
    expect(filtersFromParams(new URLSearchParams('duplicates=bogus')).duplicates).toBe('include');
  });

  it('builds the statistics and reconciliation queries', () => {
    const f = { drugGroup: 'opioids', drug: '', year: '2015', duplicates: 'include' as const };
    expect(statsQuery(f, { by: 'country' })).toBe(
      'duplicates=include&drugGroups=opioids&from=2015-01&to=2015-12&by=country',
    );
    expect(reconciliationQuery({ ...f, drug: 'heroin' }, 100)).toBe(
      'duplicates=include&limit=100&drugs=heroin&fromYear=2015&toYear=2015',
    );
  });
});

describe('CSV export', () => {
  it('quotes what needs quoting, neutralises formulas and starts with a byte-order mark', () => {
    const csv = toCsv({
      name: 't',
      columns: ['Country', 'kg'],
      rows: [
        ['Iran, Islamic Republic of', 1.5],
        ['say "hi"', null],
        ['=HYPERLINK("x")', -2],
        ['缅甸', 0],
      ],
    });
    expect(csv).toBe(
      '\ufeffCountry,kg\r\n"Iran, Islamic Republic of",1.5\r\n"say ""hi""",\r\n"\'=HYPERLINK(""x"")",-2\r\n缅甸,0\r\n',
    );
  });

  it('makes safe file names', () => {
    expect(safeFileName('top routes / 2014')).toBe('top-routes-2014');
    expect(safeFileName('缴获')).toBe('缴获');
    expect(safeFileName('///')).toBe('table');
  });
});

describe('formatting', () => {
  it('writes kilograms, shares, months and sizes for the locale', () => {
    expect(formatKg(1.23456, 'en')).toBe('1.235');
    expect(formatKg(12345.6, 'en')).toBe('12,346');
    expect(plain(formatKg(12345.6, 'ru'))).toBe('12 346');
    expect(formatPercent(0.1234, 'en')).toBe('12.3%');
    expect(formatMonth('2014-03', 'en')).toBe('Mar 2014');
    expect(formatMonth('2014-03', 'zh-CN')).toBe('2014年3月');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
  });
});

describe('mapping form', () => {
  it('drafts from the suggestions that name real columns and sends only the kind’s fields', () => {
    const draft = draftFrom({ date: 'Datum', country: 'Land', drug: 'Gone' }, ['Datum', 'Land', 'Menge']);
    expect(draft.columns).toEqual({ date: 'Datum', country: 'Land' });
    expect(missingRequired(draft)).toEqual(['drug', 'quantity', 'unit']);
    const full = {
      ...draft,
      columns: { ...draft.columns, drug: 'Droge', quantity: 'Menge', unit: 'E', year: 'J' },
    };
    expect(missingRequired(full)).toEqual([]);
    expect(mappingBody({ ...full, saveAs: '  German form ' })).toEqual({
      mapping: {
        kind: 'seizures',
        columns: { date: 'Datum', country: 'Land', drug: 'Droge', quantity: 'Menge', unit: 'E' },
        numberFormat: 'auto',
        dateFormat: 'iso',
      },
      saveAs: 'German form',
    });
  });

  it('sends a type the node accepts and checks that counts add up', () => {
    expect(uploadType('text/csv')).toBe('text/csv');
    expect(uploadType('application/vnd.ms-excel')).toBe('application/octet-stream');
    expect(uploadType('')).toBe('application/octet-stream');
    const c = { rowsRead: 10, accepted: 6, duplicates: 2, rejected: 1, alreadyImported: 1, warnings: 3 };
    expect(countsAddUp(c)).toBe(true);
    expect(countsAddUp({ ...c, rowsRead: 11 })).toBe(false);
  });
});

describe('dashboard model', () => {
  const answer = {
    months: ['2014-11', '2014-12', '2015-01'],
    series: [
      { key: 'a', kg: [1, 2, 3], count: [1, 1, 1] },
      { key: 'b', kg: [10, 0, 0], count: [1, 0, 0] },
    ],
  };
  it('sums a series by month or by year', () => {
    expect(seriesPoints(answer, 'month')).toEqual({ labels: answer.months, kg: [11, 2, 3] });
    expect(seriesPoints(answer, 'year')).toEqual({ labels: ['2014', '2015'], kg: [13, 3] });
  });

  it('ranks by kilograms and builds an acyclic route flow', () => {
    const rows = [
      { keys: { drug: 'heroin' }, kg: 5, count: 2, converted: 2 },
      { keys: { drug: 'cocaine' }, kg: 9, count: 1, converted: 1 },
      { keys: { drug: null }, kg: 99, count: 1, converted: 1 },
    ];
    expect(topBy(rows, 'drug', 1)).toEqual([{ key: 'cocaine', kg: 9, count: 1 }]);
    const flow = flowOf([
      { departure: 'PK', destination: 'CN', kg: 3 },
      { departure: 'CN', destination: 'PK', kg: 1 },
      { departure: 'IN', destination: 'CN', kg: 0 },
    ]);
    expect(flow.nodes).toEqual(['d:PK', 't:CN', 'd:CN', 't:PK']);
    expect(flow.links).toHaveLength(2);
  });

  it('finds a drug in a group through its sub-groups', () => {
    const groups = [
      { code: 'opioids', parentCode: null },
      { code: 'opiates', parentCode: 'opioids' },
    ];
    expect(inGroup('opiates', 'opioids', groups)).toBe(true);
    expect(inGroup('opioids', 'opiates', groups)).toBe(false);
  });
});
