import { createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import yauzl from 'yauzl';
import type { Db } from '../../src/platform/db/db.js';
import { migrate } from '../../src/platform/db/migrate.js';
import { loadReferenceData } from '../../src/reference/load.js';
import { type ImportOptions, runImport } from '../../src/seizures/importer.js';
import { importForFile } from '../../src/seizures/jobs.js';
import type { Mapping } from '../../src/seizures/mapping.js';
import type { ImportRow } from '../../src/seizures/store.js';
import { createTestDb, type TestDb } from '../support/db.js';

/** The real files, beside the repository (never copied into it). */
export const DATA = path.resolve(import.meta.dirname, '../../../shared/data');
export const IDS_ZIP = path.join(DATA, 'unodc-ids-2011-2016.zip');
export const WDR_XLSX = path.join(DATA, 'unodc-wdr2024-seizures-2018-2022.xlsx');
export const HAVE_DATA = existsSync(IDS_ZIP) && existsSync(WDR_XLSX);

export const tempDir = (prefix = 'liaison-seizures-') => mkdtempSync(path.join(tmpdir(), prefix));
export const removeDir = (dir: string) => rmSync(dir, { recursive: true, force: true });

/** Writes lines [from, to) of the IDS CSV (line 0 is the header, always written) to `file`, reading the zip as a stream. */
export async function idsSlice(file: string, to: number, from = 1): Promise<void> {
  const zip = await yauzl.openPromise(IDS_ZIP, { lazyEntries: true });
  const entry = await new Promise<yauzl.Entry>((resolve, reject) => {
    zip.once('entry', resolve);
    zip.once('error', reject);
    zip.readEntry();
  });
  const input = await zip.openReadStreamPromise(entry);
  const out = createWriteStream(file);
  let n = 0;
  for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    if (n === 0 || (n >= from && n < to)) out.write(`${line}\n`);
    if (++n >= to) break;
  }
  input.destroy();
  zip.close();
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

/** A migrated database with reference data. */
export async function seizureDb(): Promise<TestDb> {
  const t = await createTestDb();
  await migrate(t.db);
  await loadReferenceData(t.db);
  return t;
}

export async function importFile(
  db: Db,
  file: string,
  mapping: Mapping | null = null,
  options: Partial<ImportOptions> = {},
): Promise<ImportRow> {
  const { imp } = await importForFile(db, {
    filePath: file,
    fileName: path.basename(file),
    mapping,
    mappingName: null,
    createdBy: 'test',
  });
  return runImport(db, imp.id, { agencyCode: 'TEST-NNCB', today: '2026-01-01', ...options });
}

export const counts = (r: ImportRow) => ({
  rowsRead: r.rows_read,
  accepted: r.accepted,
  duplicates: r.duplicates,
  rejected: r.rejected,
  alreadyImported: r.already_imported,
});

/** What an import left in the database, in a form two databases can be compared by. */
export async function snapshot(db: Db) {
  const q = async (sql: string) => (await db.query(sql)).rows;
  return {
    seizures: await q(
      `select content_hash, content_ordinal, source_row, duplicate_rule, kg, country, drug_code, to_char(seizure_date, 'YYYY-MM-DD') as d,
              (select d2.content_hash || '#' || d2.content_ordinal from seizures d2 where d2.id = s.duplicate_of) as dup
         from seizures s order by content_hash, content_ordinal`,
    ),
    rollups: await q(
      "select country, drug_code, to_char(month, 'YYYY-MM') as m, duplicate, round(kg::numeric, 6) as kg, n, n_kg from seizure_rollups order by 1, 2, 3, 4",
    ),
    daily: await q('select count(*)::int as n, sum(n)::int as total from seizure_daily_rollups'),
    routes: await q(
      "select departure, destination, drug_code, to_char(month, 'YYYY-MM') as m, duplicate, n from seizure_route_rollups order by 1, 2, 3, 4, 5",
    ),
    outbox: await q(
      "select count(*)::int as n, count(distinct record_id)::int as ids from record_changes where record_type = 'seizures.seizure'",
    ),
  };
}
