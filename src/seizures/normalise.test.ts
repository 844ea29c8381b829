import { describe, expect, it } from 'vitest';
import { currentKgTable } from '../reference/convert.js';
import { referenceIndex } from '../reference/lookup.js';
import { columnIndexes, IDS_LAYOUT, KNOWN_LAYOUTS, type Mapping, WDR_LAYOUT } from './mapping.js';
import { type Cell, normaliseSeizure, normaliseTotal, type RowContext } from './normalise.js';

const IDS = KNOWN_LAYOUTS[IDS_LAYOUT]!;
const HEADER = Object.values(IDS.columns);
const ctxFor = (mapping: Mapping, header: string[]): RowContext => {
  const cols = columnIndexes(header, mapping);
  if (!cols.ok) throw new Error('bad header');
  return {
    mapping,
    indexes: cols.indexes,
    index: referenceIndex(),
    table: currentKgTable(),
    today: '2026-01-01',
  };
};
const ids = ctxFor(IDS, HEADER);

/** An IDS row from field values (the header above is the IDS mapping's columns in order). */
function row(values: Partial<Record<string, Cell>>): Cell[] {
  return Object.keys(IDS.columns).map((field) => values[field] ?? '');
}
const base = {
  date: '2014-05-02',
  country: 'Colombia',
  drug: 'Cocaine hydrochloride',
  quantity: '2.5',
  unit: 'Kilogram',
  place: 'Bogota',
};

describe('normaliseSeizure', () => {
  it('accepts a complete row and converts the quantity, keeping it as reported', () => {
    const r = normaliseSeizure(
      row({
        ...base,
        quantity: '2500.0',
        unit: 'Gram',
        departureCountry: 'Venezuela (Bolivarian Republic of)',
        destinationCountry: 'Spain',
      }),
      ids,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.values).toMatchObject({
      date: '2014-05-02',
      country: 'CO',
      drugCode: expect.any(String),
      quantity: 2500,
      quantityText: '2500.0',
      unitCode: 'g',
      unitText: 'Gram',
      kg: 2.5,
      kgTable: currentKgTable().table.version,
      place: 'Bogota',
    });
    expect(r.values.route).toMatchObject({
      departureCountry: 'VE',
      destinationCountry: 'ES',
      reported: { destinationCountry: 'Spain' },
    });
    expect(r.warnings).toEqual([]);
  });

  it('converts tablets with the per-drug weight and keeps plants without a kilogram equivalent', () => {
    const tablets = normaliseSeizure(
      row({ ...base, drug: 'Methamphetamine', quantity: '10000', unit: 'Tablet' }),
      ids,
    );
    expect(tablets.ok && tablets.values.kg).toBeCloseTo(1, 9);
    const plants = normaliseSeizure(
      row({ ...base, drug: 'Opium poppy', quantity: '35', unit: 'Plants' }),
      ids,
    );
    expect(plants.ok).toBe(true);
    if (plants.ok) {
      expect(plants.values.kg).toBeNull();
      expect(plants.values.kgNote).toMatch(/no kilogram equivalent/);
      expect(plants.warnings[0]).toMatch(/no kilogram equivalent/);
    }
  });

  it('treats Unknown route values as no country and warns about names it does not know', () => {
    const r = normaliseSeizure(
      row({
        ...base,
        producingCountries: 'Unknown',
        departureCountry: 'Atlantis',
        destinationCountry: 'Iran, Islamic Republic of',
      }),
      ids,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.values.route).toMatchObject({
      producingCountries: [],
      departureCountry: null,
      destinationCountry: 'IR',
    });
    expect(r.values.route.reported.departureCountry).toBe('Atlantis');
    expect(r.warnings.join()).toMatch(/"Atlantis" is not a known country/);
  });

  it.each([
    [{ date: '' }, 'date', /blank/],
    [{ date: '2014-02-30' }, 'date', /calendar/],
    [{ date: '2030-01-01' }, 'date', /future/],
    [{ country: 'Atlantis' }, 'country', /not a known country/],
    [{ country: 'Multiple Countries' }, 'country', /not one country/],
    [{ country: '' }, 'country', /blank/],
    [{ drug: 'Unobtainium' }, 'drug', /not a known drug/],
    [{ drug: 'Reported total hallucinogens' }, 'drug', /reported total/],
    [{ quantity: '' }, 'quantity', /blank/],
    [{ quantity: '0.0' }, 'quantity', /zero/],
    [{ quantity: '-1' }, 'quantity', /negative/],
    [{ quantity: '1,5' }, 'quantity', /decimal point/],
    [{ unit: '' }, 'unit', /blank/],
    [{ unit: 'Furlong' }, 'unit', /not a known unit/],
  ])('rejects %o on %s', (change, field, reason) => {
    const r = normaliseSeizure(row({ ...base, ...change }), ids);
    expect(r).toMatchObject({ ok: false, field });
    expect(!r.ok && r.reason).toMatch(reason);
  });

  it('reads locale numbers, day-first dates, coordinates and lists with a custom mapping', () => {
    const mapping: Mapping = {
      kind: 'seizures',
      columns: {
        date: 'Datum',
        country: 'Land',
        drug: 'Droge',
        quantity: 'Menge',
        unit: 'Einheit',
        latitude: 'Lat',
        longitude: 'Lon',
        transitCountries: 'Transit',
        traffickerNationalities: 'Nat',
      },
      numberFormat: 'comma',
      dateFormat: 'dmy',
    };
    const header = ['Datum', 'Land', 'Droge', 'Menge', 'Einheit', 'Lat', 'Lon', 'Transit', 'Nat'];
    const ctx = ctxFor(mapping, header);
    const r = normaliseSeizure(
      [
        '02.05.2014',
        'Germany',
        'Heroin',
        '1.234,5',
        'g',
        '52,5',
        '200',
        'Turkey; Bulgaria | Turkey',
        'Albania',
      ],
      ctx,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.values).toMatchObject({
      date: '2014-05-02',
      country: 'DE',
      quantity: 1234.5,
      kg: 1.2345,
      latitude: 52.5,
      longitude: null,
    });
    expect(r.values.route.transitCountries).toEqual(['TR', 'BG']);
    expect(r.values.route.traffickerNationalities).toEqual(['AL']);
    expect(r.warnings.join()).toMatch(/longitude/);
  });
});

describe('normaliseTotal', () => {
  const wdr = KNOWN_LAYOUTS[WDR_LAYOUT]!;
  const ctx = ctxFor(wdr, ['Country', 'DrugName', 'Reference year', 'Kilograms']);
  it('reads a WDR row with the constant unit and keeps a reported zero', () => {
    expect(normaliseTotal(['Kenya', 'Methamphetamine', 2022, 10.84], ctx)).toMatchObject({
      ok: true,
      values: { country: 'KE', year: 2022, kg: 10.84, unitCode: 'kg' },
    });
    expect(normaliseTotal(['Kenya', 'Heroin', 2021, 0], ctx)).toMatchObject({ ok: true, values: { kg: 0 } });
  });

  it('rejects blank quantities and bad years', () => {
    expect(normaliseTotal(['Kenya', 'Heroin', 2021, null], ctx)).toMatchObject({
      ok: false,
      field: 'quantity',
    });
    expect(normaliseTotal(['Kenya', 'Heroin', 'x', 1], ctx)).toMatchObject({ ok: false, field: 'year' });
  });
});
