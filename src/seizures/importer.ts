import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../platform/db/db.js';
import { currentKgTable, type KgTable } from '../reference/convert.js';
import { type ReferenceIndex, referenceIndex } from '../reference/lookup.js';
import { type RowDecision, SeizureColumns, type SeizureLayout } from './batch.js';
import { type Candidate, contentHash, type Decision, decide, likelyKey } from './duplicates.js';
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

/**
 * Rows per batch (one transaction each). Larger batches did not import faster on PostgreSQL (10,496 rows/s at
 * 5,000, 10,827 at 2,500) but held more in memory while two batches are in flight (peak RSS 326 against 285 MB).
 */
export const IMPORT_BATCH_ROWS = 2500;

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

/**
 * A batch being read: each row is laid out as soon as it is normalised (so the work is spread between the replies
 * of the batch being written, and the parsed values are let go at once), the literals joined when it is full.
 */
interface LaidOut {
  rows: number;
  rejected: ImportRowOutcome[];
  /** The accepted rows: for seizures only what the decisions need, their values being in `columns`. */
  accepted: { rowNo: number; hash: string; warned: boolean; total?: TotalValues }[];
  candidates: Candidate[];
  columns?: SeizureColumns;
  seizures?: SeizureLayout;
}

const newBatch = (imp: ImportRow): LaidOut => ({
  rows: 0,
  rejected: [],
  accepted: [],
  candidates: [],
  columns: imp.kind === 'seizures' ? new SeizureColumns() : undefined,
});

function layOutRow(laid: LaidOut, p: Prepared): void {
  laid.rows++;
  if (!p.ok) {
    laid.rejected.push({
      row_no: p.rowNo,
      outcome: 'rejected',
      field: p.field,
      reason: p.reason,
      content_hash: null,
      record_id: null,
    });
    return;
  }
  const key = p.seizure ? likelyKey(p.seizure) : null;
  laid.candidates.push({ contentHash: p.hash, likelyKey: key });
  laid.accepted.push({ rowNo: p.rowNo, hash: p.hash, warned: p.warnings.length > 0, total: p.total });
  if (p.seizure && laid.columns) {
    laid.columns.add({ v: p.seizure, warnings: p.warnings, rowNo: p.rowNo, hash: p.hash, likelyKey: key! });
  }
}

// No JIT for the batch's statements: compiling them (about 40 ms) costs more than it saves on a batch.
const BEGIN_BATCH = "select pg_advisory_xact_lock($1), set_config('jit', 'off', true)";
// On a PostgreSQL server, no wait for the batch's WAL to reach the disk at commit: the server outlives a crash of
// this process, and a batch lost to a power cut is lost whole with its cursor and read again on resume; the
// import's final state change commits synchronously and makes every batch before it durable. Not on PGlite: there
// the database runs in this process, and a killed import lost its committed batches.
const BEGIN_BATCH_POSTGRES = `${BEGIN_BATCH}, set_config('synchronous_commit', 'off', true)`;

/**
 * Writes one batch in one transaction: duplicate decisions against what the node holds, the records (with their
 * outbox rows and rollup increments), the report rows and the resume cursor.
 */
async function writeBatch(
  db: Db,
  imp: ImportRow,
  laid: LaidOut,
  range: { from: number; to: number; bytesRead: number },
  alreadyImportedSoFar: number,
): Promise<Counts> {
  return db.transaction(async (tx) => {
    await tx.query(db.engine === 'postgresql' ? BEGIN_BATCH_POSTGRES : BEGIN_BATCH, [SEIZURE_WRITE_LOCK]);
    const known = await loadKnown(
      tx,
      laid.seizures ? 'seizures' : 'reported_totals',
      imp.id,
      [...new Set(laid.candidates.map((c) => c.contentHash))],
      laid.seizures ? [...new Set(laid.candidates.map((c) => c.likelyKey!))] : [],
      alreadyImportedSoFar > 0,
    );
    const decisions = decide(laid.candidates, known, uuidv7);
    const counts: Counts = {
      accepted: 0,
      duplicates: 0,
      rejected: laid.rejected.length,
      alreadyImported: 0,
      warnings: 0,
    };
    const outcomes = laid.rejected;
    const rows: RowDecision[] = [];
    const totals: Record<string, unknown>[] = [];
    laid.accepted.forEach((a, i) => {
      const d = decisions[i]!;
      if (d.kind === 'already') {
        counts.alreadyImported++;
        outcomes.push({
          row_no: a.rowNo,
          outcome: 'already-imported',
          field: null,
          reason: null,
          content_hash: a.hash,
          record_id: d.recordId,
        });
        rows.push({ keep: false, id: null, ordinal: null, duplicateOf: null, rule: null });
        return;
      }
      if (d.duplicateOf) counts.duplicates++;
      else counts.accepted++;
      if (a.warned) counts.warnings++;
      rows.push({ keep: true, id: d.id, ordinal: d.ordinal, duplicateOf: d.duplicateOf, rule: d.rule });
      if (a.total) totals.push(totalRecord(imp, a.total, a, d));
    });
    if (laid.seizures) await insertSeizures(tx, laid.seizures, rows);
    else await insertTotals(tx, totals);
    await insertImportRows(tx, imp.id, outcomes);
    if (!(await advanceCursor(tx, imp.id, range.from, range.to, range.bytesRead, counts))) {
      throw new ConcurrentImportError(imp.id);
    }
    return counts;
  });
}

type Written = Extract<Decision, { kind: 'insert' }>;

/** A reported total as its table's columns (TOTAL_COLUMNS). */
function totalRecord(
  imp: ImportRow,
  v: TotalValues,
  a: { rowNo: number; hash: string },
  d: Written,
): Record<string, unknown> {
  return {
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
    source_row: a.rowNo,
    content_hash: a.hash,
    content_ordinal: d.ordinal,
    duplicate_of: d.duplicateOf,
    duplicate_rule: d.rule,
  };
}

/**
 * Runs (or resumes) an import: rows are read in batches; each batch is written in one transaction together with the
 * resume cursor, so a crash loses at most the batch in progress and a restart goes on after the last committed one.
 */
export async function runImport(db: Db, importId: string, options: ImportOptions): Promise<ImportRow> {
  let imp = await getImport(db, importId);
  if (!imp) throw new ImportError(`no import ${importId}`);
  if (imp.status === 'done') return imp;
  const batchSize = options.batchSize ?? IMPORT_BATCH_ROWS;
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
  let batch = newBatch(imp);
  // One batch is written while the next is read, normalised and laid out (the database and the parser run side by
  // side); batches still commit one after the other, in order.
  let writing: Promise<void> | undefined;
  const write = async (laid: LaidOut, bytesRead: number) => {
    const to = cursor + laid.rows;
    const c = await writeBatch(db, imp!, laid, { from: cursor, to, bytesRead }, counts.alreadyImported);
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
    const laid = batch;
    const bytesRead = opened.source.bytesRead();
    laid.seizures = laid.columns?.finish({
      origin: options.agencyCode,
      import_id: imp!.id,
      source_file: imp!.file_name,
    });
    laid.columns = undefined;
    batch = newBatch(imp!);
    await writing;
    writing = write(laid, bytesRead);
    // Seen by the next flush or the end of the loop; not an unhandled rejection meanwhile.
    writing.catch(() => undefined);
  };
  try {
    for await (const row of dataRows(opened)) {
      if (seen++ < skip) continue;
      layOutRow(batch, prepareRow(row, opened, ctx));
      // Parsing runs from buffered data without returning to the event loop; let the replies of the batch being
      // written in through now and then, or each of its statements waits for the parser.
      if (batch.rows % 16 === 0) await yieldToEventLoop();
      if (batch.rows >= batchSize) {
        await flush();
        if (options.signal?.aborted) {
          await writing;
          return (await getImport(db, importId))!;
        }
      }
    }
    if (batch.rows) await flush();
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
