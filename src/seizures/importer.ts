import { v7 as uuidv7 } from 'uuid';
import type { Db, Queryable } from '../platform/db/db.js';
import { currentKgTable, type KgTable } from '../reference/convert.js';
import { type ReferenceIndex, referenceIndex } from '../reference/lookup.js';
import { type Candidate, contentHash, decide, likelyKey } from './duplicates.js';
import { columnIndexes, detectLayout, findHeader, type Mapping } from './mapping.js';
import {
  type Cell,
  normaliseSeizure,
  normaliseTotal,
  type RowContext,
  type SeizureValues,
  type TotalValues,
} from './normalise.js';
import { openSource, type Source, type SourceRow } from './sources.js';
import {
  advanceCursor,
  type Counts,
  getImport,
  type ImportRow,
  type ImportRowOutcome,
  insertImportRows,
  insertSeizures,
  insertTotals,
  loadKnown,
  SEIZURE_WRITE_LOCK,
  type SeizureBatch,
  seizureBatch,
  setImportState,
} from './store.js';

export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

/** Another worker moved the import's cursor: this one stops and leaves the import to it. */
export class ConcurrentImportError extends ImportError {
  constructor(id: string) {
    super(`import ${id} was moved on by another worker; this one stops`);
    this.name = 'ConcurrentImportError';
  }
}

export interface Progress {
  importId: string;
  rowsRead: number;
  bytesRead: number;
  bytesTotal: number;
  counts: Counts;
}

export interface ImportOptions {
  /** The node's agency code: origin of the records. */
  agencyCode: string;
  batchSize?: number;
  today?: string;
  index?: ReferenceIndex;
  table?: KgTable;
  onProgress?: (p: Progress) => void;
  /** Stops after the batch in progress (the import stays resumable). */
  signal?: AbortSignal;
}

const HEADER_SEARCH_ROWS = 30;

/** The file opened, its header found and its columns mapped; `rows` continues after the header. */
export interface Opened {
  source: Source;
  mapping: Mapping;
  layout: string | null;
  header: Cell[];
  indexes: Record<string, number>;
  rows: AsyncIterator<SourceRow>;
  /** Rows read past the header while looking for it, handed out first. */
  pending: SourceRow[];
}

/** Opens the file, finds the header (title rows above it are skipped) and maps the columns. */
export async function openMapped(filePath: string, size: number, mapping: Mapping | null): Promise<Opened> {
  const source = await openSource(filePath, size, { delimiter: mapping?.delimiter, sheet: mapping?.sheet });
  try {
    const iterator = source.rows[Symbol.asyncIterator]();
    const head: SourceRow[] = [];
    while (head.length < HEADER_SEARCH_ROWS) {
      const next = await iterator.next();
      if (next.done) break;
      head.push(next.value);
    }
    let used = mapping;
    let layout: string | null = null;
    let headerAt: number;
    if (!used) {
      const detected = detectLayout(head.map((r) => r.cells));
      if (!detected) {
        throw new ImportError(
          'the columns of this file are not a layout Liaison knows (UNODC IDS or WDR annex); map them once and save the mapping',
        );
      }
      used = detected.mapping;
      layout = detected.layout;
      headerAt = detected.headerIndex;
    } else
      headerAt = findHeader(
        head.map((r) => r.cells),
        used,
      );
    if (headerAt < 0) {
      throw new ImportError(
        `no header row with the mapped columns (${Object.values(used.columns).join(', ')}) in the first ${HEADER_SEARCH_ROWS} rows`,
      );
    }
    const header = head[headerAt]!.cells;
    const cols = columnIndexes(header, used);
    if (!cols.ok) throw new ImportError(`the header lacks the mapped columns ${cols.missing.join(', ')}`);
    return {
      source,
      mapping: used,
      layout,
      header,
      indexes: cols.indexes,
      rows: iterator,
      pending: head.slice(headerAt + 1),
    };
  } catch (error) {
    source.close();
    throw error;
  }
}

async function* dataRows(opened: Opened): AsyncGenerator<SourceRow> {
  yield* opened.pending;
  for (;;) {
    const next = await opened.rows.next();
    if (next.done) return;
    yield next.value;
  }
}

const isBlank = (cells: readonly Cell[]) =>
  cells.every((c) => c === null || c === undefined || String(c).trim() === '');

export type Prepared =
  | { rowNo: number; ok: false; field: string; reason: string }
  | {
      rowNo: number;
      ok: true;
      hash: string;
      seizure?: SeizureValues;
      total?: TotalValues;
      warnings: string[];
    };

/** One data row checked and normalised (pure apart from the reference index it is given). */
export function prepareRow(
  row: SourceRow,
  opened: Pick<Opened, 'mapping' | 'header' | 'source'>,
  ctx: RowContext,
): Prepared {
  if (isBlank(row.cells)) return { rowNo: row.rowNo, ok: false, field: 'row', reason: 'the row is blank' };
  const csv = opened.source.format.endsWith('csv');
  if (csv && row.cells.length !== opened.header.length) {
    return {
      rowNo: row.rowNo,
      ok: false,
      field: 'row',
      reason: `the row has ${row.cells.length} fields where the header has ${opened.header.length} (a stray delimiter or quote?)`,
    };
  }
  if (opened.mapping.kind === 'seizures') {
    const n = normaliseSeizure(row.cells, ctx);
    if (!n.ok) return { rowNo: row.rowNo, ok: false, field: n.field, reason: n.reason };
    return {
      rowNo: row.rowNo,
      ok: true,
      hash: contentHash(row.cells),
      seizure: n.values,
      warnings: n.warnings,
    };
  }
  const n = normaliseTotal(row.cells, ctx);
  if (!n.ok) return { rowNo: row.rowNo, ok: false, field: n.field, reason: n.reason };
  return { rowNo: row.rowNo, ok: true, hash: contentHash(row.cells), total: n.values, warnings: n.warnings };
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

const today = () => new Date().toISOString().slice(0, 10);

/** The first `limit` data rows normalised, with the reason for each refused one; nothing is written. */
export async function previewImport(
  imp: ImportRow,
  limit: number,
  mapping?: Mapping | null,
): Promise<{ layout: string | null; mapping: Mapping; header: string[]; rows: Prepared[] }> {
  const opened = await openMapped(imp.file_path, imp.file_size, mapping ?? imp.mapping);
  try {
    const ctx: RowContext = {
      mapping: opened.mapping,
      indexes: opened.indexes,
      index: referenceIndex(),
      table: currentKgTable(),
      today: today(),
    };
    const rows: Prepared[] = [];
    for await (const row of dataRows(opened)) {
      rows.push(prepareRow(row, opened, ctx));
      if (rows.length >= limit) break;
    }
    return {
      layout: opened.layout,
      mapping: opened.mapping,
      header: opened.header.map((c) => (c === null || c === undefined ? '' : String(c))),
      rows,
    };
  } finally {
    opened.source.close();
  }
}

interface BatchResult {
  counts: Counts;
}

type Accepted = Extract<Prepared, { ok: true }>;

interface Built {
  counts: Counts;
  outcomes: ImportRowOutcome[];
  seizures?: SeizureBatch;
  totals: Record<string, unknown>[];
}

/**
 * Writes one batch in one transaction: duplicate decisions against what the node holds, the records column by
 * column (with their outbox rows and rollup increments), the report rows and the resume cursor.
 */
async function writeBatch(
  db: Db,
  imp: ImportRow,
  batch: Prepared[],
  from: number,
  to: number,
  bytesRead: number,
  agencyCode: string,
): Promise<BatchResult> {
  return db.transaction(async (tx) => {
    // No JIT for the batch's statements: compiling them (about 40 ms) costs more than it saves on 5,000 rows.
    await tx.query("select pg_advisory_xact_lock($1), set_config('jit', 'off', true)", [SEIZURE_WRITE_LOCK]);
    const built = await decideBatch(tx, imp, batch, agencyCode);
    if (built.seizures) await insertSeizures(tx, built.seizures);
    else await insertTotals(tx, built.totals);
    await insertImportRows(tx, imp.id, built.outcomes);
    if (!(await advanceCursor(tx, imp.id, from, to, bytesRead, built.counts))) {
      throw new ConcurrentImportError(imp.id);
    }
    return { counts: built.counts };
  });
}

/**
 * Decides each row of a batch (inside the batch's transaction, under the write lock) and lays the records out
 * column by column. The parsed rows are let go as soon as they are laid out (`batch` is emptied), and the lookups
 * and decisions when this returns: what stays in memory while the batch is sent is its columns.
 */
async function decideBatch(
  tx: Queryable,
  imp: ImportRow,
  batch: Prepared[],
  agencyCode: string,
): Promise<Built> {
  const seizures = imp.kind === 'seizures';
  const ok: Accepted[] = [];
  const hashes = new Set<string>();
  const likelyKeys = new Set<string>();
  const candidates: Candidate[] = [];
  for (const p of batch) {
    if (!p.ok) continue;
    ok.push(p);
    const key = p.seizure ? likelyKey(p.seizure) : null;
    candidates.push({ contentHash: p.hash, likelyKey: key });
    hashes.add(p.hash);
    if (key !== null) likelyKeys.add(key);
  }
  const known = await loadKnown(
    tx,
    seizures ? 'seizures' : 'reported_totals',
    imp.id,
    [...hashes],
    [...likelyKeys],
  );
  const decisions = decide(candidates, known, uuidv7);
  const counts: Counts = { accepted: 0, duplicates: 0, rejected: 0, alreadyImported: 0, warnings: 0 };
  const outcomes: ImportRowOutcome[] = [];
  for (const p of batch) {
    if (!p.ok) {
      counts.rejected++;
      outcomes.push({
        row_no: p.rowNo,
        outcome: 'rejected',
        field: p.field,
        reason: p.reason,
        content_hash: null,
        record_id: null,
      });
    }
  }
  const sb = seizures
    ? seizureBatch({ origin: agencyCode, import_id: imp.id, source_file: imp.file_name })
    : undefined;
  const totals: Record<string, unknown>[] = [];
  for (let i = 0; i < ok.length; i++) {
    const p = ok[i]!;
    const d = decisions[i]!;
    if (d.kind === 'already') {
      counts.alreadyImported++;
      outcomes.push({
        row_no: p.rowNo,
        outcome: 'already-imported',
        field: null,
        reason: null,
        content_hash: p.hash,
        record_id: d.recordId,
      });
      continue;
    }
    if (d.duplicateOf) counts.duplicates++;
    else counts.accepted++;
    if (p.warnings.length) counts.warnings++;
    if (p.seizure && sb) {
      const v = p.seizure;
      const c = sb.columns;
      sb.rows++;
      c.id.push(d.id);
      c.seizure_date.push(v.date);
      c.country.push(v.country);
      c.country_text.push(v.countryText);
      c.admin_division.push(v.adminDivision);
      c.place.push(v.place);
      c.latitude.push(v.latitude);
      c.longitude.push(v.longitude);
      c.drug_code.push(v.drugCode);
      c.drug_text.push(v.drugText);
      c.quantity.push(v.quantity);
      c.quantity_text.push(v.quantityText);
      c.unit_code.push(v.unitCode);
      c.unit_text.push(v.unitText);
      c.kg.push(v.kg);
      c.kg_table.push(v.kgTable);
      c.kg_note.push(v.kgNote);
      c.concealment.push(v.concealment);
      c.installation.push(v.installation);
      c.transport_mode.push(v.transportMode);
      c.routing.push(v.routing);
      c.producing_countries.push(v.route.producingCountries);
      c.departure_country.push(v.route.departureCountry);
      c.transit_countries.push(v.route.transitCountries);
      c.destination_country.push(v.route.destinationCountry);
      c.trafficker_nationalities.push(v.route.traffickerNationalities);
      c.route_reported.push(v.route.reported);
      c.reporting_agency.push(v.reportingAgency);
      c.warnings.push(p.warnings);
      c.source_row.push(p.rowNo);
      c.content_hash.push(p.hash);
      c.content_ordinal.push(d.ordinal);
      c.likely_key.push(candidates[i]!.likelyKey);
      c.duplicate_of.push(d.duplicateOf);
      c.duplicate_rule.push(d.rule);
    } else if (p.total) {
      const v = p.total;
      totals.push({
        id: d.id,
        country: v.country,
        country_text: v.countryText,
        drug_code: v.drugCode,
        drug_text: v.drugText,
        year: v.year,
        quantity: v.quantity,
        quantity_text: v.quantityText,
        unit_code: v.unitCode,
        kg: v.kg,
        kg_table: v.kgTable,
        kg_note: v.kgNote,
        source: imp.file_name,
        import_id: imp.id,
        source_row: p.rowNo,
        content_hash: p.hash,
        content_ordinal: d.ordinal,
        duplicate_of: d.duplicateOf,
        duplicate_rule: d.rule,
      });
    }
  }
  batch.length = 0;
  return { counts, outcomes, seizures: sb, totals };
}

/**
 * Runs (or resumes) an import: rows are read in batches; each batch is written in one transaction together with the
 * resume cursor, so a crash loses at most the batch in progress and a restart goes on after the last committed one.
 */
export async function runImport(db: Db, importId: string, options: ImportOptions): Promise<ImportRow> {
  let imp = await getImport(db, importId);
  if (!imp) throw new ImportError(`no import ${importId}`);
  if (imp.status === 'done') return imp;
  const batchSize = options.batchSize ?? 5000;
  let opened: Opened;
  try {
    opened = await openMapped(imp.file_path, imp.file_size, imp.mapping);
  } catch (error) {
    await setImportState(db, imp.id, {
      status: 'failed',
      error: error instanceof Error ? error.message : String(error),
    });
    throw error;
  }
  await setImportState(db, imp.id, {
    status: 'running',
    error: null,
    bytesTotal: opened.source.bytesTotal,
    mapping: opened.mapping,
    layout: opened.layout,
  });
  imp = (await getImport(db, importId))!;
  const ctx: RowContext = {
    mapping: opened.mapping,
    indexes: opened.indexes,
    index: options.index ?? referenceIndex(),
    table: options.table ?? currentKgTable(),
    today: options.today ?? today(),
  };
  const counts: Counts = {
    accepted: imp.accepted,
    duplicates: imp.duplicates,
    rejected: imp.rejected,
    alreadyImported: imp.already_imported,
    warnings: imp.warnings,
  };
  let cursor = imp.rows_read;
  // Rows committed before a restart are read again and skipped.
  const skip = imp.rows_read;
  let seen = 0;
  let batch: Prepared[] = [];
  // One batch is written while the next is read and normalised (the database and the parser run side by side);
  // batches still commit one after the other, in order.
  let writing: Promise<void> | undefined;
  const write = async (rows: Prepared[], bytesRead: number) => {
    const to = cursor + rows.length;
    const { counts: c } = await writeBatch(db, imp!, rows, cursor, to, bytesRead, options.agencyCode);
    cursor = to;
    for (const k of Object.keys(c) as (keyof Counts)[]) counts[k] += c[k];
    options.onProgress?.({
      importId,
      rowsRead: cursor,
      bytesRead,
      bytesTotal: opened.source.bytesTotal,
      counts: { ...counts },
    });
  };
  const flush = async () => {
    await writing;
    writing = write(batch, opened.source.bytesRead());
    // Seen by the next flush or the end of the loop; not an unhandled rejection meanwhile.
    writing.catch(() => undefined);
    batch = [];
  };
  try {
    for await (const row of dataRows(opened)) {
      if (seen++ < skip) continue;
      batch.push(prepareRow(row, opened, ctx));
      // Parsing runs from buffered data without returning to the event loop; let the replies of the batch being
      // written in through now and then, or each of its statements waits for the parser (140 ms a batch).
      if (batch.length % 64 === 0) await yieldToEventLoop();
      if (batch.length >= batchSize) {
        await flush();
        if (options.signal?.aborted) {
          await writing;
          return (await getImport(db, importId))!;
        }
      }
    }
    if (batch.length) await flush();
    await writing;
    await setImportState(db, imp.id, { status: 'done' });
  } catch (error) {
    if (error instanceof ConcurrentImportError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    await setImportState(db, imp.id, { status: 'failed', error: `after row ${cursor}: ${message}` }).catch(
      () => undefined,
    );
    throw error;
  } finally {
    opened.source.close();
  }
  return (await getImport(db, importId))!;
}
