import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/support/db.js';
import { migrate } from '../platform/db/migrate.js';
import { referenceData } from './content/index.js';
import { loadReferenceData, ReferenceDataError } from './load.js';
import type { ReferenceData } from './model.js';

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
  await migrate(testDb.db);
});
afterAll(() => testDb.cleanup());

const TABLES = [
  'm49_areas',
  'countries',
  'non_country_values',
  'country_aliases',
  'drug_groups',
  'drugs',
  'drug_synonyms',
  'units',
  'unit_aliases',
  'conversion_tables',
  'unit_conversions',
  'conversion_parameters',
];

/** Every reference row as text, so two snapshots compare everything the loader wrote. */
async function snapshot(): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of TABLES) {
    const { rows } = await testDb.db.query<{ row: string }>(
      `select t::text as row from ${table} t order by 1`,
    );
    out[table] = rows.map((r) => r.row);
  }
  return out;
}

const copy = (): ReferenceData => structuredClone(referenceData());

describe('loadReferenceData', () => {
  it('loads everything on the first start, in one go', async () => {
    const started = performance.now();
    expect(await loadReferenceData(testDb.db)).toBe(true);
    const ms = performance.now() - started;
    const data = referenceData();
    const counts = await snapshot();
    expect(counts.countries).toHaveLength(data.countries.length);
    expect(counts.country_aliases).toHaveLength(data.countryAliases.length);
    expect(counts.drug_synonyms).toHaveLength(data.drugSynonyms.length);
    expect(counts.unit_conversions).toHaveLength(data.unitConversions.length);
    expect(counts.conversion_parameters).toHaveLength(1);
    expect(ms).toBeLessThan(10_000);
  });

  it('does nothing on the next start and changes nothing', async () => {
    const before = await snapshot();
    const state = await testDb.db.query('select content_hash, loaded_at from reference_data_state');
    expect(await loadReferenceData(testDb.db)).toBe(false);
    expect(await snapshot()).toEqual(before);
    expect((await testDb.db.query('select content_hash, loaded_at from reference_data_state')).rows).toEqual(
      state.rows,
    );
  });

  it('writes the same rows again when the stored hash is lost (the upsert is idempotent)', async () => {
    const before = await snapshot();
    await testDb.db.query('delete from reference_data_state');
    expect(await loadReferenceData(testDb.db)).toBe(true);
    expect(await snapshot()).toEqual(before);
  });

  it('removes an alias the data no longer has', async () => {
    const data = copy();
    data.countryAliases = data.countryAliases.filter((a) => a.alias !== 'Swaziland');
    expect(await loadReferenceData(testDb.db, data)).toBe(true);
    const { rows } = await testDb.db.query("select 1 from country_aliases where alias_key = 'swaziland'");
    expect(rows).toHaveLength(0);
    expect(await loadReferenceData(testDb.db)).toBe(true);
  });

  it('refuses to change a published conversion table, and writes nothing', async () => {
    const before = await snapshot();
    const data = copy();
    data.unitConversions = data.unitConversions.map((r) =>
      r.unitCode === 'tablet' && !r.drugCode ? { ...r, kgEquivalent: 0.0002 } : r,
    );
    data.countryAliases = data.countryAliases.filter((a) => a.alias !== 'Swaziland');
    await expect(loadReferenceData(testDb.db, data)).rejects.toThrow(ReferenceDataError);
    await expect(loadReferenceData(testDb.db, data)).rejects.toThrow(
      /publish the correction as a new version/,
    );
    expect(await snapshot()).toEqual(before);
  });

  it('publishes a new version, makes it current and keeps the old one', async () => {
    const data = copy();
    data.conversionTables = [
      { ...data.conversionTables[0]!, isCurrent: false },
      {
        version: 'test-2027.1',
        name: 'Test table',
        description: 'test',
        publishedOn: '2027-01-01',
        isCurrent: true,
      },
    ];
    const rows = data.unitConversions.map((r) => ({ ...r, tableVersion: 'test-2027.1' }));
    data.unitConversions.push(...rows);
    expect(await loadReferenceData(testDb.db, data)).toBe(true);
    const tables = await testDb.db.query<{ version: string; is_current: boolean }>(
      'select version, is_current from conversion_tables order by version',
    );
    expect(tables.rows).toEqual([
      { version: 'liaison-2026.1', is_current: false },
      { version: 'test-2027.1', is_current: true },
    ]);
    const count = await testDb.db.query<{ n: number }>(
      "select count(*)::int as n from unit_conversions where table_version = 'test-2027.1'",
    );
    expect(count.rows[0]?.n).toBe(rows.length);
    expect(await loadReferenceData(testDb.db)).toBe(true);
    const current = await testDb.db.query<{ version: string }>(
      'select version from conversion_tables where is_current',
    );
    expect(current.rows).toEqual([{ version: 'liaison-2026.1' }]);
  });
});
